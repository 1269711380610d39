// Verification results as text (CLI), JSON (the versioned contract) and Markdown (the editor's report). Pure.
import * as path from 'node:path';
import type { VerifyResult, VerifyRun, VerifyStep } from './types';

export function formatVerifyJson(run: VerifyRun, cwd: string): string {
  const results = run.results.map((r) => ({
    source: path.relative(cwd, r.source) || r.source,
    migration: r.migration,
    ok: r.ok,
    steps: r.steps.map((s) => ({
      phase: s.phase,
      ...(s.statement !== undefined ? { statement: s.statement } : {}),
      locks: s.locks,
      ...(s.rewrite !== undefined ? { rewrite: s.rewrite } : {}),
      ...(s.algorithm ? { algorithm: s.algorithm } : {}),
      ...(s.locksNotMeasured ? { locksNotMeasured: s.locksNotMeasured } : {}),
      ms: s.ms,
      ...(s.error ? { error: s.error } : {}),
    })),
    differences: r.differences,
    ...(r.error ? { error: r.error } : {}),
  }));
  return JSON.stringify({ version: 1, results, histories: run.histories.map((h) => ({ ...h, folder: path.relative(cwd, h.folder) || h.folder })), setupErrors: run.setupErrors }, null, 2) + '\n';
}

const short = (sql: string | undefined, max = 90) => {
  const one = (sql ?? '').replace(/\s+/g, ' ').trim();
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
};

function stepMeasure(s: VerifyStep): string {
  const parts: string[] = [];
  if (s.locks.length) parts.push(s.locks.map((l) => `${l.mode} ${l.relation}`).join(', '));
  if (s.rewrite?.length) parts.push(`rewrites ${s.rewrite.join(', ')}`);
  if (s.algorithm) parts.push(`ALGORITHM=${s.algorithm}`);
  if (s.locksNotMeasured) parts.push('locks not measured');
  return parts.join('; ');
}

export function formatVerifyText(run: VerifyRun, cwd: string): string {
  const lines: string[] = [];
  for (const h of run.histories) {
    lines.push(`${path.relative(cwd, h.folder) || '.'} on ${h.database}: replayed ${h.replay.migrations} earlier migrations in ${h.replay.ms} ms`);
    if (h.replay.failed) lines.push(`  history replay failed at ${h.replay.failed.migration}: ${h.replay.failed.error}`);
  }
  for (const r of run.results) {
    lines.push(`${r.ok ? 'verified' : 'FAILED  '} ${path.relative(cwd, r.source)} (${r.migration})`);
    if (r.error) lines.push(`  ${r.error}`);
    for (const d of r.differences) lines.push(`  ${d.phase}: ${d.message}`);
    for (const s of r.steps) {
      if (s.phase !== 'up' || !s.statement) continue;
      const m = stepMeasure(s);
      if (m) lines.push(`    ${short(s.statement, 60)} — ${m} (${s.ms} ms)`);
    }
  }
  for (const e of run.setupErrors) lines.push(`error: ${e}`);
  const ok = run.results.filter((r) => r.ok).length;
  lines.push(`${ok} verified, ${run.results.length - ok} failed`);
  return lines.join('\n') + '\n';
}

/** The editor's report: one section per migration, its steps with locks, rewrite and time, then the differences. */
export function formatVerifyMarkdown(run: VerifyRun, cwd: string): string {
  const out: string[] = ['# Safe Migrations: verification', ''];
  for (const h of run.histories) {
    out.push(`Scratch database: ${h.database} (${h.dialect}). History replayed before the first target: ${h.replay.migrations} migrations in ${h.replay.ms} ms.`, '');
    if (h.replay.failed) out.push(`**History replay failed at \`${h.replay.failed.migration}\`:** ${h.replay.failed.error}`, '');
  }
  for (const e of run.setupErrors) out.push(`**Error:** ${e}`, '');
  for (const r of run.results) out.push(...resultMarkdown(r, cwd));
  return out.join('\n') + '\n';
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function resultMarkdown(r: VerifyResult, cwd: string): string[] {
  const out = [`## ${r.ok ? '✅' : '❌'} ${r.migration}`, '', `\`${path.relative(cwd, r.source)}\``, ''];
  if (r.error) out.push(`**Not verified:** ${r.error}`, '');
  if (r.differences.length) {
    out.push('**Differences**', '');
    for (const d of r.differences) out.push(`- ${d.phase}: ${d.message}`);
    out.push('');
  }
  if (r.steps.length) {
    out.push('| phase | statement | locks | rewrite | ms |', '|---|---|---|---|---|');
    for (const s of r.steps) {
      const locks = s.locks.map((l) => `${l.mode} ${l.relation}`).join(', ') || (s.algorithm ? `ALGORITHM=${s.algorithm}` : s.locksNotMeasured ? 'not measured' : '');
      out.push(`| ${s.phase} | \`${cell(short(s.statement ?? '(no SQL sent)', 120))}\`${s.error ? ` ⚠ ${cell(s.error)}` : ''} | ${cell(locks)} | ${s.rewrite?.length ? cell(s.rewrite.join(', ')) : ''} | ${s.ms} |`);
    }
    out.push('');
  }
  return out;
}

// The labelled real-world suite (issue 7, item 8): real migrations from permissively licensed
// projects in test/realworld/<owner>__<repo>/, each labelled in test/realworld/labels.json with the
// findings a senior reviewer would act on (`expect`) and those acceptable either way (`allow`).
// This module runs the engine the way the CLI does (checkPaths on each project folder, default
// config, hint-level findings left out like `safe-migrations check` without --hints) and scores it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkPaths } from '../../../server/src/engine/inspect';

export const REALWORLD = path.join(__dirname, '..', '..', 'realworld');

export interface LabelEntry { rule: string; line?: number; why: string }
export interface FileLabel { orm: string; dialect: string; expect: LabelEntry[]; allow: LabelEntry[] }
export interface Labels { files: Record<string, FileLabel> }

export interface ScoredFinding { file: string; line: number; rule: string; message: string; severity: string }
export type Verdict = 'expect' | 'allow' | 'unexpected';

export interface FileRead { file: string; read: boolean; orm?: string; dialect?: string; labelOrm: string; labelDialect: string }

export interface Score {
  files: FileRead[];
  findings: (ScoredFinding & { verdict: Verdict; why?: string })[];
  misses: (LabelEntry & { file: string })[];
  expectTotal: number;
  expectMatched: number;
  /** Findings whose file is not a labelled migration (configs, helpers, unlabelled files). */
  outside: ScoredFinding[];
}

export function loadLabels(root = REALWORLD): Labels {
  return JSON.parse(fs.readFileSync(path.join(root, 'labels.json'), 'utf8')) as Labels;
}


/** Runs the engine on every project folder that holds a labelled file and matches its findings to the labels. */
/** `root`: the folder the labelled project folders and labels.json are in (test/realworld, or the held-out set). */
export async function scoreRealWorld(labels: Labels = loadLabels(), root = REALWORLD): Promise<Score> {
  const rel = (abs: string): string => path.relative(root, abs).split(path.sep).join('/');
  const projects = [...new Set(Object.keys(labels.files).map((f) => f.split('/')[0]))].sort();
  const models = new Map<string, { orm: string; dialect: string; migrations: number }>();
  const raw: ScoredFinding[] = [];
  for (const project of projects) {
    const result = await checkPaths([path.join(root, project)], { config: {} });
    for (const m of result.files) models.set(rel(m.path), { orm: m.orm, dialect: m.dialect, migrations: m.migrations.length });
    for (const f of result.findings) {
      if (f.severity === 'hint') continue; // `safe-migrations check` shows hints only with --hints
      raw.push({ file: rel(f.path), line: f.range.start.line + 1, rule: f.rule, message: f.message, severity: f.severity });
    }
  }

  const files: FileRead[] = Object.entries(labels.files).map(([file, label]) => {
    const m = models.get(file);
    return { file, read: !!m && m.migrations > 0, orm: m?.orm, dialect: m?.dialect, labelOrm: label.orm, labelDialect: label.dialect };
  });

  raw.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule));
  const used = new Set<LabelEntry>();
  const findings: Score['findings'] = [];
  const outside: ScoredFinding[] = [];
  for (const f of raw) {
    const label = labels.files[f.file];
    if (!label) { outside.push(f); findings.push({ ...f, verdict: 'unexpected' }); continue; }
    // Expected findings match one to one (the closest unmatched line within ±1); a second finding of
    // the same rule on the same statement is not a second true finding.
    const expect = label.expect
      .filter((e) => !used.has(e) && e.rule === f.rule && e.line !== undefined && Math.abs(e.line - f.line) <= 1)
      .sort((a, b) => Math.abs((a.line ?? 0) - f.line) - Math.abs((b.line ?? 0) - f.line))[0];
    if (expect) { used.add(expect); findings.push({ ...f, verdict: 'expect', why: expect.why }); continue; }
    // An allowed finding with a line is also one to one (a duplicate on that statement is noise); an
    // allowed rule without a line accepts that rule anywhere in the file.
    const allow = label.allow.find((a) => a.rule === f.rule && a.line !== undefined && !used.has(a) && Math.abs(a.line - f.line) <= 1)
      ?? label.allow.find((a) => a.rule === f.rule && a.line === undefined);
    if (allow) { if (allow.line !== undefined) used.add(allow); findings.push({ ...f, verdict: 'allow', why: allow.why }); continue; }
    findings.push({ ...f, verdict: 'unexpected' });
  }
  const misses: Score['misses'] = [];
  let expectTotal = 0;
  for (const [file, label] of Object.entries(labels.files)) {
    for (const e of label.expect) {
      expectTotal++;
      if (!used.has(e)) misses.push({ file, ...e });
    }
  }
  return { files, findings, misses, expectTotal, expectMatched: expectTotal - misses.length, outside };
}

export interface Summary {
  files: number; read: number; rightDialect: number;
  recall: number; precision: number; findings: number; perFile: number;
}

export function summarize(score: Score): Summary {
  const good = score.findings.filter((f) => f.verdict !== 'unexpected').length;
  return {
    files: score.files.length,
    read: score.files.filter((f) => f.read).length,
    rightDialect: score.files.filter((f) => f.read && f.dialect === f.labelDialect).length,
    recall: score.expectTotal ? score.expectMatched / score.expectTotal : 1,
    precision: score.findings.length ? good / score.findings.length : 1,
    findings: score.findings.length,
    perFile: score.files.length ? score.findings.length / score.files.length : 0,
  };
}

const pct = (x: number): string => x.toFixed(3);

export function summaryLine(score: Score): string {
  const s = summarize(score);
  return `real-world suite: ${s.files} labelled files, ${s.read} read as migrations, ${s.rightDialect} with the labelled dialect; `
    + `recall ${pct(s.recall)} (${score.expectMatched}/${score.expectTotal}), precision ${pct(s.precision)} `
    + `(${s.findings - score.findings.filter((f) => f.verdict === 'unexpected').length}/${s.findings}), ${s.perFile.toFixed(2)} findings per file`;
}

/** The per-rule and per-file tables printed by scripts/realworld-report.mjs (REALWORLD_REPORT=1). */
export function reportText(score: Score): string {
  const out: string[] = [summaryLine(score), ''];
  const rules = new Map<string, { expect: number; allow: number; unexpected: number; missed: number }>();
  const row = (r: string) => { let x = rules.get(r); if (!x) rules.set(r, x = { expect: 0, allow: 0, unexpected: 0, missed: 0 }); return x; };
  for (const f of score.findings) row(f.rule)[f.verdict]++;
  for (const m of score.misses) row(m.rule).missed++;
  out.push('per rule                                  expect  allow  unexpected  missed');
  for (const [r, x] of [...rules].sort((a, b) => b[1].unexpected - a[1].unexpected || b[1].missed - a[1].missed || a[0].localeCompare(b[0]))) {
    out.push(`  ${r.padEnd(40)} ${String(x.expect).padStart(6)} ${String(x.allow).padStart(6)} ${String(x.unexpected).padStart(11)} ${String(x.missed).padStart(7)}`);
  }
  out.push('', 'per file                                                                                   findings  expect  allow  unexpected  missed  read as');
  for (const f of score.files) {
    const mine = score.findings.filter((x) => x.file === f.file);
    const n = (v: Verdict) => mine.filter((x) => x.verdict === v).length;
    const missed = score.misses.filter((m) => m.file === f.file).length;
    const readAs = f.read ? `${f.orm}/${f.dialect}${f.dialect === f.labelDialect ? '' : ` (labelled ${f.labelDialect})`}` : 'NOT READ';
    out.push(`  ${f.file.padEnd(90)} ${String(mine.length).padStart(8)} ${String(n('expect')).padStart(7)} ${String(n('allow')).padStart(6)} ${String(n('unexpected')).padStart(11)} ${String(missed).padStart(7)}  ${readAs}`);
  }
  if (score.outside.length) {
    out.push('', 'findings on files that are not labelled migrations');
    for (const f of score.outside) out.push(`  ${f.file}:${f.line} ${f.rule} ${f.message}`);
  }
  out.push('', problemsText(score));
  return out.join('\n');
}

/** Files misread, misses and unexpected findings, one per line (the failure message). */
export function problemsText(score: Score): string {
  const out: string[] = [];
  const misread = score.files.filter((f) => !f.read || f.dialect !== f.labelDialect);
  if (misread.length) {
    out.push(`files not read with their labelled dialect (${misread.length}):`);
    for (const f of misread) out.push(`  ${f.file}: ${f.read ? `read as ${f.orm}/${f.dialect}` : 'not read as a migration'}, labelled ${f.labelOrm}/${f.labelDialect}`);
  }
  if (score.misses.length) {
    out.push(`misses (${score.misses.length}):`);
    for (const m of score.misses) out.push(`  ${m.file}:${m.line} ${m.rule} — ${m.why}`);
  }
  const unexpected = score.findings.filter((f) => f.verdict === 'unexpected');
  if (unexpected.length) {
    out.push(`unexpected findings (${unexpected.length}):`);
    for (const f of unexpected) out.push(`  ${f.file}:${f.line} ${f.rule} ${f.message}`);
  }
  return out.join('\n');
}

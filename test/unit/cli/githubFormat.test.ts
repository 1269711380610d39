// `check --format github`: one workflow annotation per finding, the same findings as --format json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import { formatCheckGithub } from '../../../server/src/cli/format/githubFormat';
import type { PathFinding } from '../../../server/src/cli/format/checkFormat';

const PROJECTS = path.join(__dirname, '..', '..', 'fixtures', 'projects');

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runCli(args, { stdout: (s) => { out += s; }, stderr: () => {}, cwd: PROJECTS });
  return { code, out };
}

test('check --format github annotates every finding --format json reports, at the same 1-based place', async () => {
  const json = JSON.parse((await cli('check', 'typeorm-postgres', '--format', 'json', '--fail-on', 'never')).out);
  const { code, out } = await cli('check', 'typeorm-postgres', '--format', 'github', '--fail-on', 'never');
  assert.equal(code, 0);
  const lines = out.trimEnd().split('\n');
  assert.ok(json.findings.length > 0);
  assert.equal(lines.length, json.findings.length);
  const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };
  json.findings.forEach((f: { path: string; rule: string; severity: string; range: { start: { line: number; character: number } } }, i: number) => {
    const m = /^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=\d+,endColumn=\d+,title=safe-migrations%3A ([\w-]+)::.+$/.exec(lines[i]);
    assert.ok(m, lines[i]);
    assert.deepEqual([m[1], m[2], Number(m[3]), Number(m[4]), m[5]], [LEVEL[f.severity], f.path, f.range.start.line + 1, f.range.start.character + 1, f.rule]);
  });
});

test('github annotations escape newlines, percent signs, and commas and colons in properties', () => {
  const finding = {
    path: path.join('/repo', 'db', 'a,b:c.sql'), rule: 'drop-column', severity: 'error', message: '100% gone\nfor good',
    range: { start: { line: 0, character: 0 }, end: { line: 1, character: 4 } }, migration: 'm', phase: 'up',
  } as unknown as PathFinding;
  assert.equal(formatCheckGithub([finding], '/repo'),
    '::error file=db/a%2Cb%3Ac.sql,line=1,col=1,endLine=2,endColumn=5,title=safe-migrations%3A drop-column::100%25 gone%0Afor good (m up)\n');
});

// Where the editor puts a verification's failures (pure): on the statement that caused them, in the file the
// phase lives in (a Prisma down in down.sql), else on the phase's first line; never a password.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { verifyDiagnostics } from '../../../server/src/lsp/verifyRequests';
import type { VerifyResult, VerifyRun } from '../../../server/src/verify/types';

const at = (line: number, character = 0) => ({ line, character });
const result = (r: Partial<VerifyResult>): VerifyResult => ({ source: '/p/m/migration.sql', migration: 'm', ok: false, steps: [], differences: [], ...r });
const run = (results: VerifyResult[], extra: Partial<VerifyRun> = {}): VerifyRun => ({ version: 1, results, histories: [], setupErrors: [], ...extra });

const TEXTS: Record<string, string> = {
  '/p/m/migration.sql': '-- CreateIndex\nCREATE INDEX "i" ON "t"("a");\n',
  '/p/m/down.sql': '-- DropTable\nDROP TABLE "x";\nSELECT 1;\n',
  '/p/1700-Add.ts': 'export class Add {\n  async up(q) {\n    await q.query(`ALTER TABLE t ADD c int`);\n  }\n  async down(q) {\n    await q.query("SELECT 1");\n  }\n}\n',
};

test('a down difference sits on its statement in down.sql; the re-run failure on the up statement in migration.sql', () => {
  const files = verifyDiagnostics(run([result({
    downPath: '/p/m/down.sql', upRange: { start: at(0), end: at(2) }, downRange: { start: at(0), end: at(3) },
    steps: [{ phase: 'up', statement: 'CREATE INDEX "i" ON "t"("a");', locks: [], ms: 1 }, { phase: 'down', statement: 'SELECT 1;', locks: [], ms: 1 }, { phase: 'reup', statement: 'CREATE INDEX "i" ON "t"("a");', locks: [], ms: 1, error: 'exists' }],
    differences: [
      { kind: 'schema', phase: 'down', message: 'index i (on t) is left behind by down', step: 1 },
      { kind: 'rerun', phase: 'reup', message: 'up fails on the second run (after its down): exists', step: 2 },
    ],
  })]), (f) => TEXTS[f]);
  const byFile = Object.fromEntries(files.map((f) => [f.path, f.diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.severity, d.source, d.message])]));
  assert.deepEqual(byFile, {
    '/p/m/migration.sql': [[1, 0, 29, DiagnosticSeverity.Error, 'safe-migrations verify', 'Verify (up again after down): up fails on the second run (after its down): exists']],
    '/p/m/down.sql': [[2, 0, 9, DiagnosticSeverity.Error, 'safe-migrations verify', 'Verify (down): index i (on t) is left behind by down']],
  });
});

test('SQL an ORM generated is not in the file: the phase\'s first line; a down\'s lock disagreement is a warning', () => {
  const [file] = verifyDiagnostics(run([result({
    source: '/p/1700-Add.ts', upRange: { start: at(1, 2), end: at(3, 3) }, downRange: { start: at(4, 2), end: at(6, 3) },
    steps: [{ phase: 'down', statement: 'ALTER TABLE "t" DROP COLUMN "c"', locks: [], ms: 1 }],
    differences: [{ kind: 'lock', phase: 'down', message: 'takes AccessExclusiveLock on t', step: 0 }],
  })]), (f) => TEXTS[f]);
  assert.deepEqual(file.diagnostics.map((d) => [d.range.start, d.range.end, d.severity]), [[at(4, 2), at(4, 2), DiagnosticSeverity.Warning]]);
});

test('a failed history replay names the migration it failed at; a result skipped after an earlier failure says nothing', () => {
  const files = verifyDiagnostics(run([
    result({ source: '/p/a.sql', error: 'history replay failed at 001 (001.sql): relation "x" does not exist' }),
    result({ source: '/p/b.sql', error: 'not verified: a failed before it', skipped: true }),
  ], { histories: [{ folder: '/p', database: 'PGlite (in process)', dialect: 'postgres', replay: { migrations: 0, ms: 0, failed: { source: '/p/001.sql', migration: '001', error: 'relation "x" does not exist' } } }] }), (f) => TEXTS[f]);
  const messages = Object.fromEntries(files.map((f) => [f.path, f.diagnostics.map((d) => d.message)]));
  assert.deepEqual(messages, {
    '/p/a.sql': ['Not verified: history replay failed at 001 (001.sql): relation "x" does not exist'],
    '/p/b.sql': [],
    '/p/001.sql': ['History replay failed here on PGlite (in process): relation "x" does not exist'],
  });
});

test('a URL with a password in an error is redacted', () => {
  const [file] = verifyDiagnostics(run([result({ error: 'cannot connect to postgres://app:hunter2@db/app' })]), () => undefined);
  assert.deepEqual(file.diagnostics.map((d) => d.message), ['Not verified: cannot connect to postgres://app:***@db/app']);
});

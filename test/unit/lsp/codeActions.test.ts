import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CodeActionParams, Diagnostic } from 'vscode-languageserver';
import { codeActions, safeEdits } from '../../../server/src/lsp/codeActions';
import { toDiagnostics } from '../../../server/src/lsp/diagnostics';
import type { Analysis } from '../../../server/src/lsp/documentAnalysis';
import type { Finding } from '../../../server/src/model/finding';
import { LineIndex } from '../../../server/src/model/text';
import { DEFAULT_CONFIG } from '../../../server/src/config/types';

const text = 'CREATE INDEX i ON t (c);\nALTER TABLE t ADD COLUMN d int NOT NULL;\n';
const lines = new LineIndex(text);
const path = '/work/p/migrations/001.sql';

function finding(rule: string, needle: string, fixes: Finding['fixes'] = []): Finding {
  const start = text.indexOf(needle);
  const end = start + needle.length;
  return { rule, severity: 'warning', message: `${rule} here`, range: lines.range(start, end), offset: { start, end }, migration: '001', phase: 'up', fixes };
}

const concurrently = finding('create-index-non-concurrently', 'CREATE INDEX i ON t (c)', [
  { title: 'Use CREATE INDEX CONCURRENTLY', safe: true, edits: [{ start: 6, end: 6, newText: ' CONCURRENTLY' }] },
]);
const notNull = finding('add-column-not-null', 'ADD COLUMN d int NOT NULL', [
  { title: 'Add as nullable', safe: false, edits: [{ start: text.indexOf(' NOT NULL'), end: text.indexOf(' NOT NULL') + 9, newText: '' }] },
  { title: 'Write a follow-up migration', safe: true, edits: [], createFiles: [{ path: '002_backfill.sql', text: 'UPDATE t SET d = 0;\n' }] },
]);

const analysis: Analysis = {
  uri: 'file:///work/p/migrations/001.sql', version: 3, path, text, config: DEFAULT_CONFIG,
  model: { path, orm: 'sql', dialect: 'postgres', dialectInfo: { dialect: 'postgres', source: 'project', reason: 'test' }, migrations: [], problems: [{ code: 'sql-syntax', severity: 'error', message: 'syntax error', range: lines.range(0, 1) }] },
  findings: [concurrently, notNull],
};

function params(diagnostics: Diagnostic[], only?: string[]): CodeActionParams {
  return { textDocument: { uri: analysis.uri }, range: diagnostics[0]?.range ?? lines.range(0, 0), context: { diagnostics, only } };
}

test('diagnostics: reader problems keep their code, findings carry the rule id and data for code actions', () => {
  const diags = toDiagnostics(analysis);
  assert.deepEqual(diags.map((d) => [d.source, d.code, d.severity]), [['safe-migrations', 'sql-syntax', 1], ['safe-migrations', 'create-index-non-concurrently', 2], ['safe-migrations', 'add-column-not-null', 2]]);
  assert.deepEqual(diags[1].data, { rule: 'create-index-non-concurrently', start: 0, end: 23 });
});

test('quick fixes: each fix, then ignore on this line / in this file', () => {
  const [, d1] = toDiagnostics(analysis);
  const actions = codeActions(analysis, params([d1]), true);
  assert.deepEqual(actions.map((a) => a.title), ['Use CREATE INDEX CONCURRENTLY', 'Ignore create-index-non-concurrently on this line', 'Ignore create-index-non-concurrently in this file']);
  assert.equal(actions[0].isPreferred, true);
  assert.deepEqual(actions[0].edit?.changes?.[analysis.uri], [{ range: lines.range(6, 6), newText: ' CONCURRENTLY' }]);
  assert.deepEqual(actions[1].edit?.changes?.[analysis.uri], [{ range: lines.range(0, 0), newText: '-- safe-migrations-ignore create-index-non-concurrently\n' }]);
});

test('a fix that creates a file becomes a create + insert, and is left out when the client cannot create files', () => {
  const [, , d2] = toDiagnostics(analysis);
  const withCreate = codeActions(analysis, params([d2]), true);
  const follow = withCreate.find((a) => a.title === 'Write a follow-up migration');
  assert.deepEqual(follow?.edit?.documentChanges?.[0], { kind: 'create', uri: 'file:///work/p/migrations/002_backfill.sql', options: { overwrite: false, ignoreIfExists: false } });
  assert.ok(!codeActions(analysis, params([d2]), false).some((a) => a.title === 'Write a follow-up migration'));
});

test('source.fixAll applies only safe in-file fixes; quick fixes are not offered for it', () => {
  const actions = codeActions(analysis, params([], ['source.fixAll']), true);
  assert.equal(actions.length, 1);
  assert.equal(actions[0].kind, 'source.fixAll.safe-migrations');
  assert.deepEqual(actions[0].edit?.changes?.[analysis.uri], [{ range: lines.range(6, 6), newText: ' CONCURRENTLY' }]);
});

test('safeEdits drops a fix that overlaps an earlier one', () => {
  const a = finding('r1', 'CREATE INDEX', [{ title: 'a', safe: true, edits: [{ start: 0, end: 12, newText: 'X' }] }]);
  const b = finding('r2', 'INDEX i', [{ title: 'b', safe: true, edits: [{ start: 7, end: 14, newText: 'Y' }] }]);
  assert.deepEqual(safeEdits([b, a]), [{ start: 0, end: 12, newText: 'X' }]);
});

test('a skipped (huge) document gives exactly one info diagnostic', () => {
  const diags = toDiagnostics({ ...analysis, skipped: 'too big' });
  assert.deepEqual(diags.map((d) => [d.code, d.severity, d.message]), [['analysis-skipped', 3, 'too big']]);
});

test('real fixes come first (the first of each finding preferred), then one ignore per rule and line, then per rule for the file', () => {
  const twoOnOneLine = 'ALTER TABLE t ADD COLUMN a int, ADD COLUMN b int;\n';
  const l = new LineIndex(twoOnOneLine);
  const at = (needle: string, fixes: Finding['fixes'] = []): Finding => {
    const start = twoOnOneLine.indexOf(needle);
    return { rule: 'r', severity: 'warning', message: 'r', range: l.range(start, start + needle.length), offset: { start, end: start + needle.length }, migration: '001', phase: 'up', fixes };
  };
  const a = at('ADD COLUMN a int', [{ title: 'Fix a', safe: false, edits: [{ start: 0, end: 0, newText: '' }] }]);
  const b = at('ADD COLUMN b int', [{ title: 'Fix b', safe: false, edits: [{ start: 0, end: 0, newText: '' }] }]);
  const doc: Analysis = { ...analysis, text: twoOnOneLine, findings: [a, b] };
  const diags = toDiagnostics(doc).filter((d) => d.code === 'r');
  const titles = codeActions(doc, params(diags), true).map((x) => [x.title, x.isPreferred ?? false]);
  assert.deepEqual(titles, [['Fix a', true], ['Fix b', true], ['Ignore r on this line', false], ['Ignore r in this file', false]]);
});

test('"Add idempotency guards" on missing-idempotency-guard: this step, and the whole file; fix-all guards the file once', () => {
  const sql = 'ALTER TABLE t ADD COLUMN a int;\nALTER TABLE t ADD COLUMN b int;\nALTER TABLE t ADD COLUMN c int;\n';
  const sl = new LineIndex(sql);
  const op = (needle: string) => {
    const start = sql.indexOf(needle);
    return { kind: 'addColumn' as const, table: 't', column: needle.split(' ')[5], guarded: false, range: sl.range(start, start + needle.length), offset: { start, end: start + needle.length }, via: 'sql' as const, text: needle };
  };
  const ops = ['ALTER TABLE t ADD COLUMN a int', 'ALTER TABLE t ADD COLUMN b int', 'ALTER TABLE t ADD COLUMN c int'].map(op);
  const model = { ...analysis.model, migrations: [{ name: '001', orm: 'sql' as const, dialect: 'postgres' as const, transactional: null, up: ops, down: [], hasDown: false, range: sl.range(0, sql.length) }] };
  const ruleFix = { title: 'Add IF [NOT] EXISTS to the 2 unguarded statements', safe: true, edits: [{ start: 13, end: 13, newText: ' IF NOT EXISTS' }] };
  const finding: Finding = { rule: 'missing-idempotency-guard', severity: 'warning', message: 'm', range: ops[0].range, offset: ops[0].offset, migration: '001', phase: 'up', fixes: [ruleFix] };
  const doc: Analysis = { ...analysis, text: sql, model, findings: [finding] };
  const actions = codeActions(doc, params(toDiagnostics(doc).filter((d) => d.code === 'missing-idempotency-guard')), true);
  assert.deepEqual(actions.map((x) => x.title).slice(0, 2), ['Add an idempotency guard to this step', 'Add idempotency guards to the 3 unguarded steps of this file']);
  const all = codeActions(doc, params([], ['source.fixAll']), true)[0];
  const edits = all.edit?.changes?.[doc.uri] ?? [];
  assert.equal(edits.length, 3);
  assert.ok(edits.every((e) => e.newText === ' IF NOT EXISTS'));
});

test('safeEdits never applies two inserts at the same spot', () => {
  const one = { fixes: [{ title: 'a', safe: true, edits: [{ start: 5, end: 5, newText: ' IF NOT EXISTS' }] }] };
  const two = { fixes: [{ title: 'b', safe: true, edits: [{ start: 5, end: 5, newText: ' IF NOT EXISTS' }] }] };
  assert.equal(safeEdits([one, two]).length, 1);
});

test('the cursor on an unguarded step offers its guard as a rewrite, without a diagnostic', () => {
  const sql = 'CREATE TABLE t (id int);\n';
  const sl = new LineIndex(sql);
  const op = { kind: 'createTable' as const, table: 't', guarded: false, range: sl.range(0, 23), offset: { start: 0, end: 23 }, via: 'sql' as const, text: 'CREATE TABLE t (id int)' };
  const model = { ...analysis.model, migrations: [{ name: '001', orm: 'sql' as const, dialect: 'postgres' as const, transactional: null, up: [op], down: [], hasDown: false, range: sl.range(0, sql.length) }] };
  const doc: Analysis = { ...analysis, text: sql, model, findings: [] };
  const actions = codeActions(doc, { textDocument: { uri: doc.uri }, range: sl.range(3, 3), context: { diagnostics: [] } }, true);
  assert.deepEqual(actions.map((x) => [x.title, x.kind]), [['Add an idempotency guard to this step', 'refactor.rewrite']]);
  assert.deepEqual(actions[0].edit?.changes?.[doc.uri], [{ range: sl.range(12, 12), newText: ' IF NOT EXISTS' }]);
});

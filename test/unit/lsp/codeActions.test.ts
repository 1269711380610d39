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
  assert.deepEqual(follow?.edit?.documentChanges?.[0], { kind: 'create', uri: 'file:///work/p/migrations/002_backfill.sql', options: { ignoreIfExists: true } });
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

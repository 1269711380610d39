import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ignoreFileEdit, ignoreLineEdit } from '../../../server/src/lsp/ignoreComments';
import { isIgnored, parseIgnoreDirectives } from '../../../server/src/rules/ignoreComments';
import { LineIndex } from '../../../server/src/model/text';

function apply(text: string, e: { start: number; end: number; newText: string }): string {
  return text.slice(0, e.start) + e.newText + text.slice(e.end);
}

test('TypeORM: a one-line queryRunner.query gets a // comment above, same indentation', () => {
  const text = 'class M {\n    async up(q) {\n        await q.query(`CREATE INDEX i ON t (c)`);\n    }\n}\n';
  const at = text.indexOf('CREATE');
  const out = apply(text, ignoreLineEdit('/p/1-M.ts', text, at, 'create-index-non-concurrently'));
  assert.equal(out.split('\n')[2], '        // safe-migrations-ignore create-index-non-concurrently');
  assert.equal(out.split('\n')[3], '        await q.query(`CREATE INDEX i ON t (c)`);');
});

test('TypeORM: a finding inside a multi-line SQL template gets an SQL comment, keeping the string valid', () => {
  const text = 'async function up(q) {\n  await q.query(`\n    ALTER TABLE t\n      ALTER COLUMN c SET NOT NULL`);\n}\n';
  const at = text.indexOf('ALTER COLUMN');
  const out = apply(text, ignoreLineEdit('/p/m.js', text, at, 'set-not-null'));
  assert.equal(out.split('\n')[3], '      -- safe-migrations-ignore set-not-null');
});

test('Sequelize: a finding on a line inside call arguments gets a // comment', () => {
  const text = "module.exports = {\n  async up(qi, S) {\n    await qi.addColumn('users', 'age', {\n      type: S.INTEGER,\n      allowNull: false,\n    });\n  },\n};\n";
  const at = text.indexOf('allowNull');
  const out = apply(text, ignoreLineEdit('/p/2024-add.js', text, at, 'add-column-not-null'));
  assert.equal(out.split('\n')[4], '      // safe-migrations-ignore add-column-not-null');
});

test('SQL: -- comment above the statement line; CRLF kept', () => {
  const text = 'SELECT 1;\r\n  DROP TABLE users;\r\n';
  const out = apply(text, ignoreLineEdit('/p/x.sql', text, text.indexOf('DROP'), 'drop-table'));
  assert.equal(out, 'SELECT 1;\r\n  -- safe-migrations-ignore drop-table\r\n  DROP TABLE users;\r\n');
});

test('ignore in this file: first line, after a shebang', () => {
  assert.equal(apply('DROP TABLE t;\n', ignoreFileEdit('/p/a.sql', 'DROP TABLE t;\n', 'drop-table')), '-- safe-migrations-ignore-file drop-table\nDROP TABLE t;\n');
  const js = '#!/usr/bin/env node\nmodule.exports = {};\n';
  assert.equal(apply(js, ignoreFileEdit('/p/a.js', js, 'drop-table')), '#!/usr/bin/env node\n// safe-migrations-ignore-file drop-table\nmodule.exports = {};\n');
});

test('a reason after `--` is for the reader, not more rule ids', () => {
  const text = "// safe-migrations-ignore drop-column -- column unused since v2, see PR 41\n-- safe-migrations-ignore-file prefer-text-field -- legacy schema\n";
  const d = parseIgnoreDirectives(text, new LineIndex(text));
  assert.deepEqual([...d.lines.get(0)!], ['drop-column']);
  assert.deepEqual([...d.file], ['prefer-text-field']);
  assert.ok(isIgnored(d, 'drop-column', 1));
  assert.ok(!isIgnored(d, 'unused', 1));
});

// The scaffolding commands' words and input checks (pure; the flow itself runs in the e2e suite).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { catalogDefault, checkParamInput, confirmDetail, confirmMessage, defaultFor, targetLabel } from '../../../client/src/scaffoldText';
import type { ParamSpec } from '../../../server/src/patterns/types';

const spec = (kind: ParamSpec['kind'], extra: Partial<ParamSpec> = {}): ParamSpec => ({ name: kind, kind, prompt: 'Value', required: true, ...extra });

test('the confirmation names the file count and the folder', () => {
  assert.equal(confirmMessage(1, 'src/migrations'), 'Create 1 file in src/migrations?');
  assert.equal(confirmMessage(5, 'src/migrations'), 'Create 5 files in src/migrations?');
  assert.equal(confirmDetail(['/w/m/1-A.ts', '/w/m/2-B.ts'], '/w/m', ['run in order']), '• 1-A.ts\n• 2-B.ts\n\nrun in order');
});

test('targets read as ORM · dialect with the folder relative to the workspace', () => {
  assert.deepEqual(targetLabel({ projectRoot: '/w', orm: 'sequelize', dialect: 'mariadb', dir: '/w/db/migrations', reason: '.sequelizerc' }, '/w'),
    { label: 'Sequelize · MariaDB', description: 'db/migrations', detail: '.sequelizerc' });
  assert.equal(targetLabel({ projectRoot: '/w', orm: 'prisma', dir: '/w/prisma/migrations' }).label, 'Prisma · dialect unknown');
});

test('defaults use the answers so far', () => {
  assert.equal(defaultFor(spec('newName', { default: '{table}_{column}_idx' }), { table: 'orders', column: 'user_id' }), 'orders_user_id_idx');
  assert.equal(defaultFor(spec('newName', { default: '{table}_{column}_idx' }), { table: 'orders' }), 'orders_{column}_idx');
  assert.equal(defaultFor(spec('table'), {}), undefined);
});

test('input checks by parameter kind', () => {
  assert.equal(checkParamInput(spec('table'), 'orders', 'postgres'), undefined);
  assert.match(checkParamInput(spec('table'), '', 'postgres')!, /required/);
  assert.equal(checkParamInput(spec('table', { required: false }), '', 'postgres'), undefined);
  assert.equal(checkParamInput(spec('number', { default: '1000' }), '', 'postgres'), undefined, 'empty takes the default');
  assert.match(checkParamInput(spec('table'), 'x'.repeat(64), 'postgres')!, /63 bytes/);
  assert.equal(checkParamInput(spec('table'), 'x'.repeat(64), 'mysql'), undefined);
  assert.match(checkParamInput(spec('column'), 'a b', 'postgres')!, /plain name/);
  assert.match(checkParamInput(spec('number'), '0', 'postgres')!, /positive/);
  assert.equal(checkParamInput(spec('number'), '500', 'postgres'), undefined);
  assert.match(checkParamInput(spec('columns'), 'a,,b', 'postgres')!, /commas/);
  assert.equal(checkParamInput(spec('columns'), 'a, b', 'postgres'), undefined);
  assert.match(checkParamInput(spec('expression'), 'x; drop table t', 'postgres')!, /;/);
  assert.equal(checkParamInput(spec('type'), 'numeric(10,2)', 'postgres'), undefined);
});

test('the catalogue pre-fills the existing column\'s type and nullability, never a new column\'s', () => {
  const p = (...params: [string, ParamSpec['kind']][]) => ({ id: 'x', title: 'X', description: '', orms: [], dialects: [], params: params.map(([name, kind]) => spec(kind, { name })) });
  const column = { name: 'status', type: 'varchar(20)', nullable: false };
  const drop = p(['table', 'table'], ['column', 'column'], ['type', 'type'], ['nullable', 'string']);
  assert.equal(catalogDefault(drop.params[2], drop, column), 'varchar(20)');
  assert.equal(catalogDefault(drop.params[3], drop, column), 'no');
  const change = p(['table', 'table'], ['column', 'column'], ['type', 'type'], ['oldType', 'type']);
  assert.equal(catalogDefault(change.params[2], change, column), undefined, 'type is the new type here');
  assert.equal(catalogDefault(change.params[3], change, column), 'varchar(20)');
  const add = p(['table', 'table'], ['column', 'newName'], ['type', 'type']);
  assert.equal(catalogDefault(add.params[2], add, column), undefined);
  assert.equal(catalogDefault(drop.params[2], drop, { name: 'status', type: 'String' }), undefined, 'a Prisma type is not SQL');
  assert.equal(catalogDefault(drop.params[2], drop, undefined), undefined);
});

test('a value for existing rows is checked against the column type: a bare word is a column reference, not text', () => {
  const value = { name: 'default', kind: 'expression' as const, prompt: 'Value for existing rows', required: true, valueOfType: 'type' };
  assert.match(checkParamInput(value, 'UTC', 'postgres', 'text')!, /column name.*quote it: 'UTC'/);
  assert.equal(checkParamInput(value, "'UTC'", 'postgres', 'text'), undefined);
  assert.equal(checkParamInput(value, 'now()', 'postgres', 'timestamptz'), undefined);
  assert.equal(checkParamInput(value, 'CURRENT_TIMESTAMP', 'postgres', 'timestamptz'), undefined);
  assert.match(checkParamInput(value, 'zero', 'postgres', 'integer')!, /not a number/);
  assert.match(checkParamInput(value, "'abc'", 'mysql', 'int')!, /not a number/);
  assert.equal(checkParamInput(value, '0', 'mysql', 'int'), undefined);
  assert.match(checkParamInput(value, 'yes', 'postgres', 'boolean')!, /true or false/);
  assert.equal(checkParamInput(value, 'false', 'postgres', 'boolean'), undefined);
});

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readFile } from './readMigration';

// Migrations written by the real sequelize-cli (model:generate, migration:generate), read back.
const cli = path.resolve(__dirname, '../../../node_modules/sequelize-cli/lib/sequelize');
let dir = '';
const generated: Record<string, { file: string; text: string }> = {};

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-sequelize-cli-'));
  fs.mkdirSync(path.join(dir, 'models'));
  fs.mkdirSync(path.join(dir, 'migrations'));
  fs.writeFileSync(path.join(dir, 'config.json'), '{}');
  const run = (...args: string[]) => execFileSync(process.execPath, [cli, ...args, '--migrations-path', './migrations', '--models-path', './models', '--config', './config.json'], { cwd: dir, stdio: 'pipe' });
  run('model:generate', '--name', 'User', '--attributes', 'firstName:string,role:enum:{admin,user},tags:array:string,age:integer');
  run('migration:generate', '--name', 'add-age');
  for (const file of fs.readdirSync(path.join(dir, 'migrations'))) {
    generated[file.includes('create-user') ? 'model' : 'skeleton'] = { file, text: fs.readFileSync(path.join(dir, 'migrations', file), 'utf8') };
  }
});
after(() => { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

test('model:generate output: createTable with every attribute, dropTable in down', () => {
  const { file, text } = generated.model;
  const r = readFile(text, { path: `/p/migrations/${file}` });
  assert.deepEqual(r.problems, []);
  const m = r.migrations[0];
  assert.equal(m.name, file.replace(/\.js$/, ''));
  assert.match(m.timestamp ?? '', /^\d{14}$/);
  assert.deepEqual(m.up.map(o => [o.kind, o.table]), [['createTable', 'Users']]);
  assert.deepEqual(m.up[0].tableColumns?.map(c => [c.name, c.type]), [
    ['id', 'integer'], ['firstName', 'varchar(255)'], ['role', 'enum'], ['tags', 'varchar(255)[]'], ['age', 'integer'],
    ['createdAt', 'timestamp with time zone'], ['updatedAt', 'timestamp with time zone'],
  ]);
  assert.deepEqual(m.up[0].tableColumns?.[2].enumValues, ['admin', 'user']);
  assert.deepEqual(m.down.map(o => [o.kind, o.table]), [['dropTable', 'Users']]);
  assert.equal(m.hasDown, true);
});

test('migration:generate skeleton: a migration with nothing in it, and no down', () => {
  const { text } = generated.skeleton;
  const r = readFile(text);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.migrations[0].up, []);
  assert.equal(r.migrations[0].hasDown, false);
});

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { projectWithMode, readFile, readMigration } from './readTypeorm';
import { globMatches } from '../../../server/src/readers/typeorm/transactionMode';
import { initSqlParsers } from '../../../server/src/readers/sql';

before(() => initSqlParsers());

const plain = `export class Plain1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) { await queryRunner.dropColumn("a", "b"); }
  async down(queryRunner: QueryRunner) {}
}`;
const noTransaction = `export class Concurrent1700000000000 implements MigrationInterface {
  transaction = false;
  async up(queryRunner: QueryRunner) { await queryRunner.query('CREATE INDEX CONCURRENTLY "i" ON "a" ("b")'); }
  async down(queryRunner: QueryRunner) { await queryRunner.query('DROP INDEX CONCURRENTLY "i"'); }
}`;
const path = '/project/src/migrations/1700000000000-X.ts';

test('no project: TypeORM\'s default mode all, one transaction for the whole run', () => {
  const m = readMigration(plain, { path });
  assert.equal(m.transactional, true);
  assert.match(m.transactionalReason ?? '', /default migrationsTransactionMode 'all'/);
  assert.match(m.transactionalReason ?? '', /ONE transaction/);
  assert.equal(m.downTransactional, undefined);
});

test('the DataSource mode decides: each → own transaction, none → none', () => {
  const each = readMigration(plain, { path, project: projectWithMode('each') });
  assert.equal(each.transactional, true);
  assert.match(each.transactionalReason ?? '', /'each' in data-source\.ts: each migration runs in its own transaction/);
  const none = readMigration(plain, { path, project: projectWithMode('none') });
  assert.equal(none.transactional, false);
  assert.match(none.transactionalReason ?? '', /without a transaction/);
});

test('transaction = false: no transaction for up, but migration:revert still wraps down unless the mode is none', () => {
  const r = readFile(noTransaction, { path, project: projectWithMode('each') });
  const m = r.migrations[0];
  assert.equal(m.transactional, false);
  assert.equal(m.downTransactional, true);
  assert.match(m.transactionalReason ?? '', /transaction = false/);
  assert.deepEqual(r.problems, []);
  const none = readMigration(noTransaction, { path, project: projectWithMode('none') });
  assert.equal(none.downTransactional, undefined, 'same as up: no transaction');
});

test('transaction = false under mode all: TypeORM refuses to run it, reported as a warning on the property', () => {
  const r = readFile(noTransaction, { path, project: projectWithMode('all') });
  assert.equal(r.migrations[0].transactional, false);
  const p = r.problems.find((x) => x.code === 'typeorm-transaction-override');
  assert.equal(p?.severity, 'warning');
  assert.equal(p?.range.start.line, 1);
  // Without a project the same file only gets the explanation, not a warning.
  const loose = readFile(noTransaction, { path });
  assert.equal(loose.problems.length, 0);
  assert.match(loose.migrations[0].transactionalReason ?? '', /only under migrationsTransactionMode 'each' or 'none'/);
});

test('the DataSource whose migrations glob matches the file wins; compiled JS in the constructor too', () => {
  const project = projectWithMode('each', ['src/migrations/**/*.ts']);
  project.typeorm!.dataSources.push({ file: '/project/src/other-source.ts', dialect: 'postgres', migrations: ['src/other/*.ts'], migrationsTransactionMode: 'none', entities: [] });
  assert.equal(readMigration(plain, { path: '/project/src/migrations/nested/1700000000000-X.ts', project }).transactional, true);
  assert.equal(readMigration(plain, { path: '/project/src/other/1700000000000-X.ts', project }).transactional, false);
  const compiled = projectWithMode('none', ['dist/migrations/*.js']);
  compiled.typeorm!.dataSources.push({ file: '/project/src/other-source.ts', dialect: 'postgres', migrations: ['dist/other/*.js'], migrationsTransactionMode: 'each', entities: [] });
  assert.equal(readMigration(plain, { path: '/project/src/migrations/1700000000000-X.ts', project: compiled }).transactional, false, 'dist/*.js globs match the TS sources');
  const ambiguous = readMigration(plain, { path: '/elsewhere/1700000000000-X.ts', project });
  assert.equal(ambiguous.transactional, null);
  const js = readMigration(`class C1700000000000 { constructor() { this.transaction = false; } async up(queryRunner) {} async down(queryRunner) {} }
exports.C1700000000000 = C1700000000000;`, { path: '/project/src/migrations/1700000000000-C.js', project });
  assert.equal(js.transactional, false);
});

test('migrations globs: **, brace lists, paths relative to the project or absolute', () => {
  assert.equal(globMatches('src/migrations/*.{ts,js}', '/project/src/migrations/1-A.js', ['/project']), true);
  assert.equal(globMatches('src/migrations/*.{ts,js}', '/project/src/migrations/sub/1-A.js', ['/project']), false);
  assert.equal(globMatches('dist/**/migrations/*.js', '/project/dist/db/migrations/1-A.js', ['/project']), true);
  assert.equal(globMatches('./src/migrations/*.ts', '/project/src/migrations/1-A.ts', ['/project']), true);
  assert.equal(globMatches('/project/src/migrations/*.ts', '/project/src/migrations/1-A.ts', []), true);
  assert.equal(globMatches('src/migrations/*.ts', '/project/src/migrations/1-A.js', ['/project']), false);
});

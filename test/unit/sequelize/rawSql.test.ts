import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { initSqlParsers, readSql } from '../../../server/src/readers/sql/index';
import { LineIndex } from '../../../server/src/model/text';
import { readFile, readMigration } from './readMigration';

let sqlReaderReady = false;
before(async () => {
  await initSqlParsers();
  const probe = 'CREATE INDEX i ON t (a)';
  sqlReaderReady = readSql(probe, { dialect: 'postgres', lines: new LineIndex(probe) }).operations.length > 0;
});
const needsSqlReader = (t: { skip(message?: string): void }): boolean => {
  if (!sqlReaderReady) t.skip('SQL reader not landed yet');
  return sqlReaderReady;
};

const text = `const TABLE = 'users';
module.exports = {
  async up(queryInterface) {
    await queryInterface.sequelize.query('CREATE INDEX CONCURRENTLY users_email ON ' + TABLE + ' (email)');
    await queryInterface.sequelize.query(\`ALTER TABLE users ADD COLUMN age int\`, { transaction: null });
  },
  async down(queryInterface) {
    await queryInterface.sequelize.query('DROP INDEX users_email');
  }
};`;

test('SQL inside sequelize.query goes through the SQL reader with file ranges', (t) => {
  if (!needsSqlReader(t)) return;
  const m = readMigration(text);
  assert.deepEqual(m.up.map(o => [o.kind, o.via]), [['createIndex', 'sql'], ['addColumn', 'sql']]);
  assert.equal(m.up[0].concurrently, true);
  assert.equal(m.up[0].table, 'users');
  const start = text.indexOf("'CREATE INDEX") + 1;
  assert.equal(m.up[0].offset.start, start, 'the operation starts at the SQL inside the string literal');
  assert.equal(m.up[1].offset.start, text.indexOf('ALTER TABLE'));
  assert.equal(m.up[1].column, 'age');
  assert.equal(m.up[1].inTransaction, undefined, '{ transaction: null } is not a transaction');
  assert.deepEqual(m.down.map(o => o.kind), ['dropIndex']);
  assert.equal(m.up[0].details?.call, 'sequelize.query');
});

test('SQL inside a transaction callback is marked inTransaction', (t) => {
  if (!needsSqlReader(t)) return;
  const m = readMigration(`module.exports = { async up(queryInterface) {
  await queryInterface.sequelize.transaction(async (t) => {
    await queryInterface.sequelize.query('ALTER TABLE a ADD COLUMN b int', { transaction: t });
  });
}};`);
  assert.deepEqual(m.up.map(o => [o.kind, o.inTransaction]), [['addColumn', true]]);
  assert.equal(m.transactional, true);
});

test('SQL that cannot be computed becomes an unknown operation and an unresolved-sql problem', () => {
  const src = `module.exports = { async up(queryInterface) {
  const statements = await loadSql();
  await queryInterface.sequelize.query(statements.join(';'));
}};`;
  const r = readFile(src);
  const m = r.migrations[0];
  assert.equal(m.up.length, 1);
  assert.equal(m.up[0].kind, 'unknown');
  assert.match(m.up[0].reason ?? '', /^dynamic SQL: statements\.join/);
  const problem = r.problems.find(p => p.code === 'unresolved-sql');
  assert.ok(problem);
  assert.equal(problem.severity, 'info');
  const argStart = src.indexOf("statements.join(';')");
  assert.equal(problem.range.start.line, new LineIndex(src).positionAt(argStart).line);
  assert.equal(problem.range.start.character, new LineIndex(src).positionAt(argStart).character);
});

test('queryInterface.query and a local sequelize alias are raw SQL too, not unknown calls', () => {
  const m = readMigration(`module.exports = { async up(queryInterface) {
  const { sequelize } = queryInterface;
  await sequelize.query(getSql());
  await queryInterface.query(getSql());
}};`);
  assert.deepEqual(m.up.map(o => o.reason), ['dynamic SQL: getSql()', 'dynamic SQL: getSql()']);
});

test('a SELECT whose result is used is a read, not an operation', () => {
  const m = readMigration(`module.exports = { async up(queryInterface) {
  const [rows] = await queryInterface.sequelize.query('SELECT id FROM users');
  for (const row of rows) await queryInterface.bulkUpdate('users', { x: 1 }, { id: row.id });
}};`);
  assert.deepEqual(m.up.map(o => [o.kind, o.details?.inLoop]), [['update', true]]);
});

test('an unknown file dialect is learned from PostgreSQL-only SQL in sequelize.query', (t) => {
  if (!needsSqlReader(t)) return;
  const r = readFile(`module.exports = { async up(queryInterface) {
  await queryInterface.sequelize.query('CREATE INDEX CONCURRENTLY users_email ON "users" (email)');
}};`, { dialect: 'unknown' });
  assert.equal(r.dialect?.dialect, 'postgres');
  assert.equal(r.dialect?.source, 'content');
  assert.equal(r.migrations[0].dialect, 'postgres');
});

test('MySQL SQL in sequelize.query on a mysql project', (t) => {
  const probe = 'ALTER TABLE `a` ADD COLUMN `b` INT';
  if (readSql(probe, { dialect: 'mysql', lines: new LineIndex(probe) }).operations.length === 0) { t.skip('MySQL SQL reader not landed yet'); return; }
  const src = 'module.exports = { async up(queryInterface) {\n  await queryInterface.sequelize.query("ALTER TABLE `users` ADD COLUMN `age` INT NOT NULL DEFAULT 0, ALGORITHM=INSTANT");\n}};';
  const m = readMigration(src, { dialect: 'mysql' });
  assert.deepEqual(m.up.map(o => [o.kind, o.table, o.column, o.via]), [['addColumn', 'users', 'age', 'sql']]);
  assert.equal(m.up[0].algorithm, 'INSTANT');
  // The SQL reader may point at the statement or at its ADD COLUMN action; either way, inside the string literal.
  const { start, end } = m.up[0].offset;
  assert.ok(start >= src.indexOf('ALTER TABLE') && end <= src.indexOf('");'), `${start}..${end}`);
  assert.match(src.slice(start, end), /ADD COLUMN `age`/);
});

test('replacements and bind parameters are masked so the SQL parses, offsets unchanged', (t) => {
  if (!needsSqlReader(t)) return;
  const src = `module.exports = { async up(queryInterface) {
  await queryInterface.sequelize.query('UPDATE users SET role = :role WHERE id = :id AND x::text = $name', { replacements: { role: 'a', id: 1 } });
  await queryInterface.sequelize.query('DELETE FROM sessions WHERE user_id = ? AND kind = ?', { replacements: [1, 'k'] });
}};`;
  const r = readFile(src);
  assert.deepEqual(r.problems, []);
  const m = r.migrations[0];
  assert.deepEqual(m.up.map(o => [o.kind, o.table, o.hasWhere]), [['update', 'users', true], ['delete', 'sessions', true]]);
  assert.equal(m.up[0].offset.start, src.indexOf('UPDATE users'));
  assert.match(m.up[0].text, /:role/, 'the operation text is the source as written');
});

test('BEGIN and COMMIT in separate sequelize.query calls enclose what runs between them', (t) => {
  if (!needsSqlReader(t)) return;
  const m = readMigration(`module.exports = { async up(queryInterface) {
  await queryInterface.sequelize.query('BEGIN');
  await queryInterface.sequelize.query('ALTER TABLE a ADD COLUMN b int');
  await queryInterface.addIndex('a', ['b']);
  await queryInterface.sequelize.query('COMMIT');
  await queryInterface.sequelize.query('CREATE INDEX CONCURRENTLY a_c ON a (c)');
}};`);
  assert.deepEqual(m.up.map(o => [o.kind, o.transaction, o.inTransaction]), [
    ['transactionControl', 'begin', undefined],
    ['addColumn', undefined, true],
    ['createIndex', undefined, true],
    ['transactionControl', 'commit', undefined],
    ['createIndex', undefined, undefined],
  ]);
  assert.equal(m.up[2].details?.sqlTransaction, true);
  assert.equal(m.transactional, false);
});

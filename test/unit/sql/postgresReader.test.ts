import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { initSqlParsers, readSql } from '../../../server/src/readers/sql';
import { LineIndex } from '../../../server/src/model/text';
import { at, kinds, read } from './readHelpers';

before(() => initSqlParsers());

const pg = (sql: string) => read(sql, 'postgres');
const one = (sql: string) => {
  const r = pg(sql);
  assert.deepEqual(r.problems, []);
  assert.equal(r.operations.length, 1, JSON.stringify(r.operations));
  return r.operations[0];
};

test('CREATE TABLE: columns with types as written, nullability, defaults as source text, keys, identity, generated', () => {
  const [op, fk, ...rest] = read(`CREATE TABLE IF NOT EXISTS app.users (
    id bigserial PRIMARY KEY,
    email character varying(255) NOT NULL UNIQUE,
    balance numeric(10, 2) DEFAULT (0.00 + 1) * 2 NOT NULL,
    created_at timestamp with time zone DEFAULT now(),
    flags bool[] DEFAULT '{}'::boolean[],
    org_id int REFERENCES orgs (id) ON DELETE CASCADE,
    n int GENERATED ALWAYS AS IDENTITY,
    twice int GENERATED ALWAYS AS (n * 2) STORED,
    CONSTRAINT positive CHECK (balance >= 0)
  )`, 'postgres').operations;
  // The column's REFERENCES is also an addForeignKey flagged as part of the table (fk-missing-index checks it).
  assert.equal(rest.length, 0);
  assert.deepEqual([fk.kind, fk.table, fk.columns, fk.references, fk.details?.inCreateTable], ['addForeignKey', 'users', ['org_id'], { table: 'orgs', columns: ['id'] }, true]);
  assert.equal(op.kind, 'createTable');
  assert.equal(op.table, 'users');
  assert.equal(op.schema, 'app');
  assert.equal(op.guarded, true);
  assert.equal(op.ifNotExists, true);
  assert.deepEqual(op.tableColumns, [
    { name: 'id', type: 'bigserial', autoIncrement: true, primary: true },
    { name: 'email', type: 'varchar(255)', nullable: false, unique: true },
    { name: 'balance', type: 'numeric(10,2)', default: '(0.00 + 1) * 2', nullable: false },
    { name: 'created_at', type: 'timestamptz', default: 'now()' },
    { name: 'flags', type: 'boolean[]', default: "'{}'::boolean[]" },
    { name: 'org_id', type: 'integer', references: { table: 'orgs', columns: ['id'] } },
    { name: 'n', type: 'integer', generated: 'identity', autoIncrement: true },
    { name: 'twice', type: 'integer', generated: 'stored' },
  ]);
  assert.deepEqual(op.details?.constraints, [{ type: 'check', name: 'positive', expression: 'balance >= 0' }]);
});

test('table-level PRIMARY KEY marks its column', () => {
  const op = one('CREATE TABLE t (a int, b text, PRIMARY KEY (a))');
  assert.equal(op.tableColumns?.[0].primary, true);
  assert.equal(op.tableColumns?.[1].primary, undefined);
});

test('a multi-action ALTER TABLE gives one operation per action, each ranged on its own action', () => {
  const sql = `ALTER TABLE users
  ADD COLUMN IF NOT EXISTS age integer DEFAULT 0 NOT NULL,
  DROP COLUMN IF EXISTS legacy CASCADE,
  ALTER COLUMN score TYPE bigint USING score::bigint,
  ALTER COLUMN a SET NOT NULL,
  ALTER COLUMN b DROP NOT NULL,
  ALTER COLUMN c SET DEFAULT lower('X'),
  ALTER COLUMN d DROP DEFAULT,
  ADD CONSTRAINT fk_org FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE SET NULL NOT VALID,
  ADD CONSTRAINT uq_email UNIQUE USING INDEX users_email_idx,
  ADD CONSTRAINT ck CHECK (age > 0) NOT VALID,
  ADD PRIMARY KEY (id),
  ADD CONSTRAINT two UNIQUE (a, b),
  DROP CONSTRAINT IF EXISTS old_ck,
  VALIDATE CONSTRAINT fk_org`;
  const r = pg(sql);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(kinds(r), ['addColumn', 'dropColumn', 'alterColumnType', 'setNotNull', 'dropNotNull', 'setDefault', 'dropDefault',
    'addForeignKey', 'addUnique', 'addCheck', 'addPrimaryKey', 'addUnique', 'dropConstraint', 'validateConstraint']);
  const [add, drop, type, setNN, , setDef, , fk, uq, ck, pk, two, dropC, val] = r.operations;
  assert.ok(r.operations.every((o) => o.table === 'users' && o.via === 'sql'));
  assert.equal(at(sql, add), 'ADD COLUMN IF NOT EXISTS age integer DEFAULT 0 NOT NULL');
  assert.deepEqual(add.columnSpec, { name: 'age', type: 'integer', default: '0', nullable: false });
  assert.equal(add.guarded, true);
  assert.equal(add.ifNotExists, true);
  assert.equal(add.text.startsWith('ALTER TABLE users ADD COLUMN'), true, 'text is the statement');
  assert.deepEqual([drop.column, drop.ifExists, drop.cascade, drop.guarded], ['legacy', true, true, true]);
  assert.deepEqual([type.column, type.columnSpec?.type, type.expression], ['score', 'bigint', 'score::bigint']);
  assert.equal(at(sql, setNN), 'ALTER COLUMN a SET NOT NULL');
  assert.equal(setDef.columnSpec?.default, "lower('X')");
  assert.deepEqual([fk.constraint, fk.columns, fk.references, fk.notValid], ['fk_org', ['org_id'], { table: 'orgs', columns: ['id'], onDelete: 'SET NULL' }, true]);
  assert.deepEqual([uq.constraint, uq.details?.usingIndex], ['uq_email', 'users_email_idx']);
  assert.deepEqual([ck.expression, ck.notValid], ['age > 0', true]);
  assert.deepEqual(pk.columns, ['id']);
  assert.deepEqual(two.columns, ['a', 'b']);
  assert.deepEqual([dropC.constraint, dropC.ifExists], ['old_ck', true]);
  assert.equal(val.constraint, 'fk_org');
  const stmt = add.details?.statementOffset as { start: number; end: number };
  assert.equal(sql.slice(stmt.start, stmt.end), sql);
});

test('renames, partitions and ALTER TABLE IF EXISTS', () => {
  const r = pg(`ALTER TABLE a RENAME COLUMN x TO y; ALTER TABLE a RENAME TO b; ALTER TABLE b RENAME CONSTRAINT c1 TO c2;
    ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY; ALTER TABLE p ATTACH PARTITION p2 FOR VALUES IN (1);
    ALTER TABLE IF EXISTS b ADD COLUMN z int; ALTER INDEX i RENAME TO j`);
  assert.deepEqual(r.operations.map((o) => [o.kind, o.table ?? o.index, o.column ?? o.constraint, o.newName, o.statement]), [
    ['renameColumn', 'a', 'x', 'y', undefined],
    ['renameTable', 'a', undefined, 'b', undefined],
    ['rawSql', 'b', 'c1', 'c2', 'RENAME CONSTRAINT'],
    ['rawSql', 'p', undefined, undefined, 'DETACH PARTITION'],
    ['rawSql', 'p', undefined, undefined, 'ATTACH PARTITION'],
    ['addColumn', 'b', 'z', undefined, undefined],
    ['rawSql', 'i', undefined, 'j', 'RENAME INDEX'],
  ]);
  assert.equal(r.operations[3].concurrently, true);
  assert.equal(r.operations[5].guarded, true);
});

test('indexes: unique, concurrently, if not exists, method, expression columns, partial WHERE; drops', () => {
  const r = pg(`CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix ON s.t USING gin (a, lower(b)) INCLUDE (c) WHERE deleted_at IS NULL;
    CREATE INDEX ON t (a); DROP INDEX CONCURRENTLY IF EXISTS s.ix, ix2 CASCADE`);
  const [ix, anon, d1, d2] = r.operations;
  assert.deepEqual([ix.kind, ix.index, ix.table, ix.schema, ix.unique, ix.concurrently, ix.guarded, ix.ifNotExists, ix.indexMethod],
    ['createIndex', 'ix', 't', 's', true, true, true, true, 'gin']);
  assert.deepEqual(ix.columns, ['a', 'lower(b)']);
  assert.equal(ix.expression, 'deleted_at IS NULL');
  assert.deepEqual([anon.index, anon.indexMethod, anon.concurrently], [undefined, 'btree', undefined]);
  assert.deepEqual([d1.kind, d1.index, d1.schema, d1.concurrently, d1.ifExists, d1.cascade], ['dropIndex', 'ix', 's', true, true, true]);
  assert.equal(d2.index, 'ix2');
});

test('DROP TABLE of several tables gives several operations; views and materialized views', () => {
  const r = pg(`DROP TABLE IF EXISTS a, s.b CASCADE; CREATE OR REPLACE VIEW v AS SELECT 1; CREATE MATERIALIZED VIEW mv AS SELECT 1;
    DROP VIEW IF EXISTS v; DROP MATERIALIZED VIEW mv`);
  assert.deepEqual(r.operations.map((o) => [o.kind, o.table, o.schema, o.guarded]), [
    ['dropTable', 'a', undefined, true], ['dropTable', 'b', 's', true],
    ['createView', 'v', undefined, false], ['createView', 'mv', undefined, false],
    ['dropView', 'v', undefined, true], ['dropView', 'mv', undefined, false],
  ]);
  assert.equal(r.operations[3].details?.materialized, true);
});

test('enums: CREATE TYPE AS ENUM, ADD VALUE with placement, RENAME VALUE', () => {
  const r = pg(`CREATE TYPE mood AS ENUM ('sad', 'ok'); ALTER TYPE mood ADD VALUE IF NOT EXISTS 'happy' BEFORE 'ok';
    ALTER TYPE mood ADD VALUE 'meh' AFTER 'sad'; ALTER TYPE mood RENAME VALUE 'ok' TO 'fine'`);
  const [c, a1, a2, rn] = r.operations;
  assert.deepEqual([c.kind, c.table, c.enumValues], ['createEnum', 'mood', ['sad', 'ok']]);
  assert.deepEqual([a1.kind, a1.enumValues, a1.enumPosition, a1.guarded], ['alterEnum', ['happy'], 'before', true]);
  assert.deepEqual([a2.enumPosition, a2.guarded], ['after', false]);
  assert.deepEqual(rn.details?.renameValue, { from: 'ok', to: 'fine' });
});

test('data changes, transactions and settings', () => {
  const r = pg(`BEGIN; SET LOCAL lock_timeout = '2s'; SET statement_timeout TO 5000; INSERT INTO t (a) VALUES (1);
    UPDATE t SET a = 2; DELETE FROM t WHERE a = 1; SAVEPOINT sp; RELEASE SAVEPOINT sp; COMMIT; RESET lock_timeout; ROLLBACK`);
  assert.deepEqual(r.operations.map((o) => [o.kind, o.transaction ?? o.setting?.name ?? o.table, o.inTransaction ?? false]), [
    ['transactionControl', 'begin', false], ['setting', 'lock_timeout', true], ['setting', 'statement_timeout', true],
    ['insert', 't', true], ['update', 't', true], ['delete', 't', true], ['transactionControl', 'savepoint', true],
    ['transactionControl', 'release', true], ['transactionControl', 'commit', true], ['setting', 'lock_timeout', false],
    ['transactionControl', 'rollback', false],
  ]);
  assert.deepEqual(r.operations[1].setting, { name: 'lock_timeout', value: '2s', local: true });
  assert.deepEqual(r.operations[2].setting, { name: 'statement_timeout', value: '5000' });
  assert.equal(r.operations[4].hasWhere, false);
  assert.equal(r.operations[5].hasWhere, true);
});

test('inTransaction option marks every operation', () => {
  const r = read('ALTER TABLE t ADD COLUMN a int; UPDATE t SET a = 1', 'postgres', true);
  assert.ok(r.operations.every((o) => o.inTransaction === true));
});

test('maintenance and other statements become rawSql with a stable name and flags', () => {
  const r = pg(`TRUNCATE a, b CASCADE; REINDEX INDEX CONCURRENTLY ix; VACUUM FULL t; CLUSTER t USING ix;
    REFRESH MATERIALIZED VIEW CONCURRENTLY mv; CREATE EXTENSION IF NOT EXISTS pgcrypto; COMMENT ON TABLE t IS 'x';
    GRANT SELECT ON t TO u; CREATE SEQUENCE s; CREATE SCHEMA IF NOT EXISTS s2; DROP SCHEMA s3 CASCADE;
    CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();
    CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN RETURN NEW; END $fn$`);
  assert.deepEqual(r.operations.map((o) => o.statement), ['TRUNCATE', 'REINDEX', 'VACUUM', 'CLUSTER', 'REFRESH MATERIALIZED VIEW',
    'CREATE EXTENSION', 'COMMENT', 'GRANT', 'CREATE SEQUENCE', 'CREATE SCHEMA', 'DROP SCHEMA', 'CREATE TRIGGER', 'CREATE FUNCTION']);
  assert.ok(r.operations.every((o) => o.kind === 'rawSql'));
  const by = (s: string) => r.operations.find((o) => o.statement === s)!;
  assert.deepEqual([by('TRUNCATE').cascade, by('TRUNCATE').details?.tables], [true, ['a', 'b']]);
  assert.equal(by('REINDEX').concurrently, true);
  assert.equal(by('REFRESH MATERIALIZED VIEW').concurrently, true);
  assert.equal(by('CREATE EXTENSION').guarded, true);
  assert.equal(by('CREATE SCHEMA').ifNotExists, true);
  assert.equal(by('DROP SCHEMA').cascade, true);
  assert.equal(by('CREATE TRIGGER').table, 't');
});

test('DO block with IF NOT EXISTS: the inner statements become guarded operations at their own position', () => {
  const sql = `DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN
    CREATE TYPE mood AS ENUM ('a', 'b');
  END IF;
  EXECUTE 'ALTER TABLE t ADD COLUMN c int';
END $$;`;
  const r = pg(sql);
  assert.deepEqual(r.problems, []);
  const [en, col] = r.operations;
  assert.deepEqual([en.kind, en.table, en.guarded, en.details?.doBlock], ['createEnum', 'mood', true, true]);
  assert.equal(at(sql, en), "CREATE TYPE mood AS ENUM ('a', 'b')");
  assert.deepEqual([col.kind, col.column, col.guarded], ['addColumn', 'c', false]);
  assert.equal(at(sql, col), 'ALTER TABLE t ADD COLUMN c int');
});

test('DO block with an exception handler counts as guarded; an unreadable DO stays rawSql', () => {
  const r = pg(`DO $$ BEGIN ALTER TABLE t ADD CONSTRAINT u UNIQUE (a); EXCEPTION WHEN duplicate_object THEN NULL; END $$;
    DO $$ BEGIN PERFORM pg_sleep(1); END $$`);
  assert.deepEqual(r.operations.map((o) => [o.kind, o.guarded, o.statement]), [['addUnique', true, undefined], ['rawSql', false, 'DO']]);
});

test('a syntax error in the middle is reported on its statement and later statements are still read', () => {
  const sql = 'ALTER TABLE a ADD COLUMN x int;\nALTER TABLE b ADD COLUM y int;\nCREATE INDEX CONCURRENTLY i ON c (z);';
  const r = pg(sql);
  assert.deepEqual(kinds(r), ['addColumn', 'unknown', 'createIndex']);
  assert.match(r.operations[1].reason ?? '', /syntax error/);
  assert.equal(r.problems.length, 1);
  const p = r.problems[0];
  assert.equal(p.code, 'sql-syntax');
  assert.equal(p.severity, 'error');
  assert.deepEqual(p.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 29 } });
  assert.equal(r.operations[2].concurrently, true);
});

test('several syntax errors, unterminated string at the end', () => {
  const r = pg("SELEC 1; SELECT 2; DROPP TABLE x; DROP TABLE y; SELECT 'abc");
  assert.deepEqual(kinds(r), ['unknown', 'rawSql', 'unknown', 'dropTable', 'unknown']);
  assert.equal(r.problems.filter((p) => p.code === 'sql-syntax').length, 3);
});

test('positions after non-ASCII text point at the right characters (libpg-query reports UTF-8 bytes)', () => {
  const sql = `-- Ünïcødé 👍 comment\nCREATE TABLE "tâble" (nom text DEFAULT 'café', n int);\nALTER TABLE "tâble" ADD COLUMN "é" int DEFAULT 1, ALTER COLUMN nom SET DEFAULT 'thé';`;
  const r = pg(sql);
  const lines = new LineIndex(sql);
  const [create, add, setDef] = r.operations;
  assert.equal(create.table, 'tâble');
  assert.equal(create.tableColumns?.[0].default, "'café'");
  assert.equal(at(sql, create), `CREATE TABLE "tâble" (nom text DEFAULT 'café', n int)`);
  assert.deepEqual(create.range.start, lines.positionAt(sql.indexOf('CREATE')));
  assert.equal(at(sql, add), `ADD COLUMN "é" int DEFAULT 1`);
  assert.equal(setDef.columnSpec?.default, "'thé'");
  assert.deepEqual(setDef.range, lines.range(sql.indexOf('ALTER COLUMN'), sql.length - 1));
});

test('non-ASCII text before a syntax error still gives the right ranges', () => {
  const sql = "SELECT 'ñ👍'; SELEC x; DROP TABLE é;";
  const r = pg(sql);
  assert.equal(at(sql, r.operations[1]), 'SELEC x');
  assert.equal(at(sql, r.operations[2]), 'DROP TABLE é');
  assert.equal(r.operations[2].table, 'é');
});

test('mapOffset places operations in the file around embedded SQL', () => {
  const file = 'await queryRunner.query(`ALTER TABLE t ADD COLUMN a int; DROP TABLE u`);';
  const start = file.indexOf('ALTER');
  const sql = file.slice(start, file.indexOf('`', start));
  const r = readSql(sql, { dialect: 'postgres', lines: new LineIndex(file), mapOffset: (o) => o + start });
  assert.equal(file.slice(r.operations[0].offset.start, r.operations[0].offset.end), 'ALTER TABLE t ADD COLUMN a int');
  assert.equal(file.slice(r.operations[1].offset.start, r.operations[1].offset.end), 'DROP TABLE u');
  assert.deepEqual(r.operations[1].range.start, { line: 0, character: file.indexOf('DROP') });
});

test('trailing comments are not part of the statement range', () => {
  const sql = 'DROP TABLE a -- bye\n; /* x */ DROP TABLE b /* end */';
  const r = pg(sql);
  assert.deepEqual(r.operations.map((o) => at(sql, o)), ['DROP TABLE a', 'DROP TABLE b']);
});

test("EXECUTE '…' with doubled quotes: the SQL is unescaped for reading, ranges stay on the file text", () => {
  const sql = "DO $$ BEGIN EXECUTE 'ALTER TABLE t ADD COLUMN y text DEFAULT ''zé'''; END $$";
  const r = pg(sql);
  const [op] = r.operations;
  assert.deepEqual([op.kind, op.column, op.columnSpec?.default, op.details?.dynamic], ['addColumn', 'y', "'zé'", true]);
  assert.equal(at(sql, op), "ALTER TABLE t ADD COLUMN y text DEFAULT ''zé''");
});

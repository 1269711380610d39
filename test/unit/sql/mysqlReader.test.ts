import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/model/text';
import { at, kinds, read } from './readHelpers';

const my = (sql: string) => read(sql, 'mysql');
const maria = (sql: string) => read(sql, 'mariadb');

test('CREATE TABLE: types as written, AUTO_INCREMENT, defaults as source, inline REFERENCES, generated columns, keys, table options', () => {
  const sql = `CREATE TABLE IF NOT EXISTS \`shop\`.\`orders\` (
  \`id\` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  status ENUM('New','Done') NOT NULL DEFAULT 'New',
  total DECIMAL(10, 2) DEFAULT 0.00,
  user_id INT REFERENCES users (id) ON DELETE CASCADE,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  doubled INT GENERATED ALWAYS AS (total * 2) STORED,
  v INT AS (total + 1),
  PRIMARY KEY (id),
  UNIQUE KEY uq_status (status),
  KEY ix_user (user_id),
  CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`;
  const r = my(sql);
  assert.deepEqual(r.problems, []);
  const [op] = r.operations;
  assert.deepEqual([op.kind, op.table, op.schema, op.guarded, op.ifNotExists], ['createTable', 'orders', 'shop', true, true]);
  assert.deepEqual(op.tableColumns, [
    { name: 'id', type: 'bigint unsigned', nullable: false, autoIncrement: true, primary: true },
    { name: 'status', type: "enum('New','Done')", nullable: false, default: "'New'", unique: true },
    { name: 'total', type: 'decimal(10,2)', default: '0.00' },
    { name: 'user_id', type: 'int', references: { table: 'users', columns: ['id'] } },
    { name: 'created_at', type: 'timestamp', nullable: false, default: 'CURRENT_TIMESTAMP' },
    { name: 'doubled', type: 'int', generated: 'stored' },
    { name: 'v', type: 'int', generated: 'virtual' },
  ]);
  assert.equal(op.details?.inlineReferences, true);
  assert.deepEqual(op.details?.tableOptions, { ENGINE: 'InnoDB', 'DEFAULT CHARSET': 'utf8mb4' });
  const fk = (op.details?.constraints as Record<string, unknown>[]).find((c) => c.type === 'foreign');
  assert.deepEqual(fk, { name: 'fk_user', type: 'foreign', columns: ['user_id'], references: { table: 'users', columns: ['id'], onDelete: 'SET NULL' } });
});

test('ALTER TABLE columns: ADD/DROP/MODIFY/CHANGE/RENAME, ALTER COLUMN SET/DROP DEFAULT, with ALGORITHM/LOCK on every operation', () => {
  const sql = `ALTER TABLE users
  ADD COLUMN age INT NOT NULL DEFAULT 0 AFTER name,
  DROP COLUMN legacy,
  MODIFY COLUMN email VARCHAR(320) NULL DEFAULT NULL,
  CHANGE nick nickname VARCHAR(50) NOT NULL,
  CHANGE COLUMN same same BIGINT,
  RENAME COLUMN a TO b,
  ALTER COLUMN c SET DEFAULT 'x',
  ALTER d DROP DEFAULT,
  ALGORITHM=INPLACE, LOCK=NONE`;
  const r = my(sql);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(kinds(r), ['addColumn', 'dropColumn', 'alterColumnType', 'alterColumnType', 'renameColumn', 'alterColumnType', 'renameColumn', 'setDefault', 'dropDefault']);
  assert.ok(r.operations.every((o) => o.algorithm === 'INPLACE' && o.lock === 'NONE' && o.table === 'users'));
  const [add, drop, modify, change, rename, same, renameCol, setDef, dropDef] = r.operations;
  assert.deepEqual(add.columnSpec, { name: 'age', type: 'int', nullable: false, default: '0' });
  assert.equal(add.details?.position, 'AFTER name');
  assert.equal(at(sql, add), 'ADD COLUMN age INT NOT NULL DEFAULT 0 AFTER name');
  assert.equal(drop.column, 'legacy');
  assert.deepEqual([modify.column, modify.columnSpec, modify.details?.mysqlModify], ['email', { name: 'email', type: 'varchar(320)', nullable: true, default: 'NULL' }, true]);
  assert.deepEqual([change.column, change.columnSpec?.name, change.columnSpec?.type, change.details?.mysqlModify], ['nick', 'nickname', 'varchar(50)', true]);
  assert.deepEqual([rename.column, rename.newName], ['nick', 'nickname']);
  assert.equal(at(sql, rename), 'CHANGE nick nickname VARCHAR(50) NOT NULL');
  assert.deepEqual([same.column, same.columnSpec?.type], ['same', 'bigint']);
  assert.deepEqual([renameCol.column, renameCol.newName], ['a', 'b']);
  assert.deepEqual(setDef.columnSpec, { name: 'c', default: "'x'" });
  assert.equal(dropDef.column, 'd');
});

test('ALTER TABLE keys: indexes, unique, fulltext, spatial, foreign keys, primary key, check, rename, engine, force', () => {
  const r = my(`ALTER TABLE t ADD INDEX ix (a, b(10)), ADD UNIQUE KEY uq (c), ADD UNIQUE (c2), ADD FULLTEXT INDEX ft (d), ADD SPATIAL KEY sp (g),
    DROP INDEX ix2, DROP KEY k3, ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES o (id) ON DELETE CASCADE ON UPDATE RESTRICT,
    DROP FOREIGN KEY fk2, ADD PRIMARY KEY (id), DROP PRIMARY KEY, ADD CONSTRAINT ck CHECK (a > 0), DROP CHECK ck2,
    RENAME INDEX i1 TO i2, RENAME TO t2, FORCE, ENGINE=InnoDB, ADD INDEX ix5 (e) USING BTREE`);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.operations.map((o) => [o.kind, o.index ?? o.constraint ?? o.newName ?? o.statement]), [
    ['createIndex', 'ix'], ['createIndex', 'uq'], ['createIndex', undefined], ['createIndex', 'ft'], ['createIndex', 'sp'],
    ['dropIndex', 'ix2'], ['dropIndex', 'k3'], ['addForeignKey', 'fk'], ['dropForeignKey', 'fk2'], ['addPrimaryKey', undefined],
    ['dropConstraint', 'PRIMARY'], ['addCheck', 'ck'], ['dropConstraint', 'ck2'], ['rawSql', 'i1'], ['renameTable', 't2'],
    ['rawSql', 'FORCE'], ['rawSql', 'ENGINE'], ['createIndex', 'ix5'],
  ]);
  const o = r.operations;
  assert.deepEqual(o[0].columns, ['a', 'b']);
  assert.deepEqual([o[1].unique, o[2].unique, o[2].columns], [true, true, ['c2']]);
  assert.deepEqual([o[3].indexMethod, o[4].indexMethod], ['FULLTEXT', 'SPATIAL']);
  assert.deepEqual(o[7].references, { table: 'o', columns: ['id'], onDelete: 'CASCADE', onUpdate: 'RESTRICT' });
  assert.deepEqual(o[7].columns, ['u']);
  assert.deepEqual(o[9].columns, ['id']);
  assert.equal(o[11].expression, 'a > 0');
  assert.equal(o[17].indexMethod, 'BTREE');
});

test('ALGORITHM=INSTANT alone and ALGORITHM/LOCK without commas', () => {
  const r = my('ALTER TABLE t ADD COLUMN x INT, ALGORITHM=INSTANT; ALTER TABLE t ALGORITHM=INPLACE LOCK=SHARED, ADD INDEX (x)');
  assert.deepEqual(r.operations.map((o) => [o.kind, o.algorithm, o.lock]), [['addColumn', 'INSTANT', undefined], ['createIndex', 'INPLACE', 'SHARED']]);
});

test('MariaDB ADD CONSTRAINT IF NOT EXISTS: a guarded CHECK or foreign key with its name, not a column', () => {
  const r = maria(`ALTER TABLE orders ADD CONSTRAINT IF NOT EXISTS orders_total_chk CHECK (total >= 0);
    ALTER TABLE orders ADD CONSTRAINT IF NOT EXISTS orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id)`);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.operations.map((o) => [o.kind, o.constraint, o.guarded, o.ifNotExists]), [
    ['addCheck', 'orders_total_chk', true, true], ['addForeignKey', 'orders_user_fk', true, true],
  ]);
});

test('MariaDB IF [NOT] EXISTS on columns and indexes marks operations guarded', () => {
  const r = maria(`ALTER TABLE t ADD COLUMN IF NOT EXISTS a INT, DROP COLUMN IF EXISTS b, ADD INDEX IF NOT EXISTS i (a),
    DROP INDEX IF EXISTS j, DROP FOREIGN KEY IF EXISTS fk, MODIFY COLUMN IF EXISTS c TEXT;
    CREATE INDEX IF NOT EXISTS k ON t (a); DROP INDEX IF EXISTS k ON t; CREATE TABLE IF NOT EXISTS n (id INT); DROP TABLE IF EXISTS n`);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.operations.map((o) => [o.kind, o.guarded]), [
    ['addColumn', true], ['dropColumn', true], ['createIndex', true], ['dropIndex', true], ['dropForeignKey', true], ['alterColumnType', true],
    ['createIndex', true], ['dropIndex', true], ['createTable', true], ['dropTable', true],
  ]);
  assert.equal(r.dialect, 'mariadb');
});

test('CREATE/DROP INDEX statements with ALGORITHM and LOCK', () => {
  const r = my('CREATE UNIQUE INDEX ux ON shop.t (a, b DESC) ALGORITHM=INPLACE LOCK=NONE; CREATE FULLTEXT INDEX ft ON t (body); DROP INDEX ux ON t ALGORITHM = INPLACE LOCK = NONE');
  const [ux, ft, d] = r.operations;
  assert.deepEqual([ux.kind, ux.index, ux.table, ux.schema, ux.columns, ux.unique, ux.algorithm, ux.lock], ['createIndex', 'ux', 't', 'shop', ['a', 'b'], true, 'INPLACE', 'NONE']);
  assert.equal(ft.indexMethod, 'FULLTEXT');
  assert.deepEqual([d.kind, d.index, d.table, d.algorithm, d.lock], ['dropIndex', 'ux', 't', 'INPLACE', 'NONE']);
});

test('RENAME TABLE with several pairs, DROP TABLE of several tables, TRUNCATE, OPTIMIZE', () => {
  const sql = 'RENAME TABLE a TO b, c TO d; DROP TABLE IF EXISTS x, y; TRUNCATE TABLE z; OPTIMIZE TABLE z';
  const r = my(sql);
  assert.deepEqual(r.operations.map((o) => [o.kind, o.table, o.newName ?? o.statement]), [
    ['renameTable', 'a', 'b'], ['renameTable', 'c', 'd'], ['dropTable', 'x', undefined], ['dropTable', 'y', undefined],
    ['rawSql', 'z', 'TRUNCATE'], ['rawSql', 'z', 'OPTIMIZE TABLE'],
  ]);
  assert.equal(at(sql, r.operations[1]), 'c TO d');
});

test('transactions, settings and data changes', () => {
  const r = my(`SET SESSION lock_wait_timeout = 5; SET foreign_key_checks = 0, @@session.max_execution_time = 1000;
    START TRANSACTION; INSERT INTO t (a) VALUES (1); UPDATE t SET a = 2; DELETE FROM t WHERE a = (SELECT 1); COMMIT; BEGIN; ROLLBACK`);
  assert.deepEqual(r.operations.map((o) => [o.kind, o.setting?.name ?? o.transaction ?? o.table, o.inTransaction ?? false]), [
    ['setting', 'lock_wait_timeout', false], ['setting', 'foreign_key_checks', false], ['setting', 'max_execution_time', false],
    ['transactionControl', 'begin', false], ['insert', 't', true], ['update', 't', true], ['delete', 't', true],
    ['transactionControl', 'commit', true], ['transactionControl', 'begin', false], ['transactionControl', 'rollback', true],
  ]);
  assert.deepEqual(r.operations[0].setting, { name: 'lock_wait_timeout', value: '5' });
  assert.equal(r.operations[0].details?.scope, 'session');
  assert.equal(r.operations[2].setting?.value, '1000');
  assert.deepEqual([r.operations[5].hasWhere, r.operations[6].hasWhere], [false, true]);
});

test('procedures and triggers (with and without DELIMITER) are single rawSql operations', () => {
  const r = my(`DELIMITER $$
CREATE DEFINER=\`root\`@\`localhost\` PROCEDURE add_col() BEGIN
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 't' AND column_name = 'c') THEN
    ALTER TABLE t ADD COLUMN c INT;
  END IF;
END$$
DELIMITER ;
CALL add_col();
CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END;
DROP PROCEDURE IF EXISTS add_col;`);
  assert.deepEqual(r.operations.map((o) => [o.kind, o.statement]), [
    ['rawSql', 'CREATE PROCEDURE'], ['rawSql', 'CALL'], ['rawSql', 'CREATE TRIGGER'], ['rawSql', 'DROP PROCEDURE'],
  ]);
  assert.equal(r.operations[3].guarded, true);
});

test('statements neither reader understands become unknown with an info problem, not an error', () => {
  const sql = 'ALTER TABLE t ADD COLUMN a INT;\nFROBNICATE THE TABLE;\nALTER TABLE t WIBBLE x;';
  const r = my(sql);
  assert.deepEqual(kinds(r), ['addColumn', 'unknown', 'unknown']);
  assert.ok(r.operations[1].reason);
  assert.deepEqual(r.problems.map((p) => [p.code, p.severity, p.range.start.line]), [['sql-unparsed', 'info', 1], ['sql-unparsed', 'info', 2]]);
});

test('unterminated string: an error problem and an unknown operation; earlier statements kept', () => {
  const r = my("DROP TABLE a; INSERT INTO t VALUES ('oops");
  assert.deepEqual(kinds(r), ['dropTable', 'unknown']);
  assert.deepEqual(r.problems.map((p) => [p.code, p.severity]), [['sql-syntax', 'error']]);
});

test('ranges are right after non-ASCII text', () => {
  const sql = "INSERT INTO t VALUES ('naïve 👍');\nALTER TABLE `tâble` ADD COLUMN `é` INT DEFAULT 1, DROP COLUMN x;";
  const r = my(sql);
  const lines = new LineIndex(sql);
  const [, add, drop] = r.operations;
  assert.equal(add.table, 'tâble');
  assert.equal(add.column, 'é');
  assert.equal(at(sql, add), 'ADD COLUMN `é` INT DEFAULT 1');
  assert.deepEqual(drop.range, lines.range(sql.indexOf('DROP COLUMN'), sql.length - 1));
});

test('character sets: table default, per-column, and on a CHANGE (with newName for the renamed column)', () => {
  const r = my('CREATE TABLE t (a VARCHAR(10) CHARACTER SET latin1, b TEXT) DEFAULT CHARSET=utf8mb4; ALTER TABLE t CHANGE a c VARCHAR(20) CHARACTER SET utf8mb4');
  const [create, change] = r.operations;
  assert.equal(create.details?.charset, 'utf8mb4');
  assert.deepEqual(create.details?.columnCharsets, { a: 'latin1' });
  assert.deepEqual([change.kind, change.column, change.newName, change.details?.charset], ['alterColumnType', 'a', 'c', 'utf8mb4']);
});

test('views, and ROLLBACK TO SAVEPOINT keeps the transaction open', () => {
  const r = my('CREATE OR REPLACE ALGORITHM=MERGE DEFINER=`u`@`%` SQL SECURITY INVOKER VIEW v AS SELECT 1; DROP VIEW IF EXISTS v, w; START TRANSACTION; SAVEPOINT s; ROLLBACK TO SAVEPOINT s; UPDATE t SET a = 1 WHERE id = 2; COMMIT');
  assert.deepEqual(r.operations.map((o) => [o.kind, o.table ?? o.transaction, o.guarded, o.inTransaction ?? false]), [
    ['createView', 'v', false, false], ['dropView', 'v', true, false], ['dropView', 'w', true, false],
    ['transactionControl', 'begin', false, false], ['transactionControl', 'savepoint', false, true], ['transactionControl', 'rollback', false, true],
    ['update', 't', false, true], ['transactionControl', 'commit', false, true],
  ]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitStatements } from '../../../server/src/readers/sql/splitStatements';

const texts = (sql: string, flavor: 'postgres' | 'mysql') => splitStatements(sql, flavor).statements.map((s) => sql.slice(s.start, s.end));

test('semicolons inside strings, quoted names, comments and dollar quotes do not split', () => {
  const sql = `SELECT 'a;b', "c;d"; -- x; y
/* one; /* nested; */ still; */ SELECT 2;
CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END $body$ LANGUAGE plpgsql;
DO $$ BEGIN PERFORM 1; END $$;
SELECT E'it\\'s; fine', 'x''; y'`;
  assert.deepEqual(texts(sql, 'postgres'), [
    `SELECT 'a;b', "c;d"`,
    'SELECT 2',
    'CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END $body$ LANGUAGE plpgsql',
    'DO $$ BEGIN PERFORM 1; END $$',
    `SELECT E'it\\'s; fine', 'x''; y'`,
  ]);
});

test('$1 parameters are not dollar quotes', () => {
  assert.deepEqual(texts('SELECT $1; SELECT $2', 'postgres'), ['SELECT $1', 'SELECT $2']);
});

test('MySQL: backslash escapes, backticks, # and -- comments', () => {
  const sql = "INSERT INTO `a;b` VALUES ('x\\';y', \"q;\"); # c; d\nSELECT 1 -- e; f\n; SELECT 3--4\n";
  assert.deepEqual(texts(sql, 'mysql'), ["INSERT INTO `a;b` VALUES ('x\\';y', \"q;\")", 'SELECT 1', 'SELECT 3--4']);
});

test('MySQL DELIMITER lines change the terminator and are not statements', () => {
  const sql = `DELIMITER //
CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END //
DELIMITER ;
SELECT 3;`;
  assert.deepEqual(texts(sql, 'mysql'), ['CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END', 'SELECT 3']);
});

test('MySQL routine bodies without DELIMITER: BEGIN … END with IF/CASE inside stays one statement', () => {
  const sql = `CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN
  IF NEW.a IS NULL THEN SET NEW.a = CASE WHEN 1 THEN 2 ELSE 3 END; END IF;
  CASE NEW.b WHEN 1 THEN SET NEW.c = 1; ELSE BEGIN END; END CASE;
END;
SELECT 1;`;
  const parts = texts(sql, 'mysql');
  assert.equal(parts.length, 2);
  assert.ok(parts[0].endsWith('END CASE;\nEND'));
  assert.equal(parts[1], 'SELECT 1');
});

test('a table with a column named event is not mistaken for a routine', () => {
  assert.deepEqual(texts('CREATE TABLE t (event int); BEGIN; COMMIT;', 'mysql'), ['CREATE TABLE t (event int)', 'BEGIN', 'COMMIT']);
});

test('unterminated string, comment and dollar quote give an issue, never a throw', () => {
  for (const [sql, flavor, message] of [
    ["SELECT 1; SELECT 'abc", 'postgres', 'Unterminated string literal'],
    ['SELECT 1; /* open', 'postgres', 'Unterminated /* comment'],
    ['SELECT 1; DO $x$ BEGIN', 'postgres', 'Unterminated dollar-quoted string $x$'],
    ['SELECT 1; SELECT `abc', 'mysql', 'Unterminated `quoted` identifier'],
  ] as const) {
    const r = splitStatements(sql, flavor);
    assert.equal(r.issues.length, 1, sql);
    assert.equal(r.issues[0].message, message);
    assert.equal(r.issues[0].start, sql.indexOf(message.includes('comment') ? '/*' : message.includes('dollar') ? '$x$' : message.includes('`') ? '`' : "'"));
    assert.equal(sql.slice(r.statements[0].start, r.statements[0].end), 'SELECT 1');
  }
});

test('offsets are UTF-16 string offsets even after multi-byte text', () => {
  const sql = "-- ünïcødé 👍 comment\nSELECT 'ö'; ALTER TABLE \"tâble\" ADD COLUMN x int;";
  const r = splitStatements(sql, 'postgres');
  assert.deepEqual(r.statements.map((s) => sql.slice(s.start, s.end)), ["SELECT 'ö'", 'ALTER TABLE "tâble" ADD COLUMN x int']);
  assert.equal(r.statements[1].start, sql.indexOf('ALTER'));
});

test('empty statements and trailing whitespace are skipped', () => {
  assert.deepEqual(texts(';;  SELECT 1 ;  ;\n\n', 'postgres'), ['SELECT 1']);
});

test('a custom delimiter touching the previous word (END$$) still ends the statement', () => {
  const sql = 'DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$\nDELIMITER ;\nSELECT 2;';
  assert.deepEqual(texts(sql, 'mysql'), ['CREATE PROCEDURE p() BEGIN SELECT 1; END', 'SELECT 2']);
});

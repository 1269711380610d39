import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { initSqlParsers } from '../../../server/src/readers/sql';
import { read } from './readHelpers';

before(() => initSqlParsers());

const SAMPLE = `CREATE TABLE "tâble" (id serial PRIMARY KEY, n varchar(9) DEFAULT 'x;y' NOT NULL);
DO $$ BEGIN IF NOT EXISTS (SELECT 1) THEN EXECUTE 'ALTER TABLE t ADD COLUMN c int DEFAULT ''é'''; END IF; END $$;
/* comment; */ ALTER TABLE \`m\` ADD COLUMN x INT DEFAULT 0, ALGORITHM=INSTANT; -- tail
DELIMITER //
CREATE PROCEDURE p() BEGIN SELECT 1; END //
DELIMITER ;
CREATE INDEX CONCURRENTLY i ON t (lower(n)) WHERE (n IS NOT NULL);`;

// Every prefix of a script mixing both dialects: half-typed SQL is what an editor sees most.
test('every prefix of a mixed script reads without throwing, with ranges inside the text', () => {
  for (let cut = 0; cut <= SAMPLE.length; cut += 3) {
    const sql = SAMPLE.slice(0, cut);
    for (const dialect of ['postgres', 'mysql', 'unknown'] as const) {
      const r = read(sql, dialect);
      for (const op of r.operations) {
        assert.ok(op.offset.start >= 0 && op.offset.end <= sql.length && op.offset.start <= op.offset.end, `${dialect} @${cut}: ${JSON.stringify(op.offset)}`);
      }
      for (const p of r.problems) assert.ok(p.range.start.line >= 0);
    }
  }
});

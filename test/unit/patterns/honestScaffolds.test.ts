// What an independent run of every scaffold found, pinned: the PostgreSQL foreign key indexes its column, a Prisma
// batched backfill commits per batch only where PostgreSQL lets it (and says so), values for existing rows are checked.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { scaffold } from '../../../server/src/patterns/index';
import { ScaffoldError } from '../../../server/src/patterns/identifiers';

const at = (dialect: 'postgres' | 'mysql' | 'mariadb', orm: 'prisma' | 'typeorm' | 'sequelize' = 'prisma') => ({ orm, dialect, dir: '/proj/migrations', now: new Date('2026-03-04T05:06:07Z') });

test('PostgreSQL foreign key: the referencing column is indexed CONCURRENTLY first, in a migration of its own', () => {
  const { files } = scaffold('addForeignKeySafe', { table: 'people', columns: 'team_id', refTable: 'teams' }, at('postgres'));
  const ups = files.filter((f) => f.path.endsWith('migration.sql')).map((f) => f.text);
  assert.equal(ups.length, 3);
  assert.match(ups[0], /^CREATE INDEX CONCURRENTLY IF NOT EXISTS "people_teams_fkey_idx" ON "people" \("team_id"\);$/m);
  assert.doesNotMatch(ups[0].replace(/^--.*$/gm, ''), /FOREIGN KEY/);
  assert.match(ups[1], /NOT VALID/);
});

test('Prisma on PostgreSQL: a backfill alone in its file commits per batch; one sharing its file says it does not', () => {
  const alone = scaffold('batchedBackfill', { table: 'users', column: 'email_lower', expression: 'lower(email)' }, at('postgres')).files
    .find((f) => /p2_backfill\/migration\.sql$/.test(f.path))!.text;
  assert.match(alone, /sm_last := sm_high;\n {4}COMMIT;\n {2}END LOOP;/);
  assert.match(alone, /each batch commits on its own \(the loop COMMITs after every batch/);
  const shared = scaffold('renameColumnExpandContract', { table: 'users', column: 'email', newName: 'mail', type: 'text' }, at('postgres')).files
    .find((f) => /writes_both\/migration\.sql$/.test(f.path))!.text;
  assert.doesNotMatch(shared, /COMMIT;/);
  assert.doesNotMatch(shared, /each batch commits on its own/);
  assert.match(shared, /all commit together at the end/);
});

test('a value for existing rows that the column type would misread is refused, with the quoted form', () => {
  assert.throws(() => scaffold('addColumnNotNullSafe', { table: 'users', column: 'tz', type: 'text', default: 'UTC' }, at('postgres')),
    (e: Error) => e instanceof ScaffoldError && /UTC would be read as a column name.*'UTC'/.test(e.message));
  assert.ok(scaffold('addColumnNotNullSafe', { table: 'users', column: 'tz', type: 'text', default: "'UTC'" }, at('postgres')).files.length > 0);
  assert.throws(() => scaffold('addColumnWithDefault', { table: 'users', column: 'n', type: 'integer', default: 'none' }, at('mysql', 'typeorm')), /not a number/);
});

test('the rename note uses what is known of the old column: NOT NULL said plainly, nothing when nullable', () => {
  const notes = (nullable?: string) => scaffold('renameColumnExpandContract', { table: 'users', column: 'email', newName: 'mail', type: 'text', ...(nullable ? { nullable } : {}) }, at('postgres')).notes.join('\n');
  assert.match(notes('no'), /users\.email is NOT NULL/);
  assert.doesNotMatch(notes('yes'), /NOT NULL/);
  assert.match(notes(), /If email was NOT NULL/);
});

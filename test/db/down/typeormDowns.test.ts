// TypeORM histories with their downs emptied (27 migrations on PostgreSQL, 25 on MariaDB, written
// as `migration:generate` writes them plus QueryRunner API calls): every generated down() runs under
// TypeORM's own runner, gives back the schema it claims to, and up runs again.
// Measured (2026-12-07): PostgreSQL 23 of 27 downs complete (one drops a CONCURRENTLY index outside revert's
// transaction), 27 of 27 restore the schema; MariaDB 21 of 25 complete,
// 25 of 25 restore the schema (the same with MySQL's presence checks instead of IF EXISTS). The rest lose data and
// say so: dropped column values, dropped rows, an UPDATE backfill.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { initEngine, readMigrationText } from '../../../server/src/engine/engine';
import type { Dialect } from '../../../server/src/model/migration';
import type { DbDialect } from '../scaffold/cellDatabase';
import { historyDowns, newFindingsWithDown } from './downHarness';
import { typeormHistoryRunner, roundTripWithDowns, textWithDown } from './ormHistoryRunners';

const FIXTURES = path.join(__dirname, 'fixtures');

async function roundTrip(dialect: DbDialect, dir: string, complete: number, readAs?: Dialect): Promise<void> {
  await initEngine();
  const stats = await roundTripWithDowns(dialect, dir, typeormHistoryRunner, readAs);
  assert.ok(stats.migrations >= 20, `only ${stats.migrations} migrations in the history`);
  for (const x of stats.incomplete) assert.ok(x.why.length > 0, `${x.migration}: incomplete without a reason`);
  assert.ok(stats.complete >= complete, `only ${stats.complete} of ${stats.migrations} downs are complete (was ${complete})`);
  assert.equal(stats.schemaRestored, stats.migrations, 'every down of this history gives the schema back');
}

for (const [dialect, folder, complete] of [['postgres', 'typeorm-postgres', 23], ['mariadb', 'typeorm-mariadb', 21]] as [DbDialect, string, number][]) {
  const dir = path.join(FIXTURES, folder, 'src', 'migrations');
  test(`TypeORM on ${dialect}: every generated down() runs under migration:revert, restores the schema it claims to, and up runs again`, () => roundTrip(dialect, dir, complete));

  test(`${folder}: a generated down() adds no warning or error of the project's own rules`, async () => {
    await initEngine();
    const { files, ordered, projects } = await historyDowns(dir);
    for (const { file, down } of ordered) {
      // A down that goes back to a narrower type is lossy, and one that rebuilds an index inside migration:revert's
      // transaction cannot build it concurrently: each says so itself, in its notes.
      const said = (pattern: RegExp) => down.notes.some((n) => pattern.test(n.message));
      const added = newFindingsWithDown(files, file, readMigrationText(file.path, textWithDown(file, down), { projects }))
        .filter((f) => !(said(/narrows/) && f.startsWith('lossy-rollback: The down narrows')) && !(said(/without CONCURRENTLY/) && f.startsWith('index-create-not-concurrent:'))
          // TypeORM's revert opens a transaction even for `transaction = false`: the down commits it and starts a new one. The
          // transaction-nesting rule does not know that pattern yet; the down says what it does.
          && !(said(/commits the transaction migration:revert opened/) && f.startsWith('transaction-nesting:')));
      assert.deepEqual(added, [], `${down.migration}: the generated down brings new findings\n${down.text}`);
    }
  });
}

test('TypeORM, the MariaDB history read as MySQL: the downs check presence with hasColumn/getTable/the catalogue instead of IF EXISTS, and run on MariaDB', async () => {
  const dir = path.join(FIXTURES, 'typeorm-mariadb', 'src', 'migrations');
  const { downs } = await historyDowns(dir, 'mysql');
  const all = downs.map((d) => d.text).join('\n');
  assert.doesNotMatch(all.replace(/(DROP|CREATE) TABLE IF (NOT )?EXISTS/g, ''), /IF (NOT )?EXISTS/, 'MySQL has IF [NOT] EXISTS for tables only');
  assert.match(all, /if \(\(\(await queryRunner\.getTable\('post'\)\)\?\.indices \?\? \[\]\)\.some\(\(index\) => index\.name === 'IDX_post_title'\)\) \{\n {12}await queryRunner\.query\('DROP INDEX `IDX_post_title` ON `post`'\);\n {8}\}/);
  assert.match(all, /information_schema\.TABLE_CONSTRAINTS/);
  await roundTrip('mariadb', dir, 21, 'mysql');
});

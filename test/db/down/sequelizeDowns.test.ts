// Sequelize histories with their downs removed (26 migrations on PostgreSQL, 24 on MariaDB, written as
// sequelize-cli projects write them: queryInterface calls, some raw SQL): every generated down() runs
// under umzug with Sequelize's queryInterface, gives back the schema it claims to, and up runs again.
// Measured (2026-12-07): PostgreSQL 21 of 26 downs complete, 25 of 26 restore the schema (the two extra migrations
// build and drop indexes CONCURRENTLY); MariaDB (and with MySQL's presence checks on MariaDB) 19 of 24 complete, 23 of
// 24 restore the schema. The rest say why: data (UPDATE, bulkInsert, dropped values and rows); the one schema not
// restored is a dropped table whose auto-increment key came from a spec.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { initEngine, readMigrationText } from '../../../server/src/engine/engine';
import type { Dialect } from '../../../server/src/model/migration';
import type { DbDialect } from '../scaffold/cellDatabase';
import { historyDowns, newFindingsWithDown } from './downHarness';
import { sequelizeHistoryRunner, roundTripWithDowns, textWithDown } from './ormHistoryRunners';

const FIXTURES = path.join(__dirname, 'fixtures');

async function roundTrip(dialect: DbDialect, dir: string, complete: number, restored: number, readAs?: Dialect): Promise<void> {
  await initEngine();
  const stats = await roundTripWithDowns(dialect, dir, sequelizeHistoryRunner, readAs);
  assert.ok(stats.migrations >= 20, `only ${stats.migrations} migrations in the history`);
  for (const x of stats.incomplete) assert.ok(x.why.length > 0, `${x.migration}: incomplete without a reason`);
  assert.ok(stats.complete >= complete, `only ${stats.complete} of ${stats.migrations} downs are complete (was ${complete})`);
  assert.ok(stats.schemaRestored >= restored, `only ${stats.schemaRestored} of ${stats.migrations} downs restore the schema (was ${restored})`);
}

for (const [dialect, folder, complete, restored] of [['postgres', 'sequelize-postgres', 21, 25], ['mariadb', 'sequelize-mariadb', 19, 23]] as [DbDialect, string, number, number][]) {
  const dir = path.join(FIXTURES, folder, 'migrations');
  test(`Sequelize on ${dialect}: every generated down() runs under umzug (sequelize-cli db:migrate:undo), restores the schema it claims to, and up runs again`, () => roundTrip(dialect, dir, complete, restored));

  test(`${folder}: a generated down() adds no warning or error of the project's own rules`, async () => {
    await initEngine();
    const { files, ordered, projects } = await historyDowns(dir);
    for (const { file, down } of ordered) {
      // A down that goes back to a narrower type may fail on values written since, and says so itself, in its notes.
      const said = down.notes.some((n) => /narrows/.test(n.message));
      const added = newFindingsWithDown(files, file, readMigrationText(file.path, textWithDown(file, down), { projects })).filter((f) => !(said && f.startsWith('lossy-rollback: The down narrows')));
      assert.deepEqual(added, [], `${down.migration}: the generated down brings new findings\n${down.text}`);
    }
  });
}

test('Sequelize, the MariaDB history read as MySQL: the downs check presence with describeTable/showIndex/the catalogue instead of IF EXISTS, and run on MariaDB', async () => {
  const dir = path.join(FIXTURES, 'sequelize-mariadb', 'migrations');
  const { downs } = await historyDowns(dir, 'mysql');
  const all = downs.map((d) => d.text).join('\n');
  assert.doesNotMatch(all.replace(/(DROP|CREATE) TABLE IF (NOT )?EXISTS/g, ''), /IF (NOT )?EXISTS/, 'MySQL has IF [NOT] EXISTS for tables only');
  assert.match(all, /if \('phone' in \(await queryInterface\.describeTable\('Customers'\)\)\) \{|if \(!\('phone' in \(await queryInterface\.describeTable\('Customers'\)\)\)\) \{/);
  await roundTrip('mariadb', dir, 19, 23, 'mysql');
});

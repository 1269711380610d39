// TypeORM histories with their downs removed (26 migrations on PostgreSQL, 25 on MariaDB, written
// as `migration:generate` writes them plus QueryRunner API calls): every generated down() runs under
// TypeORM's own runner, gives back the schema it claims to, and up runs again.
// Measured (2026-12-07): PostgreSQL 21 of 26 downs complete, 26 of 26 restore the schema; MariaDB 20 of 25 complete,
// 25 of 25 restore the schema. The rest lose data and say so: dropped column values, dropped rows, an UPDATE backfill,
// a column narrowed back (varchar(300) → varchar(200)).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { initEngine } from '../../../server/src/engine/engine';
import type { DbDialect } from '../scaffold/cellDatabase';
import { historyDowns, newFindingsWithDown, roundTripHistory } from './downHarness';
import { readMigrationText } from '../../../server/src/engine/engine';
import { typeormHistoryRunner, textWithDown, writeWithDowns } from './ormHistoryRunners';

const FIXTURES = path.join(__dirname, 'fixtures');

for (const [dialect, folder, complete] of [['postgres', 'typeorm-postgres', 21], ['mariadb', 'typeorm-mariadb', 20]] as [DbDialect, string, number][]) {
  const dir = path.join(FIXTURES, folder, 'src', 'migrations');
  test(`TypeORM on ${dialect}: every generated down() runs under migration:revert, restores the schema it claims to, and up runs again`, async () => {
    await initEngine();
    let written: ReturnType<typeof writeWithDowns> | undefined;
    try {
      const stats = await roundTripHistory(dialect, dir, (db, ordered) => {
        written ??= writeWithDowns(ordered);
        return typeormHistoryRunner(db, written.paths);
      });
      assert.ok(stats.migrations >= 20, `only ${stats.migrations} migrations in the history`);
      for (const x of stats.incomplete) assert.ok(x.why.length > 0, `${x.migration}: incomplete without a reason`);
      assert.ok(stats.complete >= complete, `only ${stats.complete} of ${stats.migrations} downs are complete (was ${complete})`);
    } finally {
      written?.remove();
    }
  });

  test(`${folder}: a generated down() adds no warning or error of the project's own rules`, async () => {
    await initEngine();
    const { files, ordered, projects } = await historyDowns(dir);
    for (const { file, down } of ordered) {
      // A down that goes back to a narrower type is lossy, and one that rebuilds an index inside migration:revert's
      // transaction cannot build it concurrently: each says so itself, in its notes.
      const said = (pattern: RegExp) => down.notes.some((n) => pattern.test(n.message));
      const added = newFindingsWithDown(files, file, readMigrationText(file.path, textWithDown(file, down), { projects }))
        .filter((f) => !(!down.complete && said(/narrows/) && f.startsWith('lossy-rollback: The down narrows')) && !(said(/without CONCURRENTLY/) && f.startsWith('index-create-not-concurrent:')));
      assert.deepEqual(added, [], `${down.migration}: the generated down brings new findings\n${down.text}`);
    }
  });
}

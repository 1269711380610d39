// TypeORM histories with their downs removed (26 migrations on PostgreSQL, 25 on MariaDB, written
// as `migration:generate` writes them plus QueryRunner API calls): every generated down() runs under
// TypeORM's own runner, gives back the schema it claims to, and up runs again.
// Measured (2026-12-07): PostgreSQL 22 of 26 downs complete, 26 of 26 restore the schema; MariaDB 21 of 25 complete,
// 25 of 25 restore the schema. The rest lose data and say so: dropped column values, dropped rows, an UPDATE backfill.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { initEngine } from '../../../server/src/engine/engine';
import type { DbDialect } from '../scaffold/cellDatabase';
import { roundTripHistory } from './downHarness';
import { typeormHistoryRunner, writeWithDowns } from './ormHistoryRunners';

const FIXTURES = path.join(__dirname, 'fixtures');

for (const [dialect, folder, complete] of [['postgres', 'typeorm-postgres', 22], ['mariadb', 'typeorm-mariadb', 21]] as [DbDialect, string, number][]) {
  test(`TypeORM on ${dialect}: every generated down() runs under migration:revert, restores the schema it claims to, and up runs again`, async () => {
    await initEngine();
    let written: ReturnType<typeof writeWithDowns> | undefined;
    try {
      const stats = await roundTripHistory(dialect, path.join(FIXTURES, folder, 'src', 'migrations'), (db, ordered) => {
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
}

// Prisma-style histories (migration.sql applied as `migrate deploy` sends it) on PostgreSQL and
// MariaDB: every generated down.sql runs, gives back the schema it claims to, and passes the rules.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { initEngine } from '../../../server/src/engine/engine';
import type { DbDialect } from '../scaffold/cellDatabase';
import { historyDowns, newFindingsWithDown, roundTripHistory, withDownFile } from './downHarness';

const FIXTURES = path.join(__dirname, 'fixtures');

for (const [dialect, folder] of [['postgres', 'prisma-postgres'], ['mariadb', 'prisma-mysql']] as [DbDialect, string][]) {
  const dir = path.join(FIXTURES, folder, 'migrations');

  test(`Prisma on ${dialect}: every generated down.sql restores the schema it claims to, and up runs again`, async () => {
    await initEngine();
    const stats = await roundTripHistory(dialect, dir, async (db, ordered) => ({
      up: (i) => db.script(fs.readFileSync(ordered[i].file.path, 'utf8')),
      down: (_i, down) => db.script(down.text),
      close: async () => undefined,
    }));
    assert.ok(stats.migrations >= 20, `only ${stats.migrations} migrations in the history`);
    for (const x of stats.incomplete) assert.ok(x.why.length > 0, `${x.migration}: incomplete without a reason`);
    assert.ok(stats.schemaRestored >= 0.8 * stats.migrations, `only ${stats.schemaRestored} of ${stats.migrations} downs restore the schema`);
  });

  test(`Prisma on ${dialect}: a generated down.sql adds no warning or error of the project's own rules`, async () => {
    await initEngine();
    const { files, ordered, projects } = await historyDowns(dir);
    for (const { file, down } of ordered) {
      const downPath = path.join(path.dirname(file.path), 'down.sql');
      const added = newFindingsWithDown(files, file, withDownFile(file, downPath, down.text, projects));
      assert.deepEqual(added, [], `${down.migration}: the generated down brings new findings\n${down.text}`);
    }
  });
}

test('Prisma on postgres: a history named without timestamps (umami\'s 01_init, 02_…) gets each down from the schema before it', async () => {
  await initEngine();
  const dir = path.join(FIXTURES, 'prisma-postgres-unstamped', 'migrations');
  const stats = await roundTripHistory('postgres', dir, async (db, ordered) => ({
    up: (i) => db.script(fs.readFileSync(ordered[i].file.path, 'utf8')),
    down: (_i, down) => db.script(down.text),
    close: async () => undefined,
  }));
  // 01–03 complete (02 goes back to VARCHAR(100), not to 03's VARCHAR(200)); 04 drops values.
  assert.equal(stats.migrations, 4);
  assert.deepEqual(stats.incomplete.map((x) => x.migration), ['04_drop_domain']);
  assert.equal(stats.schemaRestored, 4);
});

// Whole Prisma histories (the Prisma fixture projects, and the down generator's fixture histories), replayed
// on the real servers the way `migrate deploy` runs them: for every migration the size rule flags and
// split produces, the history before it plus the pieces in order gives exactly the schema the history
// plus the original gives, and the pieces' down.sql files (where the original had one), newest first,
// give back the schema before it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { checkPaths } from '../../../server/src/engine/inspect';
import { readTextFileIfPresent } from '../../../server/src/engine/workspace';
import { splitMigration } from '../../../server/src/actions/split/splitMigration';
import { splitInputFor } from '../../../server/src/actions/split/splitInput';
import type { CellDatabase, DbDialect } from '../scaffold/cellDatabase';
import { snapshot, type Snapshot } from '../scaffold/schemaSnapshot';
import { createSplitDatabase } from './splitDatabase';

const root = path.resolve(__dirname, '../../..');
// umami's folders in test/realworld start at 03_…: without their first migrations they cannot be replayed.
const DOWN_FIXTURES = 'test/db/down/fixtures';
const HISTORIES: { dir: string; server: DbDialect }[] = [
  { dir: 'test/fixtures/projects/prisma-postgres/prisma/migrations', server: 'postgres' },
  { dir: 'test/fixtures/projects/prisma-mysql/prisma/migrations', server: 'mariadb' },
  ...(fs.existsSync(path.join(root, DOWN_FIXTURES)) ? fs.readdirSync(path.join(root, DOWN_FIXTURES)) : [])
    .filter((d) => d.startsWith('prisma-') && fs.existsSync(path.join(root, DOWN_FIXTURES, d, 'migrations')))
    .map((d) => ({ dir: `${DOWN_FIXTURES}/${d}/migrations`, server: (d.includes('postgres') ? 'postgres' : 'mariadb') as DbDialect })),
];

async function comparable(db: CellDatabase): Promise<Snapshot> {
  return JSON.parse(JSON.stringify(await snapshot(db)).split(db.name).join('<cell>')) as Snapshot;
}

/** A fresh database with `scripts` applied in order, as `migrate deploy` sends each migration.sql: one script each. */
async function withScripts<T>(server: DbDialect, scripts: string[], then: (db: CellDatabase) => Promise<T>): Promise<T> {
  const db = await createSplitDatabase(server);
  try {
    for (const s of scripts) await db.script(s);
    return await then(db);
  } finally {
    await db.close();
    await db.drop();
  }
}

for (const history of HISTORIES) {
  test(`${history.dir} on ${history.server}: every split gives the original's schema, and its downs the schema before`, async (t) => {
    const dir = path.join(root, history.dir);
    const folders = fs.readdirSync(dir).filter((f) => fs.existsSync(path.join(dir, f, 'migration.sql'))).sort();
    const checked = await checkPaths([dir], {});
    const flagged = new Set(checked.findings.filter((f) => f.rule === 'migration-does-too-much').map((f) => f.path));
    if (!flagged.size) { t.skip('the size rule flags no migration of this history'); return; }
    let splits = 0;
    for (const file of checked.files.filter((f) => flagged.has(f.path))) {
      const text = fs.readFileSync(file.path, 'utf8');
      const outcome = splitMigration(splitInputFor(file, text, checked.projects, { listDir: (d) => fs.readdirSync(d), readIfPresent: readTextFileIfPresent }));
      if ('refused' in outcome) continue;
      splits++;
      const folder = path.basename(path.dirname(file.path));
      const earlier = folders.filter((f) => f < folder).map((f) => fs.readFileSync(path.join(dir, f, 'migration.sql'), 'utf8'));
      const pieces = outcome.files.filter((f) => f.path.endsWith('migration.sql')).map((f) => f.text);
      const downs = outcome.files.filter((f) => f.path.endsWith('down.sql')).map((f) => f.text).reverse();
      const expected = await withScripts(history.server, [...earlier, text], comparable);
      await withScripts(history.server, earlier, async (db) => {
        const before = await comparable(db);
        for (const p of pieces) await db.script(p);
        assert.deepEqual(await comparable(db), expected, `${folder}: the pieces give the original's schema`);
        for (const d of downs) await db.script(d);
        if (downs.length) assert.deepEqual(await comparable(db), before, `${folder}: the pieces' downs give the schema before`);
      });
    }
    assert.ok(splits > 0, 'at least one flagged migration was split');
  });
}

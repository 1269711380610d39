// For each migration the size rule flags, per ORM and server: the original's up gives schema S1 (and its
// down the seed schema S0); the split pieces, applied in order with the same real runner, give exactly
// S1 (schema and the seed tables' rows), and their downs in reverse give exactly S0.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { checkPaths } from '../../../server/src/engine/inspect';
import { readTextFileIfPresent } from '../../../server/src/engine/workspace';
import { splitMigration } from '../../../server/src/actions/split/splitMigration';
import { splitInputFor } from '../../../server/src/actions/split/splitInput';
import type { ScaffoldFile } from '../../../server/src/patterns/types';
import type { CellDatabase, DbDialect } from '../scaffold/cellDatabase';
import { type MigrationRunner, prismaRunner, typeormRunner } from '../scaffold/migrationRunners';
import { seedSql } from '../scaffold/scaffoldCases';
import { snapshot, type Snapshot } from '../scaffold/schemaSnapshot';
import { createSplitDatabase, sequelizeSchemaRunner } from './splitDatabase';
import { type SplitCase, splitCases } from './splitCases';

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-e1-split-'));
// The migrations import typeorm/sequelize like any project's: let Node find this repository's packages.
fs.symlinkSync(path.resolve(__dirname, '../../../node_modules'), path.join(tmpRoot, 'node_modules'), 'dir');
after(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

const RUNNERS = { typeorm: typeormRunner, sequelize: sequelizeSchemaRunner, prisma: prismaRunner };

function write(files: ScaffoldFile[]): void {
  for (const f of files) { fs.mkdirSync(path.dirname(f.path), { recursive: true }); fs.writeFileSync(f.path, f.text); }
}

/** The snapshot with the cell's own name taken out (PostgreSQL index definitions name the schema). */
async function comparable(db: CellDatabase): Promise<Snapshot> {
  return JSON.parse(JSON.stringify(await snapshot(db)).split(db.name).join('<cell>')) as Snapshot;
}

/** Runs `files` up on a fresh seeded database, then down; returns the schema before, after up, after down. */
async function upAndDown(dialect: DbDialect, c: SplitCase, files: ScaffoldFile[], statementWise: boolean): Promise<{ before: Snapshot; up: Snapshot; down: Snapshot }> {
  const db: CellDatabase = await createSplitDatabase(dialect);
  let runner: MigrationRunner | undefined;
  try {
    for (const sql of seedSql(dialect)) await db.query(sql);
    const before = await comparable(db);
    if (statementWise) {
      // What the author meant: each statement on its own (Prisma would send the file as one transaction, where CONCURRENTLY fails).
      for (const f of files.filter((x) => x.path.endsWith('migration.sql'))) for (const s of f.text.split(/;\s*\n/)) if (s.replace(/--[^\n]*/g, '').trim()) await db.script(s);
      const up = await comparable(db);
      for (const f of files.filter((x) => x.path.endsWith('down.sql'))) await db.script(f.text);
      return { before, up, down: await comparable(db) };
    }
    runner = await RUNNERS[c.orm](db, files);
    await runner.upAll('none');
    const up = await comparable(db);
    await runner.downAll();
    return { before, up, down: await comparable(db) };
  } finally {
    await runner?.close();
    await db.close();
    await db.drop();
  }
}

for (const dialect of ['postgres', 'mariadb'] as const) {
  for (const c of splitCases(dialect)) {
    test(`${c.orm} × ${dialect}: ${c.title}: the pieces give the original's schema and their downs the schema before`, async () => {
      const dir = fs.mkdtempSync(path.join(tmpRoot, `${c.orm}-${dialect}-`));
      const original: ScaffoldFile[] = [{ path: path.join(dir, c.file), text: c.text }];
      if (c.downText !== undefined) original.push({ path: path.join(dir, path.dirname(c.file), 'down.sql'), text: c.downText });
      write(original);

      const checked = await checkPaths([original[0].path], { dialect });
      assert.ok(checked.findings.some((f) => f.rule === 'migration-does-too-much'), 'the size rule flags the original');
      const outcome = splitMigration(splitInputFor(checked.files[0], c.text, checked.projects, {
        listDir: (d) => fs.readdirSync(d), readIfPresent: readTextFileIfPresent,
      }));
      assert.ok(!('refused' in outcome), 'refused' in outcome ? outcome.refused : '');
      const pieces = outcome.files.filter((f) => !f.path.endsWith('down.sql'));
      assert.ok(pieces.length >= 2, 'split into at least two migrations');

      const reference = await upAndDown(dialect, c, original, !!c.statementWise);
      assert.deepEqual(reference.down, reference.before, "the original's own down restores the seed schema");

      for (const f of original) fs.rmSync(f.path);
      write(outcome.files);
      const split = await upAndDown(dialect, c, outcome.files, false);
      assert.deepEqual(split.up, reference.up, "the pieces give the original's schema and data");
      assert.deepEqual(split.down, reference.before, 'their downs, newest first, give the schema before');
    });
  }
}

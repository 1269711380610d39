// The real ORM runners over a fixture history whose downs were removed: each migration file is
// written again with its generated down in place (as `safe-migrations down --write` would), then
// TypeORM's DataSource (runMigrations / undoLastMigration) or umzug with Sequelize's queryInterface
// runs it, one migration at a time.
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource, type MigrationInterface } from 'typeorm';
import { Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';
import type { FileModel } from '../../../server/src/model/migration';
import type { MigrationDown } from '../../../server/src/actions/down/downsForFiles';
import { downEdit } from '../../../server/src/actions/down/downEdit';
import { type CellDatabase, MY, PG } from '../scaffold/cellDatabase';
import { type HistoryRunner, type HistoryStats, roundTripHistory } from './downHarness';
import type { Dialect } from '../../../server/src/model/migration';
import type { DbDialect } from '../scaffold/cellDatabase';

const REPO_MODULES = path.resolve(__dirname, '../../../node_modules');

/** The history's files with their generated downs written in, in a temporary folder that resolves the repo's packages. */
export function writeWithDowns(ordered: { file: FileModel; down: MigrationDown }[]): { paths: string[]; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-down-orm-'));
  fs.symlinkSync(REPO_MODULES, path.join(dir, 'node_modules'), 'dir');
  const paths = ordered.map(({ file, down }) => {
    const target = path.join(dir, path.basename(file.path));
    fs.writeFileSync(target, textWithDown(file, down));
    return target;
  });
  return { paths, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The migration file's text with its generated down written into it. */
export function textWithDown(file: FileModel, down: MigrationDown): string {
  const edit = downEdit(file, file.migrations[down.migrationIndex], down.text);
  if (edit.kind !== 'edit') throw new Error(`${down.migration}: expected an in-file down, got ${edit.kind}${edit.kind === 'refused' ? `: ${edit.reason}` : ''}`);
  return file.text!.slice(0, edit.start) + edit.text + file.text!.slice(edit.end);
}

/** roundTripHistory with the files rewritten with their generated downs, run by `runner`; the files are removed after. */
export async function roundTripWithDowns(dialect: DbDialect, dir: string, runner: (db: CellDatabase, paths: string[]) => Promise<HistoryRunner>, readAs?: Dialect): Promise<HistoryStats> {
  let written: ReturnType<typeof writeWithDowns> | undefined;
  try {
    return await roundTripHistory(dialect, dir, (db, ordered) => {
      written ??= writeWithDowns(ordered);
      return runner(db, written.paths);
    }, readAs);
  } finally {
    written?.remove();
  }
}

/** TypeORM's own runner: the DataSource sees migrations 0…i, so runMigrations runs exactly migration i. */
export async function typeormHistoryRunner(db: CellDatabase, paths: string[]): Promise<HistoryRunner> {
  const instances = paths.map((p) => {
    const mod = require(p) as Record<string, new () => MigrationInterface>;
    return new (Object.values(mod)[0])();
  });
  const ds = new DataSource(db.dialect === 'postgres'
    ? { type: 'postgres', host: PG.host, port: PG.port, username: PG.user, database: PG.database, schema: db.name, extra: { options: `-c search_path=${db.name}`, max: 2 }, migrations: [], migrationsTransactionMode: 'each', logging: false }
    : { type: 'mariadb', host: MY.host, port: MY.port, username: MY.user, password: MY.password, database: db.name, extra: { connectionLimit: 2 }, migrations: [], migrationsTransactionMode: 'each', logging: false });
  await ds.initialize();
  try {
    // The migrations table exists before the first snapshot, so it is part of "before" as well as "after".
    await ds.runMigrations();
  } catch (e) { await ds.destroy(); throw e; }
  const upTo = (i: number) => { ds.migrations.length = 0; ds.migrations.push(...instances.slice(0, i + 1)); };
  return {
    async up(i) {
      upTo(i);
      const ran = await ds.runMigrations({ transaction: 'each' });
      if (ran.length !== 1) throw new Error(`expected migration ${i} to run, ran ${ran.length}`);
    },
    async down(i) {
      upTo(i);
      await ds.undoLastMigration({ transaction: 'each' });
    },
    close: () => ds.destroy(),
  };
}

/** umzug over Sequelize's queryInterface (what sequelize-cli does): up to migration i, down one step. */
export async function sequelizeHistoryRunner(db: CellDatabase, paths: string[]): Promise<HistoryRunner> {
  const sequelize = db.dialect === 'postgres'
    ? new Sequelize(PG.database, PG.user, '', { host: PG.host, port: PG.port, dialect: 'postgres', logging: false, schema: db.name, dialectOptions: { options: `-c search_path=${db.name}` }, pool: { max: 2 } })
    : new Sequelize(db.name, MY.user, MY.password, { host: MY.host, port: MY.port, dialect: 'mysql', logging: false, pool: { max: 2 } });
  const qi = sequelize.getQueryInterface();
  const migrations = paths.map((p) => {
    const mod = require(p) as { up: (q: unknown, s: unknown) => Promise<void>; down: (q: unknown, s: unknown) => Promise<void> };
    return { name: path.basename(p), up: () => mod.up(qi, Sequelize), down: () => mod.down(qi, Sequelize) };
  });
  const umzug = new Umzug({ migrations, context: qi, storage: new SequelizeStorage({ sequelize }), logger: undefined });
  try {
    // SequelizeMeta exists before the first snapshot.
    await umzug.executed();
  } catch (e) { await sequelize.close(); throw e; }
  return {
    async up(i) {
      const ran = await umzug.up({ to: migrations[i].name });
      if (ran.length !== 1) throw new Error(`expected migration ${i} to run, ran ${ran.length}`);
    },
    async down(i) {
      const reverted = await umzug.down({ step: 1 });
      if (reverted[0]?.name !== migrations[i].name) throw new Error(`expected ${migrations[i].name} to be reverted`);
    },
    close: () => sequelize.close(),
  };
}

// Runs a history with its real ORM (TypeORM's DataSource, Sequelize's queryInterface, Prisma's
// migration.sql as `migrate deploy` sends it) on a scratch database of its own (sm_port_…), and
// reads the schema it leaves. The ported files are written to a temporary folder and read back by
// the engine first, so what runs is what `safe-migrations port --write` would leave on disk.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FileModel } from '../../../server/src/model/migration';
import type { ProjectInfo } from '../../../server/src/project/types';
import type { ScaffoldFile } from '../../../server/src/patterns/types';
import { inspectPaths } from '../../../server/src/engine/inspect';
import { orderedMigrations } from '../../../server/src/rules/schemaHistory';
import { parseDatabaseTarget } from '../../../server/src/verify/databaseUrl';
import { openScratchDatabase } from '../../../server/src/verify/scratchDatabase';
import { StatementTracer } from '../../../server/src/verify/statementTracer';
import { type SchemaSnapshot, takeSnapshot } from '../../../server/src/verify/schemaSnapshot';
import type { MigrationRunner } from '../../../server/src/verify/runners/types';
import { typeormRunner } from '../../../server/src/verify/runners/typeormRunner';
import { sequelizeRunner } from '../../../server/src/verify/runners/sequelizeRunner';
import { sqlRunner } from '../../../server/src/verify/runners/sqlRunner';

export type Server = 'postgres' | 'mariadb';
export const root = path.resolve(__dirname, '../../..');
const URLS: Record<Server, string> = { postgres: 'postgres://postgres@127.0.0.1:5432/test', mariadb: 'mariadb://root@127.0.0.1:3306/test' };

/** The fixture histories, one per ORM and dialect family. */
export const HISTORIES: { name: string; dir: string; orm: 'typeorm' | 'sequelize' | 'prisma'; server: Server }[] = [
  { name: 'typeorm-postgres', dir: 'test/fixtures/projects/typeorm-postgres/src/migrations', orm: 'typeorm', server: 'postgres' },
  { name: 'sequelize-postgres', dir: 'test/fixtures/projects/sequelize-postgres/db/migrations', orm: 'sequelize', server: 'postgres' },
  { name: 'prisma-postgres', dir: 'test/fixtures/projects/prisma-postgres/prisma/migrations', orm: 'prisma', server: 'postgres' },
  { name: 'typeorm-mysql', dir: 'test/fixtures/projects/typeorm-mysql/src/migrations', orm: 'typeorm', server: 'mariadb' },
  { name: 'sequelize-mysql', dir: 'test/fixtures/projects/sequelize-mysql/migrations', orm: 'sequelize', server: 'mariadb' },
  { name: 'prisma-mysql', dir: 'test/fixtures/projects/prisma-mysql/prisma/migrations', orm: 'prisma', server: 'mariadb' },
];

export async function readHistory(dir: string): Promise<FileModel[]> {
  return (await inspectPaths([path.resolve(root, dir)])).files.filter((f) => f.migrations.length);
}

export function downTextsOf(files: FileModel[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of files) for (const m of f.migrations) if (m.downPath) out.set(m.downPath, fs.readFileSync(m.downPath, 'utf8'));
  return out;
}

/** Writes ported files under a temporary folder (the runners load the ORMs from this repository's node_modules). */
/**
 * Every up in order, then every down newest first: the schema after each up, and after each down
 * (`afterDown[i]` is the schema once migration i and all later ones are undone).
 */
export async function replayUpDown(dir: string, server: Server, options: { dialect?: 'postgres' | 'mariadb' } = {}): Promise<{ afterUp: SchemaSnapshot[]; afterDown: SchemaSnapshot[]; names: string[] }> {
  const files = (await inspectPaths([dir], { dialect: options.dialect })).files.filter((f) => f.migrations.length);
  const ordered = orderedMigrations(files);
  const db = await openScratchDatabase(parseDatabaseTarget(URLS[server]), { projectRoot: root, prefix: 'sm_port_' });
  const tracer = new StatementTracer({ dialect: server, measure: false });
  let runner: MigrationRunner | undefined;
  const afterUp: SchemaSnapshot[] = [];
  const afterDown: SchemaSnapshot[] = [];
  try {
    const orm = ordered[0].file.orm;
    runner = orm === 'typeorm' ? await typeormRunner(db, tracer, root, ordered[0].file, { typeorm: { dataSources: [{ migrationsTransactionMode: 'each' }] } } as unknown as ProjectInfo)
      : orm === 'sequelize' ? await sequelizeRunner(db, tracer, root)
      : sqlRunner(db, tracer);
    for (const h of ordered) { await runner.up(h); afterUp.push(await takeSnapshot(db)); }
    for (const h of [...ordered].reverse()) {
      try { await runner.down(h); } catch (e) { throw new Error(`down of ${path.basename(h.file.path)}: ${(e as Error).message}`); }
      afterDown.unshift(await takeSnapshot(db));
    }
    return { afterUp, afterDown, names: ordered.map((h) => h.migration.name) };
  } finally {
    await runner?.close().catch(() => undefined);
    await db.close();
  }
}

export function writePorted(files: ScaffoldFile[]): { dir: string; remove(): void } {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-port-'));
  for (const f of files) {
    const target = path.join(base, f.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, f.text);
  }
  return { dir: base, remove: () => fs.rmSync(base, { recursive: true, force: true }) };
}

/** Every migration of the folder, up in order, with its ORM's runner; the schema it leaves. */
export async function replayUp(dir: string, server: Server, options: { dialect?: 'postgres' | 'mariadb'; setup?: string[]; twice?: boolean } = {}): Promise<SchemaSnapshot> {
  const files = (await inspectPaths([dir], { dialect: options.dialect })).files.filter((f) => f.migrations.length);
  const ordered = orderedMigrations(files);
  if (!ordered.length) throw new Error(`no migration found in ${dir}`);
  const db = await openScratchDatabase(parseDatabaseTarget(URLS[server]), { projectRoot: root, prefix: 'sm_port_' });
  const tracer = new StatementTracer({ dialect: server, measure: false });
  for (const sql of options.setup ?? []) await db.query(sql);
  let runner: MigrationRunner | undefined;
  try {
    const orm = ordered[0].file.orm;
    // Mode 'each', as the TypeORM fixture project configures it: a migration may then set `transaction = false`.
    runner = orm === 'typeorm' ? await typeormRunner(db, tracer, root, ordered[0].file, { typeorm: { dataSources: [{ migrationsTransactionMode: 'each' }] } } as unknown as ProjectInfo)
      : orm === 'sequelize' ? await sequelizeRunner(db, tracer, root)
      : sqlRunner(db, tracer);
    // twice: every up runs again right after itself, as a re-run after a failure would (guards must make it harmless).
    for (const h of ordered.flatMap((x) => (options.twice ? [x, x] : [x]))) {
      try { await runner.up(h); } catch (e) { const parent = (e as { parent?: Error }).parent; throw new Error(`${path.basename(h.file.path)}: ${(e as Error).message}${parent ? ` (${parent.message})` : ""}`); }
    }
    return await takeSnapshot(db);
  } finally {
    await runner?.close().catch(() => undefined);
    await db.close();
  }
}

// The throw-away database a verification runs on: PGlite in process, or a database of its own created
// on a PostgreSQL / MySQL / MariaDB server and dropped afterwards. All of the verifier's database I/O
// goes through here.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DatabaseTarget } from './databaseUrl';
import { describeTarget } from './databaseUrl';
import type { VerifyDialect } from './types';
import { requireFromProject } from './workspacePackages';

export type Row = Record<string, unknown>;

/** What an ORM connects with. */
export interface ConnectionSettings { host: string; port: number; user: string; password: string; database: string }

export interface ScratchDatabase {
  dialect: VerifyDialect;
  kind: 'pglite' | 'server';
  /** Shown to the user; never holds a password. */
  label: string;
  query(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Sends a whole script in one call, as `prisma migrate deploy` and `db execute` do. */
  script(sql: string): Promise<void>;
  /** Where an ORM connects to reach this database (PGlite: a local socket started on first call). */
  connectionSettings(): Promise<ConnectionSettings>;
  /** Drops the scratch database and closes every connection. */
  close(): Promise<void>;
}

export class SetupError extends Error {}

export interface OpenOptions {
  /** Where the workspace's `pg` / `mysql2` are resolved from. */
  projectRoot: string;
  /** Name prefix of the scratch database created on a server. */
  prefix?: string;
}

export function scratchName(prefix = 'safe_migrations_verify_'): string {
  return `${prefix}${randomBytes(4).toString('hex')}`;
}

export async function openScratchDatabase(target: DatabaseTarget, options: OpenOptions): Promise<ScratchDatabase> {
  if (target.kind === 'pglite') return openPglite();
  return target.dialect === 'postgres' ? openPostgresServer(target, options) : openMysqlServer(target, options);
}

interface PgliteInstance {
  query(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  exec(sql: string): Promise<unknown>;
  execProtocolRaw(message: Uint8Array): Promise<Uint8Array>;
  dumpDataDir(compression: 'gzip'): Promise<Blob>;
  close(): Promise<void>;
}

async function openPglite(): Promise<ScratchDatabase> {
  const db = await createPglite();
  let bridge: Promise<net.Server> | undefined;
  return {
    dialect: 'postgres', kind: 'pglite', label: describeTarget({ kind: 'pglite', dialect: 'postgres' }),
    query: async (sql, params) => (await db.query(sql, params)).rows,
    script: async (sql) => { await db.exec(sql); },
    async connectionSettings() {
      bridge ??= wireProtocolBridge(db);
      const { port } = (await bridge).address() as net.AddressInfo;
      return { host: '127.0.0.1', port, user: 'postgres', password: '', database: 'postgres' };
    },
    async close() {
      if (bridge) {
        const server = await bridge;
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      await db.close();
    },
  };
}

/**
 * A fresh PGlite runs initdb first (2 s idle, 20 s on a loaded machine); a saved fresh data directory loads in a
 * fraction of that. It is saved once per PGlite version in the user's cache folder.
 */
async function createPglite(): Promise<PgliteInstance> {
  const dir = pgliteDir();
  const { PGlite } = require(path.join(dir, 'dist', 'index.cjs')) as { PGlite: { create(o?: { loadDataDir?: Blob }): Promise<PgliteInstance> } };
  const version = (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  const cached = path.join(process.env.SAFE_MIGRATIONS_CACHE ?? path.join(os.homedir(), '.cache', 'safe-migrations'), `pglite-${version}-fresh.tar.gz`);
  if (fs.existsSync(cached)) {
    try { return await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(cached)]) }); } catch { fs.rmSync(cached, { force: true }); }
  }
  const db = await PGlite.create();
  try {
    const dump = await db.dumpDataDir('gzip');
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    const partial = `${cached}.${process.pid}`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, cached);
  } catch { /* no cache: the next run initialises again */ }
  return db;
}

/** PGlite's package folder: dist/pglite/ beside the bundle (scripts/bundle.mjs copies it there), else node_modules. */
function pgliteDir(): string {
  const bundled = path.join(__dirname, 'pglite');
  return fs.existsSync(path.join(bundled, 'package.json')) ? bundled : path.resolve(path.dirname(require.resolve('@electric-sql/pglite')), '..');
}

/**
 * ORMs speak the wire protocol; PGlite takes it raw. Every client connection is forwarded to PGlite's one
 * backend (so they all share one session, like a pool of one), chunk by chunk, one chunk at a time.
 */
function wireProtocolBridge(db: PgliteInstance): Promise<net.Server> {
  let queue: Promise<unknown> = Promise.resolve();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk) => {
      // 'X' (Terminate) would end PGlite's only session: the client is done, so just close its socket.
      if (chunk.length === 5 && chunk[0] === 0x58) { socket.end(); return; }
      queue = queue.then(async () => {
        const reply = await db.execProtocolRaw(new Uint8Array(chunk));
        if (reply.length && socket.writable) socket.write(Buffer.from(reply));
      }).catch(() => socket.destroy());
    });
  });
  const close = server.close.bind(server);
  server.close = ((cb?: (err?: Error) => void) => { for (const s of sockets) s.destroy(); return close(cb); }) as typeof server.close;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

type ServerTarget = Extract<DatabaseTarget, { kind: 'server' }>;

interface PgClient { connect(): Promise<void>; query(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>; end(): Promise<void>; on(e: string, f: () => void): void }

async function openPostgresServer(target: ServerTarget, options: OpenOptions): Promise<ScratchDatabase> {
  const pg = requireFromProject<{ Client: new (o: object) => PgClient }>('pg', options.projectRoot, 'Verifying on a PostgreSQL server');
  const base = { host: target.host, port: target.port, user: target.user, password: target.password };
  const admin = new pg.Client({ ...base, database: target.database ?? 'postgres' });
  await connectOrExplain(admin, target);
  const name = scratchName(options.prefix);
  let ownDatabase = true;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (e) {
    if ((e as { code?: string }).code !== '42501' || !target.database) { await admin.end(); throw new SetupError(`cannot create a scratch database on ${describeTarget(target)}: ${(e as Error).message}`); }
    ownDatabase = false;
  }
  if (!ownDatabase) {
    // No CREATEDB right: the named database itself is used, but only when there is nothing in it to damage.
    const tables = (await admin.query(`SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`)).rows[0].n as number;
    if (tables > 0) { await admin.end(); throw new SetupError(`refusing to verify in ${describeTarget(target)}: it already has ${tables} tables and the user may not create a scratch database`); }
  }
  const client = ownDatabase ? new pg.Client({ ...base, database: name }) : admin;
  if (ownDatabase) await client.connect();
  client.on('error', () => undefined);
  return {
    dialect: 'postgres', kind: 'server', label: describeTarget(target),
    query: async (sql, params) => (await client.query(sql, params)).rows,
    script: async (sql) => {
      try { await client.query(sql); } catch (e) { await client.query('ROLLBACK').catch(() => undefined); throw e; }
    },
    connectionSettings: async () => ({ ...base, database: ownDatabase ? name : target.database! }),
    async close() {
      if (!ownDatabase) {
        await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public').catch(() => undefined);
        await client.end();
        return;
      }
      await client.end();
      try { await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } finally { await admin.end(); }
    },
  };
}

async function connectOrExplain(client: PgClient, target: ServerTarget): Promise<void> {
  try { await client.connect(); } catch (e) { throw new SetupError(`cannot connect to ${describeTarget(target)}: ${(e as Error).message}`); }
}

interface MysqlConnection { query(sql: string, params?: unknown[]): Promise<[unknown, unknown]>; end(): Promise<void> }

async function openMysqlServer(target: ServerTarget, options: OpenOptions): Promise<ScratchDatabase> {
  const mysql = requireFromProject<{ createConnection(o: object): Promise<MysqlConnection> }>('mysql2/promise', options.projectRoot, `Verifying on a ${target.dialect === 'mariadb' ? 'MariaDB' : 'MySQL'} server`);
  const base = { host: target.host, port: target.port, user: target.user, password: target.password };
  let admin: MysqlConnection;
  try { admin = await mysql.createConnection(base); } catch (e) { throw new SetupError(`cannot connect to ${describeTarget(target)}: ${(e as Error).message}`); }
  const name = scratchName(options.prefix);
  try { await admin.query(`CREATE DATABASE \`${name}\``); } catch (e) {
    await admin.end();
    throw new SetupError(`cannot create a scratch database on ${describeTarget(target)}: ${(e as Error).message}`);
  }
  const conn = await mysql.createConnection({ ...base, database: name, multipleStatements: true, dateStrings: true, supportBigNumbers: true, bigNumberStrings: true });
  return {
    dialect: target.dialect, kind: 'server', label: describeTarget(target),
    query: async (sql, params) => (await conn.query(sql, params))[0] as Row[],
    script: async (sql) => { await conn.query(sql); },
    connectionSettings: async () => ({ ...base, database: name }),
    async close() {
      await conn.end().catch(() => undefined);
      try { await admin.query(`DROP DATABASE IF EXISTS \`${name}\``); } finally { await admin.end(); }
    },
  };
}

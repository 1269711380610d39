#!/usr/bin/env node
// `npm run bench`: generates a corpus (~2,000 migrations across TypeORM, Sequelize and Prisma, plus
// one 2,000-statement PostgreSQL file), then measures the engine in-process (files/s, p50/p95 per
// file) and the CLI end to end, beside squawk-cli on the same SQL file in the same run.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, '.bench');
const corpus = path.join(out, 'corpus');
const engineJs = path.join(root, 'out', 'server', 'src', 'engine', 'engine.js');
if (!fs.existsSync(engineJs)) { console.error('Run `npm run build` first.'); process.exit(2); }

// A small deterministic PRNG so the corpus is the same on every machine.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const TABLES = ['users', 'orders', 'products', 'invoices', 'payments', 'accounts', 'sessions', 'events', 'comments', 'tags'];
const COLS = ['status', 'email', 'amount', 'note', 'created_by', 'region', 'score', 'title', 'sku', 'ref'];
const TYPES = ['integer', 'bigint', 'text', 'varchar(255)', 'boolean', 'timestamptz', 'jsonb', 'numeric(10,2)'];

function pgStatement(i) {
  const t = pick(TABLES), c = `${pick(COLS)}_${i}`, ty = pick(TYPES);
  return pick([
    `CREATE TABLE IF NOT EXISTS "${t}_${i}" ("id" bigserial PRIMARY KEY, "${c}" ${ty} NOT NULL DEFAULT 0, "created_at" timestamptz NOT NULL DEFAULT now());`,
    `ALTER TABLE "${t}" ADD COLUMN "${c}" ${ty};`,
    `CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_${t}_${c}" ON "${t}" ("${c}");`,
    `ALTER TABLE "${t}" ALTER COLUMN "${c}" SET NOT NULL;`,
    `ALTER TABLE "${t}" ADD CONSTRAINT "fk_${t}_${i}" FOREIGN KEY ("${c}") REFERENCES "users"("id") NOT VALID;`,
    `ALTER TABLE "${t}" VALIDATE CONSTRAINT "fk_${t}_${i}";`,
    `UPDATE "${t}" SET "${c}" = 0 WHERE "${c}" IS NULL AND id < ${i * 1000};`,
    `ALTER TABLE "${t}" RENAME COLUMN "${c}" TO "${c}_new";`,
    `DROP INDEX IF EXISTS "idx_${t}_${c}";`,
    `ALTER TABLE "${t}" ALTER COLUMN "${c}" TYPE ${ty} USING "${c}"::${ty};`,
  ]);
}

function typeormFile(i) {
  const ts = 1700000000000 + i * 1000, name = `Change${pick(TABLES)}${i}`, t = pick(TABLES), c = `${pick(COLS)}_${i}`;
  const body = rand() < 0.5
    ? `await queryRunner.query(\`ALTER TABLE "${t}" ADD "${c}" integer\`);\n        await queryRunner.query(\`CREATE INDEX "IDX_${i}" ON "${t}" ("${c}") \`);`
    : `await queryRunner.addColumn("${t}", new TableColumn({ name: "${c}", type: "varchar", length: "255", isNullable: true }));\n        await queryRunner.createIndex("${t}", new TableIndex({ name: "IDX_${i}", columnNames: ["${c}"] }));`;
  const down = body.includes('addColumn')
    ? `await queryRunner.dropIndex("${t}", "IDX_${i}");\n        await queryRunner.dropColumn("${t}", "${c}");`
    : `await queryRunner.query(\`DROP INDEX "public"."IDX_${i}"\`);\n        await queryRunner.query(\`ALTER TABLE "${t}" DROP COLUMN "${c}"\`);`;
  return [`${ts}-${name}.ts`, `import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from "typeorm";

export class ${name}${ts} implements MigrationInterface {
    name = '${name}${ts}'

    public async up(queryRunner: QueryRunner): Promise<void> {
        ${body}
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        ${down}
    }
}
`];
}

function sequelizeFile(i) {
  const stamp = `2024${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(100000 + i).slice(-6)}`;
  const t = pick(TABLES), c = `${pick(COLS)}_${i}`;
  return [`${stamp}-change-${t}-${i}.js`, `'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addColumn('${t}', '${c}', { type: Sequelize.STRING(120), allowNull: true });
    await queryInterface.addIndex('${t}', ['${c}'], { name: '${t}_${c}_idx', concurrently: true });
    await queryInterface.bulkUpdate('${t}', { ${c}: 'x' }, { id: ${i} });
  },

  async down(queryInterface, Sequelize) {
    await queryInterface.removeIndex('${t}', '${t}_${c}_idx');
    await queryInterface.removeColumn('${t}', '${c}');
  },
};
`];
}

function prismaFolder(i) {
  const stamp = `2024${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(100000 + i).slice(-6)}`;
  const t = pick(TABLES), c = `${pick(COLS)}_${i}`;
  return [`${stamp}_change_${t}_${i}`, `-- AlterTable
ALTER TABLE "${t}" ADD COLUMN "${c}" TEXT;

-- CreateTable
CREATE TABLE "${t}_${i}" (
    "id" SERIAL NOT NULL,
    "${c}" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "${t}_${i}_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "${t}_${i}_${c}_key" ON "${t}_${i}"("${c}");
`];
}

function generate() {
  fs.rmSync(corpus, { recursive: true, force: true });
  const dirs = {
    typeorm: path.join(corpus, 'typeorm', 'src', 'migrations'),
    sequelize: path.join(corpus, 'sequelize', 'migrations'),
    prisma: path.join(corpus, 'prisma', 'prisma', 'migrations'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(corpus, 'typeorm', 'package.json'), JSON.stringify({ name: 'bench-typeorm', dependencies: { typeorm: '1.1.1', pg: '8' } }));
  fs.writeFileSync(path.join(corpus, 'typeorm', 'src', 'data-source.ts'), `import { DataSource } from 'typeorm';\nexport default new DataSource({ type: 'postgres', migrations: ['src/migrations/*.ts'] });\n`);
  fs.writeFileSync(path.join(corpus, 'sequelize', 'package.json'), JSON.stringify({ name: 'bench-sequelize', dependencies: { sequelize: '6.37.8' }, devDependencies: { 'sequelize-cli': '6.6.5' } }));
  fs.mkdirSync(path.join(corpus, 'sequelize', 'config'));
  fs.writeFileSync(path.join(corpus, 'sequelize', 'config', 'config.json'), JSON.stringify({ development: { dialect: 'postgres' } }));
  fs.writeFileSync(path.join(corpus, 'prisma', 'package.json'), JSON.stringify({ name: 'bench-prisma', devDependencies: { prisma: '7.10.1' } }));
  fs.writeFileSync(path.join(corpus, 'prisma', 'prisma', 'schema.prisma'), 'datasource db {\n  provider = "postgresql"\n}\n');
  for (let i = 0; i < 700; i++) { const [f, text] = typeormFile(i); fs.writeFileSync(path.join(dirs.typeorm, f), text); }
  for (let i = 0; i < 650; i++) { const [f, text] = sequelizeFile(i); fs.writeFileSync(path.join(dirs.sequelize, f), text); }
  for (let i = 0; i < 650; i++) {
    const [d, text] = prismaFolder(i);
    fs.mkdirSync(path.join(dirs.prisma, d));
    fs.writeFileSync(path.join(dirs.prisma, d, 'migration.sql'), text);
  }
  // Outside any project, like the file squawk is given: the CLI's time is then reading, not project detection.
  const bigDir = path.join(require('node:os').tmpdir(), 'safe-migrations-bench');
  fs.mkdirSync(bigDir, { recursive: true });
  const big = path.join(bigDir, 'big-2000.sql');
  fs.writeFileSync(big, Array.from({ length: 2000 }, (_, i) => pgStatement(i)).join('\n') + '\n');
  return { dirs, big };
}

/**
 * A 163-migration Prisma history (PostgreSQL) made of real migration.sql files from test/realworld
 * (umami, hoppscotch), cycled under new folder names; generated ones if test/realworld is absent.
 */
function prismaHistory(count) {
  const dir = path.join(out, 'prisma-history');
  fs.rmSync(dir, { recursive: true, force: true });
  const migrations = path.join(dir, 'prisma', 'migrations');
  fs.mkdirSync(migrations, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'bench-prisma-history', devDependencies: { prisma: '7.10.1' } }));
  fs.writeFileSync(path.join(dir, 'prisma', 'schema.prisma'), 'datasource db {\n  provider = "postgresql"\n}\n');
  fs.writeFileSync(path.join(migrations, 'migration_lock.toml'), 'provider = "postgresql"\n');
  const real = [];
  const walk = (d) => {
    for (const e of fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }) : []) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name === 'migration.sql' && !/mysql/i.test(full)) real.push(fs.readFileSync(full, 'utf8'));
    }
  };
  walk(path.join(root, 'test', 'realworld'));
  const files = [];
  for (let i = 0; i < count; i++) {
    const stamp = String(20230101000000 + i * 100);
    const [name, text] = real.length ? [`${stamp}_real_${i}`, real[i % real.length]] : prismaFolder(i);
    fs.mkdirSync(path.join(migrations, name));
    fs.writeFileSync(path.join(migrations, name, 'migration.sql'), text);
    files.push(path.join(migrations, name, 'migration.sql'));
  }
  return { dir, files, fromRealWorld: real.length };
}

/** Median wall time of a whole process (start to exit), output discarded. */
function wallMedian(cmd, args, runs, cwd = root) {
  const times = [];
  spawnSync(cmd, args, { stdio: 'ignore', cwd }); // warm the file cache
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    spawnSync(cmd, args, { stdio: 'ignore', cwd });
    times.push(performance.now() - s);
  }
  return pct(times, 0.5);
}

/**
 * Whole-process medians of several commands run in turn, round after round, so that a change in
 * machine load hits all of them alike; `ratios[name]` is the median of ours / that command per round.
 */
function interleavedMedians(commands, runs, cwd = root) {
  const names = Object.keys(commands).filter((n) => commands[n]);
  const times = Object.fromEntries(names.map((n) => [n, []]));
  for (const n of names) spawnSync(commands[n][0], commands[n][1], { stdio: 'ignore', cwd }); // warm the file cache
  for (let i = 0; i < runs; i++) {
    for (const n of names) {
      const s = performance.now();
      spawnSync(commands[n][0], commands[n][1], { stdio: 'ignore', cwd });
      times[n].push(performance.now() - s);
    }
  }
  const medians = Object.fromEntries(names.map((n) => [n, pct(times[n], 0.5)]));
  const ratios = Object.fromEntries(names.map((n) => [n, pct(times.ours.map((t, i) => t / times[n][i]), 0.5)]));
  return { medians, ratios };
}

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const ms = (n) => n.toFixed(2);

/**
 * A 1,000-line TypeORM migration made of the one-line `queryRunner.query(...)` calls of the real
 * PostgreSQL migrations in test/realworld, cycled (the size of the real 900–1,300-line migrations
 * the issue timed); generated statements when test/realworld is absent.
 */
function thousandLineMigration() {
  const calls = [];
  const walk = (d) => {
    for (const e of fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }) : []) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.ts$/.test(e.name) && /postgres/i.test(full)) {
        for (const l of fs.readFileSync(full, 'utf8').split('\n')) if (/^\s*await queryRunner\.query\(`.*`\)\s*;?\s*$/.test(l)) calls.push(l.trim());
      }
    }
  };
  walk(path.join(root, 'test', 'realworld'));
  if (!calls.length) for (let i = 0; i < 50; i++) calls.push(`await queryRunner.query(\`${pgStatement(i).replace(/;$/, '')}\`)`);
  const body = (from) => Array.from({ length: 490 }, (_, i) => `        ${calls[(i + from) % calls.length]}`).join('\n');
  return `import { MigrationInterface, QueryRunner } from 'typeorm'\n\nexport class Big1700000000000 implements MigrationInterface {\n    name = 'Big1700000000000'\n\n    public async up(queryRunner: QueryRunner): Promise<void> {\n${body(0)}\n    }\n\n    public async down(queryRunner: QueryRunner): Promise<void> {\n${body(7)}\n    }\n}\n`;
}

/** Resident memory of a process in MB (Linux /proc, else ps). */
function rssMb(pid) {
  try { return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024; } catch { /* not Linux */ }
  try { return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024; } catch { return NaN; }
}

/** dist/server.js over stdio, driven by a plain JSON-RPC client: open, edit and hover, timed from the client. */
async function startServer(folders, env = {}) {
  const { spawn } = await import('node:child_process');
  const { pathToFileURL } = await import('node:url');
  const rpc = require('vscode-jsonrpc/node');
  const child = spawn(process.execPath, [path.join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'], env: { ...process.env, ...env } });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const waiters = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    // A file that is not a migration gets an empty list without a version.
    for (const key of [`${p.uri}#${p.version}`, `${p.uri}#any`]) { const w = waiters.get(key); if (w) { waiters.delete(key); w(performance.now()); } }
  });
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/logMessage', () => undefined);
  conn.listen();
  const uris = folders.map((f) => pathToFileURL(f).toString());
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: uris[0], workspaceFolders: uris.map((uri, i) => ({ uri, name: `ws${i}` })), capabilities: {} });
  await conn.sendNotification('initialized', {});
  const diagnostics = (uri, version) => new Promise((resolve) => { waiters.set(`${uri}#${version}`, resolve); });
  const server = {
    uri: (file) => pathToFileURL(file).toString(),
    rss: () => rssMb(child.pid),
    /** ms from didOpen to the diagnostics of that version. */
    async open(file, languageId, text) {
      const uri = server.uri(file);
      const done = Promise.race([diagnostics(uri, 1), diagnostics(uri, 'any')]);
      const s = performance.now();
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return (await done) - s;
    },
    /** Sends a didChange; resolves the ms to its diagnostics. */
    change(file, version, contentChanges) {
      const uri = server.uri(file);
      const done = diagnostics(uri, version);
      const s = performance.now();
      void conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
      return done.then((t) => t - s);
    },
    async hover(file, position) {
      const s = performance.now();
      const h = await conn.sendRequest('textDocument/hover', { textDocument: { uri: server.uri(file) }, position });
      return { ms: performance.now() - s, found: !!h };
    },
    async stop() {
      await conn.sendRequest('shutdown').catch(() => undefined);
      await conn.sendNotification('exit').catch(() => undefined);
      conn.dispose();
      child.kill();
    },
  };
  return server;
}

/**
 * Where a keystroke's time goes, in-process (out/): reading the file afresh, reading it with the
 * editor caches (as the server does), and the rules (checkFile). Medians of 21 keystrokes.
 */
function inProcessKeystrokes(engine, c) {
  const { withEditorCaches } = require(path.join(root, 'out', 'server', 'src', 'readers', 'editorCaches.js'));
  const { checkFile } = require(path.join(root, 'out', 'server', 'src', 'engine', 'check.js'));
  const lines = c.text.split('\n');
  const at = lines[c.line].indexOf('"') + 1;
  const config = require(path.join(root, 'out', 'server', 'src', 'config', 'load.js')).loadConfig(path.dirname(c.file));
  const options = { config };
  withEditorCaches(() => engine.readMigrationText(c.file, c.text, options));
  const fresh = [], cached = [], rules = [];
  for (let i = 0; i < 21; i++) {
    lines[c.line] = lines[c.line].slice(0, at + i) + 'x' + lines[c.line].slice(at + i);
    const text = lines.join('\n');
    let s = performance.now();
    engine.readMigrationText(c.file, text, options);
    fresh.push(performance.now() - s);
    s = performance.now();
    const model = withEditorCaches(() => engine.readMigrationText(c.file, text, options));
    cached.push(performance.now() - s);
    s = performance.now();
    checkFile(model, config, []);
    rules.push(performance.now() - s);
  }
  return { fresh: pct(fresh, 0.5), cached: pct(cached, 0.5), rules: pct(rules, 0.5) };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** One typed character at (line, character). */
const keystroke = (line, character, text = 'x') => [{ range: { start: { line, character }, end: { line, character } }, text }];

/**
 * The editor's figures, talking plain LSP to the bundled server: time from didChange to published
 * diagnostics with the debounce set to 0 (the analysis itself), hovers sent while that analysis runs,
 * hovers during fast typing with the real 150 ms debounce, and the server's memory.
 */
async function measureEditor(engine, bigText, corpusTypeorm) {
  const ws = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'sm-bench-lsp-'));
  fs.mkdirSync(path.join(ws, 'migrations'));
  fs.mkdirSync(path.join(ws, 'src', 'migrations'), { recursive: true });
  fs.writeFileSync(path.join(ws, '.safe-migrations.json'), JSON.stringify({ dialect: 'postgres' }));
  const tsFile = path.join(ws, 'src', 'migrations', '1700000000000-Big.ts');
  const tsText = thousandLineMigration();
  fs.writeFileSync(tsFile, tsText);
  const sqlFile = path.join(ws, 'migrations', '001_big.sql');
  fs.writeFileSync(sqlFile, bigText);
  // Typed into a statement in the middle of each file (a quoted name), hovered on another statement.
  const cases = [
    { name: '1,000-line TypeORM migration', file: tsFile, lang: 'typescript', text: tsText, line: 300, hoverLine: 200 },
    { name: '2,000-statement SQL file', file: sqlFile, lang: 'sql', text: bigText, line: 1000, hoverLine: 900 },
  ];
  const typingAt = (c) => c.text.split('\n')[c.line].indexOf('"') + 1;
  const hoverAt = (c) => ({ line: c.hoverLine, character: c.text.split('\n')[c.hoverLine].indexOf('"') + 1 });
  const out = { cases: [] };

  // 1. The analysis itself: debounce 0, 21 keystrokes each waited for, alternating with a second
  // server that runs without the editor caches (same keystrokes, same moment, so load hits both);
  // then hovers sent 2 ms into an analysis.
  const fast = await startServer([ws], { SAFE_MIGRATIONS_DEBOUNCE_MS: '0' });
  const uncached = await startServer([ws], { SAFE_MIGRATIONS_DEBOUNCE_MS: '0', SAFE_MIGRATIONS_EDITOR_CACHES: '0' });
  for (const c of cases) {
    const open = await fast.open(c.file, c.lang, c.text);
    await uncached.open(c.file, c.lang, c.text);
    const at = typingAt(c);
    let version = 1;
    const edits = [], editsUncached = [];
    for (let i = 0; i < 21; i++) {
      version++;
      edits.push(await fast.change(c.file, version, keystroke(c.line, at + i)));
      editsUncached.push(await uncached.change(c.file, version, keystroke(c.line, at + i)));
    }
    const inProcess = inProcessKeystrokes(engine, c);
    const during = [];
    for (let i = 0; i < 11; i++) {
      version++;
      const analysed = fast.change(c.file, version, keystroke(c.line, at + 21 + i));
      await sleep(2);
      during.push((await fast.hover(c.file, hoverAt(c))).ms);
      await analysed;
    }
    const idle = (await fast.hover(c.file, hoverAt(c)));
    out.cases.push({ name: c.name, lines: c.text.split('\n').length, open, edit: pct(edits, 0.5), editP95: pct(edits, 0.95), editUncached: pct(editsUncached, 0.5), inProcess, hoverDuring: pct(during, 0.5), hoverDuringP95: pct(during, 0.95), hoverIdle: idle.ms, hoverFound: idle.found });
  }
  out.rssBig = fast.rss();
  await fast.stop();
  await uncached.stop();

  // 2. Fast typing with the real debounce: 120 keystrokes 35 ms apart, a hover after every 4th.
  const typing = await startServer([ws]);
  for (const c of cases) {
    await typing.open(c.file, c.lang, c.text);
    const at = typingAt(c);
    const hovers = [];
    let last;
    for (let i = 0; i < 120; i++) {
      last = typing.change(c.file, i + 2, keystroke(c.line, at + i));
      if (i % 4 === 3) hovers.push((await typing.hover(c.file, hoverAt(c))).ms);
      await sleep(35);
    }
    await last;
    out.cases.find((x) => x.name === c.name).hoverTyping = { p50: pct(hovers, 0.5), p95: pct(hovers, 0.95), n: hovers.length };
  }
  await typing.stop();

  // 3. Memory: the 2,000-statement file open (above); every real-world migration open; 20 of the
  // 700 TypeORM corpus migrations open in their project (the issue's 700-migration case).
  const realworld = path.join(root, 'test', 'realworld');
  const projects = fs.existsSync(realworld) ? fs.readdirSync(realworld).map((d) => path.join(realworld, d)).filter((d) => fs.statSync(d).isDirectory()) : [];
  const realFiles = [];
  const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const f = path.join(d, e.name); if (e.isDirectory()) { if (e.name !== 'node_modules') walk(f); } else if (/migrations?[\\/].*\.(ts|js|sql)$/.test(f)) realFiles.push(f); } };
  projects.forEach(walk);
  if (realFiles.length) {
    const rw = await startServer(projects);
    for (const f of realFiles) await rw.open(f, f.endsWith('.sql') ? 'sql' : f.endsWith('.ts') ? 'typescript' : 'javascript', fs.readFileSync(f, 'utf8'));
    out.rssRealWorld = { mb: rw.rss(), files: realFiles.length };
    await rw.stop();
  }
  const corpusFiles = fs.readdirSync(path.join(corpusTypeorm, 'src', 'migrations')).sort().slice(-20).map((f) => path.join(corpusTypeorm, 'src', 'migrations', f));
  const corpusServer = await startServer([corpusTypeorm]);
  // Before any document: what the server costs by itself (its bundle, libpg-query's WASM).
  await sleep(1000);
  out.rssIdle = corpusServer.rss();
  for (const f of corpusFiles) await corpusServer.open(f, 'typescript', fs.readFileSync(f, 'utf8'));
  out.rssCorpus = { mb: corpusServer.rss(), open: corpusFiles.length, project: fs.readdirSync(path.join(corpusTypeorm, 'src', 'migrations')).length };
  await corpusServer.stop();
  fs.rmSync(ws, { recursive: true, force: true });
  return out;
}

async function main() {
  const { big } = generate();
  const engine = require(engineJs);
  const { collectFiles, readTextFile } = require(path.join(root, 'out', 'server', 'src', 'engine', 'workspace.js'));
  const { checkFiles } = require(path.join(root, 'out', 'server', 'src', 'engine', 'check.js'));
  const { loadConfig } = require(path.join(root, 'out', 'server', 'src', 'config', 'load.js'));
  await engine.initEngine();
  const results = [];
  let inProcessReadMs = 0;

  // In-process, per ORM: read every file (warm: one untimed pass first).
  for (const orm of ['typeorm', 'sequelize', 'prisma']) {
    const collected = collectFiles([path.join(corpus, orm)]);
    const texts = collected.files.map((f) => [f, readTextFile(f)]);
    for (const [f, t] of texts) engine.readMigrationText(f, t, { projects: collected.projects });
    const times = [];
    let ops = 0, unknown = 0;
    const t0 = performance.now();
    for (const [f, t] of texts) {
      const s = performance.now();
      const model = engine.readMigrationText(f, t, { projects: collected.projects });
      times.push(performance.now() - s);
      for (const m of model.migrations) for (const op of [...m.up, ...m.down]) { ops++; if (op.kind === 'unknown') unknown++; }
    }
    const total = performance.now() - t0;
    inProcessReadMs += total;
    results.push({ what: `read ${orm}`, files: texts.length, filesPerSec: Math.round(texts.length / (total / 1000)), p50: pct(times, 0.5), p95: pct(times, 0.95), ops, unknown });
  }

  // Check (read + rules) per file over the whole corpus.
  {
    const collected = collectFiles([corpus]);
    const config = loadConfig(corpus);
    const models = collected.files.map((f) => engine.readMigrationText(f, readTextFile(f), { projects: collected.projects }));
    const t0 = performance.now();
    const findings = checkFiles(models, config);
    const total = performance.now() - t0;
    results.push({ what: 'rules over corpus', files: models.length, msPerFile: total / models.length, findings: findings.length, totalMs: total });
  }

  // The 2,000-statement file: engine in-process vs squawk's binary, same file, same run.
  const bigText = fs.readFileSync(big, 'utf8');
  engine.readMigrationText(big, bigText, { dialect: 'postgres' });
  const bigTimes = [];
  let bigOps = 0;
  for (let i = 0; i < 10; i++) {
    const s = performance.now();
    const model = engine.readMigrationText(big, bigText, { dialect: 'postgres' });
    bigTimes.push(performance.now() - s);
    bigOps = model.migrations[0]?.up.length ?? 0;
  }
  const cli = path.join(root, 'bin', 'safe-migrations.js');
  const wall = (cmd, args) => { const s = performance.now(); spawnSync(cmd, args, { stdio: 'ignore' }); return performance.now() - s; };
  const cliTimes = Array.from({ length: 5 }, () => wall(process.execPath, [cli, 'inspect', big, '--format', 'json', '--dialect', 'postgres']));
  let squawkBin;
  try { squawkBin = execFileSync('bash', [path.join(root, 'scripts', 'setup-squawk.sh')], { encoding: 'utf8' }).trim(); } catch { /* offline without a cache: reported below */ }
  const squawkTimes = squawkBin ? Array.from({ length: 5 }, () => wall(squawkBin, ['--reporter', 'json', big])) : [];
  const cliCorpus = wall(process.execPath, [cli, 'inspect', corpus, '--format', 'json']);

  // Whole processes side by side, same run: a 163-migration Prisma history, one small SQL file, and
  // `check` over the 2,000-file corpus against the engine's in-process time for the same work.
  const history = prismaHistory(163);
  let pgfenceJs;
  try { pgfenceJs = execFileSync('bash', [path.join(root, 'scripts', 'setup-pgfence.sh')], { encoding: 'utf8' }).trim(); } catch { /* reported below */ }
  const sideRun = interleavedMedians({
    ours: [process.execPath, [cli, 'check', history.dir, '--format', 'json', '--fail-on', 'never']],
    pgfence: pgfenceJs && [process.execPath, [pgfenceJs, 'analyze', '--format', 'prisma', '--output', 'json', ...history.files]],
    squawk: squawkBin && [squawkBin, ['--reporter', 'json', ...history.files]],
  }, 7);
  const side = sideRun.medians;
  const smallDir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'sm-bench-small-'));
  const small = path.join(smallDir, '20240101000000_add_email.sql');
  fs.writeFileSync(small, 'ALTER TABLE "users" ADD COLUMN "email" text;\nCREATE INDEX CONCURRENTLY "users_email_idx" ON "users" ("email");\n');
  const smallRun = interleavedMedians({
    ours: [process.execPath, [cli, 'check', small, '--dialect', 'postgres']],
    squawk: squawkBin && [squawkBin, ['--reporter', 'json', small]],
    node: [process.execPath, ['-e', '0']],
  }, 9);
  const smallOurs = smallRun.medians.ours;
  const smallSquawk = smallRun.medians.squawk;
  const nodeStart = smallRun.medians.node;
  fs.rmSync(smallDir, { recursive: true, force: true });
  const corpusCheck = wallMedian(process.execPath, [cli, 'check', corpus, '--format', 'json', '--fail-on', 'never'], 3);
  const corpusInProcess = inProcessReadMs + results.find((r) => r.what === 'rules over corpus').totalMs;

  const editor = await measureEditor(engine, bigText, path.join(corpus, 'typeorm'));

  const lines = [];
  lines.push(`Safe Migrations bench — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${require('node:os').cpus().length} cores`);
  lines.push('');
  lines.push('| corpus | files | files/s | p50 ms/file | p95 ms/file | operations | unknown |');
  lines.push('|---|---|---|---|---|---|---|');
  for (const r of results.filter((r) => r.what.startsWith('read'))) lines.push(`| ${r.what.slice(5)} | ${r.files} | ${r.filesPerSec} | ${ms(r.p50)} | ${ms(r.p95)} | ${r.ops} | ${r.unknown} |`);
  const rules = results.find((r) => r.what === 'rules over corpus');
  lines.push('');
  lines.push(`Rules over the corpus: ${ms(rules.msPerFile)} ms per file (${rules.files} files, ${rules.findings} findings).`);
  lines.push(`CLI \`inspect\` over the whole corpus (process start included): ${Math.round(cliCorpus)} ms.`);
  lines.push('');
  lines.push(`2,000-statement PostgreSQL file (${bigOps} operations), a loose file outside any project:`);
  lines.push('');
  lines.push('| tool | what is timed | median ms |');
  lines.push('|---|---|---|');
  lines.push(`| safe-migrations engine | in-process read (parse + model) | ${ms(pct(bigTimes, 0.5))} |`);
  lines.push(`| safe-migrations CLI | whole process, \`inspect --format json\` | ${ms(pct(cliTimes, 0.5))} |`);
  if (squawkTimes.length) lines.push(`| squawk-cli 2.66 | whole process, \`--reporter json\` (binary called directly) | ${ms(pct(squawkTimes, 0.5))} |`);
  else lines.push('| squawk-cli | could not be installed (scripts/setup-squawk.sh) | – |');
  lines.push('');
  const ratio = (a, b) => (b ? `${(a / b).toFixed(2)}×` : '–');
  const opt = (n) => (n === undefined ? 'not installed' : Math.round(n));
  lines.push(`Whole process, side by side (\`node bin/safe-migrations.js\`, the bundled CLI; the tools run in turn, round after round, so load hits them alike; medians of the times, and of the per-round ratios):`);
  lines.push('');
  lines.push('| run | safe-migrations ms | pgfence 0.1.5 ms | squawk 2.66 ms | ours / pgfence (target ≤ 0.5) | ours / squawk (target ≤ 3) |');
  lines.push('|---|---|---|---|---|---|');
  const roundRatio = (r) => (r === undefined ? '–' : `${r.toFixed(2)}×`);
  lines.push(`| \`check\` of a 163-migration Prisma history (${history.fromRealWorld ? `${history.fromRealWorld} real migration.sql files, cycled` : 'generated'}) | ${Math.round(side.ours)} | ${opt(side.pgfence)} | ${opt(side.squawk)} | ${roundRatio(sideRun.ratios.pgfence)} | ${roundRatio(sideRun.ratios.squawk)} |`);
  lines.push(`| one small SQL file (target ≤ 250 ms) | ${Math.round(smallOurs)} | – | ${opt(smallSquawk)} | – | ${roundRatio(smallRun.ratios.squawk)} |`);
  lines.push('');
  lines.push(`Node itself (\`node -e 0\`) takes ${Math.round(nodeStart)} ms here. \`check\` over the ${rules.files}-file corpus: ${Math.round(corpusCheck)} ms whole process vs ${Math.round(corpusInProcess)} ms in-process engine (read + rules, warm) = ${ratio(corpusCheck, corpusInProcess)} (target ≤ 2×).`);
  lines.push('');
  lines.push('Editor: the bundled language server over stdio (plain JSON-RPC client). Keystrokes typed into a statement in the middle of the file; didChange → published diagnostics with the debounce set to 0 (the analysis itself); hovers on another statement sent 2 ms after a keystroke (so while its analysis runs), and during 120 keystrokes 35 ms apart with the real 150 ms debounce:');
  lines.push('');
  lines.push('| file | lines | first diagnostics ms | keystroke → diagnostics p50 / p95 ms (target ≤ 20 p50 on 1,000 lines) | same, server without the editor caches, p50 | hover while analysing p50 / p95 ms | hover while typing p50 / p95 ms (target ≤ 10) | hover idle ms |');
  lines.push('|---|---|---|---|---|---|---|---|');
  for (const c of editor.cases) lines.push(`| ${c.name} | ${c.lines} | ${Math.round(c.open)} | ${ms(c.edit)} / ${ms(c.editP95)} | ${ms(c.editUncached)} (${ratio(c.edit, c.editUncached)}) | ${ms(c.hoverDuring)} / ${ms(c.hoverDuringP95)} | ${c.hoverTyping ? `${ms(c.hoverTyping.p50)} / ${ms(c.hoverTyping.p95)}` : '–'} | ${ms(c.hoverIdle)}${c.hoverFound ? '' : ' (no hover)'} |`);
  lines.push('');
  lines.push(`Where a keystroke goes, in-process medians: ${editor.cases.map((c) => `${c.name}: read ${ms(c.inProcess.fresh)} ms afresh, ${ms(c.inProcess.cached)} ms with the editor caches; rules ${ms(c.inProcess.rules)} ms`).join('; ')}.`);
  lines.push('');
  lines.push(`Server memory (RSS): ${Math.round(editor.rssIdle)} MB idle, after initialize and before any document; ${Math.round(editor.rssBig)} MB with both files above open; ${editor.rssRealWorld ? `${Math.round(editor.rssRealWorld.mb)} MB with all ${editor.rssRealWorld.files} real-world migrations open (test/realworld, 4 projects); ` : ''}${Math.round(editor.rssCorpus.mb)} MB with ${editor.rssCorpus.open} migrations open in the ${editor.rssCorpus.project}-migration TypeORM corpus project (target ≤ 150 MB).`);
  const report = lines.join('\n');
  console.log(report);
  fs.writeFileSync(path.join(out, 'results.md'), report + '\n');
}

main().catch((e) => { console.error(e); process.exit(1); });

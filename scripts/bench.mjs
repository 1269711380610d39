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

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const ms = (n) => n.toFixed(2);

/** Time from didOpen / didChange to published diagnostics, talking plain LSP to dist/server.js. */
async function measureEditorLatency(text) {
  const { spawn } = await import('node:child_process');
  const { pathToFileURL } = await import('node:url');
  const rpc = require('vscode-jsonrpc/node');
  const ws = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'sm-bench-lsp-'));
  fs.mkdirSync(path.join(ws, 'migrations'));
  fs.writeFileSync(path.join(ws, '.safe-migrations.json'), JSON.stringify({ dialect: 'postgres' }));
  const child = spawn(process.execPath, [path.join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  let waiting;
  conn.onNotification('textDocument/publishDiagnostics', (p) => { if (waiting && p.version === waiting.version) waiting.resolve(performance.now()); });
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  const uri = pathToFileURL(path.join(ws, 'migrations', '001_big.sql')).toString();
  const wsUri = pathToFileURL(ws).toString();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: wsUri, workspaceFolders: [{ uri: wsUri, name: 'bench' }], capabilities: {} });
  await conn.sendNotification('initialized', {});
  const diagnosticsFor = (version, send) => new Promise((resolve) => { waiting = { version, resolve }; const s = performance.now(); send(); waiting.start = s; }).then((t) => t - waiting.start);
  const open = await diagnosticsFor(1, () => conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sql', version: 1, text } }));
  const edits = [];
  let hover = 0;
  for (let v = 2; v <= 6; v++) {
    edits.push(await diagnosticsFor(v, () => conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, text: `-- edit ${v}\n` }] })));
    const h = performance.now();
    await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 20, character: 5 } });
    hover = performance.now() - h;
  }
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();
  child.kill();
  fs.rmSync(ws, { recursive: true, force: true });
  return { open, edit: pct(edits, 0.5), edits: edits.length, hover };
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
  const side = {
    ours: wallMedian(process.execPath, [cli, 'check', history.dir, '--format', 'json', '--fail-on', 'never'], 5),
    pgfence: pgfenceJs ? wallMedian(process.execPath, [pgfenceJs, 'analyze', '--format', 'prisma', '--output', 'json', ...history.files], 5) : undefined,
    squawk: squawkBin ? wallMedian(squawkBin, ['--reporter', 'json', ...history.files], 5) : undefined,
  };
  const smallDir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'sm-bench-small-'));
  const small = path.join(smallDir, '20240101000000_add_email.sql');
  fs.writeFileSync(small, 'ALTER TABLE "users" ADD COLUMN "email" text;\nCREATE INDEX CONCURRENTLY "users_email_idx" ON "users" ("email");\n');
  const smallOurs = wallMedian(process.execPath, [cli, 'check', small, '--dialect', 'postgres'], 9);
  const smallSquawk = squawkBin ? wallMedian(squawkBin, ['--reporter', 'json', small], 9) : undefined;
  const nodeStart = wallMedian(process.execPath, ['-e', '0'], 9);
  fs.rmSync(smallDir, { recursive: true, force: true });
  const corpusCheck = wallMedian(process.execPath, [cli, 'check', corpus, '--format', 'json', '--fail-on', 'never'], 3);
  const corpusInProcess = inProcessReadMs + results.find((r) => r.what === 'rules over corpus').totalMs;

  const editor = await measureEditorLatency(bigText);

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
  lines.push(`Whole process, side by side (medians; \`node bin/safe-migrations.js\`, the bundled CLI):`);
  lines.push('');
  lines.push('| run | safe-migrations ms | pgfence 0.1.5 ms | squawk 2.66 ms | ours / pgfence (target ≤ 0.5) | ours / squawk (target ≤ 3) |');
  lines.push('|---|---|---|---|---|---|');
  lines.push(`| \`check\` of a 163-migration Prisma history (${history.fromRealWorld ? `${history.fromRealWorld} real migration.sql files, cycled` : 'generated'}) | ${Math.round(side.ours)} | ${opt(side.pgfence)} | ${opt(side.squawk)} | ${ratio(side.ours, side.pgfence)} | ${ratio(side.ours, side.squawk)} |`);
  lines.push(`| one small SQL file (target ≤ 250 ms) | ${Math.round(smallOurs)} | – | ${opt(smallSquawk)} | – | ${ratio(smallOurs, smallSquawk)} |`);
  lines.push('');
  lines.push(`Node itself (\`node -e 0\`) takes ${Math.round(nodeStart)} ms here. \`check\` over the ${rules.files}-file corpus: ${Math.round(corpusCheck)} ms whole process vs ${Math.round(corpusInProcess)} ms in-process engine (read + rules, warm) = ${ratio(corpusCheck, corpusInProcess)} (target ≤ 2×).`);
  lines.push('');
  lines.push(`Editor: the bundled language server over stdio, the 2,000-statement file open as a .sql migration: first diagnostics ${Math.round(editor.open)} ms after didOpen; after a one-line edit, ${Math.round(editor.edit)} ms (median of ${editor.edits}, including the 150 ms debounce); then a hover on the edited file answers in ${editor.hover.toFixed(1)} ms.`);
  const report = lines.join('\n');
  console.log(report);
  fs.writeFileSync(path.join(out, 'results.md'), report + '\n');
}

main().catch((e) => { console.error(e); process.exit(1); });

// The bundled CLI (dist/cli.js) compiles the TypeScript compiler (dist/typescript.js, 9 MB) only
// when a file needs parsing: a Prisma project with a package.json runs project detection, whose
// modules import TypeScript, yet parses no TS (scripts/bundle.mjs gives them a stand-in that loads
// it on first use). Tests the current dist/ (npm ci builds it); skipped when it is not built.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');
const built = fs.existsSync(path.join(ROOT, 'dist', 'cli.js'));

/** Runs `safe-migrations check <project> --format json`; returns the report and whether dist/typescript.js was loaded. */
function checkWithProbe(project: string): { typescriptLoaded: boolean; findings: number } {
  const probe = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sm-probe-')), 'probe.js');
  fs.writeFileSync(probe, "process.on('exit', () => require('node:fs').writeSync(3, JSON.stringify(Object.keys(require.cache).some((k) => k.endsWith('typescript.js')))));\n");
  try {
    const res = spawnSync(process.execPath, ['-r', probe, path.join(ROOT, 'bin', 'safe-migrations.js'), 'check', project, '--format', 'json', '--fail-on', 'never'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe', 'pipe'], encoding: 'utf8' });
    assert.equal(res.status, 0, res.stderr);
    return { typescriptLoaded: JSON.parse(String(res.output[3])), findings: JSON.parse(res.stdout).findings.length };
  } finally {
    fs.rmSync(path.dirname(probe), { recursive: true, force: true });
  }
}

test('bundled CLI: check on a Prisma project does not load the TypeScript compiler; on a TypeORM project it does, and reads it', { skip: !built && 'dist/cli.js not built' }, () => {
  // A Prisma project as `prisma migrate dev` leaves it, without a prisma.config.ts (which is TS to parse).
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-prisma-'));
  try {
    const migration = path.join(project, 'prisma', 'migrations', '20240101000000_add_email');
    fs.mkdirSync(migration, { recursive: true });
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'app', devDependencies: { prisma: '7.10.1' } }));
    fs.writeFileSync(path.join(project, 'prisma', 'schema.prisma'), 'datasource db {\n  provider = "postgresql"\n}\n');
    fs.writeFileSync(path.join(migration, 'migration.sql'), 'ALTER TABLE "users" ADD COLUMN "email" TEXT NOT NULL;\nCREATE INDEX "users_email_idx" ON "users"("email");\n');
    const prisma = checkWithProbe(project);
    assert.ok(prisma.findings > 0);
    assert.equal(prisma.typescriptLoaded, false);
  } finally {
    fs.rmSync(project, { recursive: true, force: true });
  }
  const typeorm = checkWithProbe(path.join(ROOT, 'test', 'fixtures', 'projects', 'typeorm-postgres'));
  assert.ok(typeorm.findings > 0);
  assert.equal(typeorm.typescriptLoaded, true);
});

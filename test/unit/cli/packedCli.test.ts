// The CLI as npm users get it: `npm run pack:cli` → a tarball with no dependencies that
// `npm install -g` puts into a fresh prefix (no registry access needed), whose `safe-migrations check`
// works on a project folder far from this repository's node_modules. Packs the current dist/ when
// it is built (npm ci builds it), so this tests packaging, not the latest sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');

test('the packed CLI installs globally with only Node and checks a project folder', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-packed-'));
  try {
    const built = fs.existsSync(path.join(ROOT, 'dist', 'cli.js'));
    const tarball = execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'pack-cli.mjs'), ...(built ? ['--no-build'] : [])], { cwd: ROOT, encoding: 'utf8' }).trim();
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
    assert.equal(manifest.dependencies, undefined);
    assert.deepEqual(manifest.bin, { 'safe-migrations': 'bin/safe-migrations.js' });

    const prefix = path.join(tmp, 'prefix');
    const env = { PATH: `${path.join(prefix, 'bin')}:${path.dirname(process.execPath)}:/usr/bin:/bin`, HOME: path.join(tmp, 'home'), npm_config_offline: 'true' };
    fs.mkdirSync(env.HOME);
    execFileSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', tarball], { env, stdio: 'pipe' });
    fs.rmSync(tarball);

    const project = path.join(tmp, 'project');
    fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'projects', 'prisma-postgres'), project, { recursive: true });
    const res = spawnSync('safe-migrations', ['check', '.', '--format', 'json', '--fail-on', 'never'], { cwd: project, env, encoding: 'utf8' });
    assert.equal(res.stderr, '');
    assert.equal(res.status, 0);
    const report = JSON.parse(res.stdout);
    assert.ok(report.filesChecked > 0 && report.findings.length > 0, res.stdout);

    // verify runs on PGlite from the package's dist/pglite/ (not bundled), with no node_modules in reach.
    const verified = spawnSync('safe-migrations', ['verify', 'prisma/migrations/20240210090000_rename_user_name', '--format', 'json'], { cwd: project, env, encoding: 'utf8' });
    assert.equal(verified.status, 0, verified.stdout + verified.stderr);
    assert.deepEqual(JSON.parse(verified.stdout).results.map((r: { ok: boolean }) => r.ok), [true]);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

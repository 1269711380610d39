#!/usr/bin/env node
// `npm run pack:cli`: the CLI as an npm package, `safe-migrations-<version>.tgz` in the repository
// root. It holds the bundle (dist/cli.js, the TypeScript compiler loaded on demand, the parsers' WASM)
// and no dependencies, so `npm install -g ./safe-migrations-<version>.tgz` needs only Node.
// The repository's own package.json cannot be packed as is: it is the VS Code extension's manifest,
// and it has no "bin" (see scripts/link-local-bin.mjs). Prints the tarball's path.
//   --no-build   pack the current dist/ without bundling again
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
if (!process.argv.includes('--no-build')) execFileSync(process.execPath, [path.join(root, 'scripts', 'bundle.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });

const stage = path.join(root, '.pack', 'cli');
fs.rmSync(stage, { recursive: true, force: true });
fs.mkdirSync(path.join(stage, 'bin'), { recursive: true });
fs.mkdirSync(path.join(stage, 'dist'), { recursive: true });
fs.copyFileSync(path.join(root, 'bin', 'safe-migrations.js'), path.join(stage, 'bin', 'safe-migrations.js'));
for (const f of ['cli.js', 'typescript.js', 'libpg-query.wasm', 'prisma_schema_build_bg.wasm']) {
  fs.copyFileSync(path.join(root, 'dist', f), path.join(stage, 'dist', f));
}
// PGlite (verify's default scratch database) is loaded from dist/pglite/, not bundled (scripts/bundle.mjs).
fs.cpSync(path.join(root, 'dist', 'pglite'), path.join(stage, 'dist', 'pglite'), { recursive: true });
// The bundled TypeScript compiler keeps its own licence beside it.
fs.copyFileSync(path.join(path.dirname(require.resolve('typescript/package.json')), 'LICENSE.txt'), path.join(stage, 'dist', 'typescript.LICENSE.txt'));
for (const f of ['README.md', 'LICENSE']) fs.copyFileSync(path.join(root, f), path.join(stage, f));
fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify({
  name: pkg.name,
  version: pkg.version,
  description: pkg.description,
  license: pkg.license,
  repository: pkg.repository,
  keywords: ['migrations', 'typeorm', 'sequelize', 'prisma', 'postgresql', 'mysql', 'mariadb', 'linter', 'zero-downtime'],
  bin: { 'safe-migrations': 'bin/safe-migrations.js' },
  engines: { node: pkg.engines.node },
  files: ['bin', 'dist'],
}, null, 2) + '\n');

const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', root], { cwd: stage, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } });
console.log(path.join(root, out.trim().split('\n').pop()));

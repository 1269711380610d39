// Bundles the extension into dist/: client.js (VS Code side) and server.js (language server).
// The WASM parsers read their .wasm from `${__dirname}/<name>.wasm`; in a bundle __dirname is dist/,
// so the .wasm files are copied there. ORMs are never imported by the engine and must not appear.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const require = createRequire(path.join(root, 'package.json'));
const production = !process.argv.includes('--dev');

/** .wasm files loaded relative to the JS that needs them, from packages the server bundles. */
const WASM_FILES = [
  { pkg: 'libpg-query', file: 'wasm/libpg-query.wasm' },
  { pkg: '@prisma/prisma-schema-wasm', file: 'src/prisma_schema_build_bg.wasm' },
];

/**
 * PGlite (verify's default scratch database) stays out of the bundles: its JS finds pglite.wasm, pglite.data and
 * initdb.wasm beside itself, so the package's files are copied to dist/pglite/ and scratchDatabase.ts loads them
 * from there (from node_modules when run from source).
 */
const PGLITE = { pkg: '@electric-sql/pglite', files: ['package.json', 'dist/index.cjs', 'dist/pglite.wasm', 'dist/pglite.data', 'dist/initdb.wasm', 'LICENSE'] };

/** Packages that must never be bundled: the engine reads migrations statically, it never runs an ORM. */
const FORBIDDEN = ['typeorm', 'sequelize', 'sequelize-cli', 'umzug', 'prisma', '@prisma/client', 'pg', 'mysql2', 'reflect-metadata'];

const forbidOrms = {
  name: 'forbid-orms',
  setup(build) {
    const filter = new RegExp(`^(${FORBIDDEN.map((p) => p.replace(/[/\\^$.*+?()[\]{}|]/g, '\\$&')).join('|')})(/|$)`);
    build.onResolve({ filter }, (args) => ({ errors: [{ text: `${args.path} must not be bundled (imported from ${args.importer})` }] }));
  },
};

function packageDir(pkg) {
  return path.dirname(require.resolve(`${pkg}/package.json`));
}

fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(dist, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'inline',
  minify: production && !process.env.SM_BUNDLE_READABLE,
  keepNames: true,
  logLevel: 'warning',
  metafile: true,
  plugins: [forbidOrms],
  external: [PGLITE.pkg],
  // vscode-languageserver-types ships UMD + ESM; prefer the ESM build so esbuild can follow it.
  mainFields: ['module', 'main'],
};

/**
 * The CLI bundle (dist/cli.js) keeps its start cheap: the TypeScript compiler is a file of its own
 * (dist/typescript.js, 9 MB), required only when a module that uses it is first loaded (the engine's
 * TS/JS readers, and the down/split/verify commands, sit behind lazy require()s); so is the Prisma
 * WASM. Our runtime dependencies are bundled; anything else (ORMs and drivers `verify` loads from
 * the user's project) stays external. test/unit/cli/startupLoad.test.ts keeps SQL runs TS-free.
 */
const runtimeDeps = Object.keys(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies ?? {});
const cliResolve = {
  name: 'cli-resolve',
  setup(build) {
    // Modules that import TypeScript get a stand-in that requires dist/typescript.js on first use,
    // not when they are initialised: project detection imports it, most projects never parse a file
    // (a Prisma folder with a package.json paid ≈1 s for it). verify's `import * as ts` needs the
    // real module's keys, and is itself loaded only by the verify command.
    build.onResolve({ filter: /^typescript$/ }, (args) => (/loadWorkspaceModule/.test(args.importer) ? { path: './typescript.js', external: true } : { path: 'typescript', namespace: 'lazy-typescript' }));
    build.onResolve({ filter: /^\.\/typescript\.js$/ }, () => ({ path: './typescript.js', external: true }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-typescript' }, () => ({
      loader: 'js',
      contents: "let ts; Object.defineProperty(exports, '__esModule', { value: true }); Object.defineProperty(exports, 'default', { enumerable: true, get: () => (ts ??= require('./typescript.js')) });",
    }));
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return undefined;
      const pkg = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      return runtimeDeps.includes(pkg) || pkg.startsWith('@pgsql/') ? undefined : { path: args.path, external: true };
    });
  },
};

const [client, server] = await Promise.all([
  esbuild.build({ ...common, entryPoints: [path.join(root, 'client/src/extension.ts')], outfile: path.join(dist, 'client.js'), external: ['vscode', PGLITE.pkg] }),
  esbuild.build({ ...common, entryPoints: [path.join(root, 'server/src/lsp/server.ts')], outfile: path.join(dist, 'server.js') }),
  esbuild.build({ ...common, entryPoints: [path.join(root, 'server/src/cli/processEntry.ts')], outfile: path.join(dist, 'cli.js'), plugins: [cliResolve] }),
]);
fs.copyFileSync(require.resolve('typescript'), path.join(dist, 'typescript.js'));

for (const { pkg, file } of WASM_FILES) {
  const from = path.join(packageDir(pkg), file);
  fs.copyFileSync(from, path.join(dist, path.basename(file)));
}

for (const file of PGLITE.files) {
  // Its "exports" hide package.json: find the folder from the main entry (dist/index.cjs).
  const from = path.join(path.dirname(require.resolve(PGLITE.pkg)), '..', file);
  if (!fs.existsSync(from) && file === 'LICENSE') continue;
  fs.mkdirSync(path.join(dist, 'pglite', path.dirname(file)), { recursive: true });
  fs.copyFileSync(from, path.join(dist, 'pglite', file));
}

const kb = (f) => `${(fs.statSync(path.join(dist, f)).size / 1024).toFixed(0)} KB`;
for (const f of fs.readdirSync(dist)) console.log(`dist/${f}  ${kb(f)}`);
void client; void server;

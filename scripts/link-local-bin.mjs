// Links bin/safe-migrations.js as node_modules/.bin/safe-migrations (run by `prepare` after npm ci), so
// that `npx safe-migrations …` in this repository runs the local build at once. The root package.json
// has no "bin" on purpose: npm exec installs a project that names the command in its own "bin" into
// its cache (and rebuilds it) before every first run. The CLI's own package (npm run pack:cli) has one.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binDir = path.join(root, 'node_modules', '.bin');
const link = path.join(binDir, 'safe-migrations');
fs.mkdirSync(binDir, { recursive: true });
fs.rmSync(link, { force: true });
fs.symlinkSync(path.relative(binDir, path.join(root, 'bin', 'safe-migrations.js')), link);
fs.chmodSync(path.join(root, 'bin', 'safe-migrations.js'), 0o755);

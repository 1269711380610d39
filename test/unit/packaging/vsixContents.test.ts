// The VSIX ships the editor's bundles, the rule docs, the snippets and the manifest: never the CLI
// bundle (npm's), the TypeScript copy it loads, sources, tests, fixtures or node_modules (ORMs).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..', '..');
const SHIPPED = /^(package\.json|README\.md|LICENSE|snippets\/[^/]+\.code-snippets|docs\/rules\/[^/]+\.md|dist\/(client|server)\.js|dist\/[^/]+\.wasm|dist\/pglite\/.+)$/;

test('the VSIX lists only what the editor needs (vsce ls, as `npm run package` packs it)', () => {
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const listed = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    .split('\n').map((l) => l.trim()).filter(Boolean);
  assert.ok(listed.includes('package.json') && listed.some((f) => f.startsWith('docs/rules/')), `vsce ls gave: ${listed.slice(0, 5).join(', ')}`);
  assert.deepEqual(listed.filter((f) => !SHIPPED.test(f)), []);
  for (const cliOnly of ['dist/cli.js', 'dist/typescript.js']) {
    if (fs.existsSync(path.join(root, cliOnly))) assert.ok(!listed.includes(cliOnly), `${cliOnly} is shipped`);
  }
});

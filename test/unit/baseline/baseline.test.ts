import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import { baselineConfigWrite, baselinePoint } from '../../../server/src/actions/baseline/baseline';
import { checkPaths, inspectPaths } from '../../../server/src/engine/inspect';

const REALWORLD = path.join(__dirname, '../../realworld');

test('baselining a real project silences every migration it has today, and only those', async () => {
  for (const project of ['FlowiseAI__Flowise', 'umami-software__umami', 'opencollective__opencollective-api']) {
    const root = path.join(REALWORLD, project);
    const before = await checkPaths([root], { config: {} });
    assert.ok(before.findings.length > 0, `${project} has findings before the baseline`);
    const point = baselinePoint((await inspectPaths([root])).files);
    assert.ok(point, `${project}: a baseline point`);
    const after = await checkPaths([root], { config: { startAfter: point.startAfter } });
    assert.deepEqual(after.findings.map((f) => `${f.rule} ${f.path}`), [], `${project}: no findings after baselining at ${point.startAfter}`);
  }
});

test('the latest migration wins across folders and timestamp styles (epoch ms vs calendar)', async () => {
  const root = path.join(REALWORLD, 'FlowiseAI__Flowise');
  const point = baselinePoint((await inspectPaths([root])).files)!;
  // Flowise's newest labelled migration is mariadb/1765000000000-FixDocumentStoreFileChunkLongText (2025-12-06).
  assert.equal(point.startAfter, '1765000000000');
  assert.match(point.migration, /FixDocumentStoreFileChunkLongText/);
});

test('config write: a new .safe-migrations.json, or the value set in place keeping the rest of the file', () => {
  const none = baselineConfigWrite('/p', '1700000000000', () => undefined);
  assert.deepEqual(none, { path: path.join('/p', '.safe-migrations.json'), create: true, text: '{\n  "startAfter": "1700000000000"\n}\n' });

  const files: Record<string, string> = { [path.join('/p', '.safe-migrations.json')]: '{\n    "extends": "strict", // comment kept\n    "rules": { "drop-column": "off" }\n}\n' };
  const inserted = baselineConfigWrite('/p', '20240101000000', (f) => files[f]);
  assert.equal(inserted.create, false);
  assert.equal(inserted.text, '{\n    "startAfter": "20240101000000",\n    "extends": "strict", // comment kept\n    "rules": { "drop-column": "off" }\n}\n');

  const replaced = baselineConfigWrite('/p', '20250101000000', () => inserted.text);
  assert.equal(replaced.text, inserted.text.replace('20240101000000', '20250101000000'));

  const empty = baselineConfigWrite('/p', 'x', (f) => (f.endsWith('.safe-migrations.json') ? '{}' : undefined));
  assert.equal(empty.text, '{\n  "startAfter": "x"\n}');
});

test('config write: the safeMigrations key of package.json when the project keeps its config there', () => {
  const pkg = '{\n  "name": "app",\n  "safeMigrations": {\n    "dialect": "postgres"\n  }\n}\n';
  const w = baselineConfigWrite('/p', '20240101000000', (f) => (f.endsWith('package.json') ? pkg : undefined));
  assert.equal(w.path, path.join('/p', 'package.json'));
  assert.equal(w.text, '{\n  "name": "app",\n  "safeMigrations": {\n    "startAfter": "20240101000000",\n    "dialect": "postgres"\n  }\n}\n');
  assert.deepEqual(JSON.parse(w.text).safeMigrations, { startAfter: '20240101000000', dialect: 'postgres' });
  // A package.json without the key gets a .safe-migrations.json instead.
  assert.equal(baselineConfigWrite('/p', 'x', (f) => (f.endsWith('package.json') ? '{ "name": "app" }' : undefined)).create, true);
});

test('CLI: baseline --write records startAfter, after which check reports nothing on the project', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-baseline-'));
  try {
    fs.cpSync(path.join(REALWORLD, 'opencollective__opencollective-api'), dir, { recursive: true });
    const run = async (...argv: string[]) => {
      let out = '';
      const code = await runCli(argv, { stdout: (s: string) => { out += s; }, stderr: (s: string) => { out += s; }, cwd: dir });
      return { code, out };
    };
    const before = await run('check', '.', '--fail-on', 'warning');
    assert.equal(before.code, 1, before.out);
    const written = await run('baseline', '.', '--write');
    assert.equal(written.code, 0, written.out);
    assert.match(written.out, /"startAfter": "20210129133000"/);
    // opencollective keeps no safeMigrations key in package.json: a new .safe-migrations.json.
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, '.safe-migrations.json'), 'utf8')).startAfter, '20210129133000');
    const after = await run('check', '.', '--fail-on', 'info');
    assert.equal(after.code, 0, after.out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// The editor's caches (cached statement parses, incremental TS trees) must not change what the
// editor reports: the same edits on the real-world migrations, read with and without the caches,
// give the same model and the same findings.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'node:url';
import { initEngine, readMigrationText } from '../../../server/src/engine/engine';
import { checkFile } from '../../../server/src/engine/check';
import { collectFiles, readTextFile } from '../../../server/src/engine/workspace';
import { loadConfig } from '../../../server/src/config/load';
import { cachedParse, changedSpan, clearEditorCaches, withEditorCaches } from '../../../server/src/readers/editorCaches';
import { DocumentAnalyzer } from '../../../server/src/lsp/documentAnalysis';
import { WorkspaceState } from '../../../server/src/lsp/workspaceState';
import type { FileModel } from '../../../server/src/model/migration';

const realworld = path.join(__dirname, '..', '..', 'realworld');

/** A deterministic PRNG, so a failure names an edit that can be replayed. */
function prng(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

/** Edits like typing: a character in or out, a new line, a word changed, a line duplicated or deleted. */
function edit(text: string, rand: () => number): string {
  const at = Math.floor(rand() * (text.length + 1));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
  switch (Math.floor(rand() * 6)) {
    case 0: return text.slice(0, at) + 'x' + text.slice(at);
    case 1: return text.slice(0, Math.max(0, at - 1)) + text.slice(at);
    case 2: return text.slice(0, lineStart) + '\n' + text.slice(lineStart);
    case 3: return text.slice(0, at) + text.slice(at).replace(/^\w*/, 'renamed_col');
    case 4: return text.slice(0, lineEnd) + '\n' + text.slice(lineStart, lineEnd) + text.slice(lineEnd);
    default: return text.slice(0, lineStart) + text.slice(Math.min(text.length, lineEnd + 1));
  }
}

/** What the editor shows from a model: operations, problems, syntax errors (and the findings, compared apart). */
const shown = (m: FileModel) => JSON.stringify({ orm: m.orm, dialect: m.dialect, migrations: m.migrations, problems: m.problems, syntaxErrors: m.syntaxErrors });

test('the same edits on every real-world migration, read with the editor caches and without: same model, same findings', async () => {
  await initEngine();
  clearEditorCaches();
  const rand = prng(7);
  let compared = 0;
  for (const project of fs.readdirSync(realworld).filter((d) => fs.statSync(path.join(realworld, d)).isDirectory())) {
    const collected = collectFiles([path.join(realworld, project)]);
    const config = loadConfig(path.join(realworld, project));
    const read = (file: string, text: string) => readMigrationText(file, text, { projects: collected.projects, config, readSibling: (f) => (fs.existsSync(f) ? readTextFile(f) : undefined) });
    const neighbours = collected.files.map((f) => read(f, readTextFile(f)));
    for (const file of collected.files) {
      let text = readTextFile(file);
      // Open, then eight edits one after the other: each cached read starts from the previous one's caches.
      for (let step = 0; step <= 8; step++) {
        if (step > 0) text = edit(text, rand);
        const cached = withEditorCaches(() => read(file, text));
        const fresh = read(file, text);
        const where = `${path.relative(realworld, file)} after ${step} edits`;
        assert.equal(shown(cached), shown(fresh), `model differs: ${where}`);
        assert.deepEqual(checkFile(cached, config, neighbours), checkFile(fresh, config, neighbours), `findings differ: ${where}`);
        compared++;
      }
    }
  }
  assert.ok(compared > 500, `only ${compared} versions compared`);
});

test('a statement whose text did not change keeps its parse; outside the editor nothing is cached', () => {
  clearEditorCaches();
  let parses = 0;
  const parse = (text: string) => ({ text, n: ++parses });
  const first = withEditorCaches(() => cachedParse('ALTER TABLE a ADD COLUMN b int', parse));
  const again = withEditorCaches(() => cachedParse('ALTER TABLE a ADD COLUMN b int', parse));
  assert.equal(again, first);
  assert.equal(parses, 1);
  cachedParse('ALTER TABLE a ADD COLUMN b int', parse);
  assert.equal(parses, 2, 'a read outside withEditorCaches parses');
});

test('changedSpan: the common start and end never overlap, whatever the edit', () => {
  assert.deepEqual(changedSpan('abc', 'abc'), { prefix: 3, suffix: 0 });
  assert.deepEqual(changedSpan('aaa', 'aaaa'), { prefix: 3, suffix: 0 });
  assert.deepEqual(changedSpan('select 1', 'select 12'), { prefix: 8, suffix: 0 });
  assert.deepEqual(changedSpan('a-b', 'a+b'), { prefix: 1, suffix: 1 });
  assert.deepEqual(changedSpan('abcabc', 'abc'), { prefix: 3, suffix: 0 });
});

test('a hover while the user types answers from the last analysis, with offsets mapped across the edit', async () => {
  await initEngine();
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-hoverview-'));
  try {
    fs.mkdirSync(path.join(ws, 'migrations'));
    fs.writeFileSync(path.join(ws, '.safe-migrations.json'), JSON.stringify({ dialect: 'postgres' }));
    const file = path.join(ws, 'migrations', '001_add.sql');
    const text = 'ALTER TABLE users ADD COLUMN email text;\nCREATE INDEX users_email_idx ON users (email);\n';
    fs.writeFileSync(file, text);
    const state = new WorkspaceState(() => undefined);
    state.setFolders([ws]);
    state.refresh();
    const analyzer = new DocumentAnalyzer(state, () => undefined);
    const v1 = TextDocument.create(pathToFileURL(file).toString(), 'sql', 1, text);
    const analysed = analyzer.analyse(v1, file);
    // A comment typed above both statements: version 2 is not analysed yet.
    const v2 = TextDocument.update(v1, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '-- why\n' }], 2);
    const view = analyzer.hoverView(v2, file);
    assert.equal(view.analysis, analysed, 'the last analysis answers');
    const index = v2.getText().indexOf('CREATE INDEX');
    assert.equal(view.toAnalysed(index), text.indexOf('CREATE INDEX'));
    assert.equal(view.toCurrent(text.indexOf('CREATE INDEX')), index);
    assert.equal(view.toAnalysed(3), undefined, 'inside the typed text there is nothing to answer from');
    // (TextDocument.update changed v1 in place: a new document of version 1 is the analysed one.)
    assert.equal(analyzer.hoverView(TextDocument.create(v1.uri, 'sql', 1, text), file).toAnalysed(5), 5);
  } finally {
    fs.rmSync(ws, { recursive: true, force: true });
  }
});

test('diagnostics analyse in two steps: the same result as at once; an older version finishing last never replaces a newer one; a document closed meanwhile is not cached again', async () => {
  await initEngine();
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-steps-'));
  try {
    fs.mkdirSync(path.join(ws, 'migrations'));
    fs.writeFileSync(path.join(ws, '.safe-migrations.json'), JSON.stringify({ dialect: 'postgres' }));
    const file = path.join(ws, 'migrations', '001_add.sql');
    const uri = pathToFileURL(file).toString();
    const v1 = 'ALTER TABLE users ADD COLUMN email text NOT NULL;\nCREATE INDEX users_email_idx ON users (email);\n';
    const v2 = v1.replace('CREATE INDEX', 'CREATE INDEX CONCURRENTLY');
    const state = new WorkspaceState(() => undefined);
    state.setFolders([ws]);
    state.refresh();
    const analyzer = new DocumentAnalyzer(state, () => undefined);

    const stepped = analyzer.analyseInSteps(TextDocument.create(uri, 'sql', 1, v1), file);
    // While version 1 is between its steps, a code action analyses version 2 at once.
    const newer = analyzer.analyse(TextDocument.create(uri, 'sql', 2, v2), file);
    const older = await stepped;
    assert.equal(older.version, 1);
    assert.equal(analyzer.cached(uri, 2), newer, 'version 2 stays the cached one');

    const atOnce = new DocumentAnalyzer(state, () => undefined).analyse(TextDocument.create(uri, 'sql', 1, v1), file);
    assert.equal(shown(older.model), shown(atOnce.model));
    assert.deepEqual(older.findings, atOnce.findings);
    assert.ok(older.findings.length > 0);

    const closing = analyzer.analyseInSteps(TextDocument.create(uri, 'sql', 3, v1), file);
    analyzer.forget(uri);
    await closing;
    assert.equal(analyzer.seen(uri), false, 'closed while analysed: nothing kept');
  } finally {
    fs.rmSync(ws, { recursive: true, force: true });
  }
});

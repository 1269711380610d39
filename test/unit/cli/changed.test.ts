// `check --changed [REF]` in a real temporary git repository: main holds the shipped history, a branch
// adds a migration, edits one, and leaves one untracked; main moves on after the branch point. Only
// the branch's migrations are reported, the history is still read; a shallow clone says what to fetch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import { changedFilesSince, isChanged } from '../../../server/src/git/changedFiles';

let root: string;
let repo: string;
const MIGRATIONS = path.join('db', 'migrations');

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function write(name: string, sql: string): void {
  fs.writeFileSync(path.join(repo, MIGRATIONS, name), sql);
}

async function cli(cwd: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, cwd });
  return { code, out, err };
}

/** The migration files `check` reported findings on. */
async function reported(cwd: string, ...args: string[]): Promise<string[]> {
  const run = await cli(cwd, 'check', '--format', 'json', '--fail-on', 'never', ...args);
  assert.equal(run.code, 0, run.err);
  return [...new Set((JSON.parse(run.out).findings as { path: string; rule: string }[]).filter((f) => f.rule === 'index-create-not-concurrent').map((f) => path.basename(f.path)))].sort();
}

before(() => {
  delete process.env.GITHUB_BASE_REF;
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sm_changed_')));
  repo = path.join(root, 'repo');
  fs.mkdirSync(path.join(repo, MIGRATIONS), { recursive: true });
  git(repo, 'init', '-q');
  fs.writeFileSync(path.join(repo, '.safe-migrations.json'), '{ "dialect": "postgres" }\n');
  write('001_create_orders.sql', 'CREATE TABLE orders (id int PRIMARY KEY, a int, b int, c int, d int);\n');
  write('002_index_a.sql', 'CREATE INDEX idx_a ON orders (a);\n');
  write('003_index_b.sql', 'CREATE INDEX idx_b ON orders (b);\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'shipped history');
  git(repo, 'checkout', '-q', '-b', 'feature');
  write('004_index_c.sql', 'CREATE INDEX idx_c ON orders (c);\n');
  write('003_index_b.sql', 'SET lock_timeout = \'1s\';\nCREATE INDEX idx_b ON orders (b);\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'feature: index c, edit b');
  // main moves on after the branch point: a two-dot diff against main would wrongly count 002.
  git(repo, 'checkout', '-q', 'main');
  write('002_index_a.sql', '-- reviewed\nCREATE INDEX idx_a ON orders (a);\n');
  git(repo, 'commit', '-q', '-am', 'main: comment on 002');
  git(repo, 'checkout', '-q', 'feature');
  write('005_index_d.sql', 'CREATE INDEX idx_d ON orders (d);\n');
});

after(() => { if (root) fs.rmSync(root, { recursive: true, force: true }); });

test('without --changed every migration with a finding is reported', async () => {
  assert.deepEqual(await reported(repo, '.'), ['002_index_a.sql', '003_index_b.sql', '004_index_c.sql', '005_index_d.sql']);
});

test('--changed reports what the branch added, edited or left untracked since the merge base with main, not main\'s later edits', async () => {
  assert.deepEqual(await reported(repo, '.', '--changed'), ['003_index_b.sql', '004_index_c.sql', '005_index_d.sql']);
  assert.deepEqual(await reported(repo, '--changed'), ['003_index_b.sql', '004_index_c.sql', '005_index_d.sql'], 'no PATH: the working directory');
  assert.deepEqual(await reported(path.join(repo, MIGRATIONS), '--changed', 'main', '.'), ['003_index_b.sql', '004_index_c.sql', '005_index_d.sql'], 'an explicit REF, then a PATH');
  assert.deepEqual(await reported(repo, '--changed=HEAD', '.'), ['005_index_d.sql'], 'since HEAD: only the uncommitted file');
  const json = JSON.parse((await cli(repo, 'check', '.', '--changed', '--format', 'json', '--fail-on', 'never')).out);
  assert.equal(json.filesChecked, 3);
});

test('origin/HEAD names the default branch when there is a remote', async () => {
  const clone = path.join(root, 'clone');
  git(root, 'clone', '-q', '--branch', 'feature', repo, clone);
  git(clone, 'remote', 'set-head', 'origin', 'main');
  const changed = changedFilesSince(clone);
  assert.equal(changed.ref, 'origin/main');
  assert.equal(changed.mergeBase, git(repo, 'merge-base', 'main', 'feature').trim());
  assert.deepEqual([...changed.files].map((f) => path.basename(f)).sort(), ['003_index_b.sql', '004_index_c.sql']);
});

test('a shallow clone says what to fetch, exit code 2', async () => {
  const shallow = path.join(root, 'shallow');
  git(root, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${repo}`, shallow);
  let run = await cli(shallow, 'check', '.', '--changed');
  assert.equal(run.code, 2);
  assert.match(run.err, /no default branch.*git fetch --unshallow.*fetch-depth: 0/);
  git(shallow, 'fetch', '-q', '--depth', '1', 'origin', 'main:refs/remotes/origin/main');
  run = await cli(shallow, 'check', '.', '--changed');
  assert.equal(run.code, 2);
  assert.match(run.err, /no merge base between HEAD and origin\/main: the clone is shallow.*git fetch --unshallow.*fetch-depth: 0/);
  git(shallow, 'fetch', '-q', '--unshallow');
  assert.deepEqual(await reported(shallow, '.', '--changed'), ['003_index_b.sql', '004_index_c.sql']);
});

test('--changed outside a git repository is a clear error', async () => {
  const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'sm_changed_plain_'));
  try {
    const run = await cli(plain, 'check', '.', '--changed');
    assert.equal(run.code, 2);
    assert.match(run.err, /not inside a git repository/);
  } finally { fs.rmSync(plain, { recursive: true, force: true }); }
});

test('--format markdown with --changed: one section per changed migration, findings by severity with their safe alternative', async () => {
  const { out } = await cli(repo, 'check', '.', '--changed', 'main', '--format', 'markdown', '--fail-on', 'never');
  assert.match(out, /^### Safe Migrations: \d+ warnings?/);
  assert.match(out, /3 migration files changed since `main` checked\./);
  for (const m of ['003_index_b', '004_index_c', '005_index_d']) assert.match(out, new RegExp(`#### \`${m}\``));
  assert.doesNotMatch(out, /002_index_a/);
  assert.match(out, /\*\*Warnings\*\*\n\n- `index-create-not-concurrent` \(line \d+, up\): .+\n {2}- Safe alternative: .*CONCURRENTLY/);
});

test('a Prisma migration is one migration: a changed down.sql brings its migration.sql into scope, and back', () => {
  const dir = path.join(root, 'prisma', 'migrations', '20240101000000_init');
  const changed = { repoRoot: root, ref: 'main', mergeBase: 'x', files: new Set([path.join(dir, 'down.sql')]) };
  assert.equal(isChanged(path.join(dir, 'migration.sql'), changed), true);
  assert.equal(isChanged(path.join(dir, 'down.sql'), changed), true);
  assert.equal(isChanged(path.join(root, 'prisma', 'migrations', '20240102000000_next', 'migration.sql'), changed), false);
  assert.equal(isChanged(path.join(dir, 'notes.sql'), changed), false, 'only the two Prisma files are paired');
});

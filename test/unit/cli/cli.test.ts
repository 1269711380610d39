// The CLI as a user runs it: contract of `inspect`/`check` JSON, formats and exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import { OPERATION_KINDS } from '../../../server/src/model/migration';

const PROJECTS = path.join(__dirname, '..', '..', 'fixtures', 'projects');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, cwd: PROJECTS });
  return { code, out, err };
}

const KINDS = new Set<string>(OPERATION_KINDS);

function assertOpContract(op: Record<string, unknown>): void {
  assert.ok(KINDS.has(op.kind as string), `kind ${op.kind}`);
  assert.equal(typeof op.guarded, 'boolean');
  const r = op.range as { start: { line: number; character: number }; end: { line: number; character: number } };
  for (const p of [r.start, r.end]) { assert.equal(typeof p.line, 'number'); assert.equal(typeof p.character, 'number'); }
}

for (const [project, orm, dialect] of [
  ['typeorm-postgres', 'typeorm', 'postgres'],
  ['typeorm-mysql', 'typeorm', 'mysql'],
  ['sequelize-postgres', 'sequelize', 'postgres'],
  ['sequelize-mysql', 'sequelize', 'mysql'],
  ['prisma-postgres', 'prisma', 'postgres'],
  ['prisma-mysql', 'prisma', 'mysql'],
] as const) {
  test(`inspect --format json on ${project}: ${orm} on ${dialect}, every migration read into typed operations`, async () => {
    const { code, out, err } = await cli('inspect', project, '--format', 'json');
    assert.equal(code, 0, err);
    const json = JSON.parse(out);
    assert.equal(json.version, 1);
    assert.ok(json.files.length >= 2, `files: ${json.files.length}`);
    let ops = 0;
    let unknown = 0;
    for (const f of json.files) {
      assert.equal(f.orm, orm, f.path);
      assert.equal(f.dialect, dialect, f.path);
      assert.ok(Array.isArray(f.problems));
      assert.ok(f.migrations.length >= 1, `${f.path} has no migration`);
      for (const m of f.migrations) {
        assert.equal(typeof m.name, 'string');
        assert.ok(m.transactional === true || m.transactional === false || m.transactional === null);
        for (const op of [...m.up, ...m.down]) { assertOpContract(op); ops++; if (op.kind === 'unknown') unknown++; }
      }
    }
    assert.ok(ops >= json.files.length, `only ${ops} operations`);
    assert.ok(unknown / ops < 0.1, `${unknown}/${ops} unknown operations`);
    assert.ok(json.projects.some((p: { orms: { orm: string }[] }) => p.orms.some((o) => o.orm === orm)));
  });
}

test('inspect text output names the project and the operations', async () => {
  const { code, out } = await cli('inspect', 'typeorm-postgres');
  assert.equal(code, 0);
  assert.match(out, /project typeorm-postgres: typeorm/);
  assert.match(out, /up:/);
  assert.match(out, /\d+ file\(s\), \d+ migration\(s\), \d+ operation\(s\)/);
});

test('a loose SQL file: dialect from --dialect, else from the SQL itself', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-cli-'));
  const file = path.join(dir, '001_add_age.sql');
  fs.writeFileSync(file, 'ALTER TABLE `users` ADD COLUMN `age` int NOT NULL DEFAULT 0;\n');
  const flagged = JSON.parse((await cli('inspect', file, '--format', 'json', '--dialect', 'mariadb')).out);
  assert.equal(flagged.files[0].dialect, 'mariadb');
  assert.equal(flagged.files[0].orm, 'sql');
  assert.equal(flagged.files[0].migrations[0].up[0].kind, 'addColumn');
  const guessed = JSON.parse((await cli('inspect', file, '--format', 'json')).out);
  assert.equal(guessed.files[0].dialect, 'mysql');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('usage errors and bad paths exit 2 with a clear message', async () => {
  assert.equal((await cli()).code, 2);
  const bad = await cli('inspect', 'no/such/folder');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /no such file or folder/);
  const fmt = await cli('check', 'typeorm-postgres', '--format', 'xml');
  assert.equal(fmt.code, 2);
  assert.match(fmt.err, /--format must be/);
  assert.equal((await cli('inspect', 'typeorm-postgres', '--bogus')).code, 2);
  assert.equal((await cli('check', 'typeorm-postgres', '--dialect', 'oracle')).code, 2);
  assert.equal((await cli('--help')).code, 0);
});

test('check: JSON contract, --fail-on thresholds and exit codes', async () => {
  const json = await cli('check', 'typeorm-postgres', '--format', 'json', '--fail-on', 'never');
  assert.equal(json.code, 0);
  const parsed = JSON.parse(json.out);
  assert.equal(parsed.version, 1);
  assert.ok(parsed.filesChecked >= 2);
  for (const f of parsed.findings) {
    for (const k of ['path', 'rule', 'severity', 'message', 'range', 'migration', 'phase']) assert.ok(k in f, k);
    assert.ok(['up', 'down'].includes(f.phase));
  }
  const anyFinding = parsed.findings.length > 0;
  const info = await cli('check', 'typeorm-postgres', '--fail-on', 'info');
  assert.equal(info.code, anyFinding ? 1 : 0);
});

test('check --format sarif is SARIF 2.1.0 with 1-based regions', async () => {
  const { out } = await cli('check', 'typeorm-postgres', '--format', 'sarif', '--fail-on', 'never');
  const sarif = JSON.parse(out);
  assert.equal(sarif.version, '2.1.0');
  assert.equal(sarif.runs[0].tool.driver.name, 'safe-migrations');
  for (const r of sarif.runs[0].results) assert.ok(r.locations[0].physicalLocation.region.startLine >= 1);
});

test('a clean file passes check with exit 0', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-cli-'));
  const file = path.join(dir, '001_noop.sql');
  fs.writeFileSync(file, '-- nothing to do\n');
  const { code, out } = await cli('check', file, '--dialect', 'postgres', '--fail-on', 'error');
  assert.equal(code, 0, out);
  fs.rmSync(dir, { recursive: true, force: true });
});

// The editor's quick fix and request, and the CLI, over the same split: what the user sees and what gets written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeActionParams } from 'vscode-languageserver';
import { initEngine, readMigrationText } from '../../../server/src/engine/engine';
import { checkFile } from '../../../server/src/engine/check';
import { DEFAULT_CONFIG } from '../../../server/src/config/types';
import { codeActions } from '../../../server/src/lsp/codeActions';
import { toDiagnostics } from '../../../server/src/lsp/diagnostics';
import type { Analysis } from '../../../server/src/lsp/documentAnalysis';
import { SPLIT_COMMAND } from '../../../server/src/lsp/splitActions';
import { runCli } from '../../../server/src/cli/main';
import { typeormFile } from './splitHelpers';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-e1-split-unit-'));
before(async () => { await initEngine(); });
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const THREE_JOBS = typeormFile('Billing', '1700000000000', [
  'await queryRunner.query(`ALTER TABLE "orders" ADD "status" text`);',
  'await queryRunner.query(`UPDATE "orders" SET "status" = \'new\'`);',
  'await queryRunner.query(`ALTER TABLE "accounts" ADD "tier" text`);',
], [
  'await queryRunner.query(`ALTER TABLE "accounts" DROP COLUMN "tier"`);',
  'await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "status"`);',
]);

function analysisOf(file: string, text: string): Analysis {
  const model = readMigrationText(file, text, { dialect: 'postgres' });
  return { uri: pathToFileURL(file).toString(), version: 1, path: file, text, model, config: DEFAULT_CONFIG, findings: checkFile(model, DEFAULT_CONFIG) };
}

function sizeActions(analysis: Analysis, canCreateFiles = true) {
  const diagnostics = toDiagnostics(analysis).filter((d) => d.code === 'migration-does-too-much');
  assert.equal(diagnostics.length, 1);
  const params: CodeActionParams = { textDocument: { uri: analysis.uri }, range: diagnostics[0].range, context: { diagnostics } };
  return codeActions(analysis, params, canCreateFiles);
}

test('the size rule\'s quick fix says how many migrations and runs the Split Migration command on this file', () => {
  const analysis = analysisOf(path.join(dir, 'm', '1700000000000-Billing.ts'), THREE_JOBS);
  const split = sizeActions(analysis).find((a) => a.title.startsWith('Split'));
  assert.equal(split?.title, 'Split into 3 migrations');
  assert.deepEqual(split?.command, { title: 'Split into 3 migrations', command: SPLIT_COMMAND, arguments: [analysis.uri] });
  assert.equal(sizeActions(analysis, false).find((a) => a.title.startsWith('Split')), undefined, 'not offered to a client that cannot create files');
});

test('where splitting would change meaning the quick fix is shown disabled, with the reason', () => {
  const text = typeormFile('Billing', '1700000000000', [
    'if (await queryRunner.hasTable("legacy")) return;',
    'await queryRunner.query(`ALTER TABLE "orders" ADD "status" text`);',
    'await queryRunner.query(`ALTER TABLE "accounts" ADD "tier" text`);',
  ], []);
  const split = sizeActions(analysisOf(path.join(dir, 'm', '1700000000000-Billing.ts'), text)).find((a) => a.title.startsWith('Split'));
  assert.match(split?.disabled?.reason ?? '', /^Cannot split Billing1700000000000: the if at line 7 decides whether later steps run/);
});

test('CLI: --format json follows the contract; --write creates the pieces and removes the original', async () => {
  const folder = path.join(dir, 'cli');
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, '1700000000000-Billing.ts'), THREE_JOBS);
  fs.writeFileSync(path.join(folder, '1700000000005-Later.ts'), typeormFile('Later', '1700000000005', ['await queryRunner.query(`ALTER TABLE "orders" ADD "x" text`);'], []));
  let out = '';
  const io = { stdout: (s: string) => { out += s; }, stderr: () => undefined, cwd: folder };
  assert.equal(await runCli(['split', '.', '--dialect', 'postgres', '--format', 'json'], io), 0);
  const json = JSON.parse(out) as { version: number; splits: { source: string; migration: string; files: { path: string; text: string }[]; removes: string[] }[]; refused: unknown[] };
  assert.equal(json.version, 1);
  assert.deepEqual(json.refused, []);
  assert.deepEqual(json.splits.map((s) => [s.source, s.migration, s.files.map((f) => f.path), s.removes]), [[
    '1700000000000-Billing.ts', 'Billing1700000000000',
    ['1700000000001-AddStatusToOrders.ts', '1700000000002-BackfillOrders.ts', '1700000000003-AddTierToAccounts.ts'],
    ['1700000000000-Billing.ts'],
  ]]);
  assert.deepEqual(fs.readdirSync(folder).sort(), ['1700000000000-Billing.ts', '1700000000005-Later.ts'], 'nothing written without --write');

  out = '';
  assert.equal(await runCli(['split', '.', '--dialect', 'postgres', '--write'], io), 0);
  assert.deepEqual(fs.readdirSync(folder).sort(), ['1700000000001-AddStatusToOrders.ts', '1700000000002-BackfillOrders.ts', '1700000000003-AddTierToAccounts.ts', '1700000000005-Later.ts']);
  assert.equal(fs.readFileSync(path.join(folder, '1700000000002-BackfillOrders.ts'), 'utf8'), json.splits[0].files[1].text);
});

test('CLI: a refusal is reported with its reason and exit code 1', async () => {
  const folder = path.join(dir, 'refused');
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, '1700000000000-Billing.ts'), THREE_JOBS);
  fs.writeFileSync(path.join(folder, '1700000000001-Next.ts'), typeormFile('Next', '1700000000001', ['await queryRunner.query(`ALTER TABLE "orders" ADD "x" text`);'], []));
  let out = '';
  const code = await runCli(['split', '1700000000000-Billing.ts', '--dialect', 'postgres'], { stdout: (s) => { out += s; }, stderr: () => undefined, cwd: folder });
  assert.equal(code, 1);
  assert.match(out, /^1700000000000-Billing\.ts: Billing1700000000000 not split: there is no room for 3 migrations between 1700000000000 and the next migration \(1700000000001\)/);
});

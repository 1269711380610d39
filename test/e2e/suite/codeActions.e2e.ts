// The code actions that write migrations, in the real extension host: "Split into N migrations" from the size
// rule's lightbulb (and ONE workbench undo taking the whole split back), and source.fixAll adding the idempotency
// guards. Inputs: test/e2e/workspace/src/migrations/1700000900000-ReworkOrderTracking.ts and 1700001000000-AddShipments.ts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, codeOf, diagnosticsFor, open, workspaceRoot } from './e2eHelpers';

const SPLIT_COMMAND = 'safeMigrations.splitMigration';
const FIX_ALL_KIND = 'source.fixAll.safe-migrations';

type SplitResult = { files: string[]; removed: string[]; notes: string[] } | { refused: string };

const migrationsDir = () => path.join(workspaceRoot(), 'src/migrations');
const listing = () => fs.readdirSync(migrationsDir()).sort();

async function until(what: string, ok: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The TypeORM migration the split should write: the original's shape, one step up and its matching down. */
function typeormPiece(name: string, up: string, down: string): string {
  return `import { MigrationInterface, QueryRunner } from "typeorm";

export class ${name} implements MigrationInterface {
    name = '${name}'

    public async up(queryRunner: QueryRunner): Promise<void> {
        ${up}
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        ${down}
    }
}
`;
}

suite('Code actions that write migrations', () => {
  test('[engine] Split into 3 migrations from the lightbulb: the pieces in TypeORM naming with their downs, the original removed; one undo restores it all', async () => {
    await api();
    const original = path.join(migrationsDir(), '1700000900000-ReworkOrderTracking.ts');
    const originalText = fs.readFileSync(original, 'utf8');
    const before = listing();
    const pieces = ['1700000900001-AddPriorityToOrders.ts', '1700000900002-BackfillOrders.ts', '1700000900003-AddSkuToProducts.ts'];
    const piecePaths = pieces.map((p) => path.join(migrationsDir(), p));

    const doc = await open('src/migrations/1700000900000-ReworkOrderTracking.ts');
    const diags = await diagnosticsFor(doc.uri, (d) => d.some((x) => codeOf(x) === 'migration-does-too-much'));
    const tooMuch = diags.find((x) => codeOf(x) === 'migration-does-too-much')!;
    assert.equal(tooMuch.severity, vscode.DiagnosticSeverity.Hint);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, tooMuch.range, vscode.CodeActionKind.QuickFix.value);
    const split = actions.find((a) => a.command?.command === SPLIT_COMMAND);
    assert.ok(split, `a split action; got ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(split.title, 'Split into 3 migrations');
    assert.equal(split.disabled, undefined);
    assert.deepEqual(split.command!.arguments, [doc.uri.toString()]);

    try {
      // The quick fix's own argument, with the confirmation dialog skipped.
      const result = await vscode.commands.executeCommand<SplitResult>(SPLIT_COMMAND, { uri: split.command!.arguments![0] as string, confirm: false });
      assert.ok(result && !('refused' in result), `split: ${JSON.stringify(result)}`);
      assert.deepEqual(result.files, piecePaths);
      assert.deepEqual(result.removed, [original]);
      assert.deepEqual(listing(), [...before.filter((f) => f !== path.basename(original)), ...pieces].sort(), 'three files created, the original removed');
      assert.equal(fs.readFileSync(piecePaths[0], 'utf8'), typeormPiece('AddPriorityToOrders1700000900001',
        'await queryRunner.query(`ALTER TABLE "orders" ADD "priority" integer`);',
        'await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "priority"`);'));
      assert.equal(fs.readFileSync(piecePaths[1], 'utf8'), typeormPiece('BackfillOrders1700000900002',
        'await queryRunner.query(`UPDATE "orders" SET "priority" = 0`);',
        '// Nothing in the original down undoes this step.'));
      assert.equal(fs.readFileSync(piecePaths[2], 'utf8'), typeormPiece('AddSkuToProducts1700000900003',
        'await queryRunner.query(`ALTER TABLE "products" ADD "sku" character varying(40)`);',
        'await queryRunner.query(`ALTER TABLE "products" DROP COLUMN "sku"`);'));
      const active = vscode.window.activeTextEditor;
      assert.equal(active?.document.uri.fsPath, piecePaths[0], 'the first piece is open');
      assert.equal(active.document.isDirty, false, 'and saved');
      // The pieces are migrations the server reads: none of them does too much.
      await diagnosticsFor(active.document.uri, (d) => !d.some((x) => codeOf(x) === 'migration-does-too-much'));

      // ONE undo, from the editor the split left active, takes the whole WorkspaceEdit back.
      await vscode.commands.executeCommand('undo');
      await until('the undo to restore the original and remove the pieces', () => fs.existsSync(original) && piecePaths.every((p) => !fs.existsSync(p)));
      assert.equal(fs.readFileSync(original, 'utf8'), originalText, 'the original, byte for byte');
      assert.deepEqual(listing(), before);
    } finally {
      // Whatever happened, the next tests see the workspace as it was.
      for (const p of piecePaths) fs.rmSync(p, { force: true });
      if (!fs.existsSync(original)) fs.writeFileSync(original, originalText);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  test('[engine] source.fixAll guards every step of a TypeORM migration run outside a transaction; the file re-checked has no new finding', async () => {
    await api();
    const rel = 'src/migrations/1700001000000-AddShipments.ts';
    const file = path.join(workspaceRoot(), rel);
    const originalText = fs.readFileSync(file, 'utf8');
    const doc = await open(rel);
    const before = await diagnosticsFor(doc.uri, (d) => d.some((x) => codeOf(x) === 'missing-idempotency-guard'));
    assert.deepEqual(before.map((d) => [codeOf(d), d.severity]), [['missing-idempotency-guard', vscode.DiagnosticSeverity.Hint]]);

    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole, vscode.CodeActionKind.SourceFixAll.value);
    const fixAll = actions.filter((a) => a.kind?.value === FIX_ALL_KIND);
    assert.equal(fixAll.length, 1, `one fix-all action of ours; got ${JSON.stringify(actions.map((a) => [a.title, a.kind?.value]))}`);
    assert.ok(fixAll[0].edit);
    try {
      assert.equal(await vscode.workspace.applyEdit(fixAll[0].edit), true);
      assert.equal(await doc.save(), true);
      const guarded = originalText
        .replace('CREATE TABLE "shipments"', 'CREATE TABLE IF NOT EXISTS "shipments"')
        .replace('CREATE INDEX "IDX_shipments_order_id"', 'CREATE INDEX IF NOT EXISTS "IDX_shipments_order_id"')
        .replace('ADD "tracking_code"', 'ADD COLUMN IF NOT EXISTS "tracking_code"')
        .replace(/( {8})(await queryRunner\.addColumn\("orders", new TableColumn\(\{ name: "shipped_at".*\);)\n/,
          "$1if (!(await queryRunner.hasColumn('orders', 'shipped_at'))) {\n$1    $2\n$1}\n")
        .replace(/( {8})(await queryRunner\.dropColumn\("orders", "shipped_at"\);)\n/,
          "$1if (await queryRunner.hasColumn('orders', 'shipped_at')) {\n$1    $2\n$1}\n")
        .replace('DROP COLUMN "tracking_code"', 'DROP COLUMN IF EXISTS "tracking_code"')
        .replace('DROP INDEX "public"."IDX_shipments_order_id"', 'DROP INDEX IF EXISTS "public"."IDX_shipments_order_id"')
        .replace('DROP TABLE "shipments"', 'DROP TABLE IF EXISTS "shipments"');
      assert.equal((guarded.match(/IF (NOT )?EXISTS|hasColumn/g) ?? []).length, 8, 'the expected text guards all eight steps');
      assert.equal(fs.readFileSync(file, 'utf8'), guarded);

      // Re-checked by the server: the finding is gone and nothing of equal or higher severity (a hint: anything) came.
      const after = await diagnosticsFor(doc.uri, (d) => !d.some((x) => codeOf(x) === 'missing-idempotency-guard'));
      assert.deepEqual(after.map((d) => `${codeOf(d)}: ${d.message}`), []);
      await new Promise((r) => setTimeout(r, 1000));
      assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'safe-migrations').map((d) => `${codeOf(d)}: ${d.message}`), [], 'and it stays so');
    } finally {
      fs.writeFileSync(file, originalText);
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
  test('[engine] source.fixAll on a plain SQL migration: IF [NOT] EXISTS, a DO block for the constraint; the other findings stay as they were', async () => {
    await api();
    const rel = 'sql/add_shipping_cost.sql';
    const file = path.join(workspaceRoot(), rel);
    const originalText = fs.readFileSync(file, 'utf8');
    const doc = await open(rel);
    const summary = (d: vscode.Diagnostic[]) => d.map((x) => `${codeOf(x)}/${x.severity}`).sort();
    const before = summary(await diagnosticsFor(doc.uri, (d) => d.some((x) => codeOf(x) === 'missing-idempotency-guard')));
    assert.ok(before.includes(`missing-idempotency-guard/${vscode.DiagnosticSeverity.Hint}`), JSON.stringify(before));

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), vscode.CodeActionKind.SourceFixAll.value);
    const fixAll = actions.filter((a) => a.kind?.value === FIX_ALL_KIND);
    assert.equal(fixAll.length, 1, JSON.stringify(actions.map((a) => [a.title, a.kind?.value])));
    try {
      assert.equal(await vscode.workspace.applyEdit(fixAll[0].edit!), true);
      assert.equal(await doc.save(), true);
      assert.equal(fs.readFileSync(file, 'utf8'), [
        'ALTER TABLE orders ADD COLUMN IF NOT EXISTS shipping_cost integer;',
        'DO $$',
        'BEGIN',
        `  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"orders"') AND conname = 'orders_shipping_cost_check') THEN`,
        '    ALTER TABLE orders ADD CONSTRAINT orders_shipping_cost_check CHECK (shipping_cost >= 0) NOT VALID;',
        '  END IF;',
        'END $$;',
        'DROP INDEX IF EXISTS "public"."IDX_orders_legacy";',
        'CREATE TABLE IF NOT EXISTS shipping_zones (id serial PRIMARY KEY, name text NOT NULL);',
        '',
      ].join('\n'));
      // Re-checked: the guard finding gone, every other finding exactly as before (none new, none more severe).
      const after = summary(await diagnosticsFor(doc.uri, (d) => !d.some((x) => codeOf(x) === 'missing-idempotency-guard')));
      assert.deepEqual(after, before.filter((c) => !c.startsWith('missing-idempotency-guard/')));
      await new Promise((r) => setTimeout(r, 1000));
      assert.deepEqual(summary(vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'safe-migrations')), after, 'and it stays so');
    } finally {
      fs.writeFileSync(file, originalText);
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import ts from 'typescript';
import { readFile, readMigration, textAt } from './readTypeorm';
import { initSqlParsers } from '../../../server/src/readers/sql';

before(() => initSqlParsers());

const source = `import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

export class AddNickname1700000000000 implements MigrationInterface {
    name = 'AddNickname1700000000000';
    transaction = false;
    public async up(queryRunner: QueryRunner): Promise<void> {
        if (!(await queryRunner.hasColumn("user", "nickname"))) {
            await queryRunner.addColumn("user", new TableColumn({ name: "nickname", type: "varchar", length: "40", isNullable: true }));
        }
        await queryRunner.dropColumn("user", "legacy");
        await queryRunner.query(getSql());
    }
    public async down(queryRunner: QueryRunner): Promise<void> {
        throw new Error("irreversible");
    }
}
`;

/** What `tsc` emits for a migration with this target (the real emitter, CommonJS). */
function compile(target: ts.ScriptTarget): string {
  return ts.transpileModule(source, { compilerOptions: { target, module: ts.ModuleKind.CommonJS } }).outputText;
}

for (const [label, target] of [['ES2017 (async methods)', ts.ScriptTarget.ES2017], ['ES2015 (__awaiter + function*)', ts.ScriptTarget.ES2015], ['ES5 (__generator state machine)', ts.ScriptTarget.ES5]] as const) {
  test(`compiled CommonJS, target ${label}: same migration, same operations, guards kept`, () => {
    const js = compile(target);
    const m = readMigration(js, { path: '/project/dist/migrations/1700000000000-AddNickname.js' });
    assert.equal(m.name, 'AddNickname1700000000000');
    assert.equal(m.timestamp, '1700000000000');
    assert.equal(m.transactional, false);
    assert.deepEqual(m.up.map((o) => [o.kind, o.column ?? o.reason, o.guarded]), [
      ['addColumn', 'nickname', true],
      ['dropColumn', 'legacy', false],
      ['unknown', 'dynamic SQL: getSql()', false],
    ]);
    assert.deepEqual(m.up[0].columnSpec, { name: 'nickname', type: 'varchar(40)', nullable: true });
    assert.equal(m.hasDown, true);
    assert.equal(m.downThrows, true);
    assert.deepEqual(m.down, []);
    // The range is the call in the compiled file (with `await`/`yield` where the target has one).
    assert.match(textAt(js, m.up[1].offset), /^(await |yield )?queryRunner\.dropColumn\("user", "legacy"\)$/);
  });
}

test('ES5 output: the migration range is the whole `var X = (function () {…}())` statement', () => {
  const js = compile(ts.ScriptTarget.ES5);
  const m = readMigration(js);
  const covered = js.slice(js.split('\n').slice(0, m.range.start.line).join('\n').length + 1);
  assert.match(covered, /^var AddNickname1700000000000 = \/\*\* @class \*\/ \(function \(\) \{/);
});

test('an empty compiled down() counts as no down', () => {
  const js = ts.transpileModule(`export class E1700000000000 { async up(queryRunner) { await queryRunner.dropTable("x"); } async down(queryRunner) {} }`,
    { compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.CommonJS } }).outputText;
  const m = readMigration(js, { path: '/p/1700000000000-E.js' });
  assert.equal(m.hasDown, false);
  assert.deepEqual(m.up.map((o) => [o.kind, o.table]), [['dropTable', 'x']]);
});

test('hand-written CommonJS: class expressions bound to exports, module.exports = class', () => {
  const r = readFile(`"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.One1700000000001 = class One1700000000001 {
  async up(queryRunner) { await queryRunner.renameTable("a", "b"); }
  async down(queryRunner) { await queryRunner.renameTable("b", "a"); }
};
const Two = class {
  async up(qr) { await qr.dropIndex("t", "IDX_t"); }
  async down(qr) {}
};
Object.defineProperty(exports, "Two", { enumerable: true, get: function () { return Two; } });
`, { path: '/p/migrations/1700000000001-One.js' });
  assert.deepEqual(r.migrations.map((m) => [m.name, m.up.map((o) => o.kind).join(',')]), [['One1700000000001', 'renameTable'], ['Two', 'dropIndex']]);
  assert.equal(r.migrations[1].timestamp, '1700000000001', 'falls back to the file name prefix');
});

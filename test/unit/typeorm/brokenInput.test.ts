import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import ts from 'typescript';
import { initSqlParsers } from '../../../server/src/readers/sql';
import { readFile } from './readTypeorm';

before(() => initSqlParsers());

const complete = `import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

export class Half1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn("users", new TableColumn({ name: "a", type: "int", isNullable: true }));
    await queryRunner.dropColumn("users", "b");
  }
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn("users", "a");
  }
}
`;

test('half-typed code: missing closing braces still reads what parses; parser errors counted, not repeated as problems', () => {
  const cut = complete.slice(0, complete.indexOf('  public async down'));
  const r = readFile(cut);
  assert.equal(r.migrations.length, 1);
  assert.deepEqual(r.migrations[0].up.map((o) => [o.kind, o.column]), [['addColumn', 'a'], ['dropColumn', 'b']]);
  assert.equal(r.migrations[0].hasDown, false);
  assert.ok((r.syntaxErrors ?? 0) > 0);
  assert.ok(!r.problems.some((p) => p.code === 'ts-syntax'));
});

test('every prefix of a migration reads without throwing (typing it character by character)', () => {
  for (let i = 0; i <= complete.length; i += 3) {
    const r = readFile(complete.slice(0, i));
    assert.ok(Array.isArray(r.migrations));
    assert.ok(!r.problems.some((p) => p.code === 'reader-error'), `reader-error at prefix ${i}: ${JSON.stringify(r.problems)}`);
  }
});

test('unterminated template and string literals', () => {
  const template = readFile(`export class T1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    await queryRunner.query(\`ALTER TABLE "users" ADD "x" int
  }
  async down(queryRunner: QueryRunner) {}
}`);
  assert.ok((template.syntaxErrors ?? 0) > 0);
  assert.ok(!template.problems.some((p) => p.code === 'reader-error'));
  const str = readFile(`export class S1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    await queryRunner.dropColumn("users, "x");
  }
  async down(queryRunner: QueryRunner) {}
}`);
  assert.equal(str.migrations.length, 1);
  assert.ok((str.syntaxErrors ?? 0) > 0);
});

test('no migration class: zero migrations and an info problem', () => {
  const r = readFile(`import { DataSource } from "typeorm";\nexport const AppDataSource = new DataSource({ type: "postgres" });\n`);
  assert.deepEqual(r.migrations, []);
  assert.deepEqual(r.problems.map((p) => [p.code, p.severity]), [['no-migration-found', 'info']]);
});

test('garbage, empty text and odd shapes never throw', () => {
  for (const text of ['', '}}}{{{', 'class { up( }', 'export class X implements MigrationInterface { up = 5; down }', '\u0000\u0001binary', 'queryRunner.query(`${`${`']) {
    const r = readFile(text);
    assert.ok(!r.problems.some((p) => p.code === 'reader-error'), text);
  }
});

test('a class with up but an unfinished down signature', () => {
  const r = readFile(`export class U1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) { await queryRunner.renameTable("a", "b"); }
  async down(`);
  assert.equal(r.migrations.length, 1);
  assert.deepEqual(r.migrations[0].up.map((o) => o.kind), ['renameTable']);
});

test('random edits of a TS migration and of its ES5 output never throw and never hit an internal error', () => {
  const es5 = ts.transpileModule(complete, { compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.CommonJS } }).outputText;
  let seed = 12345;
  const random = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
  const pieces = ['(', ')', '{', '}', '`', '"', "'", '${', ';', 'await ', 'queryRunner.', 'if (', 'return;', '\n', 'new Table({', '/*', '*/'];
  for (const base of [complete, es5]) {
    for (let i = 0; i < 150; i++) {
      let text = base;
      for (let k = 0; k < 3; k++) {
        const at = random(text.length);
        text = random(2) ? text.slice(0, at) + text.slice(at + random(40)) : text.slice(0, at) + pieces[random(pieces.length)] + text.slice(at);
      }
      const r = readFile(text);
      assert.ok(!r.problems.some((p) => p.code === 'reader-error'), `reader-error for:\n${text}\n${JSON.stringify(r.problems)}`);
    }
  }
});

// Mutation fuzzing: thousands of seeded mutants of real migration files (truncated, characters
// deleted or inserted, lines swapped) must all read without throwing, and every range must lie
// inside the text.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { initEngine, readMigrationText } from '../../../server/src/engine/engine';
import type { FileModel, Range } from '../../../server/src/model/migration';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');
/** Migrations of real projects (test/realworld), mutated beside the fixtures when present. */
const REALWORLD = path.join(__dirname, '..', '..', 'realworld');
const MUTANTS = Number(process.env.SM_FUZZ_MUTANTS ?? 10000);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) { if (e.name !== 'node_modules') walk(full); }
      else if (/\.(ts|js|cjs|sql)$/.test(e.name) && /migration/i.test(full)) out.push(full);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out.sort();
}

const SEEDS: [string, string][] = [
  ['inline/1700000000000-AddUsers.ts', `import { MigrationInterface, QueryRunner, Table } from "typeorm";
export class AddUsers1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`CREATE TABLE "users" ("id" SERIAL PRIMARY KEY, "name" varchar(100) NOT NULL, "meta" json)\`);
    await queryRunner.createTable(new Table({ name: "posts", columns: [{ name: "id", type: "int", isPrimary: true }] }), true);
  }
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("posts");
    await queryRunner.query(\`DROP TABLE "users"\`);
  }
}
`],
  ['inline/20240101000000-create-orders.js', `'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('orders', { id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true }, total: { type: Sequelize.DECIMAL(10, 2), allowNull: false } });
    await queryInterface.addIndex('orders', ['total'], { concurrently: true });
    await queryInterface.sequelize.query('UPDATE orders SET total = 0 WHERE total IS NULL');
  },
  async down(queryInterface) { await queryInterface.dropTable('orders'); },
};
`],
  ['inline/20240101000000_init/migration.sql', `-- CreateTable
CREATE TABLE "User" ("id" SERIAL NOT NULL, "email" TEXT NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
DO $$ BEGIN IF NOT EXISTS (SELECT 1) THEN ALTER TABLE "User" ADD COLUMN "x" int; END IF; END $$;
`],
  ['inline/mysql/001_add.sql', "ALTER TABLE `users` ADD COLUMN `age` int NOT NULL DEFAULT 0, ALGORITHM=INSTANT;\nCREATE INDEX `idx_age` ON `users` (`age`) ALGORITHM=INPLACE LOCK=NONE;\n-- ünïcödé comment ✓\nALTER TABLE `users` MODIFY `name` varchar(300) NOT NULL;\n"],
];

/** Deterministic PRNG (mulberry32) so a failure names a reproducible mutant. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOISE = ['`', "'", '"', '(', ')', '{', '}', ';', '$$', '/*', '*/', '--', '\\', '${', '\n', '\u0000', 'é', '😀', ' ', 'await ', 'queryRunner.query(', 'ALTER TABLE ', ','];

function mutate(text: string, rand: () => number): string {
  let t = text;
  const steps = 1 + Math.floor(rand() * 4);
  for (let s = 0; s < steps; s++) {
    const at = Math.floor(rand() * (t.length + 1));
    switch (Math.floor(rand() * 5)) {
      case 0: t = t.slice(0, at); break;
      case 1: t = t.slice(0, at) + t.slice(at + 1 + Math.floor(rand() * 20)); break;
      case 2: t = t.slice(0, at) + NOISE[Math.floor(rand() * NOISE.length)] + t.slice(at); break;
      case 3: {
        const lines = t.split('\n');
        const i = Math.floor(rand() * lines.length), j = Math.floor(rand() * lines.length);
        [lines[i], lines[j]] = [lines[j], lines[i]];
        t = lines.join('\n');
        break;
      }
      default: t = t.slice(0, at) + t.slice(Math.floor(rand() * t.length)); break;
    }
  }
  return t;
}

/** Inside the text: lines exist and each position's character is at most its line's length. */
function rangeInside(r: Range, lineLengths: number[]): boolean {
  const at = (p: Range['start']) => p.line >= 0 && p.line < lineLengths.length && p.character >= 0 && p.character <= lineLengths[p.line];
  return at(r.start) && at(r.end) &&
    (r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character));
}

function assertSane(model: FileModel, text: string, label: string): void {
  const lineLengths = text.split(/\r\n|\r|\n/).map((l) => l.length);
  for (const m of model.migrations) {
    for (const op of [...m.up, ...(m.downPath ? [] : m.down)]) {
      assert.ok(rangeInside(op.range, lineLengths), `${label}: op range outside the text: ${JSON.stringify(op.range)}`);
      assert.ok(op.offset.start >= 0 && op.offset.end <= text.length && op.offset.start <= op.offset.end, `${label}: bad offsets ${JSON.stringify(op.offset)}`);
    }
  }
  for (const p of model.problems) assert.ok(rangeInside(p.range, lineLengths), `${label}: problem range outside the text: ${JSON.stringify(p.range)}`);
}

before(async () => { await initEngine(); });

test(`${MUTANTS} seeded mutants of fixture migrations read without throwing, with ranges inside the text`, () => {
  const files: [string, string][] = [...SEEDS, ...[...sourceFiles(FIXTURES), ...sourceFiles(REALWORLD)].map((f): [string, string] => [f, fs.readFileSync(f, 'utf8')])];
  assert.ok(files.length >= SEEDS.length);
  const rand = prng(20261123);
  for (let i = 0; i < MUTANTS; i++) {
    const [file, text] = files[i % files.length];
    const mutant = mutate(text, rand);
    let model: FileModel;
    try {
      model = readMigrationText(file, mutant, {});
    } catch (e) {
      assert.fail(`mutant #${i} of ${file} threw: ${(e as Error).stack}\n--- mutant ---\n${mutant}`);
    }
    assertSane(model, mutant, `mutant #${i} of ${file}`);
  }
});

test('a file that ends inside a template literal keeps every range and offset inside the text', () => {
  const heads: [string, string][] = [
    ['1700000000000-Cut.ts', 'import { MigrationInterface, QueryRunner } from "typeorm";\nexport class Cut1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query('],
    ['20240101000000-cut.js', 'module.exports = { async up(queryInterface) { await queryInterface.sequelize.query('],
  ];
  const tails = ['`', '`ALTER TABLE t ADD c int;', '`ALTER TABLE t ADD c int;\\', '`ALTER TABLE t ADD ${', '`ALTER TABLE t ADD ${x', '`ALTER TABLE t ADD ${x}', '`\\u', '`ALTER TABLE t\r'];
  for (const [file, head] of heads) {
    for (const tail of tails) assertSane(readMigrationText(file, head + tail, {}), head + tail, `${file} ending ${JSON.stringify(tail)}`);
  }
});

test('binary, empty and huge inputs give a clear problem, not a crash', () => {
  const binary = readMigrationText('x.sql', 'SELECT 1;\u0000\u0001\u0002garbage');
  assert.equal(binary.problems[0]?.code, 'binary-file');
  const empty = readMigrationText('1700000000000-Empty.ts', '');
  assert.equal(empty.migrations.length, 0);
  const huge = readMigrationText('huge.sql', 'SELECT 1;\n'.repeat(600_000));
  assert.equal(huge.problems[0]?.code, 'file-too-large');
});

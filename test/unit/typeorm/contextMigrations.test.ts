// Migrations that do not write `queryRunner.query(…)` themselves (n8n's context objects, helpers
// that take SQL) and SQL built around a table prefix: read, parsed and judged like any other.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { initEngine, readMigrationText } from '../../../server/src/engine/engine';
import { DEFAULT_CONFIG } from '../../../server/src/config/types';
import { runRules } from '../../../server/src/rules';
import { readMigration, textAt } from './readTypeorm';

before(() => initEngine());

test("n8n: up({ escape, runQuery }) with escape.tableName('user') — the table is `user`, the name as written is kept", () => {
  const text = `import type { MigrationContext, ReversibleMigration } from '@/databases/types';

export class AddMfaColumns1690000000030 implements ReversibleMigration {
	async up({ escape, runQuery }: MigrationContext) {
		const tableName = escape.tableName('user');
		await runQuery(\`ALTER TABLE \${tableName} ADD COLUMN "mfaEnabled" BOOLEAN NOT NULL DEFAULT false\`);
		await runQuery(\`CREATE INDEX "IDX_user_mfa" ON \${tableName} ("mfaEnabled")\`);
	}

	async down({ escape, runQuery }: MigrationContext) {
		const tableName = escape.tableName('user');
		await runQuery(\`DROP INDEX "IDX_user_mfa"\`);
		await runQuery(\`ALTER TABLE \${tableName} DROP COLUMN "mfaEnabled"\`);
	}
}
`;
  const m = readMigration(text);
  assert.deepEqual(m.up.map((o) => [o.kind, o.table, o.column ?? o.index]), [['addColumn', 'user', 'mfaEnabled'], ['createIndex', 'user', 'IDX_user_mfa']]);
  assert.deepEqual(m.down.map((o) => o.kind), ['dropIndex', 'dropColumn']);
  assert.deepEqual(m.up[0].details?.writtenNames, { table: "${escape.tableName('user')}" });
  assert.equal(textAt(text, m.up[1].offset), 'CREATE INDEX "IDX_user_mfa" ON ${tableName} ("mfaEnabled")');
});

test("n8n's older MySQL migrations: '…`' + tablePrefix + 'execution_entity` MODIFY …' is parsed, judged and keeps its range", () => {
  const text = `import type { MigrationInterface, QueryRunner } from '@n8n/typeorm';
import config from '@/config';

export class ExecutionDataMediumText1588157391238 implements MigrationInterface {
	async up(queryRunner: QueryRunner): Promise<void> {
		const tablePrefix = config.getEnv('database.tablePrefix');
		await queryRunner.query('ALTER TABLE \`' + tablePrefix + 'execution_entity\` MODIFY COLUMN \`data\` MEDIUMTEXT NOT NULL', undefined);
	}

	async down(queryRunner: QueryRunner): Promise<void> {
		const tablePrefix = config.getEnv('database.tablePrefix');
		await queryRunner.query('ALTER TABLE \`' + tablePrefix + 'execution_entity\` MODIFY COLUMN \`data\` TEXT NOT NULL', undefined);
	}
}
`;
  const m = readMigration(text, { dialect: 'mysql' });
  assert.deepEqual(m.up.map((o) => [o.kind, o.table, o.column, o.columnSpec?.type]), [['alterColumnType', 'execution_entity', 'data', 'mediumtext']]);
  assert.deepEqual(m.up[0].details?.writtenNames, { table: '${tablePrefix}execution_entity' });
  // The action's range, and the whole statement's, point into the file across the concatenation.
  assert.equal(textAt(text, m.up[0].offset), 'MODIFY COLUMN `data` MEDIUMTEXT NOT NULL');
  assert.equal(textAt(text, m.up[0].details?.statementOffset as { start: number; end: number }), "ALTER TABLE `' + tablePrefix + 'execution_entity` MODIFY COLUMN `data` MEDIUMTEXT NOT NULL");
});

test('a helper that takes SQL (`await this.exec(sql)`) is read like queryRunner.query', () => {
  const text = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddOrderStatus1700000000001 implements MigrationInterface {
  private queryRunner!: QueryRunner;

  private async exec(sql: string) {
    await this.queryRunner.query(sql);
  }

  public async up(queryRunner: QueryRunner): Promise<void> {
    this.queryRunner = queryRunner;
    await this.exec('ALTER TABLE "orders" ADD COLUMN "status" varchar(20)');
    await this.exec(\`CREATE INDEX "orders_status_idx" ON "orders" ("status")\`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    this.queryRunner = queryRunner;
    await this.exec('DROP INDEX "orders_status_idx"');
    await this.exec('ALTER TABLE "orders" DROP COLUMN "status"');
  }
}
`;
  const m = readMigration(text);
  assert.deepEqual(m.up.map((o) => [o.kind, o.table, o.details?.call]), [['addColumn', 'orders', 'exec'], ['createIndex', 'orders', 'exec']]);
  assert.deepEqual(m.down.map((o) => o.kind), ['dropIndex', 'dropColumn']);
});

test('uninspectable-sql: SQL known only at run time is said once per migration, not per statement; a prefixed name is not a blind spot', () => {
  const text = `import { MigrationInterface, QueryRunner } from 'typeorm';
import { statementsFor } from '../sql';

export class Backfill1700000000002 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    const prefix = process.env.TABLE_PREFIX;
    await queryRunner.query(\`ALTER TABLE \${prefix}orders ADD COLUMN "note" text\`);
    await queryRunner.query(statementsFor('orders'));
    await queryRunner.query(statementsFor('customers'));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(statementsFor('rollback'));
  }
}
`;
  const file = readMigrationText('/p/src/migrations/1700000000002-Backfill.ts', text, { dialect: 'postgres' });
  const findings = runRules(file, { ...DEFAULT_CONFIG, extends: 'strict' }).filter((f) => f.rule === 'uninspectable-sql');
  assert.equal(findings.length, 1);
  assert.equal(findings[0].severity, 'info');
  assert.match(findings[0].message, /statementsFor\('orders'\).*and 2 more statements/);
});

test('try/catch around statements and an un-awaited call are recorded on the operations', () => {
  const m = readMigration(`import { MigrationInterface, QueryRunner } from 'typeorm';

export class Tags1700000000003 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    try {
      await queryRunner.query('ALTER TABLE "posts" ADD COLUMN "tags" text[]');
    } catch (e) {
      console.warn('tags already there', e);
    }
    queryRunner.query('CREATE INDEX "posts_tags_idx" ON "posts" USING gin ("tags")');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "posts" DROP COLUMN "tags"');
  }
}
`);
  assert.deepEqual(m.up.map((o) => [o.kind, o.details?.inTryCatch, o.details?.unawaited]), [['addColumn', true, undefined], ['createIndex', undefined, true]]);
});

test('the migration is named where the class is: findings about the whole migration sit on the class name', () => {
  const text = "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class AddUsers1700000000004 implements MigrationInterface {\n  async up(q: QueryRunner) { await q.query('CREATE TABLE users (id int)'); }\n  async down(q: QueryRunner) { await q.query('DROP TABLE users'); }\n}\n";
  const m = readMigration(text);
  assert.deepEqual(m.nameRange, { start: { line: 2, character: 13 }, end: { line: 2, character: 34 } });
});

test('a half-typed file: its parser errors are counted, not reported again, and it gets no "has no down" finding', () => {
  const text = "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class AddFlag1700000000005 implements MigrationInterface {\n  async up(queryRunner: QueryRunner) {\n    await queryRunner.query('ALTER TABLE orders ADD COLUMN flag boolean');\n  }\n\n  async do\n";
  const file = readMigrationText('/p/src/migrations/1700000000005-AddFlag.ts', text, { dialect: 'postgres' });
  assert.ok((file.syntaxErrors ?? 0) > 0);
  assert.ok(!file.problems.some((p) => /syntax/i.test(p.code)));
  const rollback = runRules(file, { ...DEFAULT_CONFIG, extends: 'strict' }).filter((f) => ['missing-down', 'empty-down', 'asymmetric-down'].includes(f.rule));
  assert.deepEqual(rollback, []);
});

test("n8n's schemaBuilder DSL: createTable(…).withColumns(…), addColumns, dropColumns, createIndex, addNotNull are operations", () => {
  const m = readMigration(`import type { MigrationContext, ReversibleMigration } from '@/databases/types';

export class CreateProject1714133768519 implements ReversibleMigration {
	async up({ schemaBuilder: { createTable, column, addColumns, createIndex, addNotNull } }: MigrationContext) {
		await createTable('project_relation')
			.withColumns(column('projectId').varchar(36).primary.notNull, column('userId').uuid.notNull, column('role').varchar().notNull)
			.withIndexOn('projectId')
			.withForeignKey('projectId', { tableName: 'project', columnName: 'id', onDelete: 'CASCADE' }).withTimestamps;
		await addColumns('workflow_entity', [column('meta').json, column('pinned').bool.notNull.default(false)]);
		await createIndex('workflow_entity', ['meta'], true, 'IDX_workflow_meta');
		await addNotNull('user', 'role');
	}

	async down({ schemaBuilder: { dropTable, dropColumns } }: MigrationContext) {
		await dropColumns('workflow_entity', ['meta', 'pinned']);
		await dropTable('project_relation');
	}
}
`);
  assert.deepEqual(m.up.map((o) => [o.kind, o.table, o.column ?? o.columns?.join() ?? '']), [
    ['createTable', 'project_relation', ''], ['createIndex', 'project_relation', 'projectId'], ['addForeignKey', 'project_relation', 'projectId'],
    ['addColumn', 'workflow_entity', 'meta'], ['addColumn', 'workflow_entity', 'pinned'], ['createIndex', 'workflow_entity', 'meta'], ['setNotNull', 'user', 'role'],
  ]);
  assert.deepEqual(m.up[0].tableColumns?.map((c) => [c.name, c.type, c.nullable]), [
    ['projectId', 'varchar(36)', false], ['userId', 'uuid', false], ['role', 'varchar', false], ['createdAt', 'timestamp', false], ['updatedAt', 'timestamp', false],
  ]);
  assert.deepEqual(m.up[4].columnSpec, { name: 'pinned', type: 'boolean', nullable: false, default: 'false' });
  assert.deepEqual(m.down.map((o) => [o.kind, o.column ?? o.table]), [['dropColumn', 'meta'], ['dropColumn', 'pinned'], ['dropTable', 'project_relation']]);
});

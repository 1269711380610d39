import { defineRule, eq, type RuleFinding } from '../rule';
import { findOn } from '../helpers';
import { fix } from '../fixes';

/** An un-awaited runner call: the migration's promise resolves before the statement has run. */
export default defineRule({
  id: 'unawaited-query',
  category: 'transactions', severity: 'error', dialects: ['postgres', 'mysql', 'mariadb'], phases: ['up', 'down'], fixable: true,
  summary: 'A migration step that is not awaited: the runner records the migration (and commits) without waiting for it, and its error is lost.',
  why: 'up() and down() are awaited by the runner; a call whose promise nobody awaits runs after the migration has been reported done. The runner may commit or release its connection first, the statement then fails or runs outside the transaction, and the error goes to an unhandled rejection while the migration is recorded as applied.',
  safeAlternative: {
    text: 'await every runner call (or return the promise chain from a non-async up/down).',
    snippets: {
      typeorm: "await queryRunner.query('ALTER TABLE orders ADD COLUMN status varchar(20)');",
      sequelize: "await queryInterface.addColumn('orders', 'status', Sequelize.STRING(20));",
    },
  },
  equivalents: eq({}),
  examples: {
    postgres: {
      orm: 'typeorm',
      bad: "import { MigrationInterface, QueryRunner } from 'typeorm';\nexport class AddStatus1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    queryRunner.query('ALTER TABLE orders ADD COLUMN status text');\n  }\n  public async down(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query('ALTER TABLE orders DROP COLUMN status');\n  }\n}\n",
      good: "import { MigrationInterface, QueryRunner } from 'typeorm';\nexport class AddStatus1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query('ALTER TABLE orders ADD COLUMN status text');\n  }\n  public async down(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query('ALTER TABLE orders DROP COLUMN status');\n  }\n}\n",
    },
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    const seen = new Set<unknown>();
    for (const op of ctx.ops) {
      if (!op.details?.unawaited) continue;
      // One finding per call (a query() string may hold several statements).
      const awaitAt = op.details.awaitAt as number | undefined;
      const key = awaitAt ?? (op.details.inFloatingTransaction ? 'transaction' : op.offset.start);
      if (seen.has(key)) continue;
      seen.add(key);
      if (op.details.inFloatingTransaction) {
        out.push(findOn(op, `The transaction this step runs in is not awaited: ${ctx.phase}() returns before it commits, the runner records the migration as done, and a failure inside is lost. await the transaction call.`));
        continue;
      }
      const fixes = awaitAt !== undefined && ctx.text ? fix('Add await', true, { start: awaitAt, end: awaitAt, newText: 'await ' }) : [];
      out.push(findOn(op, `This call is not awaited: ${ctx.phase}() returns before the statement runs, so the runner commits and records the migration without it, and its error (if any) is lost. Add await.`, { fixes }));
    }
    return out;
  },
});

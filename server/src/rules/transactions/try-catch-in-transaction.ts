import { defineRule, eq } from '../rule';
import { findOn } from '../helpers';

/** PostgreSQL aborts a transaction at its first error: catching the error in JavaScript does not un-abort it. */
export default defineRule({
  id: 'try-catch-in-transaction',
  category: 'transactions', severity: 'warning', dialects: ['postgres'], phases: ['up', 'down'],
  summary: 'A statement in a try/catch that swallows its error, inside a PostgreSQL transaction: after a failure every later statement fails ("current transaction is aborted").',
  why: 'When a statement fails inside a transaction, PostgreSQL marks the whole transaction aborted and rejects every further command until ROLLBACK. A migration that catches the error to carry on (CREATE EXTENSION that may lack privileges, an optional index) does not carry on: its next statement, or the runner\'s own INSERT into its migrations table, fails with "current transaction is aborted", and the real cause is hidden by the catch.',
  safeAlternative: {
    text: 'Check first instead of catching (query pg_extension / information_schema, or use IF NOT EXISTS), or wrap the risky statement in a SAVEPOINT and ROLLBACK TO SAVEPOINT in the catch, or run the migration without a transaction.',
    snippets: {
      typeorm: "await queryRunner.query('SAVEPOINT optional_ext');\ntry {\n  await queryRunner.query('CREATE EXTENSION IF NOT EXISTS vector');\n} catch {\n  await queryRunner.query('ROLLBACK TO SAVEPOINT optional_ext');\n}",
      sql: "SAVEPOINT optional_ext;\nCREATE EXTENSION IF NOT EXISTS vector;\n-- on error: ROLLBACK TO SAVEPOINT optional_ext;",
    },
  },
  equivalents: eq({}),
  examples: {
    postgres: {
      orm: 'typeorm',
      bad: "import { MigrationInterface, QueryRunner } from 'typeorm';\nexport class AddVector1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    try {\n      await queryRunner.query('CREATE EXTENSION IF NOT EXISTS vector');\n    } catch (e) {\n      console.warn('pgvector not available', e);\n    }\n  }\n  public async down(queryRunner: QueryRunner): Promise<void> {}\n}\n",
      good: "import { MigrationInterface, QueryRunner } from 'typeorm';\nexport class AddVector1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    const available = await queryRunner.query(\"SELECT 1 FROM pg_available_extensions WHERE name = 'vector'\");\n    if (available.length) await queryRunner.query('CREATE EXTENSION IF NOT EXISTS vector');\n  }\n  public async down(queryRunner: QueryRunner): Promise<void> {}\n}\n",
    },
  },
  check(ctx) {
    const m = ctx.migration;
    const runnerTx = ctx.phase === 'down' && m.downTransactional !== undefined ? m.downTransactional === true : m.transactional === true;
    // A SAVEPOINT in the same migration is the way to survive the error: trust it.
    if (ctx.ops.some((o) => /^\s*(SAVEPOINT|ROLLBACK\s+TO)\b/i.test(o.text))) return [];
    const first = ctx.ops.find((op) => op.details?.inTryCatch && (runnerTx || ctx.inExplicitTransaction(op)) && op.kind !== 'transactionControl');
    if (!first) return [];
    return [findOn(first, `This statement's error is caught and ignored, but it runs inside a transaction: once it fails PostgreSQL aborts the transaction, so every later statement${runnerTx ? " and the runner's own bookkeeping" : ''} fails with "current transaction is aborted". Check before running it (IF NOT EXISTS, a catalog query) or use a SAVEPOINT.`)];
  },
});

import type { Operation } from '../../model/migration';
import { defineRule, eq, type RuleContext } from '../rule';
import { findOn } from '../helpers';
import { fix, prismaMoveToOwnMigration, stepsOf, typeormTransactionFalse } from '../fixes';
import { runOutsideTransaction } from '../ormAdvice';
import { rawStatementKind } from '../../knowledge/operationFacts';

/**
 * The ops that run while a transaction is open. PostgreSQL has one transaction per session: a COMMIT (or ROLLBACK)
 * ends the runner's transaction as well as the file's own, so a statement after it runs outside until the next BEGIN.
 */
function openTransactionAt(ctx: RuleContext): Set<Operation> {
  const inside = new Set<Operation>();
  let open = ctx.migration.transactional === true;
  for (const op of ctx.ops) {
    if (op.kind === 'transactionControl') {
      if (op.transaction === 'begin') open = true;
      else if (op.transaction === 'commit' || op.transaction === 'rollback') open = false;
    } else if (open || op.inTransaction) inside.add(op);
  }
  return inside;
}

const CONCURRENT_RAW = new Set(['reindexConcurrently', 'detachPartitionConcurrently', 'vacuumFull']);

export default defineRule({
  id: 'concurrently-in-transaction',
  category: 'locks', severity: 'error', dialects: ['postgres'], phases: ['up', 'down'], fixable: true,
  summary: 'CONCURRENTLY (and VACUUM FULL) cannot run inside a transaction: the migration fails at deploy.',
  why: 'PostgreSQL refuses CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and DETACH PARTITION CONCURRENTLY inside a transaction block. ORMs open one for you: TypeORM under migrationsTransactionMode "all" (the default), Prisma for a multi-statement migration.sql, Sequelize when you pass a transaction.',
  safeAlternative: {
    text: 'Run the statement outside any transaction: TypeORM `public transaction = false;` (mode each/none), Prisma a migration with this statement alone, Sequelize no transaction option.',
    snippets: { typeorm: 'export class AddIdx1700000000000 implements MigrationInterface {\n  public transaction = false;\n  …\n}', sql: '-- its own migration, no BEGIN/COMMIT\nCREATE INDEX CONCURRENTLY orders_account_id_idx ON orders (account_id);', sequelize: "await queryInterface.addIndex('orders', ['account_id'], { concurrently: true }); // no transaction" },
  },
  equivalents: eq({ squawk: ['ban-concurrent-index-creation-in-transaction'], atlas: ['PG103'] }),
  examples: { postgres: { bad: 'BEGIN;\nCREATE INDEX CONCURRENTLY orders_account_id_idx ON orders (account_id);\nCOMMIT;', good: 'CREATE INDEX CONCURRENTLY orders_account_id_idx ON orders (account_id);' } },
  check(ctx) {
    const open = openTransactionAt(ctx);
    return ctx.ops.filter((op) => (op.concurrently || CONCURRENT_RAW.has(rawStatementKind(op) ?? '')) && open.has(op)).map((op) => {
      const explicit = ctx.inExplicitTransaction(op);
      const why = explicit ? 'it sits inside a transaction the migration opens itself'
        : `the runner wraps this migration in a transaction${ctx.migration.transactionalReason ? ` (${ctx.migration.transactionalReason})` : ''}`;
      // transaction = false would take the other steps out of the transaction too: only for a step that is alone.
      const tx = !explicit && ctx.phase === 'up' && stepsOf(ctx).length === 1 ? typeormTransactionFalse(ctx) : undefined;
      return findOn(op, `${op.text.split(/\s+/).slice(0, 3).join(' ')}… cannot run inside a transaction block and ${why}: the migration will fail. ${runOutsideTransaction(ctx.migration)[0].toUpperCase()}${runOutsideTransaction(ctx.migration).slice(1)}.`,
        { fixes: tx ? fix('Set transaction = false on the migration class', false, tx) : !explicit ? prismaMoveToOwnMigration(ctx, op, op.index ? `${op.index}_concurrently` : 'concurrently') : [] });
    });
  },
});

import { defineRule, eq } from '../rule';
import { findOn, isDdl } from '../helpers';
import { separateMigration } from '../ormAdvice';
import { rawStatementKind } from '../../knowledge/operationFacts';

const NON_TX_RAW = new Set(['reindexConcurrently', 'detachPartitionConcurrently', 'vacuumFull']);

export default defineRule({
  id: 'mixed-transaction-modes',
  category: 'transactions', severity: 'warning', dialects: ['postgres'], phases: ['up', 'down'],
  summary: 'One migration mixes steps that must run outside a transaction (CONCURRENTLY) with steps that should run inside one.',
  why: 'Either the whole migration runs in a transaction and the CONCURRENTLY step fails, or none of it does and the other DDL loses its all-or-nothing rollback. No transaction mode fits both.',
  safeAlternative: { text: 'Split: the CONCURRENTLY step alone in a non-transactional migration, the rest in a transactional one.', snippets: { typeorm: '// 1700000000000-AddStatus.ts  (transactional)\n// 1700000000001-IndexStatus.ts (public transaction = false; CREATE INDEX CONCURRENTLY …)' } },
  equivalents: eq({}),
  examples: { postgres: { bad: 'ALTER TABLE orders ADD COLUMN status text;\nCREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);', good: '-- a migration of its own\nCREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);' } },
  check(ctx) {
    // Sequelize runs each call on its own unless the code opens a transaction (concurrently-in-transaction covers that);
    // a Prisma script is one transaction, which concurrently-in-transaction reports.
    if (ctx.orm === 'sequelize' || ctx.orm === 'prisma') return [];
    const nonTx = ctx.ops.filter((o) => o.concurrently || NON_TX_RAW.has(rawStatementKind(o) ?? ''));
    const tx = ctx.ops.filter((o) => isDdl(o) && !nonTx.includes(o));
    if (!nonTx.length || !tx.length) return [];
    return [findOn(nonTx[0], `This migration mixes ${nonTx.length} step(s) that cannot run in a transaction with ${tx.length} DDL step(s) that should: no transaction mode suits both. Move the CONCURRENTLY step to ${separateMigration(ctx.migration)} (non-transactional).`)];
  },
});

import { defineRule, eq } from '../rule';
import { findOn, isDdl, isDml } from '../helpers';
import { q, separateMigration } from '../ormAdvice';

export default defineRule({
  id: 'backfill-in-ddl-transaction',
  category: 'compatibility', severity: 'warning', dialects: ['postgres'],
  summary: 'A data backfill runs in the same transaction as DDL: the DDL lock is held for the whole backfill.',
  why: 'On PostgreSQL the lock taken by the ALTER lasts until commit, so the table stays blocked while every row is updated. On MySQL/MariaDB the DDL commits implicitly anyway, so the backfill is not atomic with it either.',
  safeAlternative: { text: 'Put the backfill in its own migration, outside a transaction, in batches.', snippets: {
    typeorm: "export class BackfillStatus1700000000001 implements MigrationInterface {\n  public transaction = false;\n  async up(q: QueryRunner) {\n    for (;;) {\n      const r = await q.query(`UPDATE orders SET status = 'new' WHERE id IN (SELECT id FROM orders WHERE status IS NULL LIMIT 5000)`);\n      if (!r[1]) break;\n    }\n  }\n}",
    sql: "UPDATE orders SET status = 'new' WHERE id IN (SELECT id FROM orders WHERE status IS NULL LIMIT 5000); -- repeat",
  } },
  equivalents: eq({ strong_migrations: ['backfill'] }),
  examples: { postgres: { bad: "BEGIN;\nALTER TABLE orders ADD COLUMN status text;\nUPDATE orders SET status = 'new';\nCOMMIT;", good: 'ALTER TABLE orders ADD COLUMN status text;\n-- next migration, batched: UPDATE … WHERE id IN (… LIMIT 5000)' } },
  check(ctx) {
    const ddl = ctx.ops.find((o) => isDdl(o) && o.kind !== 'createTable' && !ctx.isTableCreatedEarlier(o));
    if (!ddl) return [];
    // A backfill before the DDL (a dedupe ahead of a new constraint) holds no DDL lock, and must stay with it.
    const backfill = ctx.ops.slice(ctx.ops.indexOf(ddl) + 1).find((o) => (o.kind === 'update' || o.kind === 'delete' || (o.kind === 'insert' && /\bSELECT\b/i.test(o.text))) && ctx.inTransaction(o) && ctx.inTransaction(ddl) && !ctx.isTableCreatedEarlier(o));
    if (!backfill || !isDml(backfill)) return [];
    return [findOn(backfill, `Backfill of ${q(backfill.table)} in the same transaction as DDL on ${q(ddl.table)}: ${ctx.dialect === 'postgres' ? 'the DDL lock stays held while every row is written' : 'the DDL commits implicitly, so the backfill is not atomic with it'}. Move it to ${separateMigration(ctx.migration)}, outside a transaction, in batches.`)];
  },
});

import { defineRule, eq } from '../rule';
import { findOn, onExistingTable } from '../helpers';
import { concurrentlyFixes, fix, insertAfter, sequelizeConcurrently } from '../fixes';
import { q, runOutsideTransaction } from '../ormAdvice';

export default defineRule({
  id: 'index-create-not-concurrent',
  category: 'locks', severity: 'warning', dialects: ['postgres'], phases: ['up', 'down'], lockRule: true, fixable: true,
  summary: 'CREATE INDEX on an existing table without CONCURRENTLY blocks writes for the whole build.',
  why: 'A plain CREATE INDEX takes a SHARE lock: every INSERT, UPDATE and DELETE on the table waits until the index is built, which on a large table is minutes.',
  safeAlternative: {
    text: 'Build the index with CREATE INDEX CONCURRENTLY, outside a transaction.',
    snippets: {
      sql: 'CREATE INDEX CONCURRENTLY orders_account_id_idx ON orders (account_id);',
      typeorm: 'export class AddOrdersAccountIdx1700000000000 implements MigrationInterface {\n  public transaction = false;\n  async up(q: QueryRunner) {\n    await q.query(`CREATE INDEX CONCURRENTLY orders_account_id_idx ON orders (account_id)`);\n  }\n}',
      sequelize: "await queryInterface.addIndex('orders', ['account_id'], { concurrently: true });",
    },
  },
  equivalents: eq({ squawk: ['require-concurrent-index-creation'], strong_migrations: ['add_index'], atlas: ['PG101'], eugene: ['E6'] }),
  examples: { postgres: { bad: 'CREATE INDEX orders_account_id_idx ON orders (account_id);', good: 'CREATE INDEX CONCURRENTLY orders_account_id_idx ON orders (account_id);' } },
  check(ctx) {
    return ctx.ops.filter((op) => op.kind === 'createIndex' && !op.concurrently && onExistingTable(ctx, op)).map((op) => {
      const edit = insertAfter(ctx, op, /\bCREATE\s+(UNIQUE\s+)?INDEX\b/i, ' CONCURRENTLY');
      const api = sequelizeConcurrently(ctx, op);
      const fixes = edit ? concurrentlyFixes(ctx, op, edit, 'Use CREATE INDEX CONCURRENTLY')
        : api && !ctx.inTransaction(op) ? fix('Add concurrently: true', false, api) : [];
      return findOn(op, `CREATE INDEX${op.index ? ' ' + q(op.index) : ''} on ${q(op.table)} takes a SHARE lock: writes to ${op.table} block for the whole build. Use CREATE INDEX CONCURRENTLY and ${runOutsideTransaction(ctx.migration)}.`, { fixes });
    });
  },
});

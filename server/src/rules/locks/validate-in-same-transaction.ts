import { defineRule, eq } from '../rule';
import { findOn } from '../helpers';
import { q, separateMigration } from '../ormAdvice';

export default defineRule({
  id: 'validate-in-same-transaction',
  category: 'locks', severity: 'warning', dialects: ['postgres'], lockRule: true,
  summary: 'VALIDATE CONSTRAINT in the same transaction as its NOT VALID add keeps the strong lock during the scan.',
  why: 'NOT VALID exists to keep the lock brief. Validating in the same transaction means the lock from ADD CONSTRAINT (ACCESS EXCLUSIVE for CHECK, SHARE ROW EXCLUSIVE for FK) is still held while VALIDATE scans the whole table.',
  safeAlternative: { text: 'Commit the NOT VALID constraint first; validate it in a separate migration.', snippets: { sql: '-- migration 1\nALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;\n-- migration 2\nALTER TABLE orders VALIDATE CONSTRAINT orders_account_fk;' } },
  equivalents: eq({ squawk: ['constraint-missing-not-valid'], strong_migrations: ['validate_foreign_key', 'validate_check_constraint'] }),
  examples: { postgres: { bad: 'BEGIN;\nALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;\nCOMMIT;', good: 'ALTER TABLE orders VALIDATE CONSTRAINT orders_total_check; -- in its own migration' } },
  check(ctx) {
    const out = [];
    for (const op of ctx.ops) {
      if (op.kind !== 'validateConstraint' || !ctx.inTransaction(op)) continue;
      const added = ctx.ops.find((o) => o.notValid && o.constraint && o.constraint.toLowerCase() === op.constraint?.toLowerCase() && ctx.inTransaction(o));
      if (added && ctx.ops.indexOf(added) < ctx.ops.indexOf(op)) {
        out.push(findOn(op, `VALIDATE CONSTRAINT ${q(op.constraint)} runs in the same transaction that added it NOT VALID: the lock taken by the ADD is held for the whole validation scan of ${q(op.table)}. Validate it in ${separateMigration(ctx.migration)}.`));
      }
    }
    return out;
  },
});

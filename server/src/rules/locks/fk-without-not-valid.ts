import { defineRule, eq } from '../rule';
import { findOn, onExistingTable } from '../helpers';
import { appendToStatement, fix } from '../fixes';
import { q, separateMigration } from '../ormAdvice';

export default defineRule({
  id: 'fk-without-not-valid',
  category: 'locks', severity: 'warning', dialects: ['postgres'], lockRule: true, fixable: true,
  summary: 'ADD FOREIGN KEY validates every row while both tables refuse writes.',
  why: 'Adding a foreign key takes SHARE ROW EXCLUSIVE locks on the table and on the referenced table, then scans the table to check every row. Writes to both tables stop for the whole scan.',
  safeAlternative: {
    text: 'Add the constraint NOT VALID (brief lock, no scan), then VALIDATE CONSTRAINT in a later migration (SHARE UPDATE EXCLUSIVE: reads and writes continue).',
    snippets: {
      sql: 'ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;\n-- next migration:\nALTER TABLE orders VALIDATE CONSTRAINT orders_account_fk;',
      typeorm: 'await q.query(`ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID`);',
      sequelize: "await queryInterface.sequelize.query('ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID');",
    },
  },
  equivalents: eq({ squawk: ['adding-foreign-key-constraint', 'constraint-missing-not-valid'], strong_migrations: ['add_foreign_key'], atlas: ['PG306'], eugene: ['E1'] }),
  examples: { postgres: { bad: 'ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);', good: 'ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;' } },
  check(ctx) {
    const inline = ctx.ops.filter((op) => op.kind === 'addColumn' && (op.columnSpec?.references || op.references) && onExistingTable(ctx, op)).map((op) => findOn(op,
      `ADD COLUMN … REFERENCES ${q(op.columnSpec?.references?.table ?? op.references?.table)} takes a SHARE ROW EXCLUSIVE lock on the referenced table too: writes to it wait until this transaction commits (no scan: the new column is empty). Keep the transaction short, or add the column first and the foreign key NOT VALID separately.`, { severity: 'info' }));
    return inline.concat(ctx.ops.filter((op) => op.kind === 'addForeignKey' && !op.notValid && onExistingTable(ctx, op)).map((op) => findOn(op,
      `ADD FOREIGN KEY on ${q(op.table)} scans every row under a SHARE ROW EXCLUSIVE lock on ${q(op.table)} and ${q(op.references?.table)}: writes to both wait. Add it NOT VALID, then VALIDATE CONSTRAINT in ${separateMigration(ctx.migration)}.`,
      { fixes: fix('Add NOT VALID (validate in a later migration)', false, appendToStatement(ctx, op, ' NOT VALID')) })));
  },
});

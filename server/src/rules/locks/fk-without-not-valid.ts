import { defineRule, eq } from '../rule';
import { columnAddedEarlier, findOn, onExistingTable } from '../helpers';
import { appendToStatement, fix, followUpMigration } from '../fixes';
import type { Fix } from '../../model/finding';
import type { Operation } from '../../model/migration';
import type { RuleContext } from '../rule';
import { q, separateMigration } from '../ormAdvice';

const RESERVED = new Set(['user', 'order', 'group', 'table', 'select', 'where', 'check', 'default', 'primary', 'references', 'constraint']);
/** A PostgreSQL identifier, quoted only when it has to be. */
const ident = (n: string) => (/^[a-z_][a-z0-9_]*$/.test(n) && !RESERVED.has(n) ? n : `"${n.replace(/"/g, '""')}"`);

/** NOT VALID here, and (when the constraint has a name) VALIDATE CONSTRAINT in a new migration right after this one. */
export function notValidFixes(ctx: RuleContext, op: Operation): Fix[] {
  const edit = appendToStatement(ctx, op, ' NOT VALID');
  if (!edit) return [];
  const follow = op.constraint && op.table
    ? followUpMigration(ctx, `validate_${op.constraint}`, `ALTER TABLE ${ident(op.table)} VALIDATE CONSTRAINT ${ident(op.constraint)};`, 'SELECT 1; -- nothing to undo: the constraint is dropped by the previous migration\'s down')
    : undefined;
  const [f] = fix(follow ? 'Add NOT VALID and validate in a new migration' : 'Add NOT VALID (validate in a later migration)', false, edit);
  return [follow ? { ...f, createFiles: [follow] } : f];
}

/**
 * The key of an ORM addColumn with `references` (read as addColumn + addForeignKey): PostgreSQL adds the column and
 * its key without validating rows when the column has no default (checked with pg_stat_user_tables: no scan).
 */
function onNewEmptyColumn(ctx: RuleContext, op: Operation): boolean {
  if (!op.details?.inAddColumn || !op.column) return false;
  const added = columnAddedEarlier(ctx, op.table, op.column, op);
  return !!added && added.columnSpec?.default === undefined;
}

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
    return inline.concat(ctx.ops.filter((op) => op.kind === 'addForeignKey' && !op.notValid && onExistingTable(ctx, op) && !onNewEmptyColumn(ctx, op)).map((op) => findOn(op,
      `ADD FOREIGN KEY on ${q(op.table)} scans every row under a SHARE ROW EXCLUSIVE lock on ${q(op.table)} and ${q(op.references?.table)}: writes to both wait. Add it NOT VALID, then VALIDATE CONSTRAINT in ${separateMigration(ctx.migration)}.`,
      { fixes: notValidFixes(ctx, op) })));
  },
});

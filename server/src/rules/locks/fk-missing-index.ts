import type { Operation } from '../../model/migration';
import { defineRule, eq, type RuleContext } from '../rule';
import { findOn } from '../helpers';
import { q } from '../ormAdvice';

const lc = (s: string) => s.toLowerCase();

/** Column lists that lead an index on `table`, from every migration of the run (indexes, keys, inline PK/UNIQUE). */
function indexedPrefixes(ctx: RuleContext): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  const add = (table: string, cols: string[]) => out.set(table, [...(out.get(table) ?? []), cols]);
  for (const f of ctx.files) for (const m of f.migrations) for (const o of m.up) {
    const table = lc(o.table ?? '');
    if ((o.kind === 'createIndex' || o.kind === 'addUnique' || o.kind === 'addPrimaryKey') && o.columns?.length) add(table, o.columns.map(lc));
    if (o.kind === 'createTable') for (const c of o.tableColumns ?? []) if (c.primary || c.unique) add(table, [lc(c.name)]);
  }
  return out;
}

function covered(prefixes: Map<string, string[][]>, op: Operation): boolean {
  const cols = (op.columns ?? []).map(lc);
  if (!cols.length || !op.table) return true;
  return (prefixes.get(lc(op.table)) ?? []).some((ix) => cols.every((c, i) => ix[i] === c));
}

export default defineRule({
  id: 'fk-missing-index',
  category: 'locks', severity: 'info', dialects: ['postgres'],
  summary: 'A foreign key without an index on its referencing columns.',
  why: 'PostgreSQL does not index the referencing side of a foreign key. Every DELETE or key UPDATE on the parent table then scans the child table (under lock) to check for references, and joins on the key are slow.',
  safeAlternative: { text: 'Index the referencing columns (CONCURRENTLY, in its own migration).', snippets: { sql: 'CREATE INDEX CONCURRENTLY orders_account_id_idx ON orders (account_id);' } },
  equivalents: eq({}),
  examples: { postgres: { bad: 'ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;', good: 'CREATE INDEX CONCURRENTLY orders_account_id_idx ON orders (account_id);\nALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;' } },
  check(ctx) {
    // A key dropped and re-added under the same name (an ON DELETE change) brings no new missing index.
    const readded = (op: Operation) => !!op.constraint && ctx.ops.some((d) => (d.kind === 'dropForeignKey' || d.kind === 'dropConstraint')
      && d.offset.start < op.offset.start && lc(d.table ?? '') === lc(op.table ?? '') && lc(d.constraint ?? '') === lc(op.constraint!));
    const fks = ctx.ops.filter((op) => op.kind === 'addForeignKey');
    if (!fks.length) return [];
    // One pass over the run's indexes per migration phase, not one per foreign key.
    const prefixes = indexedPrefixes(ctx);
    return fks.filter((op) => !covered(prefixes, op) && !readded(op)).map((op) => findOn(op,
      `No index on ${q(op.table)} (${(op.columns ?? []).join(', ')}) for this foreign key: every DELETE on ${q(op.references?.table)} scans ${op.table} to check for references. Add CREATE INDEX CONCURRENTLY on those columns.`));
  },
});

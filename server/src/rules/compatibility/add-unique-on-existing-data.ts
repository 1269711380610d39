import type { Operation } from '../../model/migration';
import { defineRule, eq, type RuleContext } from '../rule';
import { columnAddedEarlier, findOn, onExistingTable } from '../helpers';
import { q } from '../ormAdvice';

const lc = (s: string | undefined) => (s ?? '').toLowerCase();

interface RunKeys {
  /** Unique keys by `table|name`, with their columns: made by any migration of the run, or restored by this one's down. */
  unique: Map<string, string[]>;
  /** Single-column primary keys, `table|column`. */
  primary: Set<string>;
}

/** The run's keys, read once per check rather than once per candidate statement. */
function collectKeys(ctx: RuleContext): RunKeys {
  const keys: RunKeys = { unique: new Map(), primary: new Set() };
  for (const u of [...ctx.files.flatMap((f) => f.migrations.flatMap((m) => m.up)), ...ctx.migration.down]) {
    if ((u.kind === 'addUnique' || (u.kind === 'createIndex' && u.unique)) && (u.constraint ?? u.index) && u.columns?.length) {
      keys.unique.set(`${lc(u.table)}|${lc(u.constraint ?? u.index)}`, u.columns.map(lc));
    }
    if (u.kind === 'createTable') {
      const primary = (u.tableColumns ?? []).filter((tc) => tc.primary);
      if (primary.length === 1) keys.primary.add(`${lc(u.table)}|${lc(primary[0].name)}`);
    }
    if (u.kind === 'addPrimaryKey' && u.columns?.length === 1) keys.primary.add(`${lc(u.table)}|${lc(u.columns[0])}`);
  }
  return keys;
}

export default defineRule({
  id: 'add-unique-on-existing-data',
  category: 'compatibility', severity: 'info', dialects: ['postgres', 'mysql', 'mariadb'],
  summary: 'A unique index or constraint on existing data fails if duplicates exist.',
  why: 'Whether it succeeds depends on production data, not on the migration: the build fails at deploy time on the first duplicate (and a failed CONCURRENTLY build leaves an INVALID index).',
  safeAlternative: { text: 'Check for duplicates first (and deduplicate in a separate data migration).', snippets: { sql: 'SELECT email, count(*) FROM accounts GROUP BY email HAVING count(*) > 1;' } },
  equivalents: eq({ atlas: ['MF101', 'MF102'] }),
  examples: { postgres: { bad: 'CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON accounts (email);', good: '-- after checking: SELECT email FROM accounts GROUP BY email HAVING count(*) > 1;' } },
  check(ctx) {
    // A column added just before without a default (and not backfilled since) holds only NULLs, and NULLs never collide.
    const backfilled = (op: Operation) => ctx.ops.slice(0, ctx.ops.indexOf(op)).some((o) => o.kind === 'update' && (o.table ?? '').toLowerCase() === (op.table ?? '').toLowerCase());
    const onNewNullColumn = (op: Operation) => !backfilled(op) && (op.columns ?? []).some((c) => {
      const added = columnAddedEarlier(ctx, op.table, c, op);
      return !!added && added.columnSpec?.default === undefined;
    });
    const same = (a: Operation, b: Operation) => lc(a.table) === lc(b.table);
    const before = (op: Operation) => ctx.ops.slice(0, ctx.ops.indexOf(op));
    // Duplicates deleted just before (a dedupe step) cannot collide.
    const deduped = (op: Operation) => before(op).some((o) => o.kind === 'delete' && same(o, op));
    let keys: RunKeys | undefined;
    const runKeys = () => (keys ??= collectKeys(ctx));
    // A unique key on a subset of these columns was in force until now (dropped in this migration to widen it).
    const widened = (op: Operation) => before(op).some((o) => (o.kind === 'dropConstraint' || o.kind === 'dropIndex') && same(o, op)
      && !!runKeys().unique.get(`${lc(op.table)}|${lc(o.constraint ?? o.index)}`)?.every((c) => (op.columns ?? []).some((x) => lc(x) === c)));
    // A key that includes the primary key (or a column named id, which nearly always is) is unique already.
    const includesPrimaryKey = (op: Operation) => (op.columns ?? []).some((c) => lc(c) === 'id' || runKeys().primary.has(`${lc(op.table)}|${lc(c)}`));
    return ctx.ops.filter((op) => ((op.kind === 'createIndex' && op.unique) || op.kind === 'addUnique') && onExistingTable(ctx, op) && !onNewNullColumn(op)
      && !deduped(op) && !widened(op) && !includesPrimaryKey(op)).map((op) => findOn(op,
      `Unique ${op.kind === 'addUnique' ? 'constraint' : 'index'} on existing data in ${q(op.table)}${op.columns?.length ? ` (${op.columns.join(', ')})` : ''}: the migration fails on the first duplicate. Check for duplicates before deploying.`));
  },
});

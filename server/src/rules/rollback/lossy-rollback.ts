import type { Operation } from '../../model/migration';
import { defineRule, eq, type RuleContext, type RuleFinding } from '../rule';
import { colName, findOn } from '../helpers';
import { q } from '../ormAdvice';
import { isNarrowing } from '../../knowledge/typeWidth';
import { createDomainOf } from '../../knowledge/operationFacts';

const writesInto = (op: Operation, table: string, column?: string) =>
  (op.kind === 'update' || op.kind === 'insert') && (op.table ?? '').toLowerCase() === table && (!column || op.kind === 'insert' || new RegExp(`\\b${column}\\b`, 'i').test(op.text));

const domainKey = (name: string) => name.replace(/"/g, '').toLowerCase().replace(/^public\./, '');

/** PostgreSQL domains of this run (`CREATE DOMAIN chain_id AS bigint`) by name, with their base type. */
function domainsOf(ctx: RuleContext): Map<string, string> {
  const domains = new Map<string, string>();
  for (const f of ctx.files) for (const m of f.migrations) for (const o of m.up) {
    const d = createDomainOf(o.text);
    if (d?.baseType) domains.set(domainKey(d.name), d.baseType);
  }
  return domains;
}

export default defineRule({
  id: 'lossy-rollback',
  category: 'rollback', severity: 'warning', dialects: ['postgres', 'mysql', 'mariadb'], phases: ['down'],
  summary: 'The down drops a column or table that up moved data into (from a column or table up dropped) without moving it back, or narrows a type that up widened.',
  why: 'After the deploy, the application writes to the new column/table. A down that just drops it (e.g. the split columns of a split-column migration) destroys every write made since — the rollback loses production data.',
  safeAlternative: { text: 'Before dropping, merge the data back into the old shape (UPDATE … SET old = new …), or keep a checkpoint to restore from.', snippets: { sql: "-- down of a split of name into first_name/last_name\nUPDATE users SET name = first_name || ' ' || last_name WHERE name IS NULL;\nALTER TABLE users DROP COLUMN first_name, DROP COLUMN last_name;" } },
  equivalents: eq({}),
  examples: { postgres: { bad: "-- up\nALTER TABLE users ADD COLUMN first_name text;\nUPDATE users SET first_name = split_part(name, ' ', 1);\nALTER TABLE users DROP COLUMN name;\n-- down\nALTER TABLE users ADD COLUMN name text;\nALTER TABLE users DROP COLUMN first_name;", good: "-- down\nALTER TABLE users ADD COLUMN name text;\nUPDATE users SET name = first_name;\nALTER TABLE users DROP COLUMN first_name;" } },
  check(ctx) {
    const m = ctx.migration;
    const out: RuleFinding[] = [];
    const narrowed = new Set<string>();
    let domains: Map<string, string> | undefined;
    for (const [i, d] of ctx.ops.entries()) {
      if (d.kind === 'alterColumnType') {
        // Up widened the column; values written since may not fit the old type.
        const widened = m.up.find((u) => u.kind === 'alterColumnType' && (u.table ?? '').toLowerCase() === (d.table ?? '').toLowerCase() && colName(u).toLowerCase() === colName(d).toLowerCase());
        domains ??= domainsOf(ctx);
        const baseOf = (type: string | undefined) => (type && domains!.get(domainKey(type))) || type;
        const now = baseOf(widened?.columnSpec?.type), back = baseOf(d.columnSpec?.type);
        const key = `${(d.table ?? '').toLowerCase()}.${colName(d).toLowerCase()}`;
        if (narrowed.has(key)) continue; // a column the down changes twice narrows once
        if (now && back && isNarrowing(now, back) && narrowed.add(key)) out.push(findOn(d, `The down narrows ${q(d.table)}.${q(colName(d))} from ${now} back to ${back}: values written since the deploy that do not fit make the rollback fail (or, without strict mode on MySQL/MariaDB, are truncated). Check the data first, or keep the wider type.`));
        continue;
      }
      if (d.kind !== 'dropColumn' && d.kind !== 'dropTable') continue;
      const table = (d.table ?? '').toLowerCase();
      const column = d.kind === 'dropColumn' ? colName(d) : undefined;
      const created = m.up.some((u) => d.kind === 'dropTable' ? u.kind === 'createTable' && (u.table ?? '').toLowerCase() === table
        : u.kind === 'addColumn' && (u.table ?? '').toLowerCase() === table && colName(u).toLowerCase() === column!.toLowerCase());
      const fills = m.up.filter((u) => writesInto(u, table, column));
      if (!created || !fills.length) continue;
      // Only a move loses data: the up filled it from a column or table it then dropped. A column filled from data
      // that stays (a derived copy) can be dropped and re-derived; what the app writes after the deploy is unknowable.
      const mentioned = (name: string) => { const re = new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i'); return fills.some((f) => re.test(f.text)); };
      const source = m.up.find((u) => (u.kind === 'dropColumn' && (u.table ?? '').toLowerCase() === table && colName(u).toLowerCase() !== (column ?? '').toLowerCase() && mentioned(colName(u)))
        || (u.kind === 'dropTable' && !!u.table && u.table.toLowerCase() !== table && mentioned(u.table)));
      if (!source) continue;
      const mergedBack = ctx.ops.slice(0, i).some((o) => (o.kind === 'update' || o.kind === 'insert') && new RegExp(`\\b${column ?? table}\\b`, 'i').test(o.text));
      if (mergedBack) continue;
      const from = source.kind === 'dropColumn' ? `${q(source.table)}.${q(colName(source))}` : q(source.table);
      out.push(findOn(d, `The down drops ${column ? `${q(d.table)}.${q(column)}` : q(d.table)}, which up filled from ${from} and then dropped ${from}: the data moved there, and every value written since the deploy, is lost on rollback. Move the data back (UPDATE … SET old = new) before dropping.`));
    }
    return out;
  },
});

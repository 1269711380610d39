import type { Operation, Problem } from '../../model/migration';
import type { Placeholder } from './evaluateString';

const NAME_FIELDS = ['table', 'schema', 'column', 'newName', 'index', 'constraint'] as const;

/** An unknown piece that only puts a prefix before a known name (`${tablePrefix}users`, `escape.tableName('users')`). */
function isPrefix(p: Pick<Placeholder, 'expression' | 'known'>): boolean {
  return p.known !== undefined || /prefix/i.test(p.expression);
}

/**
 * SQL built with `${…}` or `+ x +` is parsed with placeholder names (`__sm_1__`) in the holes. Where
 * a name the operation reports holds such a placeholder, show the expression instead
 * (`${pk.table_name}`): a hover or a finding then names what the code wrote, not an internal token.
 * Where the unknown piece is only a table prefix, the name is the known rest (`execution_data`), so
 * history and rules match it; the name as written goes to `details.writtenNames`.
 */
export function restorePlaceholderNames(op: Operation, placeholders: Pick<Placeholder, 'name' | 'expression' | 'known'>[]): void {
  if (!placeholders.length) return;
  const swap = (s: string): string => {
    let out = s;
    for (const p of placeholders) {
      const written = p.name + (p.known ?? '');
      if (out.includes(written)) out = out.split(written).join(`\${${p.expression}}`);
    }
    return out;
  };
  const written: Record<string, string> = {};
  const name = (field: string, v: string): string => {
    const p = placeholders.find((x) => v.startsWith(x.name) && isPrefix(x));
    const rest = p && v.slice(p.name.length);
    if (p && rest && !placeholders.some((x) => rest.includes(x.name))) { written[field] = swap(v); return rest; }
    return swap(v);
  };
  for (const field of NAME_FIELDS) {
    const v = op[field];
    if (typeof v === 'string') op[field] = name(field, v);
  }
  op.text = swap(op.text);
  if (op.columns) op.columns = op.columns.map(swap);
  if (op.columnSpec?.name) op.columnSpec = { ...op.columnSpec, name: swap(op.columnSpec.name) };
  if (op.references) op.references = { ...op.references, table: name('references.table', op.references.table), columns: op.references.columns.map(swap) };
  if (op.tableColumns) op.tableColumns = op.tableColumns.map((c) => c.references ? { ...c, name: swap(c.name), references: { ...c.references, table: name(`${c.name}.references.table`, c.references.table) } } : { ...c, name: swap(c.name) });
  // CREATE TABLE's inline keys and indexes (`INDEX \`IDX_' + tablePrefix + '…\``) name what the code wrote too.
  const constraints = op.details?.constraints;
  if (Array.isArray(constraints)) {
    op.details = { ...op.details, constraints: constraints.map((c: Record<string, unknown>) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, typeof v === 'string' ? swap(v) : v]))) };
  }
  if (Object.keys(written).length) op.details = { ...op.details, writtenNames: written };
}

/**
 * A statement with a placeholder that still does not parse (`CREATE TABLE t (${columns})`) is
 * dynamic, not broken: its syntax error is dropped and its unknown operation says why.
 */
export function settleDynamicStatements(ops: Operation[], problems: Problem[], placeholders: Pick<Placeholder, 'expression' | 'start'>[], fileOffsets: Int32Array): Problem[] {
  if (!placeholders.length) return problems;
  const holesIn = (op: Operation) => placeholders.filter((p) => { const at = fileOffsets[p.start]; return at >= op.offset.start && at < op.offset.end; });
  const dynamic = ops.filter((op) => op.kind === 'unknown' && holesIn(op).length > 0);
  for (const op of dynamic) {
    op.reason = `dynamic SQL: the statement's shape depends on ${holesIn(op).map((p) => `\${${p.expression}}`).join(', ')}`;
    op.details = { ...op.details, dynamic: true };
  }
  const inDynamic = (r: Problem['range']) => dynamic.some((op) => !before(r.start, op.range.start) && !before(op.range.end, r.end));
  return problems.filter((p) => p.code !== 'sql-syntax' || !inDynamic(p.range));
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

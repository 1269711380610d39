import type { Operation } from '../../model/migration';

const NAME_FIELDS = ['table', 'schema', 'column', 'newName', 'index', 'constraint'] as const;

/**
 * SQL built with `${…}` is parsed with placeholder names (`__sm_1__`) in the holes. Where a name
 * the operation reports is such a placeholder, show the expression instead (`${pk.table_name}`):
 * a hover or a finding then names what the code wrote, not an internal token.
 */
export function restorePlaceholderNames(op: Operation, placeholders: { name: string; expression: string }[]): void {
  if (!placeholders.length) return;
  const swap = (s: string): string => {
    let out = s;
    for (const p of placeholders) if (out.includes(p.name)) out = out.split(p.name).join(`\${${p.expression}}`);
    return out;
  };
  for (const field of NAME_FIELDS) {
    const v = op[field];
    if (typeof v === 'string') op[field] = swap(v);
  }
  op.text = swap(op.text);
  if (op.columns) op.columns = op.columns.map(swap);
  if (op.columnSpec?.name) op.columnSpec = { ...op.columnSpec, name: swap(op.columnSpec.name) };
  if (op.references) op.references = { ...op.references, table: swap(op.references.table), columns: op.references.columns.map(swap) };
}

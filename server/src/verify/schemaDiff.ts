// Compares two schema snapshots and says, in a reviewer's words, what did not come back. Pure.
import type { ColumnShape, DataSnapshot, SchemaSnapshot } from './schemaSnapshot';

/**
 * `down`: `expected` is the schema before the up, `actual` after the down.
 * `reup`: `expected` is the schema after the first up, `actual` after the second.
 */
export type Comparison = 'down' | 'reup';

const WORDS: Record<Comparison, { extra: string; missing: string; was: string }> = {
  down: { extra: 'is left behind by down', missing: 'is missing after down (it existed before up)', was: 'was' },
  reup: { extra: 'appears only after the second up', missing: 'is missing after the second up (the first up made it)', was: 'the first up made' },
};

export function diffSnapshots(expected: SchemaSnapshot, actual: SchemaSnapshot, comparison: Comparison): string[] {
  const w = WORDS[comparison];
  const out: string[] = [];
  const presence = (what: string, before: string[], after: string[]) => {
    const b = new Set(before), a = new Set(after);
    for (const name of after) if (!b.has(name)) out.push(`${what} ${name} ${w.extra}`);
    for (const name of before) if (!a.has(name)) out.push(`${what} ${name} ${w.missing}`);
    return (name: string) => b.has(name) && a.has(name);
  };
  const tableGone = (key: string) => !actual.tables.includes(tableOf(key)) || !expected.tables.includes(tableOf(key));

  presence('table', expected.tables, actual.tables);

  // Columns, indexes and constraints of a table that is itself missing or extra are already said.
  const columnKeys = (s: SchemaSnapshot) => Object.keys(s.columns).filter((k) => !tableGone(k));
  const bothColumns = presence('column', columnKeys(expected), columnKeys(actual));
  for (const key of Object.keys(expected.columns)) {
    if (!bothColumns(key)) continue;
    out.push(...columnChanges(key, expected.columns[key], actual.columns[key], w.was));
  }

  for (const [what, field] of [['index', 'indexes'], ['constraint', 'constraints']] as const) {
    const keys = (s: SchemaSnapshot) => Object.keys(s[field]).filter((k) => !tableGone(k));
    const both = presence(what, keys(expected).map(objectName), keys(actual).map(objectName));
    for (const key of Object.keys(expected[field])) {
      const a = actual[field][key];
      if (a === undefined || !both(objectName(key))) continue;
      if (a !== expected[field][key]) out.push(`${what} ${objectName(key)} comes back as ${a}, ${w.was} ${expected[field][key]}`);
    }
  }

  const bothEnums = presence('enum type', Object.keys(expected.enums), Object.keys(actual.enums));
  for (const name of Object.keys(expected.enums)) {
    if (!bothEnums(name)) continue;
    const e = expected.enums[name].join(', '), a = actual.enums[name].join(', ');
    if (e !== a) out.push(`enum type ${name} comes back with values (${a}), ${w.was} (${e})`);
  }
  const bothViews = presence('view', Object.keys(expected.views), Object.keys(actual.views));
  for (const name of Object.keys(expected.views)) {
    if (bothViews(name) && expected.views[name] !== actual.views[name]) out.push(`view ${name} comes back with another definition`);
  }
  return out;
}

function columnChanges(key: string, e: ColumnShape, a: ColumnShape, was: string): string[] {
  const out: string[] = [];
  if (e.type !== a.type) out.push(`column ${key} comes back as ${a.type}, ${was} ${e.type}`);
  if (e.nullable !== a.nullable) out.push(`column ${key} comes back ${a.nullable ? 'nullable' : 'NOT NULL'}, ${was} ${e.nullable ? 'nullable' : 'NOT NULL'}`);
  if (e.default !== a.default) out.push(`column ${key} comes back with ${a.default === null ? 'no default' : `default ${a.default}`}, ${was} ${e.default === null ? 'no default' : `default ${e.default}`}`);
  return out;
}

/** "orders.orders_status_idx" → "orders"; "audit.orders.x" → "audit.orders". */
function tableOf(key: string): string { return key.slice(0, key.lastIndexOf('.')); }
/** Index and constraint names are unique per schema in PostgreSQL but per table in MySQL: keep "table.name" only where needed for clarity. */
function objectName(key: string): string {
  return key.slice(key.lastIndexOf('.') + 1) + ` (on ${tableOf(key)})`;
}

/** Rows that a down lost or changed, per table present both times. */
export function diffData(before: DataSnapshot, after: DataSnapshot): string[] {
  const out: string[] = [];
  for (const table of Object.keys(before)) {
    const a = after[table];
    if (!a) continue;
    const remaining = new Map<string, number>();
    for (const row of a) remaining.set(row, (remaining.get(row) ?? 0) + 1);
    let lost = 0;
    for (const row of before[table]) {
      const n = remaining.get(row) ?? 0;
      if (n > 0) remaining.set(row, n - 1); else lost++;
    }
    if (lost) out.push(`${lost} of ${before[table].length} seeded rows of ${table} are lost or changed after down`);
  }
  return out;
}

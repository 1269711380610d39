// The down of a Knex or node-pg-migrate migration, written the way the file writes its up (exports.up,
// export const up, export async function up; the same parameter name): the tool's own calls where
// one undoes the step, its raw SQL call (knex.raw / pgm.sql) otherwise.
import type { FileModel, Migration } from '../../model/migration';
import { jsString } from '../../emitters/jsString';
import type { DownStep } from './inverseSteps';
import { wrap } from './renderScript';

interface ToolSignature { head: string; close: string; param: string }

/** `exports.up = async function up(knex) {`, `export const up = (pgm) => {`, `export async function up(knex: Knex): Promise<void> {`… → the down's head. */
/** `awaits`: the body awaits (Knex), so the down is async whatever the up is. */
function toolSignature(file: FileModel, migration: Migration, fallback: string, awaits: boolean): ToolSignature {
  const text = file.text ?? '';
  const first = migration.upRange ? text.split('\n').slice(migration.upRange.start.line, migration.upRange.start.line + 3).join('\n') : '';
  const param = (list: string | undefined) => list?.split(',')[0]?.replace(/[:=][\s\S]*$/, '').trim() || fallback;
  const typed = (list: string) => list.split(',')[0].trim();
  const async = (written: string | undefined) => (written || awaits ? 'async ' : '');
  let m = /(module\.)?exports\.up\s*=\s*(async\s+)?function\s*\w*\s*\(([^)]*)\)/.exec(first);
  if (m) return { head: `${m[1] ?? ''}exports.down = ${async(m[2])}function (${typed(m[3]) || fallback}) {`, close: '};', param: param(m[3]) };
  m = /(module\.)?exports\.up\s*=\s*(async\s*)?(?:\(([^)]*)\)|(\w+))\s*=>/.exec(first);
  if (m) return { head: `${m[1] ?? ''}exports.down = ${async(m[2])}(${typed(m[3] ?? m[4]) || fallback}) => {`, close: '};', param: param(m[3] ?? m[4]) };
  m = /export\s+const\s+up\s*=\s*(async\s*)?\(([^)]*)\)/.exec(first);
  if (m) return { head: `export const down = ${async(m[1])}(${typed(m[2]) || fallback}) => {`, close: '};', param: param(m[2]) };
  m = /export\s+(async\s+)?function\s+up\s*\(([^)]*)\)\s*(:\s*[^{]+)?/.exec(first);
  if (m) return { head: `export ${async(m[1])}function down(${typed(m[2]) || fallback})${m[3] ? m[3].trimEnd() : ''} {`, close: '}', param: param(m[2]) };
  return { head: `exports.down = ${async(undefined)}function (${fallback}) {`, close: '};', param: fallback };
}

const str = (s: string) => jsString(s);

export function renderKnexDown(file: FileModel, migration: Migration, steps: DownStep[], header: string[]): string {
  const sig = toolSignature(file, migration, 'knex', true);
  const k = sig.param;
  const alter = (table: string, call: string) => `await ${k}.schema.alterTable(${str(table)}, (table) => { table.${call}; });`;
  const body = steps.map((s) => {
    if (s.sql.startsWith('--')) return `// ${s.sql.slice(3)}`;
    const a = s.via === 'api' ? s.api : undefined;
    switch (a?.call) {
      case 'dropTable': return `await ${k}.schema.dropTable(${str(a.table)});`;
      case 'dropColumn': return alter(a.table, `dropColumn(${str(a.column)})`);
      case 'renameColumn': return alter(a.table, `renameColumn(${str(a.from)}, ${str(a.to)})`);
      case 'renameTable': return `await ${k}.schema.renameTable(${str(a.from)}, ${str(a.to)});`;
      case 'dropIndex': return alter(a.table, `dropIndex([], ${str(a.index)})`);
      case 'dropForeignKey': return alter(a.table, `dropForeign([], ${str(a.constraint)})`);
    }
    return `await ${k}.raw(${str(s.sql)});`;
  });
  return wrap(file, migration, { ...sig, params: [sig.param] }, body, header);
}

export function renderNodePgMigrateDown(file: FileModel, migration: Migration, steps: DownStep[], header: string[]): string {
  const sig = toolSignature(file, migration, 'pgm', false);
  const p = sig.param;
  const outside = steps.some((s) => s.outsideTransaction) ? [`${p}.noTransaction();`] : [];
  const body = steps.map((s) => {
    if (s.sql.startsWith('--')) return `// ${s.sql.slice(3)}`;
    const a = s.via === 'api' ? s.api : undefined;
    switch (a?.call) {
      case 'dropTable': return `${p}.dropTable(${str(a.table)});`;
      case 'dropColumn': return `${p}.dropColumns(${str(a.table)}, [${str(a.column)}]);`;
      case 'renameColumn': return `${p}.renameColumn(${str(a.table)}, ${str(a.from)}, ${str(a.to)});`;
      case 'renameTable': return `${p}.renameTable(${str(a.from)}, ${str(a.to)});`;
      case 'dropIndex': return `${p}.dropIndex(${str(a.table)}, [], { name: ${str(a.index)}${s.outsideTransaction ? ', concurrently: true' : ''} });`;
      case 'dropForeignKey': case 'dropConstraint': return `${p}.dropConstraint(${str(a.table)}, ${str(a.constraint)});`;
    }
    return `${p}.sql(${str(s.sql)});`;
  });
  return wrap(file, migration, { ...sig, params: [sig.param] }, [...outside, ...body], header);
}

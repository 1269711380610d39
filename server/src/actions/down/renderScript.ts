// The down method of a TypeORM or Sequelize migration, written the way the file writes its up:
// same parameter names, same function style, same indentation; calls where the up used calls,
// query(…) where it used SQL.
import type { FileModel, Migration } from '../../model/migration';
import { jsString } from '../../emitters/jsString';
import type { DownStep } from './inverseSteps';
import type { ColumnState } from './schemaState';
import { indentUnitOf, lineIndentAt } from '../../rules/fixes';
import { presenceExpression } from '../guards/idempotencyGuards';

interface Signature { head: string; close: string; params: string[] }

function upSource(file: FileModel, migration: Migration): string {
  const text = file.text ?? '';
  if (!migration.upRange) return '';
  const lines = text.split('\n');
  return lines.slice(migration.upRange.start.line, migration.upRange.start.line + 3).join('\n');
}

function paramNames(list: string): string[] {
  return list.split(',').map((p) => p.replace(/[:=][\s\S]*$/, '').replace(/[{}]/g, '').trim()).filter(Boolean);
}

function typeormSignature(file: FileModel, migration: Migration): Signature {
  const src = upSource(file, migration);
  const m = /async\s+up\s*\(([^)]*)\)/.exec(src);
  const params = m ? paramNames(m[1]) : ['queryRunner'];
  const typed = /\.tsx?$/i.test(file.path);
  const modifier = /\bpublic\s+async\s+up\b/.test(src) || (typed && !m) ? 'public ' : '';
  return { head: typed ? `${modifier}async down(${params[0]}: QueryRunner): Promise<void> {` : `async down(${params[0]}) {`, close: '}', params };
}

function sequelizeSignature(file: FileModel, migration: Migration): Signature {
  const src = upSource(file, migration);
  const arrow = /\bup\s*:\s*async\s*(?:\(([^)]*)\)|(\w+))\s*=>/.exec(src);
  if (arrow) { const params = paramNames(arrow[1] ?? arrow[2]); return { head: `down: async (${(arrow[1] ?? arrow[2]).trim()}) => {`, close: '},', params }; }
  const fn = /\bup\s*:\s*(async\s+)?function\s*\(([^)]*)\)/.exec(src);
  if (fn) return { head: `down: ${fn[1] ?? ''}function (${fn[2].trim()}) {`, close: '},', params: paramNames(fn[2]) };
  const exported = /export\s+(const\s+up\s*=\s*async\s*\(([^)]*)\)\s*=>|async\s+function\s+up\s*\(([^)]*)\))/.exec(src);
  if (exported) {
    const list = (exported[2] ?? exported[3]).trim();
    return exported[2] !== undefined ? { head: `export const down = async (${list}) => {`, close: '};', params: paramNames(list) } : { head: `export async function down(${list}) {`, close: '}', params: paramNames(list) };
  }
  const method = /async\s+up\s*\(([^)]*)\)/.exec(src);
  const list = method ? method[1].trim() : 'queryInterface, Sequelize';
  return { head: `async down(${list}) {`, close: '},', params: paramNames(list) };
}

export function wrap(file: FileModel, migration: Migration, sig: Signature, body: string[], header: string[]): string {
  const { unit, base } = indentation(file, migration);
  const inner = [...header.map((h) => `// ${h}`), ...body];
  if (!inner.length) inner.push('// nothing to undo');
  return [base + sig.head, ...inner.map((l) => (l ? base + unit + l : l)), base + sig.close].join('\n');
}

const str = (s: string) => jsString(s);

export function renderTypeormDown(file: FileModel, migration: Migration, steps: DownStep[], header: string[]): string {
  const sig = typeormSignature(file, migration);
  const qr = sig.params[0] ?? 'queryRunner';
  const hasTableColumn = /\bTableColumn\b/.test(file.text ?? '');
  let body = guarded(file, migration, qr, steps, (s) => {
    if (s.sql.startsWith('--')) return `// ${s.sql.slice(3)}`;
    const a = s.via === 'api' ? s.api : undefined;
    switch (a?.call) {
      case 'dropTable': return `await ${qr}.dropTable(${str(a.table)}, true);`;
      case 'dropColumn': return `await ${qr}.dropColumn(${str(a.table)}, ${str(a.column)});`;
      case 'renameColumn': return `await ${qr}.renameColumn(${str(a.table)}, ${str(a.from)}, ${str(a.to)});`;
      case 'renameTable': return `await ${qr}.renameTable(${str(a.from)}, ${str(a.to)});`;
      // QueryRunner.dropIndex cannot drop CONCURRENTLY: that one stays SQL.
      case 'dropIndex': if (!s.outsideTransaction) return `await ${qr}.dropIndex(${str(a.table)}, ${str(a.index)});`; break;
      case 'dropForeignKey': return `await ${qr}.dropForeignKey(${str(a.table)}, ${str(a.constraint)});`;
      // TableColumn has no place: a column that was not last comes back through SQL (… AFTER …).
      case 'addColumn': if (hasTableColumn && a.column.spec && !a.after && !a.first) return `await ${qr}.addColumn(${str(a.table)}, new TableColumn(${typeormColumn(a.column)}));`;
    }
    return `await ${qr}.query(${str(s.sql)});`;
  });
  // migration:revert wraps down in a transaction unless the mode is 'none'; CONCURRENTLY cannot run in one.
  if (steps.some((s) => s.outsideTransaction) && migration.downTransactional !== false) {
    body = [
      '// migration:revert wraps down in a transaction unless run with --transaction none; these steps cannot run inside one.',
      `const inTransaction = ${qr}.isTransactionActive;`,
      `if (inTransaction) await ${qr}.commitTransaction();`,
      ...body,
      `if (inTransaction) await ${qr}.startTransaction();`,
    ];
  }
  return wrap(file, migration, sig, body, header);
}

function typeormColumn(c: ColumnState): string {
  const parts = [`name: ${str(c.name)}`, `type: ${str(c.type)}`, `isNullable: ${!c.notNull}`];
  if (c.default !== undefined) parts.push(`default: ${str(c.default)}`);
  if (c.spec?.primary) parts.push('isPrimary: true');
  if (c.spec?.unique) parts.push('isUnique: true');
  return `{ ${parts.join(', ')} }`;
}

export function renderSequelizeDown(file: FileModel, migration: Migration, steps: DownStep[], header: string[]): string {
  const sig = sequelizeSignature(file, migration);
  const qi = sig.params[0] ?? 'queryInterface';
  const S = sig.params[1] ?? 'Sequelize';
  const body = guarded(file, migration, qi, steps, (s) => {
    if (s.sql.startsWith('--')) return `// ${s.sql.slice(3)}`;
    const a = s.via === 'api' ? s.api : undefined;
    switch (a?.call) {
      case 'dropTable': return `await ${qi}.dropTable(${str(a.table)});`;
      case 'dropColumn': return `await ${qi}.removeColumn(${str(a.table)}, ${str(a.column)});`;
      case 'renameColumn': return `await ${qi}.renameColumn(${str(a.table)}, ${str(a.from)}, ${str(a.to)});`;
      case 'renameTable': return `await ${qi}.renameTable(${str(a.from)}, ${str(a.to)});`;
      case 'dropIndex': return `await ${qi}.removeIndex(${str(a.table)}, ${str(a.index)}${s.outsideTransaction ? ', { concurrently: true }' : ''});`;
      case 'dropForeignKey': case 'dropConstraint': return `await ${qi}.removeConstraint(${str(a.table)}, ${str(a.constraint)});`;
      case 'addColumn': if (sig.params.length > 1) return `await ${qi}.addColumn(${str(a.table)}, ${str(a.column.name)}, ${sequelizeColumn(a.column, S, a)});`;
    }
    return `await ${qi}.sequelize.query(${str(s.sql)});`;
  });
  return wrap(file, migration, sig, body, header);
}

/** SQL type → Sequelize.DataTypes where the mapping is exact; otherwise the SQL type as written. */
function sequelizeType(type: string, S: string): string {
  const t = type.toLowerCase();
  const n = /\((\d+)(?:\s*,\s*(\d+))?\)/.exec(t);
  const dt = (name: string, args = '') => `${S}.DataTypes.${name}${args}`;
  if (/^(varchar|character varying)\(\d+\)$/.test(t)) return dt('STRING', `(${n![1]})`);
  if (t === 'text') return dt('TEXT');
  if (t === 'integer' || t === 'int' || t === 'int(11)') return dt('INTEGER');
  if (t === 'bigint' || t === 'bigint(20)') return dt('BIGINT');
  if (t === 'boolean' || t === 'tinyint(1)') return dt('BOOLEAN');
  if (t === 'uuid') return dt('UUID');
  if (t === 'jsonb') return dt('JSONB');
  if (t === 'date') return dt('DATEONLY');
  if (/^(numeric|decimal)\(\d+\s*,\s*\d+\)$/.test(t)) return dt('DECIMAL', `(${n![1]}, ${n![2]})`);
  return str(type);
}

function sequelizeColumn(c: ColumnState, S: string, place: { after?: string; first?: boolean }): string {
  const parts = [`type: ${sequelizeType(c.type, S)}`, `allowNull: ${!c.notNull}`];
  if (c.default !== undefined) parts.push(`defaultValue: ${S}.literal(${str(c.default)})`);
  // MySQL/MariaDB: back where it was (Sequelize renders AFTER / FIRST).
  if (place.after) parts.push(`after: ${str(place.after)}`);
  if (place.first) parts.push('first: true');
  return `{ ${parts.join(', ')} }`;
}

/** Each step's line, inside `if (<presence check>) { … }` where MySQL has no IF [NOT] EXISTS for it. */
function guarded(file: FileModel, migration: Migration, param: string, steps: DownStep[], line: (s: DownStep) => string): string[] {
  const { unit } = indentation(file, migration);
  return steps.flatMap((s) => {
    const one = line(s);
    if (!s.runIf || file.dialect !== 'mysql') return [one];
    const test = presenceExpression(file, param, s.runIf, 'mysql');
    return [`if (${s.runIf.present ? test : `!(${test})`}) {`, unit + one, '}'];
  });
}

/** The indentation unit of a file (2/4 spaces or a tab) and of its migration body. */
function indentation(file: FileModel, migration: Migration): { unit: string; base: string } {
  const text = file.text ?? '';
  const unit = indentUnitOf(text) ?? '  ';
  const anchor = migration.upRange ? offsetOf(text, migration.upRange.start.line) : 0;
  return { unit, base: lineIndentAt(text, anchor) };
}

function offsetOf(text: string, line: number): number {
  let at = 0;
  for (let i = 0; i < line && at >= 0; i++) at = text.indexOf('\n', at) + 1;
  return Math.max(0, at);
}

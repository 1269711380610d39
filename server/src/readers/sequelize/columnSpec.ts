import ts from 'typescript';
import type { ColumnSpec, Dialect } from '../../model/migration';
import { booleanLiteral, propertyValue, unwrap } from '../ts/objectLiteral';
import { staticString, type EvaluateContext } from '../ts/evaluateString';
import { enumValuesFromArgs, readDataType } from './dataTypes';
import { stringArray } from '../ts/staticStringList';

export interface SequelizeColumn {
  spec: ColumnSpec;
  /** `references: { model, key }` plus the column's onDelete/onUpdate: Sequelize creates a FOREIGN KEY for it. */
  foreignKey?: { table: string; columns: string[]; onDelete?: string; onUpdate?: string };
  /** Option keys as written, for details and hovers. */
  keys: string[];
}

/** A Sequelize attribute definition (`{ type, allowNull, defaultValue, … }` or a bare data type) → ColumnSpec. */
export function readColumn(name: string, expr: ts.Expression | undefined, dialect: Dialect, ev: EvaluateContext): SequelizeColumn {
  const spec: ColumnSpec = { name };
  if (!expr) return { spec, keys: [] };
  let e = unwrap(expr);
  if (ts.isIdentifier(e) && ev.constants.has(e.text)) {
    const init = unwrap(ev.constants.get(e.text)!);
    if (ts.isObjectLiteralExpression(init)) e = init;
  }
  if (!ts.isObjectLiteralExpression(e)) {
    const t = readDataType(e, dialect, ev);
    if (t) { spec.type = t.type; if (t.enumValues) spec.enumValues = t.enumValues; }
    return { spec, keys: [] };
  }
  const keys = e.properties.map(p => (p.name && ts.isIdentifier(p.name) ? p.name.text : p.name?.getText()) ?? '').filter(Boolean);
  const t = readDataType(propertyValue(e, 'type'), dialect, ev);
  if (t) {
    spec.type = t.type;
    // `type: Sequelize.ENUM, values: ['a', 'b']` is the older spelling.
    const values = t.enumValues ?? columnLevelValues(propertyValue(e, 'values'), ev);
    if (values) spec.enumValues = values;
  }
  const allowNull = booleanLiteral(propertyValue(e, 'allowNull'));
  if (allowNull !== undefined) spec.nullable = allowNull;
  const def = propertyValue(e, 'defaultValue');
  if (def) spec.default = defaultText(def, ev);
  const primary = booleanLiteral(propertyValue(e, 'primaryKey'));
  if (primary !== undefined) spec.primary = primary;
  const autoIncrement = booleanLiteral(propertyValue(e, 'autoIncrement'));
  if (autoIncrement !== undefined) spec.autoIncrement = autoIncrement;
  const uniqueExpr = propertyValue(e, 'unique');
  if (uniqueExpr) {
    const u = booleanLiteral(uniqueExpr);
    // `unique: 'name'` or `unique: { name }` still makes the column unique.
    spec.unique = u ?? true;
  }
  let foreignKey: SequelizeColumn['foreignKey'];
  const refs = propertyValue(e, 'references');
  if (refs) {
    const r = unwrap(refs);
    if (ts.isObjectLiteralExpression(r)) {
      const table = tableNameOf(propertyValue(r, 'model') ?? propertyValue(r, 'table'), ev);
      const key = staticString(propertyValue(r, 'key'), ev) ?? 'id';
      if (table) {
        spec.references = { table: table.table, columns: [key] };
        foreignKey = { table: table.table, columns: [key] };
        const onDelete = staticString(propertyValue(e, 'onDelete'), ev);
        const onUpdate = staticString(propertyValue(e, 'onUpdate'), ev);
        if (onDelete) foreignKey.onDelete = onDelete.toUpperCase();
        if (onUpdate) foreignKey.onUpdate = onUpdate.toUpperCase();
      }
    }
  }
  return { spec, foreignKey, keys };
}

function columnLevelValues(expr: ts.Expression | undefined, ev: EvaluateContext): string[] | undefined {
  if (!expr) return undefined;
  const e = unwrap(expr);
  return ts.isArrayLiteralExpression(e) ? stringArray(e, ev) : enumValuesFromArgs([e], ev);
}

/** A table argument: `'users'`, a constant, `{ tableName: 'users', schema: 'app' }`, or a model-ish `{ tableName }`. */
export function tableNameOf(expr: ts.Expression | undefined, ev: EvaluateContext): { table: string; schema?: string } | undefined {
  if (!expr) return undefined;
  let e = unwrap(expr);
  const s = staticString(e, ev);
  if (s !== undefined) {
    const dot = s.indexOf('.');
    // sequelize.query-style `schema.table` strings are rare in queryInterface calls, but split them when present.
    return dot > 0 && !s.includes(' ') ? { schema: s.slice(0, dot), table: s.slice(dot + 1) } : { table: s };
  }
  if (ts.isIdentifier(e) && ev.constants.has(e.text)) e = unwrap(ev.constants.get(e.text)!);
  if (ts.isObjectLiteralExpression(e)) {
    const table = staticString(propertyValue(e, 'tableName'), ev);
    if (table === undefined) return undefined;
    const schema = staticString(propertyValue(e, 'schema'), ev);
    return schema ? { table, schema } : { table };
  }
  return undefined;
}

/** Default as SQL-ish source text: `'x'`, `0`, `now()`, the text of `Sequelize.literal(...)`. */
export function defaultText(expr: ts.Expression, ev: EvaluateContext): string {
  const e = unwrap(expr);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return `'${e.text.replace(/'/g, "''")}'`;
  if (ts.isNumericLiteral(e)) return e.text;
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand)) return `-${e.operand.text}`;
  if (e.kind === ts.SyntaxKind.TrueKeyword) return 'true';
  if (e.kind === ts.SyntaxKind.FalseKeyword) return 'false';
  if (e.kind === ts.SyntaxKind.NullKeyword) return 'null';
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'NOW') return 'now()';
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) {
    const fn = e.expression.name.text;
    if (fn === 'literal' && e.arguments.length === 1) {
      const s = staticString(e.arguments[0], ev);
      if (s !== undefined) return s;
    }
    if (fn === 'fn' && e.arguments.length >= 1) {
      const name = staticString(e.arguments[0], ev);
      if (name !== undefined) return `${name.toLowerCase()}(${e.arguments.slice(1).map(a => defaultText(a, ev)).join(', ')})`;
    }
  }
  const sf = ev.sourceFile;
  return e.getText(sf);
}

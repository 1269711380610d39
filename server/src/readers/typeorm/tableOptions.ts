import ts from 'typescript';
import type { ColumnSpec } from '../../model/migration';
import { booleanLiteral, propertyValue, unwrap } from '../ts/objectLiteral';
import { staticString } from '../ts/evaluateString';
import { classMember, type TypeormReadState } from './readState';

const MAX_RESOLVE_DEPTH = 6;

/** Follows file constants, `this.x` class fields and `ClassName.X` static fields to the expression they stand for. */
export function resolveValue(state: TypeormReadState, expr: ts.Expression | undefined): ts.Expression | undefined {
  let e = expr && unwrap(expr);
  for (let depth = 0; e && depth < MAX_RESOLVE_DEPTH; depth++) {
    let next: ts.Expression | undefined;
    if (ts.isIdentifier(e)) next = state.evaluate.constants.get(e.text);
    else if (ts.isPropertyAccessExpression(e)) next = classMember(state, e);
    if (!next) break;
    e = unwrap(next);
  }
  return e;
}

/**
 * The options object of `new Table({...})`, `new TableColumn({...})`, `new TableIndex({...})` …,
 * or a plain object literal in their place; through constants too.
 */
export function optionsObject(state: TypeormReadState, expr: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
  const e = resolveValue(state, expr);
  if (!e) return undefined;
  if (ts.isObjectLiteralExpression(e)) return e;
  if (ts.isNewExpression(e)) {
    const arg = e.arguments?.[0] && resolveValue(state, e.arguments[0]);
    if (arg && ts.isObjectLiteralExpression(arg)) return arg;
  }
  return undefined;
}

export function str(state: TypeormReadState, expr: ts.Expression | undefined): string | undefined {
  return staticString(expr, state.evaluate);
}

export function bool(state: TypeormReadState, expr: ts.Expression | undefined): boolean | undefined {
  return booleanLiteral(resolveValue(state, expr));
}

/** `['a', 'b']` (through constants), or undefined when any element is not static. */
export function stringArray(state: TypeormReadState, expr: ts.Expression | undefined): string[] | undefined {
  const e = resolveValue(state, expr);
  if (!e || !ts.isArrayLiteralExpression(e)) return undefined;
  const out: string[] = [];
  for (const el of e.elements) {
    const s = str(state, el as ts.Expression);
    if (s === undefined) return undefined;
    out.push(s);
  }
  return out;
}

/** Elements of an array argument (`[new TableColumn(…), …]`), through constants. */
export function arrayElements(state: TypeormReadState, expr: ts.Expression | undefined): ts.Expression[] | undefined {
  const e = resolveValue(state, expr);
  return e && ts.isArrayLiteralExpression(e) ? e.elements.filter((el) => !ts.isSpreadElement(el)) as ts.Expression[] : undefined;
}

/** A table argument: `'schema.users'`, `new Table({ name, schema })`, a constant or `this.tableName`. */
export function tableRef(state: TypeormReadState, expr: ts.Expression | undefined): { table?: string; schema?: string } {
  if (!expr) return {};
  const name = str(state, expr);
  if (name !== undefined) return splitPath(name);
  const obj = optionsObject(state, expr);
  if (!obj) return {};
  const path = splitPath(str(state, propertyValue(obj, 'name')) ?? '');
  const schema = str(state, propertyValue(obj, 'schema')) ?? path.schema;
  return { table: path.table || undefined, schema };
}

/** TypeORM table paths are `schema.table` (or `database.schema.table`); quotes are not part of the name. */
function splitPath(path: string): { table?: string; schema?: string } {
  const parts = path.split('.').map((p) => p.replace(/^["`[]|["`\]]$/g, ''));
  if (parts.length === 1) return { table: parts[0] || undefined };
  return { table: parts[parts.length - 1], schema: parts[parts.length - 2] };
}

/** A column argument: `'email'` or `new TableColumn({ name: 'email', … })`. */
export function columnName(state: TypeormReadState, expr: ts.Expression | undefined): string | undefined {
  const name = str(state, expr);
  if (name !== undefined) return name;
  return str(state, propertyValue(optionsObject(state, expr), 'name'));
}

/** An index/constraint argument: its name as a string, or the `name` of the TableIndex/TableForeignKey…. */
export function namedThing(state: TypeormReadState, expr: ts.Expression | undefined): { name?: string; options?: ts.ObjectLiteralExpression } {
  const name = str(state, expr);
  if (name !== undefined) return { name };
  const options = optionsObject(state, expr);
  return { name: str(state, propertyValue(options, 'name')), options };
}

export interface TypeormColumn {
  spec: ColumnSpec;
  /** TypeORM makes a column NOT NULL unless `isNullable: true` is stated. */
  implicitNotNull: boolean;
  enumValues?: string[];
  /** `enumName`, as stated (TypeORM names it `<table>_<column>_enum` otherwise). */
  enumName?: string;
  /** Which keys the source states (for changeColumn: only stated facts become operations). */
  stated: Set<string>;
}

/** Reads TableColumnOptions into the model's ColumnSpec, with TypeORM's defaults made explicit. */
export function readColumn(state: TypeormReadState, obj: ts.ObjectLiteralExpression): TypeormColumn {
  const get = (key: string) => propertyValue(obj, key);
  const stated = new Set<string>();
  for (const p of obj.properties) if (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) stated.add(p.name.text);
  const spec: ColumnSpec = { name: str(state, get('name')) ?? '?' };
  const type = columnType(state, obj);
  if (type) spec.type = type;
  const primary = bool(state, get('isPrimary'));
  if (primary) spec.primary = true;
  const isNullable = bool(state, get('isNullable'));
  spec.nullable = primary ? false : isNullable === true;
  if (bool(state, get('isUnique'))) spec.unique = true;
  const dflt = defaultText(state, get('default'));
  if (dflt !== undefined) spec.default = dflt;
  if (bool(state, get('isGenerated'))) {
    // Without a strategy PostgreSQL gets SERIAL, but TypeORM's MySQL driver adds AUTO_INCREMENT only for 'increment'.
    const mysqlLike = state.dialect === 'mysql' || state.dialect === 'mariadb';
    const strategy = str(state, get('generationStrategy')) ?? (mysqlLike ? undefined : 'increment');
    if (strategy === 'increment' || strategy === 'rowid') spec.autoIncrement = true;
    else if (strategy === 'identity') spec.generated = 'identity';
    else if (strategy === 'uuid' && spec.default === undefined && state.dialect === 'postgres') spec.default = 'uuid_generate_v4()';
  }
  const asExpression = get('asExpression');
  if (asExpression) spec.generated = (str(state, get('generatedType')) ?? 'VIRTUAL').toUpperCase() === 'STORED' ? 'stored' : 'virtual';
  const enumValues = stringArray(state, get('enum'));
  // MySQL writes the values into the column type, as the SQL reader reports it.
  if (spec.type === 'enum' && enumValues && (state.dialect === 'mysql' || state.dialect === 'mariadb')) {
    spec.type = `enum(${enumValues.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')})`;
  }
  return { spec, implicitNotNull: !primary && isNullable === undefined, enumValues, enumName: str(state, get('enumName')), stated };
}

/** `type` + `length` / `precision` / `scale` / `isArray`, lower case: `varchar(255)`, `numeric(10,2)`, `int[]`. */
function columnType(state: TypeormReadState, obj: ts.ObjectLiteralExpression): string | undefined {
  const raw = str(state, propertyValue(obj, 'type'));
  if (!raw) return undefined;
  let type = raw.trim().toLowerCase();
  const length = str(state, propertyValue(obj, 'length'));
  const precision = str(state, propertyValue(obj, 'precision'));
  const scale = str(state, propertyValue(obj, 'scale'));
  if (!type.includes('(')) {
    if (length) type += `(${length})`;
    else if (precision) type += scale ? `(${precision},${scale})` : `(${precision})`;
  }
  if (bool(state, propertyValue(obj, 'isArray'))) type += '[]';
  return type;
}

/** TypeORM puts `default` into the DDL as written: `"'active'"` → `'active'`, `0` → `0`; `null` means none. */
function defaultText(state: TypeormReadState, expr: ts.Expression | undefined): string | undefined {
  if (!expr) return undefined;
  const e = resolveValue(state, expr) ?? expr;
  if (e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === 'undefined')) return undefined;
  if (e.kind === ts.SyntaxKind.TrueKeyword) return 'true';
  if (e.kind === ts.SyntaxKind.FalseKeyword) return 'false';
  if ((ts.isArrowFunction(e) || ts.isFunctionExpression(e)) && !ts.isBlock(e.body)) return str(state, e.body as ts.Expression) ?? e.body.getText(state.sourceFile);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand)) return `-${e.operand.text}`;
  return str(state, e) ?? e.getText(state.sourceFile);
}

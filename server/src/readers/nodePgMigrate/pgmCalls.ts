// `pgm.<method>(…)` calls of node-pg-migrate → operations. node-pg-migrate speaks PostgreSQL only.
import ts from 'typescript';
import type { ColumnSpec, Operation, Problem } from '../../model/migration';
import { snippet, type LineIndex } from '../../model/text';
import { staticString, type EvaluateContext } from '../ts/evaluateString';
import { booleanLiteral, objectLiteral, propertyNameText, propertyValue, unwrap } from '../ts/objectLiteral';
import { readSqlArgument } from '../ts/sqlArgument';
import { staticStringList } from '../ts/staticStringList';

export interface PgmBody {
  sf: ts.SourceFile;
  lines: LineIndex;
  ev: EvaluateContext;
  /** Names the MigrationBuilder goes by (the first parameter). */
  pgmNames: Set<string>;
  /** `exports.shorthands` plus node-pg-migrate's built-in `id`. */
  shorthands: Map<string, ts.Expression | ColumnSpec>;
  problems: Problem[];
  /** `pgm.noTransaction()` was called. */
  noTransaction?: boolean;
}

/** Methods that read or configure, never change the schema. */
const NO_OPERATION = new Set(['func', 'noTransaction', 'db', 'decamelize']);

/** Methods that send one statement the model keeps as rawSql, by the statement. */
const OTHER_STATEMENTS: Record<string, string> = {
  createExtension: 'CREATE EXTENSION', addExtension: 'CREATE EXTENSION', dropExtension: 'DROP EXTENSION',
  createSchema: 'CREATE SCHEMA', dropSchema: 'DROP SCHEMA', renameSchema: 'ALTER SCHEMA',
  createFunction: 'CREATE FUNCTION', dropFunction: 'DROP FUNCTION', renameFunction: 'ALTER FUNCTION',
  createTrigger: 'CREATE TRIGGER', dropTrigger: 'DROP TRIGGER', renameTrigger: 'ALTER TRIGGER',
  createSequence: 'CREATE SEQUENCE', alterSequence: 'ALTER SEQUENCE', dropSequence: 'DROP SEQUENCE', renameSequence: 'ALTER SEQUENCE',
  createDomain: 'CREATE DOMAIN', alterDomain: 'ALTER DOMAIN', dropDomain: 'DROP DOMAIN', renameDomain: 'ALTER DOMAIN',
  createRole: 'CREATE ROLE', alterRole: 'ALTER ROLE', dropRole: 'DROP ROLE', renameRole: 'ALTER ROLE',
  createPolicy: 'CREATE POLICY', alterPolicy: 'ALTER POLICY', dropPolicy: 'DROP POLICY', renamePolicy: 'ALTER POLICY',
  createOperator: 'CREATE OPERATOR', dropOperator: 'DROP OPERATOR', createOperatorClass: 'CREATE OPERATOR CLASS', dropOperatorClass: 'DROP OPERATOR CLASS',
  renameOperatorClass: 'ALTER OPERATOR CLASS', createOperatorFamily: 'CREATE OPERATOR FAMILY', dropOperatorFamily: 'DROP OPERATOR FAMILY',
  renameOperatorFamily: 'ALTER OPERATOR FAMILY', addToOperatorFamily: 'ALTER OPERATOR FAMILY', removeFromOperatorFamily: 'ALTER OPERATOR FAMILY',
  dropType: 'DROP TYPE', renameType: 'ALTER TYPE', addTypeAttribute: 'ALTER TYPE', dropTypeAttribute: 'ALTER TYPE', alterTypeAttribute: 'ALTER TYPE',
  setTypeAttribute: 'ALTER TYPE', renameTypeAttribute: 'ALTER TYPE', renameTypeValue: 'ALTER TYPE',
  renameConstraint: 'ALTER TABLE', alterTable: 'ALTER TABLE', alterView: 'ALTER VIEW', alterViewColumn: 'ALTER VIEW', renameView: 'ALTER VIEW',
  alterMaterializedView: 'ALTER MATERIALIZED VIEW', renameMaterializedView: 'ALTER MATERIALIZED VIEW', renameMaterializedViewColumn: 'ALTER MATERIALIZED VIEW',
  refreshMaterializedView: 'REFRESH MATERIALIZED VIEW', grantRoles: 'GRANT', revokeRoles: 'REVOKE', grantOnSchemas: 'GRANT', revokeOnSchemas: 'REVOKE',
  grantOnTables: 'GRANT', revokeOnTables: 'REVOKE', createCast: 'CREATE CAST', dropCast: 'DROP CAST',
};

export function readPgmCall(call: ts.CallExpression, method: string, b: PgmBody): Operation[] {
  if (NO_OPERATION.has(method)) {
    if (method === 'noTransaction') b.noTransaction = true;
    return [];
  }
  const args = call.arguments;
  const op = (kind: Operation['kind']): Operation => {
    const o = pgmOp(kind, call, method, b);
    const t = tableName(args[0], b);
    if (t) { o.table = t.name; if (t.schema) o.schema = t.schema; } else if (args[0]) o.details!.tableExpression = snippet(args[0].getText(b.sf), 80);
    return o;
  };
  const options = (i: number) => objectLiteral(args[i]);
  const str = (i: number) => staticString(args[i], b.ev);
  switch (method) {
    case 'createTable': {
      const o = op('createTable');
      const opts = options(2);
      if (booleanLiteral(propertyValue(opts, 'ifNotExists'))) { o.ifNotExists = true; o.guarded = true; }
      const cols = columnDefinitions(args[1], b);
      o.tableColumns = cols.map((c) => c.spec);
      const fks = cols.filter((c) => c.references).map((c) => {
        const fk = op('addForeignKey');
        Object.assign(fk, { column: c.spec.name, columns: [c.spec.name], references: c.references, details: { ...fk.details, inCreateTable: true } });
        return fk;
      });
      const constraints = objectLiteral(propertyValue(opts, 'constraints'));
      const extra = constraints ? constraintOps(constraints, op, b, true) : [];
      for (const e of [...fks, ...extra]) e.guarded = o.guarded;
      return [o, ...fks, ...extra];
    }
    case 'dropTable': {
      const o = op('dropTable');
      const opts = options(1);
      if (booleanLiteral(propertyValue(opts, 'ifExists'))) { o.ifExists = true; o.guarded = true; }
      if (booleanLiteral(propertyValue(opts, 'cascade'))) o.cascade = true;
      return [o];
    }
    case 'renameTable': {
      const o = op('renameTable');
      const to = tableName(args[1], b);
      if (to) o.newName = to.name;
      return [o];
    }
    case 'addColumns': case 'addColumn': {
      const ifNotExists = booleanLiteral(propertyValue(options(2), 'ifNotExists'));
      const out: Operation[] = [];
      for (const c of columnDefinitions(args[1], b)) {
        const o = Object.assign(op('addColumn'), { column: c.spec.name, columnSpec: c.spec });
        if (ifNotExists) { o.ifNotExists = true; o.guarded = true; }
        out.push(o);
        if (c.references) out.push(Object.assign(op('addForeignKey'), { column: c.spec.name, columns: [c.spec.name], references: c.references }));
      }
      return out.length ? out : [unknownOp(op('unknown'), 'the column definitions are computed')];
    }
    case 'dropColumns': case 'dropColumn': {
      const opts = options(2);
      const names = columnNames(args[1], b);
      if (!names) return [unknownOp(op('dropColumn'), 'the column names are computed')];
      return names.map((n) => {
        const o = Object.assign(op('dropColumn'), { column: n });
        if (booleanLiteral(propertyValue(opts, 'ifExists'))) { o.ifExists = true; o.guarded = true; }
        if (booleanLiteral(propertyValue(opts, 'cascade'))) o.cascade = true;
        return o;
      });
    }
    case 'renameColumn': {
      const o = op('renameColumn');
      const from = str(1);
      const to = str(2);
      if (from) o.column = from;
      if (to) o.newName = to;
      return [o];
    }
    case 'alterColumn': return alterColumn(op, str(1), options(2), b);
    case 'addConstraint': case 'createConstraint': {
      const name = str(1);
      const def = args[2] && unwrap(args[2]);
      const stamp = (ops: Operation[]) => { for (const o of ops) if (name && !o.constraint) o.constraint = name; return ops; };
      if (def && ts.isObjectLiteralExpression(def)) return stamp(constraintOps(def, op, b, false));
      const text = def ? staticString(def, b.ev) : undefined;
      if (!text) return [unknownOp(op('unknown'), 'the constraint definition is computed')];
      const kind: Operation['kind'] = /^\s*foreign\s+key/i.test(text) ? 'addForeignKey' : /^\s*check\b/i.test(text) ? 'addCheck' : /^\s*unique\b/i.test(text) ? 'addUnique' : /^\s*primary\s+key/i.test(text) ? 'addPrimaryKey' : 'unknown';
      const o = op(kind);
      if (kind === 'unknown') o.reason = `constraint "${snippet(text, 60)}"`;
      if (kind === 'addCheck') o.expression = text.replace(/^\s*check\s*/i, '');
      if (/\bNOT\s+VALID\b/i.test(text)) o.notValid = true;
      return stamp([o]);
    }
    case 'dropConstraint': {
      const o = op('dropConstraint');
      const name = str(1);
      if (name) o.constraint = name;
      const opts = options(2);
      if (booleanLiteral(propertyValue(opts, 'ifExists'))) { o.ifExists = true; o.guarded = true; }
      if (booleanLiteral(propertyValue(opts, 'cascade'))) o.cascade = true;
      return [o];
    }
    case 'createIndex': case 'addIndex': case 'dropIndex': {
      const o = op(method === 'dropIndex' ? 'dropIndex' : 'createIndex');
      const cols = indexColumns(args[1], b) ?? [];
      const opts = options(2);
      o.columns = cols;
      const unique = booleanLiteral(propertyValue(opts, 'unique'));
      if (unique) o.unique = true;
      if (booleanLiteral(propertyValue(opts, 'concurrently'))) o.concurrently = true;
      if (booleanLiteral(propertyValue(opts, method === 'dropIndex' ? 'ifExists' : 'ifNotExists'))) {
        o.guarded = true;
        if (method === 'dropIndex') o.ifExists = true; else o.ifNotExists = true;
      }
      const where = staticString(propertyValue(opts, 'where'), b.ev);
      if (where) o.expression = where;
      const methodName = staticString(propertyValue(opts, 'method'), b.ev);
      if (methodName) o.indexMethod = methodName.toLowerCase();
      // node-pg-migrate names an index `<table>_<columns>_index` (`_unique_index` when unique) unless told.
      o.index = staticString(propertyValue(opts, 'name'), b.ev) ?? (o.table ? `${o.table}_${cols.join('_')}_${unique ? 'unique_index' : 'index'}` : undefined);
      if (!o.index) delete o.index;
      return [o];
    }
    case 'createType': {
      const values = staticStringList(args[1], b.ev);
      if (!values) return [rawOp(op('rawSql'), 'CREATE TYPE')];
      const o = op('createEnum');
      o.enumValues = values;
      return [o];
    }
    case 'addTypeValue': {
      const o = op('alterEnum');
      const value = str(1);
      if (value) o.enumValues = [value];
      const opts = options(2);
      if (propertyValue(opts, 'before')) o.enumPosition = 'before';
      if (propertyValue(opts, 'after')) o.enumPosition = 'after';
      if (booleanLiteral(propertyValue(opts, 'ifNotExists'))) { o.ifNotExists = true; o.guarded = true; }
      return [o];
    }
    case 'createView': case 'createMaterializedView': case 'dropView': case 'dropMaterializedView': {
      const o = op(method.startsWith('create') ? 'createView' : 'dropView');
      if (/Materialized/.test(method)) o.details!.materialized = true;
      return [o];
    }
    case 'sql': return readSql(call, b);
    default: {
      const statement = OTHER_STATEMENTS[method];
      if (statement) {
        const o = rawOp(op('rawSql'), statement);
        // Only ALTER TABLE statements are about a table; the first argument of the others names a schema, function, role….
        if (statement !== 'ALTER TABLE') { delete o.table; delete o.schema; }
        return [o];
      }
      return [unknownOp(op('unknown'), `pgm.${method}() is not a node-pg-migrate method Safe Migrations models`)];
    }
  }
}

function readSql(call: ts.CallExpression, b: PgmBody): Operation[] {
  const arg = call.arguments[0];
  if (!arg) return [];
  const result = readSqlArgument(arg, 'pgm.sql', { ev: b.ev, lines: b.lines, dialect: 'postgres', problems: b.problems });
  if (result.operations) return result.operations;
  const o = pgmOp('unknown', call, 'sql', b);
  o.via = 'sql';
  o.reason = `dynamic SQL: ${snippet(arg.getText(b.sf), 80)}`;
  return [o];
}

function alterColumn(op: (k: Operation['kind']) => Operation, column: string | undefined, opts: ts.ObjectLiteralExpression | undefined, b: PgmBody): Operation[] {
  const out: Operation[] = [];
  const at = (kind: Operation['kind']) => { const o = op(kind); if (column) o.column = column; out.push(o); return o; };
  const type = staticString(propertyValue(opts, 'type'), b.ev);
  if (type) {
    const o = at('alterColumnType');
    o.columnSpec = { name: column ?? '?', type: type.toLowerCase() };
    const using = staticString(propertyValue(opts, 'using'), b.ev);
    if (using) o.expression = using;
  }
  const def = propertyValue(opts, 'default');
  if (def) {
    if (unwrap(def).kind === ts.SyntaxKind.NullKeyword) at('dropDefault');
    else at('setDefault').columnSpec = { name: column ?? '?', default: defaultText(def, b) };
  }
  const notNull = booleanLiteral(propertyValue(opts, 'notNull'));
  const allowNull = booleanLiteral(propertyValue(opts, 'allowNull'));
  if (notNull === true || allowNull === false) at('setNotNull');
  else if (notNull === false || allowNull === true) at('dropNotNull');
  // Only a comment, collation or sequence option: an ALTER TABLE the model keeps as raw.
  if (!out.length) rawOp(at('rawSql'), 'ALTER TABLE');
  return out;
}

/** `{ check, unique, primaryKey, foreignKeys, exclude }` of createTable's `constraints` or addConstraint. */
function constraintOps(obj: ts.ObjectLiteralExpression, op: (k: Operation['kind']) => Operation, b: PgmBody, inCreateTable: boolean): Operation[] {
  const out: Operation[] = [];
  const mark = (o: Operation) => { if (inCreateTable) o.details = { ...o.details, inCreateTable: true }; out.push(o); return o; };
  const check = propertyValue(obj, 'check');
  if (check) {
    const list = staticStringList(check, b.ev) ?? [];
    for (const expr of list.length ? list : ['?']) mark(Object.assign(op('addCheck'), { expression: expr }));
  }
  const unique = propertyValue(obj, 'unique');
  if (unique) {
    const u = unwrap(unique);
    const groups = ts.isArrayLiteralExpression(u) && u.elements.some((e) => ts.isArrayLiteralExpression(unwrap(e))) ? u.elements.map((e) => columnNames(e, b) ?? []) : [columnNames(unique, b) ?? []];
    for (const g of groups) mark(Object.assign(op('addUnique'), { columns: g }));
  }
  const pk = propertyValue(obj, 'primaryKey');
  if (pk && !inCreateTable) mark(Object.assign(op('addPrimaryKey'), { columns: columnNames(pk, b) ?? [] }));
  const fks = propertyValue(obj, 'foreignKeys');
  if (fks) {
    const u = unwrap(fks);
    for (const e of ts.isArrayLiteralExpression(u) ? u.elements : [u]) {
      const fk = objectLiteral(e);
      if (!fk) continue;
      const columns = columnNames(propertyValue(fk, 'columns'), b) ?? [];
      const ref = referenceOf(propertyValue(fk, 'references'), b);
      const o = mark(Object.assign(op('addForeignKey'), { columns, ...(columns.length === 1 ? { column: columns[0] } : {}) }));
      if (ref) o.references = { ...ref, ...ruleOf(fk, b) };
    }
  }
  if (propertyValue(obj, 'exclude')) mark(Object.assign(op('rawSql'), { statement: 'ALTER TABLE' }));
  return out;
}

interface PgmColumn { spec: ColumnSpec; references?: NonNullable<Operation['references']> }

/** `{ id: 'id', name: { type: 'varchar(1000)', notNull: true } }` → columns, shorthands expanded. */
function columnDefinitions(arg: ts.Expression | undefined, b: PgmBody): PgmColumn[] {
  const obj = objectLiteral(arg) ?? objectLiteral(arg && ts.isIdentifier(unwrap(arg)) ? b.ev.constants.get((unwrap(arg) as ts.Identifier).text) : undefined);
  if (!obj) return [];
  const out: PgmColumn[] = [];
  for (const p of obj.properties) {
    if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) continue;
    const name = propertyNameText(p.name);
    if (!name) continue;
    out.push(columnOf(name, ts.isPropertyAssignment(p) ? p.initializer : p.name, b, 0));
  }
  return out;
}

function columnOf(name: string, definition: ts.Expression | ColumnSpec, b: PgmBody, depth: number): PgmColumn {
  if (!isNode(definition)) return { spec: { ...definition, name } };
  const e = unwrap(definition);
  const typeName = staticString(e, b.ev);
  if (typeName !== undefined) {
    const short = b.shorthands.get(typeName);
    if (short && depth < 3) return columnOf(name, short, b, depth + 1);
    return { spec: { name, type: typeName.toLowerCase() } };
  }
  const obj = objectLiteral(e);
  if (!obj) return { spec: { name } };
  const typeExpr = propertyValue(obj, 'type');
  const type = staticString(typeExpr, b.ev);
  // A shorthand used as a type (`{ type: 'id' }`) brings its definition, which the object's own keys override.
  const base = type && b.shorthands.get(type) && depth < 3 ? columnOf(name, b.shorthands.get(type)!, b, depth + 1) : { spec: { name, ...(type ? { type: type.toLowerCase() } : {}) } as ColumnSpec };
  const spec = base.spec;
  const notNull = booleanLiteral(propertyValue(obj, 'notNull'));
  if (notNull !== undefined) spec.nullable = !notNull;
  const pk = booleanLiteral(propertyValue(obj, 'primaryKey'));
  if (pk) { spec.primary = true; spec.nullable = false; }
  if (booleanLiteral(propertyValue(obj, 'unique'))) spec.unique = true;
  const def = propertyValue(obj, 'default');
  if (def && unwrap(def).kind !== ts.SyntaxKind.NullKeyword) spec.default = defaultText(def, b);
  if (propertyValue(obj, 'sequenceGenerated')) spec.generated = 'identity';
  if (propertyValue(obj, 'expressionGenerated')) spec.generated = 'stored';
  const ref = referenceOf(propertyValue(obj, 'references'), b);
  let references = base.references;
  if (ref) {
    references = { ...ref, ...ruleOf(obj, b) };
    spec.references = { table: ref.table, columns: ref.columns };
  }
  return { spec, ...(references ? { references } : {}) };
}

function isNode(x: ts.Expression | ColumnSpec): x is ts.Expression { return typeof (x as ts.Node).kind === 'number' && typeof (x as ts.Node).getText === 'function'; }

/** `references: 'users'`, `'users(id)'`, `'"schema"."users"'`, `{ schema, name }`. */
function referenceOf(expr: ts.Expression | undefined, b: PgmBody): { table: string; columns: string[] } | undefined {
  if (!expr) return undefined;
  const s = staticString(expr, b.ev);
  if (s !== undefined) {
    const m = /^\s*([^()]+?)\s*(?:\(([^)]*)\))?\s*$/.exec(s);
    if (!m) return { table: s, columns: [] };
    const table = m[1].replace(/"/g, '').split('.').pop()!;
    return { table, columns: m[2] ? m[2].split(',').map((c) => c.trim().replace(/"/g, '')) : [] };
  }
  const t = tableName(expr, b);
  return t ? { table: t.name, columns: [] } : undefined;
}

function ruleOf(obj: ts.ObjectLiteralExpression, b: PgmBody): { onDelete?: string; onUpdate?: string } {
  const onDelete = staticString(propertyValue(obj, 'onDelete'), b.ev);
  const onUpdate = staticString(propertyValue(obj, 'onUpdate'), b.ev);
  return { ...(onDelete ? { onDelete: onDelete.toUpperCase() } : {}), ...(onUpdate ? { onUpdate: onUpdate.toUpperCase() } : {}) };
}

/** `pgm.func('current_timestamp')` → `current_timestamp`; literals as SQL. */
function defaultText(expr: ts.Expression, b: PgmBody): string {
  const e = unwrap(expr);
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'func') {
    const inner = staticString(e.arguments[0], b.ev);
    if (inner !== undefined) return inner;
  }
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return `'${e.text.replace(/'/g, "''")}'`;
  return snippet(e.getText(b.sf), 80);
}

/** `'t'` or `{ schema: 's', name: 't' }`. */
function tableName(expr: ts.Expression | undefined, b: PgmBody): { name: string; schema?: string } | undefined {
  if (!expr) return undefined;
  const s = staticString(expr, b.ev);
  if (s !== undefined) return { name: s };
  const obj = objectLiteral(expr);
  const name = staticString(propertyValue(obj, 'name'), b.ev);
  const schema = staticString(propertyValue(obj, 'schema'), b.ev);
  return name ? { name, ...(schema ? { schema } : {}) } : undefined;
}

/** `'a'`, `['a', 'b']`, or dropColumns' `{ a: …, b: … }`. */
function columnNames(expr: ts.Expression | undefined, b: PgmBody): string[] | undefined {
  if (!expr) return undefined;
  const obj = objectLiteral(expr);
  if (obj) return obj.properties.map((p) => propertyNameText(p.name as ts.PropertyName | undefined)).filter((n): n is string => !!n);
  return staticStringList(expr, b.ev);
}

/** Index columns: names, or `{ name, sort, opclass }` objects. */
function indexColumns(expr: ts.Expression | undefined, b: PgmBody): string[] | undefined {
  if (!expr) return undefined;
  const e = unwrap(expr);
  const items = ts.isArrayLiteralExpression(e) ? [...e.elements] : [e];
  const out: string[] = [];
  for (const it of items) {
    const obj = objectLiteral(it);
    const s = obj ? staticString(propertyValue(obj, 'name'), b.ev) : staticString(it, b.ev);
    if (s === undefined) return undefined;
    out.push(s);
  }
  return out;
}

function pgmOp(kind: Operation['kind'], call: ts.CallExpression, method: string, b: PgmBody): Operation {
  let node: ts.Node = call;
  while (node.parent && ts.isParenthesizedExpression(node.parent)) node = node.parent;
  if (node.parent && ts.isAwaitExpression(node.parent)) node = node.parent;
  const start = node.getStart(b.sf);
  const end = node.getEnd();
  return { kind, guarded: false, range: b.lines.range(start, end), offset: { start, end }, via: 'api', text: snippet(node.getText(b.sf)), details: { call: `pgm.${method}` } };
}

function rawOp(o: Operation, statement: string): Operation {
  o.statement = statement;
  return o;
}

function unknownOp(o: Operation, reason: string): Operation {
  o.kind = 'unknown';
  o.reason = reason;
  return o;
}

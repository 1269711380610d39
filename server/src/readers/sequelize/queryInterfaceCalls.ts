import ts from 'typescript';
import type { ColumnSpec, Operation } from '../../model/migration';
import { snippet } from '../../model/text';
import { booleanLiteral, objectLiteral, propertyNames, propertyValue, unwrap } from '../ts/objectLiteral';
import { staticString } from '../ts/evaluateString';
import { apiOperation, type BodyContext } from './bodyContext';
import { readColumn, tableNameOf } from './columnSpec';
import { stringArray } from '../ts/staticStringList';
import { sequelizeIndexName } from './indexName';

/** queryInterface methods that only read the schema or data: no operation. */
const READ_ONLY = new Set([
  'describeTable', 'showIndex', 'tableExists', 'showAllTables', 'showAllSchemas', 'getForeignKeysForTables',
  'getForeignKeyReferencesForTable', 'getForeignKeyReferencesForTables', 'nameIndexes', 'select', 'rawSelect',
  'quoteIdentifier', 'quoteIdentifiers', 'quoteTable', 'databaseVersion', 'pgListEnums', 'showConstraint',
  'getQueryInterface', 'escape', 'queryGenerator',
]);

/** queryInterface methods that send one known non-table statement, by the statement they send. */
const OTHER_STATEMENTS: Record<string, string> = {
  createSchema: 'CREATE SCHEMA', dropSchema: 'DROP SCHEMA', dropAllSchemas: 'DROP SCHEMA',
  createFunction: 'CREATE FUNCTION', dropFunction: 'DROP FUNCTION', renameFunction: 'ALTER FUNCTION',
  createTrigger: 'CREATE TRIGGER', dropTrigger: 'DROP TRIGGER', renameTrigger: 'ALTER TRIGGER',
  createDatabase: 'CREATE DATABASE', dropDatabase: 'DROP DATABASE',
  dropAllTables: 'DROP TABLE', dropAllEnums: 'DROP TYPE',
};

/** Maps one `queryInterface.<method>(…)` call to operations; [] for reads. */
export function readQueryInterfaceCall(call: ts.CallExpression, method: string, bc: BodyContext): Operation[] {
  if (READ_ONLY.has(method)) return [];
  const args = call.arguments;
  const ev = bc.ev;
  const op = (kind: Operation['kind']): Operation => {
    const o = apiOperation(kind, call, method, bc);
    const t = tableNameOf(args[0], ev);
    if (t) { o.table = t.table; if (t.schema) o.schema = t.schema; } else if (args[0]) o.details!.tableExpression = args[0].getText(bc.sf);
    return o;
  };
  const objectArg = (i: number): ts.ObjectLiteralExpression | undefined => objectLiteral(args[i]);
  const name = (i: number): string | undefined => staticString(args[i], ev);

  switch (method) {
    case 'createTable': {
      const o = op('createTable');
      // Sequelize 6 always emits CREATE TABLE IF NOT EXISTS (both dialects).
      o.ifNotExists = true;
      o.guarded = true;
      const ops: Operation[] = [o];
      const cols = objectArg(1);
      if (cols) {
        o.tableColumns = [];
        for (const p of cols.properties) {
          if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) continue;
          const colName = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) || ts.isNumericLiteral(p.name)) ? p.name.text : undefined;
          if (!colName) continue;
          const c = readColumn(colName, ts.isPropertyAssignment(p) ? p.initializer : p.name, bc.dialect, ev);
          o.tableColumns.push(c.spec);
          notePgEnumType(o, c.spec, bc);
          if (c.foreignKey) ops.push(columnForeignKey(op('addForeignKey'), colName, c.foreignKey, 'inCreateTable'));
        }
      } else if (args[1]) o.details!.columnsExpression = snippet(args[1].getText(bc.sf), 80);
      return ops;
    }
    case 'dropTable': {
      const o = op('dropTable');
      // Sequelize emits DROP TABLE IF EXISTS.
      o.ifExists = true;
      o.guarded = true;
      if (booleanLiteral(propertyValue(objectArg(1), 'cascade'))) o.cascade = true;
      return [o];
    }
    case 'renameTable': {
      const o = op('renameTable');
      const to = tableNameOf(args[1], ev);
      if (to) o.newName = to.table;
      return [o];
    }
    case 'addColumn': case 'changeColumn': {
      const o = op(method === 'addColumn' ? 'addColumn' : 'alterColumnType');
      const col = name(1);
      if (col !== undefined) o.column = col;
      const c = readColumn(col ?? '', args[2], bc.dialect, ev);
      o.columnSpec = c.spec;
      if (c.spec.enumValues) o.enumValues = c.spec.enumValues;
      notePgEnumType(o, c.spec, bc);
      if (method === 'addColumn') optionGuard(o, objectArg(3), 'ifNotExists', bc);
      if (method === 'changeColumn') {
        o.details!.sequelizeChangeColumn = true;
        // changeColumn restates the whole column: what it leaves out is reset (PostgreSQL: DROP NOT NULL, DROP DEFAULT;
        // MySQL: CHANGE without NOT NULL / DEFAULT).
        if (c.spec.nullable === undefined && args[2]) { c.spec.nullable = true; o.details!.impliedNullable = true; }
        if (c.spec.default === undefined && args[2]) o.details!.dropsDefault = true;
      }
      if (c.keys.length) o.details!.options = c.keys;
      const ops = [o];
      if (c.foreignKey) ops.push(columnForeignKey(op('addForeignKey'), col, c.foreignKey, method === 'addColumn' ? 'inAddColumn' : 'inChangeColumn'));
      // changeColumn(…, { unique: true }) adds a unique constraint (PostgreSQL: ALTER TABLE … ADD UNIQUE (col), named
      // <table>_<col>_key): the index is built under the ALTER's lock.
      if (method === 'changeColumn' && c.spec.unique && col !== undefined) {
        const u = op('addUnique');
        u.columns = [col];
        if (bc.dialect === 'postgres' && u.table) u.constraint = `${u.table}_${col}_key`;
        u.details = { ...u.details, inChangeColumn: true };
        ops.push(u);
      }
      return ops;
    }
    case 'removeColumn': {
      const o = op('dropColumn');
      const col = name(1);
      if (col !== undefined) o.column = col;
      optionGuard(o, objectArg(2), 'ifExists', bc);
      return [o];
    }
    case 'renameColumn': {
      const o = op('renameColumn');
      const from = name(1);
      const to = name(2);
      if (from !== undefined) o.column = from;
      if (to !== undefined) o.newName = to;
      return [o];
    }
    case 'addIndex': return [addIndex(op('createIndex'), call, bc)];
    case 'removeIndex': {
      const o = op('dropIndex');
      const target = args[1] && unwrap(args[1]);
      const fields = target && ts.isArrayLiteralExpression(target) ? stringArray(target, ev) : undefined;
      if (fields) {
        o.columns = fields;
        if (o.table) { o.index = sequelizeIndexName(o.table, fields); o.details!.generatedName = true; }
      } else {
        const n = name(1);
        if (n !== undefined) o.index = n;
      }
      // Sequelize 6 emits DROP INDEX CONCURRENTLY IF EXISTS for `{ concurrently: true }`.
      if (booleanLiteral(propertyValue(objectArg(2), 'concurrently'))) { o.concurrently = true; o.ifExists = true; o.guarded = true; }
      optionGuard(o, objectArg(2), 'ifExists', bc);
      // PostgreSQL: DROP INDEX IF EXISTS; MySQL: a plain DROP INDEX … ON.
      if (bc.dialect === 'postgres') { o.ifExists = true; o.guarded = true; }
      return [o];
    }
    case 'addConstraint': return [addConstraint(op('addUnique'), call, bc)];
    case 'removeConstraint': {
      const o = op('dropConstraint');
      const n = name(1);
      if (n !== undefined) o.constraint = n;
      optionGuard(o, objectArg(2), 'ifExists', bc);
      return [o];
    }
    case 'bulkInsert': {
      const o = op('insert');
      const rows = args[1] && unwrap(args[1]);
      if (rows && ts.isArrayLiteralExpression(rows)) o.details!.rows = rows.elements.length;
      // INSERT IGNORE / ON CONFLICT DO NOTHING: a re-run inserts nothing twice.
      if (booleanLiteral(propertyValue(objectArg(2), 'ignoreDuplicates'))) { o.guarded = true; o.details!.guardedBy = 'ignore-duplicates'; }
      return [o];
    }
    case 'bulkUpdate': {
      const o = op('update');
      o.hasWhere = whereRestricts(args[2]);
      return [o];
    }
    case 'bulkDelete': {
      const o = op('delete');
      o.hasWhere = whereRestricts(args[1]);
      return [o];
    }
    case 'dropEnum': {
      const o = op('rawSql');
      o.table = undefined;
      const n = name(0);
      if (n !== undefined) o.details!.enumName = n;
      o.statement = 'DROP TYPE';
      o.ifExists = true;
      o.guarded = true;
      return [o];
    }
    case 'insert': case 'upsert': {
      // insert(instance, tableName, values) / upsert(tableName, insertValues, updateValues, where)
      const o = op('insert');
      if (method === 'insert') {
        const t = tableNameOf(args[1], ev);
        o.table = t?.table;
        if (t?.schema) o.schema = t.schema;
      }
      if (method === 'upsert') o.details!.upsert = true;
      return [o];
    }
    default: {
      const statement = OTHER_STATEMENTS[method];
      if (statement) {
        // Not table DDL the rules reason about, but known: the statement Sequelize sends, by name.
        const o = op('rawSql');
        o.table = undefined;
        o.statement = statement;
        const n = name(0);
        if (n !== undefined) o.details!.name = n;
        return [o];
      }
      const o = op('unknown');
      o.reason = `unrecognised queryInterface call: ${method}`;
      return [o];
    }
  }
}

/** The FOREIGN KEY Sequelize adds for a column's `references` (part of CREATE TABLE IF NOT EXISTS when in createTable). */
function columnForeignKey(fk: Operation, column: string | undefined, references: NonNullable<Operation['references']>, where: 'inCreateTable' | 'inAddColumn' | 'inChangeColumn'): Operation {
  if (column !== undefined) { fk.column = column; fk.columns = [column]; }
  fk.references = references;
  fk.details![where] = true;
  if (where === 'inCreateTable') fk.guarded = true;
  return fk;
}

/** @sequelize/core 7's `{ ifNotExists: true }` / `{ ifExists: true }` options. */
function optionGuard(o: Operation, options: ts.ObjectLiteralExpression | undefined, key: 'ifExists' | 'ifNotExists', bc: BodyContext): void {
  if (!bc.optionGuards || booleanLiteral(propertyValue(options, key)) !== true) return;
  o[key] = true;
  o.guarded = true;
}

/** On PostgreSQL an ENUM column makes Sequelize create the type `enum_<table>_<column>`, which dropTable leaves behind. */
function notePgEnumType(o: Operation, spec: ColumnSpec, bc: BodyContext): void {
  if (bc.dialect !== 'postgres' || spec.type !== 'enum' || !o.table) return;
  const types = (o.details!.pgEnumTypes as string[] | undefined) ?? [];
  types.push(`enum_${o.table}_${spec.name}`);
  o.details!.pgEnumTypes = types;
}

function addIndex(o: Operation, call: ts.CallExpression, bc: BodyContext): Operation {
  const ev = bc.ev;
  const second = call.arguments[1] && unwrap(call.arguments[1]);
  // addIndex(table, ['a', 'b'], options?) or addIndex(table, { fields, … })
  let options: ts.ObjectLiteralExpression | undefined;
  let fieldsExpr: ts.Expression | undefined;
  if (second && ts.isArrayLiteralExpression(second)) {
    fieldsExpr = second;
    const third = call.arguments[2] && unwrap(call.arguments[2]);
    if (third && ts.isObjectLiteralExpression(third)) options = third;
  } else if (second && ts.isObjectLiteralExpression(second)) {
    options = second;
    fieldsExpr = propertyValue(second, 'fields');
  }
  const fields = fieldsExpr ? indexFields(fieldsExpr, bc) : undefined;
  if (fields) o.columns = fields;
  const explicitName = staticString(propertyValue(options, 'name'), ev);
  if (explicitName !== undefined) o.index = explicitName;
  else if (fields && o.table && !propertyValue(options, 'name')) {
    o.index = sequelizeIndexName(o.table, fields);
    o.details!.generatedName = true;
  }
  if (booleanLiteral(propertyValue(options, 'unique'))) o.unique = true;
  if (booleanLiteral(propertyValue(options, 'concurrently'))) o.concurrently = true;
  const type = staticString(propertyValue(options, 'type'), ev);
  if (type) {
    if (type.toUpperCase() === 'UNIQUE') o.unique = true;
    else o.indexMethod = type.toUpperCase();
  }
  const using = staticString(propertyValue(options, 'using') ?? propertyValue(options, 'method'), ev);
  if (using) o.indexMethod = using.toLowerCase();
  const where = propertyValue(options, 'where');
  if (where) o.expression = where.getText(bc.sf);
  if (options) o.details!.options = propertyNames(options);
  return o;
}

/** Index fields: `'a'`, `{ name: 'a', order: 'DESC' }`, `{ attribute: 'a' }`, `Sequelize.literal(...)`. */
function indexFields(expr: ts.Expression, bc: BodyContext): string[] | undefined {
  const e = unwrap(expr);
  if (!ts.isArrayLiteralExpression(e)) return undefined;
  const out: string[] = [];
  for (const el of e.elements) {
    const u = unwrap(el as ts.Expression);
    const s = staticString(u, bc.ev);
    if (s !== undefined) { out.push(s); continue; }
    if (ts.isObjectLiteralExpression(u)) {
      const n = staticString(propertyValue(u, 'name') ?? propertyValue(u, 'attribute'), bc.ev);
      if (n !== undefined) { out.push(n); continue; }
    }
    out.push(u.getText(bc.sf));
  }
  return out;
}

function addConstraint(o: Operation, call: ts.CallExpression, bc: BodyContext): Operation {
  const ev = bc.ev;
  const second = call.arguments[1] && unwrap(call.arguments[1]);
  // v6: addConstraint(table, { type, fields, … }); v4/v5: addConstraint(table, ['a'], { type, … }).
  let options: ts.ObjectLiteralExpression | undefined;
  let fields: string[] | undefined;
  if (second && ts.isArrayLiteralExpression(second)) {
    fields = stringArray(second, ev);
    const third = call.arguments[2] && unwrap(call.arguments[2]);
    if (third && ts.isObjectLiteralExpression(third)) options = third;
  } else if (second && ts.isObjectLiteralExpression(second)) {
    options = second;
    const f = propertyValue(second, 'fields');
    const fu = f && unwrap(f);
    if (fu && ts.isArrayLiteralExpression(fu)) fields = fu.elements.map(el => {
      const x = unwrap(el as ts.Expression);
      const n = staticString(x, ev) ?? (ts.isObjectLiteralExpression(x) ? staticString(propertyValue(x, 'name') ?? propertyValue(x, 'attribute'), ev) : undefined);
      return n ?? x.getText(bc.sf);
    });
  }
  if (fields) o.columns = fields;
  const type = (staticString(propertyValue(options, 'type'), ev) ?? '').toLowerCase().replace(/\s+/g, ' ');
  const kinds: Record<string, Operation['kind']> = { 'foreign key': 'addForeignKey', unique: 'addUnique', check: 'addCheck', 'primary key': 'addPrimaryKey' };
  const kind = kinds[type];
  if (!kind) {
    o.kind = 'unknown';
    o.reason = type ? `unrecognised constraint type: ${type}` : 'addConstraint without a static type';
    return o;
  }
  o.kind = kind;
  const n = staticString(propertyValue(options, 'name'), ev);
  if (n !== undefined) o.constraint = n;
  if (fields?.length === 1) o.column = fields[0];
  if (kind === 'addForeignKey') {
    const ref = propertyValue(options, 'references');
    const r = ref && unwrap(ref);
    if (r && ts.isObjectLiteralExpression(r)) {
      const t = tableNameOf(propertyValue(r, 'table') ?? propertyValue(r, 'model'), ev);
      const field = staticString(propertyValue(r, 'field') ?? propertyValue(r, 'key'), ev);
      const fieldsExpr = propertyValue(r, 'fields');
      const fu = fieldsExpr && unwrap(fieldsExpr);
      const cols = field !== undefined ? [field] : fu && ts.isArrayLiteralExpression(fu) ? stringArray(fu, ev) ?? [] : [];
      if (t) {
        o.references = { table: t.table, columns: cols };
        const onDelete = staticString(propertyValue(options, 'onDelete'), ev);
        const onUpdate = staticString(propertyValue(options, 'onUpdate'), ev);
        if (onDelete) o.references.onDelete = onDelete.toUpperCase();
        if (onUpdate) o.references.onUpdate = onUpdate.toUpperCase();
      }
    }
  }
  if (kind === 'addCheck' || kind === 'addUnique') {
    const where = propertyValue(options, 'where');
    if (where) o.expression = where.getText(bc.sf);
  }
  if (options) o.details!.options = propertyNames(options);
  return o;
}

/** A Sequelize where argument restricts rows unless it is absent, null, undefined or `{}`. */
function whereRestricts(expr: ts.Expression | undefined): boolean {
  if (!expr) return false;
  const e = unwrap(expr);
  if (e.kind === ts.SyntaxKind.NullKeyword) return false;
  if (ts.isIdentifier(e) && e.text === 'undefined') return false;
  if (ts.isObjectLiteralExpression(e)) return e.properties.length > 0;
  return true;
}

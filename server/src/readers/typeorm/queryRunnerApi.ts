import ts from 'typescript';
import type { Operation, OperationKind } from '../../model/migration';
import { propertyValue } from '../ts/objectLiteral';
import { apiOperation, problemAt, stripUndefined, type TypeormReadState } from './readState';
import {
  arrayElements, bool, columnName, namedThing, optionsObject, readColumn, str, stringArray, tableRef, type TypeormColumn,
} from './tableOptions';

/** QueryRunner methods that read the schema or manage the connection: never operations. */
export const READ_ONLY_METHODS = new Set([
  'hasTable', 'hasColumn', 'hasDatabase', 'hasSchema', 'getTable', 'getTables', 'getView', 'getViews',
  'getDatabases', 'getSchemas', 'getCurrentDatabase', 'getCurrentSchema', 'getReplicationMode', 'stream',
  'connect', 'release', 'beforeMigration', 'afterMigration', 'enableSqlMemory', 'disableSqlMemory',
  'clearSqlMemory', 'getMemorySql', 'isTransactionActive', 'getTypeormMetadataTableName',
]);

type Args = ts.NodeArray<ts.Expression>;
type Mapper = (state: TypeormReadState, call: ts.CallExpression, method: string, args: Args) => Operation[];

/** Each QueryRunner schema method, as TypeORM 0.3–1.x declares it, mapped to model operations. */
const MAPPERS: Record<string, Mapper> = {
  createTable: createTable,
  dropTable: (s, c, m, a) => [op(s, c, m, 'dropTable', { ...tableRef(s, a[0]), ...ifExists(s, a[1]) })],
  renameTable: (s, c, m, a) => [op(s, c, m, 'renameTable', { ...tableRef(s, a[0]), newName: tableRef(s, a[1]).table })],
  addColumn: (s, c, m, a) => addColumns(s, c, m, a[0], [a[1]]),
  addColumns: (s, c, m, a) => addColumns(s, c, m, a[0], arrayElements(s, a[1]) ?? [a[1]]),
  dropColumn: (s, c, m, a) => [op(s, c, m, 'dropColumn', { ...tableRef(s, a[0]), column: columnName(s, a[1]), ...ifExists(s, a[2]) })],
  dropColumns: (s, c, m, a) => each(a[1], s, (col) => op(s, c, m, 'dropColumn', { ...tableRef(s, a[0]), column: columnName(s, col), ...ifExists(s, a[2]) })),
  renameColumn: (s, c, m, a) => [op(s, c, m, 'renameColumn', { ...tableRef(s, a[0]), column: columnName(s, a[1]), newName: columnName(s, a[2]) })],
  changeColumn: (s, c, m, a) => changeColumn(s, c, m, a[0], a[1], a[2]),
  changeColumns: (s, c, m, a) => (arrayElements(s, a[1]) ?? []).flatMap((pair) => {
    const o = optionsObject(s, pair);
    return changeColumn(s, c, m, a[0], propertyValue(o, 'oldColumn'), propertyValue(o, 'newColumn'));
  }),
  createIndex: (s, c, m, a) => [indexOp(s, c, m, tableRef(s, a[0]), optionsObject(s, a[1]))],
  createIndices: (s, c, m, a) => each(a[1], s, (el) => indexOp(s, c, m, tableRef(s, a[0]), optionsObject(s, el))),
  dropIndex: (s, c, m, a) => [dropNamed(s, c, m, 'dropIndex', a[0], a[1], a[2])],
  dropIndices: (s, c, m, a) => each(a[1], s, (el) => dropNamed(s, c, m, 'dropIndex', a[0], el, a[2])),
  createForeignKey: (s, c, m, a) => [foreignKeyOp(s, c, m, tableRef(s, a[0]), optionsObject(s, a[1]))],
  createForeignKeys: (s, c, m, a) => each(a[1], s, (el) => foreignKeyOp(s, c, m, tableRef(s, a[0]), optionsObject(s, el))),
  dropForeignKey: (s, c, m, a) => [dropNamed(s, c, m, 'dropForeignKey', a[0], a[1], a[2])],
  dropForeignKeys: (s, c, m, a) => each(a[1], s, (el) => dropNamed(s, c, m, 'dropForeignKey', a[0], el, a[2])),
  createPrimaryKey: (s, c, m, a) => [op(s, c, m, 'addPrimaryKey', { ...tableRef(s, a[0]), columns: stringArray(s, a[1]), constraint: str(s, a[2]) })],
  updatePrimaryKeys: (s, c, m, a) => {
    const cols = (arrayElements(s, a[1]) ?? []).map((el) => optionsObject(s, el)).filter((o): o is ts.ObjectLiteralExpression => !!o);
    const primary = cols.filter((o) => bool(s, propertyValue(o, 'isPrimary')) !== false);
    return [op(s, c, m, 'addPrimaryKey', { ...tableRef(s, a[0]), columns: primary.map((o) => str(s, propertyValue(o, 'name')) ?? '?') })];
  },
  dropPrimaryKey: (s, c, m, a) => [op(s, c, m, 'dropConstraint', { ...tableRef(s, a[0]), constraint: str(s, a[1]), ...ifExists(s, a[2]), details: { constraintType: 'primary' } })],
  createUniqueConstraint: (s, c, m, a) => [uniqueOp(s, c, m, tableRef(s, a[0]), optionsObject(s, a[1]))],
  createUniqueConstraints: (s, c, m, a) => each(a[1], s, (el) => uniqueOp(s, c, m, tableRef(s, a[0]), optionsObject(s, el))),
  dropUniqueConstraint: (s, c, m, a) => [dropNamed(s, c, m, 'dropConstraint', a[0], a[1], a[2], 'unique')],
  dropUniqueConstraints: (s, c, m, a) => each(a[1], s, (el) => dropNamed(s, c, m, 'dropConstraint', a[0], el, a[2], 'unique')),
  createCheckConstraint: (s, c, m, a) => [checkOp(s, c, m, tableRef(s, a[0]), optionsObject(s, a[1]))],
  createCheckConstraints: (s, c, m, a) => each(a[1], s, (el) => checkOp(s, c, m, tableRef(s, a[0]), optionsObject(s, el))),
  dropCheckConstraint: (s, c, m, a) => [dropNamed(s, c, m, 'dropConstraint', a[0], a[1], a[2], 'check')],
  dropCheckConstraints: (s, c, m, a) => each(a[1], s, (el) => dropNamed(s, c, m, 'dropConstraint', a[0], el, a[2], 'check')),
  createExclusionConstraint: (s, c, m, a) => [exclusionOp(s, c, m, a[0], a[1])],
  createExclusionConstraints: (s, c, m, a) => each(a[1], s, (el) => exclusionOp(s, c, m, a[0], el)),
  dropExclusionConstraint: (s, c, m, a) => [dropNamed(s, c, m, 'dropConstraint', a[0], a[1], a[2], 'exclusion')],
  dropExclusionConstraints: (s, c, m, a) => each(a[1], s, (el) => dropNamed(s, c, m, 'dropConstraint', a[0], el, a[2], 'exclusion')),
  createView: (s, c, m, a) => {
    const o = optionsObject(s, a[0]);
    const expression = propertyValue(o, 'expression');
    return [op(s, c, m, 'createView', { table: str(s, propertyValue(o, 'name')), expression: expression && (str(s, expression) ?? expression.getText(s.sourceFile)), details: { materialized: bool(s, propertyValue(o, 'materialized')) } })];
  },
  dropView: (s, c, m, a) => [op(s, c, m, 'dropView', { table: namedThing(s, a[0]).name, ...ifExists(s, a[1]) })],
  clearTable: (s, c, m, a) => [op(s, c, m, 'delete', { ...tableRef(s, a[0]), hasWhere: false, statement: 'TRUNCATE', details: { cascade: bool(s, propertyValue(optionsObject(s, a[1]), 'cascade')) } })],
  startTransaction: (s, c, m) => [op(s, c, m, 'transactionControl', { transaction: 'begin' })],
  commitTransaction: (s, c, m) => [op(s, c, m, 'transactionControl', { transaction: 'commit' })],
  rollbackTransaction: (s, c, m) => [op(s, c, m, 'transactionControl', { transaction: 'rollback' })],
  createSchema: (s, c, m, a) => [op(s, c, m, 'rawSql', { schema: str(s, a[0]), statement: 'CREATE SCHEMA', ...ifNotExists(s, a[1]) })],
  dropSchema: (s, c, m, a) => [op(s, c, m, 'rawSql', { schema: str(s, a[0]), statement: 'DROP SCHEMA', ...ifExists(s, a[1]), cascade: bool(s, a[2]) })],
  createDatabase: (s, c, m, a) => [op(s, c, m, 'rawSql', { statement: 'CREATE DATABASE', details: { database: str(s, a[0]) }, ...ifNotExists(s, a[1]) })],
  dropDatabase: (s, c, m, a) => [op(s, c, m, 'rawSql', { statement: 'DROP DATABASE', details: { database: str(s, a[0]) }, ...ifExists(s, a[1]) })],
  changeTableComment: (s, c, m, a) => [op(s, c, m, 'rawSql', { ...tableRef(s, a[0]), statement: 'COMMENT ON TABLE' })],
  clearDatabase: (s, c, m) => [op(s, c, m, 'rawSql', { statement: 'clearDatabase', details: { dropsEverything: true } })],
};

/** TypeORM's MySQL/MariaDB query runner throws on these ("MySql does not support check constraints."). */
const THROWS_ON_MYSQL = /^(create|drop)(Unique|Check|Exclusion)Constraints?$/;

/** Operations for one QueryRunner method call, or undefined when the method is not a known schema method. */
export function queryRunnerApiOperations(state: TypeormReadState, call: ts.CallExpression, method: string): Operation[] | undefined {
  const mapper = Object.prototype.hasOwnProperty.call(MAPPERS, method) ? MAPPERS[method] : undefined;
  if (!mapper) return undefined;
  const ops = mapper(state, call, method, call.arguments);
  if ((state.dialect === 'mysql' || state.dialect === 'mariadb') && THROWS_ON_MYSQL.test(method)) {
    state.problems.push(problemAt(state, call, 'typeorm-unsupported-call', 'warning',
      `TypeORM's MySQL driver throws on ${method}() ("MySql does not support …"); this migration fails when it gets here. ${/Unique/.test(method) ? 'Use createIndex with isUnique: true instead.' : 'Use queryRunner.query() with the SQL instead.'}`));
    for (const o of ops) o.details = { ...o.details, throwsOnDialect: true };
  }
  return ops;
}

function op(s: TypeormReadState, call: ts.CallExpression, method: string, kind: OperationKind, fields: Partial<Operation> = {}): Operation {
  if (fields.details) fields.details = stripUndefined({ ...fields.details });
  return apiOperation(s, call, method, kind, stripUndefined(fields));
}

function each(arrayArg: ts.Expression | undefined, s: TypeormReadState, f: (el: ts.Expression) => Operation): Operation[] {
  return (arrayElements(s, arrayArg) ?? []).map(f);
}

/** The `ifExists` / `ifNotExists` boolean arguments make the call idempotent. */
function ifExists(s: TypeormReadState, arg: ts.Expression | undefined): Partial<Operation> {
  return bool(s, arg) ? { ifExists: true, guarded: true } : {};
}
function ifNotExists(s: TypeormReadState, arg: ts.Expression | undefined): Partial<Operation> {
  return bool(s, arg) ? { ifNotExists: true, guarded: true } : {};
}

function createTable(s: TypeormReadState, call: ts.CallExpression, method: string, a: Args): Operation[] {
  const options = optionsObject(s, a[0]);
  const ref = tableRef(s, a[0]);
  const columns = (arrayElements(s, propertyValue(options, 'columns')) ?? [])
    .map((el) => optionsObject(s, el)).filter((o): o is ts.ObjectLiteralExpression => !!o).map((o) => readColumn(s, o));
  const guard = ifNotExists(s, a[1]);
  const ops: Operation[] = enumTypes(s, call, method, ref.table, columns);
  for (const o of ops) o.details = { ...o.details, inCreateTable: true };
  ops.push(op(s, call, method, 'createTable', {
    ...ref, ...guard, tableColumns: columns.map((c) => c.spec),
    details: { enums: Object.fromEntries(columns.filter((c) => c.enumValues).map((c) => [c.spec.name, c.enumValues])) },
  }));
  const inTable = { ...guard, details: { inCreateTable: true } };
  const withDetails = (o: Operation) => { Object.assign(o, { ...inTable, details: { ...o.details, inCreateTable: true } }); return o; };
  for (const u of arrayElements(s, propertyValue(options, 'uniques')) ?? []) ops.push(withDetails(uniqueOp(s, call, method, ref, optionsObject(s, u))));
  for (const ch of arrayElements(s, propertyValue(options, 'checks')) ?? []) ops.push(withDetails(checkOp(s, call, method, ref, optionsObject(s, ch))));
  // createForeignKeys / createIndices default to true: TypeORM creates them with the table.
  if (bool(s, a[2]) !== false) for (const fk of arrayElements(s, propertyValue(options, 'foreignKeys')) ?? []) ops.push(withDetails(foreignKeyOp(s, call, method, ref, optionsObject(s, fk))));
  if (bool(s, a[3]) !== false) for (const ix of arrayElements(s, propertyValue(options, 'indices')) ?? []) ops.push(withDetails(indexOp(s, call, method, ref, optionsObject(s, ix))));
  return ops;
}

function addColumns(s: TypeormReadState, call: ts.CallExpression, method: string, table: ts.Expression | undefined, columns: (ts.Expression | undefined)[]): Operation[] {
  const ref = tableRef(s, table);
  return columns.flatMap((el) => {
    const o = optionsObject(s, el);
    if (!o) return [op(s, call, method, 'addColumn', { ...ref, column: columnName(s, el) })];
    const col = readColumn(s, o);
    return [...enumTypes(s, call, method, ref.table, [col]), op(s, call, method, 'addColumn', {
      ...ref, column: col.spec.name, columnSpec: col.spec, unique: col.spec.unique,
      details: { implicitNotNull: col.implicitNotNull || undefined, enum: col.enumValues },
    })];
  });
}

/** On PostgreSQL TypeORM creates a type for each `enum` column first: `CREATE TYPE "<table>_<column>_enum" AS ENUM (…)`. */
function enumTypes(s: TypeormReadState, call: ts.CallExpression, method: string, table: string | undefined, columns: TypeormColumn[]): Operation[] {
  if (s.dialect !== 'postgres') return [];
  return columns.filter((c) => c.spec.type === 'enum' && c.enumValues).map((c) => {
    const typeName = c.enumName ?? `${table ?? '?'}_${c.spec.name.toLowerCase()}_enum`;
    c.spec.type = typeName;
    return op(s, call, method, 'createEnum', { table: typeName, enumValues: c.enumValues, details: { forColumn: c.spec.name, implicit: true } });
  });
}

/**
 * changeColumn(table, old, new): TypeORM compares old and new and, when type, length or array-ness
 * differ, DROPS the column and ADDS it again (data loss), instead of ALTER … TYPE.
 */
function changeColumn(s: TypeormReadState, call: ts.CallExpression, method: string, table: ts.Expression | undefined, oldArg: ts.Expression | undefined, newArg: ts.Expression | undefined): Operation[] {
  const ref = tableRef(s, table);
  const oldName = columnName(s, oldArg);
  const oldOptions = optionsObject(s, oldArg);
  const oldCol = oldOptions && readColumn(s, oldOptions);
  const newOptions = optionsObject(s, newArg);
  if (!newOptions) return [op(s, call, method, 'alterColumnType', { ...ref, column: oldName, details: { typeormChangeColumn: true, dropsAndReAdds: 'maybe' } })];
  const col = readColumn(s, newOptions);
  const typeChanged = oldCol?.spec.type !== undefined && col.spec.type !== undefined ? oldCol.spec.type !== col.spec.type : undefined;
  const details = { typeormChangeColumn: true, typeChanged, dropsAndReAdds: typeChanged === undefined ? 'maybe' : typeChanged };
  const ops: Operation[] = [];
  const column = oldName ?? col.spec.name;
  if (typeChanged !== false) ops.push(op(s, call, method, 'alterColumnType', { ...ref, column, columnSpec: col.spec, details }));
  if (oldName && col.spec.name !== '?' && col.spec.name !== oldName) ops.push(op(s, call, method, 'renameColumn', { ...ref, column: oldName, newName: col.spec.name, details }));
  // With the old column known, only real differences count (TypeORM compares too); otherwise what the new column states.
  const nullabilityChanges = oldCol ? oldCol.spec.nullable !== col.spec.nullable : col.stated.has('isNullable');
  if (nullabilityChanges) {
    ops.push(op(s, call, method, col.spec.nullable ? 'dropNotNull' : 'setNotNull', { ...ref, column: col.spec.name, columnSpec: col.spec, details }));
  }
  const defaultChanges = oldCol ? oldCol.spec.default !== col.spec.default : col.stated.has('default');
  if (defaultChanges) {
    ops.push(op(s, call, method, col.spec.default === undefined ? 'dropDefault' : 'setDefault', { ...ref, column: col.spec.name, columnSpec: col.spec, details }));
  }
  return ops;
}

function indexOp(s: TypeormReadState, call: ts.CallExpression, method: string, ref: { table?: string; schema?: string }, o: ts.ObjectLiteralExpression | undefined): Operation {
  const get = (k: string) => propertyValue(o, k);
  const method_ = bool(s, get('isSpatial')) ? 'SPATIAL' : bool(s, get('isFulltext')) ? 'FULLTEXT' : str(s, get('type'));
  return op(s, call, method, 'createIndex', {
    ...ref, index: str(s, get('name')), columns: stringArray(s, get('columnNames')),
    unique: bool(s, get('isUnique')) || undefined, expression: str(s, get('where')),
    concurrently: (bool(s, get('isConcurrent')) && concurrentlyHonoured(s)) || undefined, indexMethod: method_,
  });
}

/** Only TypeORM's PostgreSQL driver turns `isConcurrent` into CONCURRENTLY; MySQL's ignores it. */
function concurrentlyHonoured(s: TypeormReadState): boolean {
  return s.dialect !== 'mysql' && s.dialect !== 'mariadb';
}

function foreignKeyOp(s: TypeormReadState, call: ts.CallExpression, method: string, ref: { table?: string; schema?: string }, o: ts.ObjectLiteralExpression | undefined): Operation {
  const get = (k: string) => propertyValue(o, k);
  const target = tableRef(s, get('referencedTableName'));
  return op(s, call, method, 'addForeignKey', {
    ...ref, constraint: str(s, get('name')), columns: stringArray(s, get('columnNames')),
    references: target.table ? stripUndefined({
      table: target.table, columns: stringArray(s, get('referencedColumnNames')) ?? [],
      onDelete: str(s, get('onDelete'))?.toUpperCase(), onUpdate: str(s, get('onUpdate'))?.toUpperCase(),
    }) : undefined,
  });
}

function uniqueOp(s: TypeormReadState, call: ts.CallExpression, method: string, ref: { table?: string; schema?: string }, o: ts.ObjectLiteralExpression | undefined): Operation {
  return op(s, call, method, 'addUnique', { ...ref, constraint: str(s, propertyValue(o, 'name')), columns: stringArray(s, propertyValue(o, 'columnNames')), unique: true });
}

function checkOp(s: TypeormReadState, call: ts.CallExpression, method: string, ref: { table?: string; schema?: string }, o: ts.ObjectLiteralExpression | undefined): Operation {
  return op(s, call, method, 'addCheck', { ...ref, constraint: str(s, propertyValue(o, 'name')), expression: str(s, propertyValue(o, 'expression')) });
}

function exclusionOp(s: TypeormReadState, call: ts.CallExpression, method: string, table: ts.Expression | undefined, el: ts.Expression | undefined): Operation {
  const o = optionsObject(s, el);
  return op(s, call, method, 'rawSql', { ...tableRef(s, table), statement: 'ADD CONSTRAINT EXCLUDE', constraint: str(s, propertyValue(o, 'name')), expression: str(s, propertyValue(o, 'expression')) });
}

/** dropIndex / dropForeignKey / drop…Constraint take the object or its name. */
function dropNamed(s: TypeormReadState, call: ts.CallExpression, method: string, kind: OperationKind, table: ts.Expression | undefined, thing: ts.Expression | undefined, ifExistsArg: ts.Expression | undefined, constraintType?: string): Operation {
  const { name, options } = namedThing(s, thing);
  const fields: Partial<Operation> = { ...tableRef(s, table), ...ifExists(s, ifExistsArg) };
  if (kind === 'dropIndex') {
    fields.index = name;
    if (bool(s, propertyValue(options, 'isConcurrent')) && concurrentlyHonoured(s)) fields.concurrently = true;
  } else fields.constraint = name;
  const columns = stringArray(s, propertyValue(options, 'columnNames'));
  if (columns) fields.columns = columns;
  if (constraintType) fields.details = { constraintType };
  return op(s, call, method, kind, fields);
}

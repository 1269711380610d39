// n8n's migration DSL, handed to `up({ schemaBuilder: { addColumns, column } })`: each builder call
// is one QueryRunner call underneath (createTable, addColumns, dropColumns, createIndex, …).
import ts from 'typescript';
import type { ColumnSpec, Operation, OperationKind } from '../../model/migration';
import { unwrap } from '../ts/objectLiteral';
import { apiOperation, stripUndefined, type TypeormReadState } from './readState';
import { str, stringArray, arrayElements, bool } from './tableOptions';

/** The DSL's functions and the operation each one performs. */
const DSL_OPERATIONS: Record<string, OperationKind> = {
  createTable: 'createTable', dropTable: 'dropTable', addColumns: 'addColumn', dropColumns: 'dropColumn',
  createIndex: 'createIndex', dropIndex: 'dropIndex', addNotNull: 'setNotNull', dropNotNull: 'dropNotNull',
  addForeignKey: 'addForeignKey', dropForeignKey: 'dropForeignKey',
};

/**
 * Operations of `createTable('x').withColumns(…)` / `addColumns('t', [column('c').int])` / … where the
 * chain's first call is a DSL function of this method's context (`dsl(name)` says which, or undefined).
 */
export function schemaBuilderOperations(state: TypeormReadState, chain: ts.CallExpression[], dsl: (call: ts.CallExpression) => string | undefined): Operation[] | undefined {
  const first = chain[0];
  const fn = dsl(first);
  if (!fn || fn === 'column') return undefined;
  const outer = chain[chain.length - 1];
  const kind = DSL_OPERATIONS[fn];
  const a = first.arguments;
  const table = str(state, a[0]);
  const op = (k: OperationKind, fields: Partial<Operation> = {}) => apiOperation(state, outer, fn, k, stripUndefined({ table, ...fields, details: { n8nSchemaBuilder: true, ...fields.details } }));
  if (!kind) return [apiOperation(state, outer, fn, 'unknown', { reason: `n8n schemaBuilder.${fn} is not modelled` })];
  switch (fn) {
    case 'createTable': {
      const columns: ColumnSpec[] = [];
      const after: Operation[] = [];
      // `.withTimestamps` is a getter: it follows the last call as a plain property access.
      const getters: string[] = [];
      for (let p: ts.Node = outer; ts.isPropertyAccessExpression(p.parent) && p.parent.expression === p; p = p.parent) getters.push(p.parent.name.text);
      for (const link of chain.slice(1)) {
        const name = (unwrap(link.expression) as ts.PropertyAccessExpression).name.text;
        if (name === 'withColumns') for (const c of link.arguments) { const spec = columnSpec(state, c); if (spec) columns.push(spec); }
        else if (name === 'withIndexOn') {
          const one = str(state, link.arguments[0]);
          after.push(op('createIndex', { columns: stringArray(state, link.arguments[0]) ?? (one ? [one] : undefined), unique: bool(state, link.arguments[1]) || undefined }));
        }
        else if (name === 'withForeignKey') {
          const target = link.arguments[1] && unwrap(link.arguments[1]);
          const props = target && ts.isObjectLiteralExpression(target) ? new Map(target.properties.filter(ts.isPropertyAssignment).map((p) => [p.name.getText(state.sourceFile), p.initializer])) : new Map<string, ts.Expression>();
          const refTable = str(state, props.get('tableName'));
          const column = str(state, link.arguments[0]);
          after.push(op('addForeignKey', { column, columns: column ? [column] : undefined, references: refTable ? { table: refTable, columns: [str(state, props.get('columnName')) ?? 'id'] } : undefined, details: { inCreateTable: true } }));
        }
      }
      if (getters.includes('withTimestamps')) columns.push({ name: 'createdAt', type: 'timestamp', nullable: false }, { name: 'updatedAt', type: 'timestamp', nullable: false });
      const created = op('createTable', { tableColumns: columns });
      for (const fk of after) fk.guarded = created.guarded;
      return [created, ...after];
    }
    case 'addColumns':
      return (arrayElements(state, a[1]) ?? []).map((c) => columnSpec(state, c)).filter((s): s is ColumnSpec => !!s)
        .map((spec) => op('addColumn', { column: spec.name, columnSpec: spec }));
    case 'dropColumns':
      return (stringArray(state, a[1]) ?? []).map((column) => op('dropColumn', { column }));
    case 'createIndex':
      return [op('createIndex', { columns: stringArray(state, a[1]), unique: bool(state, a[2]) || undefined, index: str(state, a[3]) })];
    case 'dropIndex':
      return [op('dropIndex', { columns: stringArray(state, a[1]), index: str(state, a[2]) })];
    case 'addNotNull': case 'dropNotNull': {
      const column = str(state, a[1]);
      return [op(kind, { column, columns: column ? [column] : undefined })];
    }
    default:
      return [op(kind)];
  }
}

const TYPES: Record<string, string> = { int: 'int', bool: 'boolean', text: 'text', json: 'json', uuid: 'uuid', varchar: 'varchar', timestamp: 'timestamp' };

/** `column('name').varchar(255).notNull.default('x')` → its spec; undefined when it is not such a chain. */
function columnSpec(state: TypeormReadState, expr: ts.Expression): ColumnSpec | undefined {
  const links: { name: string; args: readonly ts.Expression[] }[] = [];
  let e = unwrap(expr);
  for (;;) {
    if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(unwrap(e.expression))) {
      links.unshift({ name: (unwrap(e.expression) as ts.PropertyAccessExpression).name.text, args: e.arguments });
      e = unwrap((unwrap(e.expression) as ts.PropertyAccessExpression).expression);
    } else if (ts.isPropertyAccessExpression(e)) {
      links.unshift({ name: e.name.text, args: [] });
      e = unwrap(e.expression);
    } else break;
  }
  if (!ts.isCallExpression(e) || !ts.isIdentifier(unwrap(e.expression))) return undefined;
  const name = str(state, e.arguments[0]);
  if (!name) return undefined;
  const spec: ColumnSpec = { name };
  for (const l of links) {
    if (TYPES[l.name]) {
      const size = l.args[0] && str(state, l.args[0]);
      spec.type = TYPES[l.name] + (l.name === 'varchar' && size ? `(${size})` : '');
    } else if (l.name === 'notNull') spec.nullable = false;
    else if (l.name === 'primary' || l.name === 'primaryWithName') { spec.primary = true; spec.nullable = false; }
    else if (l.name === 'autoGenerate') spec.autoIncrement = true;
    else if (l.name === 'default' && l.args[0]) spec.default = l.args[0].getText(state.sourceFile);
  }
  return spec;
}

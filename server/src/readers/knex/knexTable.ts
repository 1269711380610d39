// The callback of `knex.schema.createTable('t', (table) => {…})` / `alterTable` / `table`: each
// `table.<builder>(…)` chain becomes columns of the new table or operations on the existing one.
import ts from 'typescript';
import type { ColumnSpec, Operation } from '../../model/migration';
import { snippet } from '../../model/text';
import { staticString } from '../ts/evaluateString';
import { unwrap } from '../ts/objectLiteral';
import { type ChainLink, isOutermostCall, splitChain } from './knexChains';
import { COLUMN_BUILDERS, knexColumnType, type KnexColumnArgs } from './knexColumnTypes';
import { type KnexBody, knexOp, literalArg, stringList } from './knexBody';

/** Table-level calls that change nothing a migration linter models (comments, storage options). */
const TABLE_NOOPS = new Set(['comment', 'engine', 'charset', 'collate', 'inherits', 'queryContext']);

export interface TableTarget { table: string; schema?: string; creating: boolean }

/** Reads a table callback; for createTable, fills `create.tableColumns` and returns the extra operations (indexes, keys). */
export function readTableCallback(cb: ts.FunctionLikeDeclaration, target: TableTarget, b: KnexBody, create?: Operation): Operation[] {
  const param = cb.parameters[0]?.name;
  if (!cb.body || !param || !ts.isIdentifier(param)) return [];
  const tableName = param.text;
  const aliases = boundBuilders(cb.body, tableName);
  const out: Operation[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isOutermostCall(node)) {
      const chain = splitChain(node);
      const root = unwrap(chain.root);
      let links = chain.links;
      if (ts.isCallExpression(root) && ts.isIdentifier(unwrap(root.expression)) && aliases.has((unwrap(root.expression) as ts.Identifier).text)) {
        const method = aliases.get((unwrap(root.expression) as ts.Identifier).text)!;
        links = [{ name: method, args: root.arguments, call: root, nameNode: root.expression }, ...links];
      } else if (!(ts.isIdentifier(root) && root.text === tableName)) {
        ts.forEachChild(node, visit);
        return;
      }
      if (links.length) out.push(...readTableChain(node, links, target, b, create));
    }
    ts.forEachChild(node, visit);
  };
  visit(cb.body);
  return out;
}

/** `const textColumn = isMySQL ? table.string.bind(table) : table.text.bind(table)` → textColumn is a column builder. */
function boundBuilders(body: ts.Node, tableName: string): Map<string, string> {
  const map = new Map<string, string>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const m = /\b(\w+)\s*\.\s*(\w+)\s*\.\s*bind\s*\(/.exec(node.initializer.getText());
      if (m && m[1] === tableName && COLUMN_BUILDERS.has(m[2])) map.set(node.name.text, m[2]);
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return map;
}

function readTableChain(outer: ts.CallExpression, links: ChainLink[], target: TableTarget, b: KnexBody, create?: Operation): Operation[] {
  const [head, ...modifiers] = links;
  const method = head.name;
  const op = (kind: Operation['kind']): Operation => {
    const o = knexOp(kind, outer, b, `table.${method}`);
    o.table = target.table;
    if (target.schema) o.schema = target.schema;
    return o;
  };
  const name = (i: number) => staticString(head.args[i], b.ev);
  const list = (i: number) => stringList(head.args[i], b);
  const indexName = (suffix: string, columns: string[]) => `${target.table}_${columns.join('_')}_${suffix}`.toLowerCase().replace(/[.-]/g, '_');

  if (COLUMN_BUILDERS.has(method)) return readColumnChain(head, modifiers, target, b, create, op, indexName);
  if (TABLE_NOOPS.has(method)) return [];
  switch (method) {
    case 'timestamps': {
      const [useTimestamps, defaultToNow, camel] = [0, 1, 2].map((i) => literalArg(head.args[i], b) === true);
      const names = camel ? ['createdAt', 'updatedAt'] : ['created_at', 'updated_at'];
      const type = knexColumnType(useTimestamps ? 'timestamp' : 'datetime', { args: [] }, b.dialect)!.type;
      const specs: ColumnSpec[] = names.map((n) => ({ name: n, type, ...(defaultToNow ? { nullable: false, default: 'CURRENT_TIMESTAMP' } : { nullable: true }) }));
      if (create) { create.tableColumns!.push(...specs); return []; }
      return specs.map((s) => Object.assign(op('addColumn'), { column: s.name, columnSpec: s }));
    }
    case 'dropTimestamps': {
      const camel = literalArg(head.args[0], b) === true;
      return (camel ? ['createdAt', 'updatedAt'] : ['created_at', 'updated_at']).map((c) => Object.assign(op('dropColumn'), { column: c }));
    }
    case 'dropColumn': case 'dropColumns': {
      const cols = head.args.flatMap((_, i) => list(i) ?? []);
      if (!cols.length) return [unreadable(op('dropColumn'), 'column name is computed')];
      return cols.map((c) => Object.assign(op('dropColumn'), { column: c }));
    }
    case 'renameColumn': {
      const o = op('renameColumn');
      const from = name(0);
      const to = name(1);
      if (from) o.column = from;
      if (to) o.newName = to;
      return [o];
    }
    case 'index': case 'unique': {
      const columns = list(0) ?? [];
      const options = objectLiteralArgs(head.args, b);
      const explicitName = typeof literalArg(head.args[1], b) === 'string' ? literalArg(head.args[1], b) as string : typeof options.indexName === 'string' ? options.indexName : undefined;
      // PostgreSQL: table.unique() adds a UNIQUE constraint unless `useConstraint: false` asks for a unique index.
      const asIndex = method === 'index' || options.useConstraint === false;
      if (!asIndex) {
        const o = op('addUnique');
        o.columns = columns;
        o.constraint = explicitName ?? indexName('unique', columns);
        if (create) o.details = { ...o.details, inCreateTable: true };
        return [o];
      }
      const o = op('createIndex');
      o.columns = columns;
      o.index = explicitName ?? indexName(method === 'unique' ? 'unique' : 'index', columns);
      if (method === 'unique') o.unique = true;
      if (typeof options.indexType === 'string') o.indexMethod = options.indexType.toLowerCase();
      const predicate = predicateText(head.args, b);
      if (predicate) o.expression = predicate;
      return [o];
    }
    case 'primary': {
      const columns = list(0) ?? [];
      if (create) {
        for (const c of create.tableColumns ?? []) if (columns.includes(c.name)) { c.primary = true; c.nullable = false; }
        return [];
      }
      const o = op('addPrimaryKey');
      o.columns = columns;
      const options = objectLiteralArgs(head.args, b);
      const explicit = typeof literalArg(head.args[1], b) === 'string' ? literalArg(head.args[1], b) as string : typeof options.constraintName === 'string' ? options.constraintName : undefined;
      o.constraint = explicit ?? `${target.table}_pkey`;
      return [o];
    }
    case 'foreign': {
      const columns = list(0) ?? [];
      const o = op('addForeignKey');
      o.columns = columns;
      if (columns.length === 1) o.column = columns[0];
      const explicit = name(1);
      o.constraint = explicit ?? indexName('foreign', columns);
      const ref = readReference(modifiers, b);
      if (ref) o.references = ref;
      if (create) o.details = { ...o.details, inCreateTable: true };
      return [o];
    }
    case 'dropIndex': case 'dropUnique': case 'dropForeign': case 'dropPrimary': {
      const columns = method === 'dropPrimary' ? [] : list(0) ?? [];
      const explicit = name(method === 'dropPrimary' ? 0 : 1);
      if (method === 'dropIndex') {
        const o = op('dropIndex');
        o.columns = columns;
        o.index = explicit ?? indexName('index', columns);
        return [o];
      }
      const o = op(method === 'dropForeign' ? 'dropForeignKey' : 'dropConstraint');
      if (columns.length) o.columns = columns;
      o.constraint = explicit ?? (method === 'dropPrimary' ? `${target.table}_pkey` : indexName(method === 'dropUnique' ? 'unique' : 'foreign', columns));
      return [o];
    }
    case 'setNullable': case 'dropNullable': {
      const o = op(method === 'setNullable' ? 'dropNotNull' : 'setNotNull');
      const c = name(0);
      if (c) o.column = c;
      return [o];
    }
    case 'check': {
      const o = op('addCheck');
      const expr = staticString(head.args[0], b.ev);
      if (expr) o.expression = expr;
      const constraint = name(2);
      if (constraint) o.constraint = constraint;
      return [o];
    }
    case 'dropChecks': {
      const names = list(0) ?? [];
      return names.map((n) => Object.assign(op('dropConstraint'), { constraint: n }));
    }
    default:
      return [unreadable(op('unknown'), `table.${method}() is not a Knex table builder method Safe Migrations models`)];
  }
}

function readColumnChain(head: ChainLink, modifiers: ChainLink[], target: TableTarget, b: KnexBody, create: Operation | undefined,
  op: (kind: Operation['kind']) => Operation, indexName: (suffix: string, columns: string[]) => string): Operation[] {
  const column = staticString(head.args[0], b.ev);
  // `table.increments()` without a name makes `id`.
  const colName = column ?? (head.name === 'increments' || head.name === 'bigIncrements' ? (head.args.length === 0 || isObjectArg(head.args[0]) ? 'id' : undefined) : undefined);
  if (!colName) return [unreadable(op('unknown'), `the column name of table.${head.name}() is computed`)];
  const typeArgs: KnexColumnArgs = { args: head.args.slice(colName === 'id' && !column ? 0 : 1).map((a) => literalArg(a, b)) };
  const spec: ColumnSpec = { name: colName, ...knexColumnType(head.name, typeArgs, b.dialect) };
  let alter = false;
  let index: { name?: string } | undefined;
  let unique: string | undefined | true;
  for (const m of modifiers) {
    switch (m.name) {
      case 'notNullable': case 'notNull': spec.nullable = false; break;
      case 'nullable': spec.nullable = true; break;
      case 'defaultTo': case 'defaultsTo': if (m.args[0]) spec.default = defaultText(m.args[0], b); break;
      case 'primary': spec.primary = true; spec.nullable = false; break;
      case 'unique': unique = typeof literalArg(m.args[0], b) === 'string' ? literalArg(m.args[0], b) as string : (objectLiteralArgs(m.args, b).indexName as string | undefined) ?? true; break;
      case 'index': index = { name: typeof literalArg(m.args[0], b) === 'string' ? literalArg(m.args[0], b) as string : undefined }; break;
      case 'unsigned': if (spec.type && (b.dialect === 'mysql' || b.dialect === 'mariadb') && !/unsigned/.test(spec.type)) spec.type += ' unsigned'; break;
      case 'alter': alter = true; break;
      default: break;
    }
  }
  const ref = readReference(modifiers, b);
  const out: Operation[] = [];
  if (create && !alter) {
    if (unique) spec.unique = true;
    create.tableColumns!.push(spec);
  } else if (alter) {
    const t = Object.assign(op('alterColumnType'), { column: colName, columnSpec: spec });
    out.push(t);
    if (spec.nullable === false) out.push(Object.assign(op('setNotNull'), { column: colName }));
    if (spec.default !== undefined) out.push(Object.assign(op('setDefault'), { column: colName, columnSpec: { name: colName, default: spec.default } }));
  } else {
    out.push(Object.assign(op('addColumn'), { column: colName, columnSpec: spec }));
  }
  if (unique && (!create || alter)) {
    out.push(Object.assign(op('addUnique'), { columns: [colName], constraint: typeof unique === 'string' ? unique : indexName('unique', [colName]) }));
  }
  if (index) out.push(Object.assign(op('createIndex'), { columns: [colName], index: index.name ?? indexName('index', [colName]) }));
  if (ref) {
    const fk = Object.assign(op('addForeignKey'), { column: colName, columns: [colName], references: ref, constraint: indexName('foreign', [colName]) });
    if (create) fk.details = { ...fk.details, inCreateTable: true };
    out.push(fk);
    if (create) spec.references = { table: ref.table, columns: ref.columns };
  }
  return out;
}

/** `.references('id').inTable('users')`, `.references('users.id')`, `.onDelete('CASCADE')`. */
function readReference(links: ChainLink[], b: KnexBody): Operation['references'] | undefined {
  let table: string | undefined;
  let columns: string[] | undefined;
  let onDelete: string | undefined;
  let onUpdate: string | undefined;
  for (const l of links) {
    const v = staticString(l.args[0], b.ev);
    if (l.name === 'references') {
      const list = stringList(l.args[0], b);
      if (v && v.includes('.') && !table) { const dot = v.lastIndexOf('.'); table = v.slice(0, dot); columns = [v.slice(dot + 1)]; } else columns = list;
    } else if (l.name === 'inTable' && v) table = v;
    else if (l.name === 'onDelete' && v) onDelete = v.toUpperCase();
    else if (l.name === 'onUpdate' && v) onUpdate = v.toUpperCase();
  }
  if (!links.some((l) => l.name === 'references')) return undefined;
  return { table: table ?? '?', columns: columns ?? [], ...(onDelete ? { onDelete } : {}), ...(onUpdate ? { onUpdate } : {}) };
}

/** `defaultTo('x')` → `'x'`, `defaultTo(0)` → `0`, `knex.fn.now()` → `CURRENT_TIMESTAMP`, `knex.raw('now()')` → `now()`. */
function defaultText(arg: ts.Expression, b: KnexBody): string {
  const e = unwrap(arg);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return `'${e.text.replace(/'/g, "''")}'`;
  const text = e.getText(b.sf);
  if (/\.fn\s*\.\s*now\s*\(/.test(text)) return 'CURRENT_TIMESTAMP';
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'raw') {
    const raw = staticString(e.arguments[0], b.ev);
    if (raw !== undefined) return raw;
  }
  return snippet(text, 80);
}

/** `table.index(cols, name, { predicate: knex.whereNotNull('x') })`: the partial index condition, as written. */
function predicateText(args: readonly ts.Expression[], b: KnexBody): string | undefined {
  for (const a of args) {
    const o = unwrap(a);
    if (!ts.isObjectLiteralExpression(o)) continue;
    for (const p of o.properties) if (ts.isPropertyAssignment(p) && p.name.getText(b.sf) === 'predicate') return snippet(p.initializer.getText(b.sf), 120);
  }
  return undefined;
}

function objectLiteralArgs(args: readonly ts.Expression[], b: KnexBody): Record<string, unknown> {
  for (const a of args) {
    const v = literalArg(a, b);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  }
  return {};
}

function isObjectArg(a: ts.Expression): boolean { return ts.isObjectLiteralExpression(unwrap(a)); }

function unreadable(o: Operation, reason: string): Operation {
  o.kind = 'unknown';
  o.reason = reason;
  return o;
}

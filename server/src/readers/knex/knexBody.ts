// One Knex `up`/`down` body → operations: schema builder chains (`knex.schema.createTable(…)`),
// raw SQL (`knex.raw`, `knex.schema.raw`) and query-builder writes (`knex('t').update(…)`).
import ts from 'typescript';
import type { Dialect, Operation, Problem } from '../../model/migration';
import { snippet, type LineIndex } from '../../model/text';
import { SQL_START } from '../ts/callContext';
import { evaluateString, staticString, type EvaluateContext } from '../ts/evaluateString';
import { unwrap } from '../ts/objectLiteral';
import { readSqlArgument } from '../ts/sqlArgument';
import { staticStringList } from '../ts/staticStringList';
import { type Chain, type ChainLink, guardedByProbe, isOutermostCall, splitChain } from './knexChains';
import { readTableCallback } from './knexTable';

export interface KnexBody {
  sf: ts.SourceFile;
  lines: LineIndex;
  dialect: Dialect;
  ev: EvaluateContext;
  /** The up/down function being read. */
  fn: ts.Node;
  /** Names the Knex instance goes by (the parameter, transaction callbacks' `trx`). */
  knexNames: Set<string>;
  problems: Problem[];
  learnedDialect?: Dialect;
}

/** Schema builder methods that only read. */
const SCHEMA_READS = new Set(['hasTable', 'hasColumn', 'then', 'catch', 'finally', 'withSchema', 'toString', 'toSQL', 'generateDdlCommands', 'debug', 'connection', 'transacting', 'queryContext']);
/** Schema builder methods that send one statement this model keeps as rawSql, by the statement. */
const OTHER_STATEMENTS: Record<string, string> = {
  createSchema: 'CREATE SCHEMA', createSchemaIfNotExists: 'CREATE SCHEMA', dropSchema: 'DROP SCHEMA', dropSchemaIfExists: 'DROP SCHEMA',
  createExtension: 'CREATE EXTENSION', createExtensionIfNotExists: 'CREATE EXTENSION', dropExtension: 'DROP EXTENSION', dropExtensionIfExists: 'DROP EXTENSION',
  refreshMaterializedView: 'REFRESH MATERIALIZED VIEW',
};
/** Query-builder calls that write data. */
const WRITES: Record<string, Operation['kind']> = { insert: 'insert', update: 'update', del: 'delete', delete: 'delete', upsert: 'insert' };

export function readKnexBody(body: ts.Node, b: KnexBody): Operation[] {
  collectTransactionNames(body, b);
  const out: Operation[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isOutermostCall(node)) out.push(...readChain(node, b));
    ts.forEachChild(node, visit);
  };
  visit(body);
  for (const o of out) if (!o.guarded && guardedByProbe(nodeAt(o, b) ?? b.fn, b.fn, b.sf)) { o.guarded = true; o.details = { ...o.details, guardedBy: 'hasTable/hasColumn' }; }
  // Chains nest (a table callback inside createTable): source order is the order Knex sends them.
  return out.map((o, i) => ({ o, i })).sort((x, y) => x.o.offset.start - y.o.offset.start || x.i - y.i).map((x) => x.o);
}

/** The innermost node that holds the operation's range. */
function nodeAt(o: Operation, b: KnexBody): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (n: ts.Node): void => {
    if (n.getStart(b.sf) > o.offset.start || n.getEnd() < o.offset.end) return;
    found = n;
    ts.forEachChild(n, visit);
  };
  visit(b.fn);
  return found;
}

/** `knex.transaction(async (trx) => …)`: trx is a Knex instance too. */
function collectTransactionNames(body: ts.Node, b: KnexBody): void {
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'transaction' && isKnex(node.expression.expression, b)) {
      for (const a of node.arguments) {
        const f = unwrap(a);
        if ((ts.isArrowFunction(f) || ts.isFunctionExpression(f)) && f.parameters[0] && ts.isIdentifier(f.parameters[0].name)) b.knexNames.add(f.parameters[0].name.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
}

function isKnex(e: ts.Expression, b: KnexBody): boolean {
  const u = unwrap(e);
  return ts.isIdentifier(u) && b.knexNames.has(u.text);
}

function isSchemaRoot(e: ts.Expression, b: KnexBody): boolean {
  const u = unwrap(e);
  return ts.isPropertyAccessExpression(u) && u.name.text === 'schema' && isKnex(u.expression, b);
}

function readChain(call: ts.CallExpression, b: KnexBody): Operation[] {
  const chain = splitChain(call);
  if (isSchemaRoot(chain.root, b)) return readSchemaChain(chain, b);
  const root = unwrap(chain.root);
  // knex('t').update(…), knex.insert(…).into('t'), knex.raw(…)
  if (ts.isCallExpression(root) && isKnex(root.expression, b)) return readQueryChain(call, chain, staticString(root.arguments[0], b.ev), b);
  if (isKnex(root, b) && chain.links.length) {
    const first = chain.links[0];
    if (first.name === 'raw') return readRaw(first, call, b, false);
    if (first.name === 'schema') return [];
    return readQueryChain(call, chain, undefined, b);
  }
  return [];
}

function readSchemaChain(chain: Chain, b: KnexBody): Operation[] {
  const out: Operation[] = [];
  let schema: string | undefined;
  for (const link of chain.links) {
    if (link.name === 'withSchema') { schema = staticString(link.args[0], b.ev); continue; }
    if (SCHEMA_READS.has(link.name)) continue;
    out.push(...readSchemaLink(link, schema, b));
  }
  return out;
}

function readSchemaLink(link: ChainLink, schema: string | undefined, b: KnexBody): Operation[] {
  const method = link.name;
  const label = `knex.schema.${method}`;
  const op = (kind: Operation['kind']): Operation => {
    const o = linkOp(kind, link, b, label);
    const t = staticString(link.args[0], b.ev);
    if (t) { o.table = t; if (schema) o.schema = schema; } else if (link.args[0]) o.details!.tableExpression = snippet(link.args[0].getText(b.sf), 80);
    return o;
  };
  const callback = (i: number): ts.FunctionLikeDeclaration | undefined => {
    const a = link.args[i] && unwrap(link.args[i]);
    return a && (ts.isArrowFunction(a) || ts.isFunctionExpression(a)) ? a : undefined;
  };
  switch (method) {
    case 'createTable': case 'createTableIfNotExists': case 'createTableLike': {
      const o = op('createTable');
      o.tableColumns = [];
      if (method === 'createTableIfNotExists') { o.ifNotExists = true; o.guarded = true; }
      const cb = callback(method === 'createTableLike' ? 2 : 1);
      if (method === 'createTableLike') o.details!.like = staticString(link.args[1], b.ev);
      if (!o.table) return [unknownOp(o, 'the table name is computed')];
      const extra = cb ? readTableCallback(cb, { table: o.table, schema, creating: true }, b, o) : [];
      for (const e of extra) if (o.guarded) e.guarded = true;
      return [o, ...extra];
    }
    case 'alterTable': case 'table': {
      const o = op('unknown');
      const cb = callback(1);
      if (!o.table) return [unknownOp(o, 'the table name is computed')];
      if (!cb) return [unknownOp(o, `${label}() without a callback Safe Migrations can read`)];
      return readTableCallback(cb, { table: o.table, schema, creating: false }, b);
    }
    case 'dropTable': case 'dropTableIfExists': {
      const o = op('dropTable');
      if (method === 'dropTableIfExists') { o.ifExists = true; o.guarded = true; }
      return [o];
    }
    case 'renameTable': {
      const o = op('renameTable');
      const to = staticString(link.args[1], b.ev);
      if (to) o.newName = to;
      return [o];
    }
    case 'createView': case 'createViewOrReplace': case 'createMaterializedView': case 'dropView': case 'dropViewIfExists': case 'dropMaterializedView': case 'dropMaterializedViewIfExists': {
      const o = op(method.startsWith('create') ? 'createView' : 'dropView');
      if (/IfExists$/.test(method)) { o.ifExists = true; o.guarded = true; }
      if (/Materialized/.test(method)) o.details!.materialized = true;
      return [o];
    }
    case 'raw':
      return readRaw(link, link.call, b, true);
    default: {
      const statement = OTHER_STATEMENTS[method];
      if (statement) {
        const o = op('rawSql');
        o.statement = statement;
        delete o.table;
        if (/IfNotExists$|IfExists$/.test(method)) o.guarded = true;
        return [o];
      }
      return [unknownOp(op('unknown'), `${label}() is not a Knex schema method Safe Migrations models`)];
    }
  }
}

/** `knex.raw(sql)` / `knex.schema.raw(sql)`: a statement. `knex.raw` inside a query (`.where(knex.raw('LENGTH(??) < 15'))`) is not. */
function readRaw(link: ChainLink, outer: ts.CallExpression, b: KnexBody, alwaysStatement: boolean): Operation[] {
  const arg = link.args[0];
  if (!arg) return [];
  const label = alwaysStatement ? 'knex.schema.raw' : 'knex.raw';
  if (!alwaysStatement) {
    const text = evaluateString(arg, b.ev)?.text;
    if (text !== undefined ? !SQL_START.test(text) : !atStatementPosition(outer)) return [];
  }
  const result = readSqlArgument(arg, label, { ev: b.ev, lines: b.lines, dialect: b.dialect, problems: b.problems });
  if (result.learnedDialect) { b.learnedDialect ??= result.learnedDialect; b.dialect = result.learnedDialect; }
  if (result.operations) return result.operations;
  const o = linkOp('unknown', link, b, label);
  o.via = 'sql';
  o.reason = `dynamic SQL: ${snippet(arg.getText(b.sf), 80)}`;
  return [o];
}

/** The call's value is what the function awaits or returns (not an argument of another call). */
function atStatementPosition(call: ts.CallExpression): boolean {
  let n: ts.Node = call;
  while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isAwaitExpression(n.parent))) n = n.parent;
  const p = n.parent;
  return !!p && (ts.isExpressionStatement(p) || ts.isReturnStatement(p) || ts.isArrowFunction(p) || ts.isArrayLiteralExpression(p));
}

/** `knex('t').where(…).update(…)`: a data write, with or without a WHERE. Reads (select, first, pluck) are not operations. */
function readQueryChain(outer: ts.CallExpression, chain: Chain, rootTable: string | undefined, b: KnexBody): Operation[] {
  const write = chain.links.find((l) => WRITES[l.name] || l.name === 'truncate');
  if (!write) return [];
  let table = rootTable;
  for (const l of chain.links) if (!table && (l.name === 'into' || l.name === 'table' || l.name === 'from')) table = staticString(l.args[0], b.ev);
  const label = `knex.${write.name}`;
  if (write.name === 'truncate') {
    const o = knexOp('rawSql', outer, b, label);
    o.statement = 'TRUNCATE';
    if (table) o.table = table;
    return [o];
  }
  const o = knexOp(WRITES[write.name], outer, b, label);
  if (table) o.table = table;
  if (o.kind !== 'insert') o.hasWhere = chain.links.some((l) => /^(?:or|and)?where/i.test(l.name));
  return [o];
}

/** An operation whose range is the whole chain node (a table builder call, a query). */
export function knexOp(kind: Operation['kind'], node: ts.Node, b: KnexBody, call: string): Operation {
  const start = node.getStart(b.sf);
  const end = node.getEnd();
  return { kind, guarded: false, range: b.lines.range(start, end), offset: { start, end }, via: 'api', text: snippet(node.getText(b.sf)), details: { call } };
}

/** An operation on one link of a schema chain: from the method name to the end of its call. */
function linkOp(kind: Operation['kind'], link: ChainLink, b: KnexBody, call: string): Operation {
  const start = link.nameNode.getStart(b.sf);
  const end = link.call.getEnd();
  return { kind, guarded: false, range: b.lines.range(start, end), offset: { start, end }, via: 'api', text: snippet(b.sf.text.slice(start, end)), details: { call } };
}

function unknownOp(o: Operation, reason: string): Operation {
  o.kind = 'unknown';
  o.reason = reason;
  return o;
}

/** A literal argument: string, number, boolean, string array, or an object of such (nested one level). */
export function literalArg(arg: ts.Expression | undefined, b: KnexBody): string | number | boolean | string[] | Record<string, unknown> | undefined {
  if (!arg) return undefined;
  const e = unwrap(arg);
  if (ts.isNumericLiteral(e)) return Number(e.text);
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (e.kind === ts.SyntaxKind.NullKeyword) return undefined;
  const s = staticString(e, b.ev);
  if (s !== undefined) return s;
  if (ts.isArrayLiteralExpression(e)) return stringList(e, b);
  if (ts.isObjectLiteralExpression(e)) {
    const out: Record<string, unknown> = {};
    for (const p of e.properties) {
      if (!ts.isPropertyAssignment(p)) continue;
      const key = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : undefined;
      if (!key) continue;
      const inner = unwrap(p.initializer);
      out[key] = ts.isObjectLiteralExpression(inner) ? {} : literalArg(inner, b);
    }
    return out;
  }
  return undefined;
}

/** `'a'` or `['a', 'b']` → names; undefined when any is computed. */
export function stringList(arg: ts.Expression | undefined, b: KnexBody): string[] | undefined {
  return staticStringList(arg, b.ev);
}

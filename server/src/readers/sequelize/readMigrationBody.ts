import ts from 'typescript';
import type { Operation } from '../../model/migration';
import { unwrap } from '../ts/objectLiteral';
import { apiOperation, isQueryInterface, isSequelizeInstance, type BodyContext } from './bodyContext';
import { readQueryInterfaceCall } from './queryInterfaceCalls';
import { readRawQuery } from './rawQuery';
import { collectProbeNames, guardOf } from './schemaGuards';
import { collectTransactionNames, insideManagedTransaction, isManagedTransactionCall, isTransactionCall, passesTransactionOption, transactionControlOf } from './transactionScope';
import { awaitInsertionPoint, insideParallel, insideSwallowingTry, isFloatingCall, passesFirstParameterToQuery, SQL_HELPER_NAME, SQL_START } from '../ts/callContext';
import { evaluateString } from '../ts/evaluateString';

/** Every operation of one `up`/`down` body, in source order (promise chains and Promise.all included). */
export function readMigrationBody(bc: BodyContext): Operation[] {
  const out: Operation[] = [];
  readBody(bc.fn.fn, bc, out, new Set());
  markSqlTransactions(out);
  return out;
}

/**
 * `sequelize.query('BEGIN')` … `sequelize.query('COMMIT')` in separate calls: what runs between them is meant to be
 * in that transaction (it is, as long as the pool hands back the same connection).
 */
function markSqlTransactions(ops: Operation[]): void {
  let open = false;
  for (const o of ops) {
    if (o.kind === 'transactionControl' && o.via === 'sql') {
      if (o.transaction === 'begin') open = true;
      else if (o.transaction === 'commit' || o.transaction === 'rollback') open = false;
    } else if (open && !o.inTransaction) {
      o.inTransaction = true;
      o.details = { ...o.details, sqlTransaction: true };
    }
  }
}

const MAX_HELPER_DEPTH = 3;

function readBody(fn: ts.FunctionLikeDeclaration, bc: BodyContext, out: Operation[], active: Set<ts.Node>): void {
  const body = fn.body;
  if (!body) return;
  active.add(fn);
  collectAliases(body, bc);
  collectTransactionNames(body, bc);
  collectProbeNames(body, bc);
  bc.probeCache.clear();
  bc.earlyExitEnd.clear();
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      visitCall(node, bc, out);
      const helper = ts.isIdentifier(node.expression) ? bc.helpers.get(node.expression.text) : undefined;
      if (helper && !active.has(helper) && active.size <= MAX_HELPER_DEPTH) readHelper(node, helper, bc, out, active);
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  active.delete(fn);
}

/** A file-level helper called from up/down: its operations count, with the guard and transaction of the call site. */
function readHelper(call: ts.CallExpression, helper: ts.FunctionLikeDeclaration, bc: BodyContext, out: Operation[], active: Set<ts.Node>): void {
  helper.parameters.forEach((p, i) => {
    const arg = call.arguments[i];
    if (!arg || !ts.isIdentifier(p.name)) return;
    if (isQueryInterface(arg, bc)) bc.queryInterfaceNames.add(p.name.text);
    else if (isSequelizeInstance(arg, bc)) bc.sequelizeNames.add(p.name.text);
    else if (ts.isIdentifier(unwrap(arg)) && bc.transactionNames.has((unwrap(arg) as ts.Identifier).text)) bc.transactionNames.add(p.name.text);
  });
  const outer = bc.callSite;
  const inCallback = insideManagedTransaction(call, bc);
  bc.callSite = outer ?? { guard: guardOf(call, bc), inTransaction: (bc.usesCls && inCallback) || passesTransactionOption(call), inTransactionCallback: inCallback };
  readBody(helper, bc, out, active);
  bc.callSite = outer;
}

/** Top-level `function name() {}` and `const name = (…) => {…}` that are not up/down themselves. */
export function fileHelpers(sf: ts.SourceFile, exclude: ts.Node[]): Map<string, ts.FunctionLikeDeclaration> {
  const map = new Map<string, ts.FunctionLikeDeclaration>();
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name && st.body && !exclude.includes(st)) map.set(st.name.text, st);
    else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer && unwrap(d.initializer);
        if (ts.isIdentifier(d.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && !exclude.includes(init)) map.set(d.name.text, init);
      }
    }
  }
  return map;
}

function visitCall(call: ts.CallExpression, bc: BodyContext, out: Operation[]): void {
  const callee = unwrap(call.expression);
  const sqlHelper = ts.isIdentifier(callee) && isSqlHelperCall(call, callee.text, bc);
  if (!ts.isPropertyAccessExpression(callee) && !sqlHelper) return;
  const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : (callee as ts.Identifier).text;
  const recv = ts.isPropertyAccessExpression(callee) ? callee.expression : callee;
  // `(sql) => queryInterface.sequelize.query(sql)`: its call sites carry the SQL; the body itself is not a step.
  if (method === 'query' && insideSqlHelper(call, bc)) return;
  // Without CLS, Sequelize runs a call inside `sequelize.transaction(async (t) => …)` OUTSIDE the
  // transaction unless it passes `{ transaction: t }`: the callback alone proves nothing.
  const inCallback = insideManagedTransaction(call, bc) || !!bc.callSite?.inTransactionCallback;
  const inTransaction = (): boolean => (inCallback && bc.usesCls) || passesTransactionOption(call) || !!bc.callSite?.inTransaction;
  let ops: Operation[];
  if (sqlHelper) {
    ops = readRawQuery(call, bc, inTransaction());
    for (const o of ops) o.details = { ...o.details, helper: method };
  } else if (method === 'query' && (isQueryInterface(recv, bc) || isSequelizeInstance(recv, bc))) {
    ops = readRawQuery(call, bc, inTransaction());
  } else if (isTransactionCall(call, bc)) {
    // A managed transaction is visible through its callback; only the unmanaged form is an explicit BEGIN.
    if (call.arguments.some(a => ts.isArrowFunction(unwrap(a)) || ts.isFunctionExpression(unwrap(a)))) return;
    ops = [transactionOp('begin', call, bc)];
  } else {
    const control = transactionControlOf(call, bc);
    if (control) ops = [transactionOp(control, call, bc)];
    else if (isQueryInterface(recv, bc)) ops = readQueryInterfaceCall(call, method, bc);
    else return;
  }
  if (ops.length === 0) return;
  const guard = guardOf(call, bc) ?? bc.callSite?.guard;
  const inTx = inTransaction();
  const loop = insideLoop(call, bc);
  const unawaited = isFloatingCall(call) || insideFloatingTransaction(call, bc);
  const inTry = insideSwallowingTry(call, bc.fn.fn);
  const parallel = insideParallel(call, bc.fn.fn);
  for (const o of ops) {
    if (unawaited) o.details = { ...o.details, unawaited: true, ...(isFloatingCall(call) ? { awaitAt: awaitInsertionPoint(call, bc.sf) } : { inFloatingTransaction: true }) };
    if (inTry) o.details = { ...o.details, inTryCatch: true };
    if (guard) { o.guarded = true; o.details = { ...o.details, guardedBy: guard }; }
    if (inTx && o.kind !== 'transactionControl') o.inTransaction = true;
    else if (inCallback && o.kind !== 'transactionControl') o.details = { ...o.details, missingTransactionOption: true };
    if (loop) o.details = { ...o.details, inLoop: true };
    if (parallel) o.details = { ...o.details, parallel: true };
  }
  out.push(...ops);
}

/** Inside `sequelize.transaction(async (t) => …)` whose own promise is dropped: nothing inside is awaited by the runner. */
function insideFloatingTransaction(node: ts.Node, bc: BodyContext): boolean {
  for (let p = node.parent; p && p !== bc.fn.fn; p = p.parent) {
    if ((ts.isArrowFunction(p) || ts.isFunctionExpression(p)) && p.parent && ts.isCallExpression(p.parent)
      && p.parent.arguments.includes(p as ts.Expression) && isManagedTransactionCall(p.parent, bc) && isFloatingCall(p.parent)) return true;
  }
  return false;
}

/**
 * `await exec('ALTER TABLE …')`: a local or file function that passes its first parameter to `.query()`,
 * or an imported one named like a SQL runner (`runQuery`, `execute`) whose argument is SQL.
 */
function isSqlHelperCall(call: ts.CallExpression, name: string, bc: BodyContext): boolean {
  if (call.arguments.length === 0) return false;
  const fn = localFunction(name, bc);
  if (fn) return passesFirstParameterToQuery(fn);
  if (!SQL_HELPER_NAME.test(name)) return false;
  const sql = evaluateString(call.arguments[0], bc.ev);
  return !!sql && SQL_START.test(sql.text);
}

function localFunction(name: string, bc: BodyContext): ts.FunctionLikeDeclaration | undefined {
  let found: ts.FunctionLikeDeclaration | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isFunctionDeclaration(node) && node.name?.text === name && node.body) { found = node; return; }
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name && node.initializer) {
      const init = unwrap(node.initializer);
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) { found = init; return; }
    }
    ts.forEachChild(node, visit);
  };
  if (bc.fn.fn.body) visit(bc.fn.fn.body);
  return found ?? bc.helpers.get(name);
}

function insideSqlHelper(call: ts.CallExpression, bc: BodyContext): boolean {
  const arg = call.arguments[0] && unwrap(call.arguments[0]);
  if (!arg || !ts.isIdentifier(arg)) return false;
  for (let p = call.parent; p && p !== bc.fn.fn; p = p.parent) {
    if (ts.isFunctionLike(p)) return passesFirstParameterToQuery(p as ts.FunctionLikeDeclaration) && (p as ts.FunctionLikeDeclaration).parameters[0].name.getText(bc.sf) === arg.text;
  }
  return false;
}

function transactionOp(kind: 'begin' | 'commit' | 'rollback', call: ts.CallExpression, bc: BodyContext): Operation {
  const o = apiOperation('transactionControl', call, kind === 'begin' ? 'sequelize.transaction' : kind, bc);
  o.transaction = kind;
  o.details!.call = kind === 'begin' ? 'sequelize.transaction' : `transaction.${kind}`;
  return o;
}

/** `const qi = sequelize.getQueryInterface()`, `const { sequelize } = queryInterface`, `const sequelize = queryInterface.sequelize`. */
function collectAliases(body: ts.Node, bc: BodyContext): void {
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.initializer) {
      const init = unwrap(node.initializer);
      if (ts.isIdentifier(node.name)) {
        if (isQueryInterface(init, bc)) bc.queryInterfaceNames.add(node.name.text);
        else if (isSequelizeInstance(init, bc)) bc.sequelizeNames.add(node.name.text);
      } else if (ts.isObjectBindingPattern(node.name) && isQueryInterface(init, bc)) {
        for (const el of node.name.elements) {
          const key = el.propertyName ? el.propertyName.getText(bc.sf) : el.name.getText(bc.sf);
          if (key === 'sequelize' && ts.isIdentifier(el.name)) bc.sequelizeNames.add(el.name.text);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
}

/** Inside a for/while loop or a `.map`/`.forEach` callback: one written call, many operations at run time. */
function insideLoop(node: ts.Node, bc: BodyContext): boolean {
  for (let p = node.parent; p && p !== bc.fn.fn; p = p.parent) {
    if (ts.isForStatement(p) || ts.isForOfStatement(p) || ts.isForInStatement(p) || ts.isWhileStatement(p) || ts.isDoStatement(p)) return true;
    if ((ts.isArrowFunction(p) || ts.isFunctionExpression(p)) && p.parent && ts.isCallExpression(p.parent) && ts.isPropertyAccessExpression(p.parent.expression)
      && ['map', 'forEach', 'reduce', 'flatMap'].includes(p.parent.expression.name.text)) return true;
  }
  return false;
}

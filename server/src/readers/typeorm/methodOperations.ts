import ts from 'typescript';
import type { Operation } from '../../model/migration';
import { awaitInsertionPoint, insideSwallowingTry, isFloatingCall, SQL_HELPER_NAME, SQL_START } from '../ts/callContext';
import { evaluateString } from '../ts/evaluateString';
import { unwrap } from '../ts/objectLiteral';
import { embeddedSqlOperations } from './embeddedSql';
import { entityManagerOperations, globalManagerFactory, methodName } from './entityManagerCalls';
import { GuardDetector } from './guards';
import { queryRunnerApiOperations, READ_ONLY_METHODS } from './queryRunnerApi';
import { schemaBuilderOperations } from './n8nSchemaBuilder';
import { apiOperation, type TypeormReadState } from './readState';
import { RunnerReceivers } from './runnerReceivers';

/**
 * Every operation one up/down method performs, in source order: walks the body (including
 * callbacks, loops and tsc's `__awaiter`/`__generator` wrappers) and classifies each call chain
 * whose root is the QueryRunner or its EntityManager. Calls on anything else are ignored.
 */
export function methodOperations(state: TypeormReadState, method: ts.FunctionLikeDeclaration, runnerParameter = 0, helperStack: ts.Node[] = []): Operation[] {
  const body = method.body;
  if (!body) return [];
  const receivers = new RunnerReceivers(method, runnerParameter);
  const guards = new GuardDetector(body, receivers, state.evaluate);
  const ops: Operation[] = [];

  const visit = (node: ts.Node): void => {
    if (!ts.isCallExpression(node)) { ts.forEachChild(node, visit); return; }
    const { chain, root } = callChain(node);
    const found = schemaBuilderOperations(state, chain, (c) => receivers.dslFunctionOf(c)) ?? classify(state, chain, root, receivers);
    if (!found.length) found.push(...helperOperations(state, node, receivers, helperStack));
    if (!found.length) found.push(...sqlHelperOperations(state, node, receivers));
    if (found.length) {
      const guarded = guards.isGuarded(node);
      const inTry = insideSwallowingTry(node, method);
      const unawaited = isFloatingCall(node);
      for (const op of found) {
        if (guarded) op.guarded = true;
        if (inTry) op.details = { ...op.details, inTryCatch: true };
        if (unawaited) op.details = { ...op.details, unawaited: true, awaitAt: awaitInsertionPoint(node as ts.CallExpression, state.sourceFile) };
        ops.push(op);
      }
    }
    // Callbacks and nested expressions in the arguments may hold more calls; so may a non-runner root.
    if (root && !receivers.kindOf(root)) visit(root);
    for (const c of chain) {
      const callee = unwrap(c.expression);
      if (!ts.isPropertyAccessExpression(callee)) visit(callee);
      c.arguments.forEach(visit);
    }
  };
  visit(body);
  return ops;
}

const MAX_HELPER_DEPTH = 4;

/**
 * `await this.addAuditColumns(queryRunner)` or `await addAuditColumns(queryRunner, 'users')`: reads the
 * helper (a method of the class or a function of this file) with the runner bound to that parameter.
 * Its operations keep their ranges inside the helper and name it in details.helper.
 */
function helperOperations(state: TypeormReadState, call: ts.CallExpression, receivers: RunnerReceivers, stack: ts.Node[]): Operation[] {
  const callee = unwrap(call.expression);
  let helper: ts.FunctionLikeDeclaration | undefined;
  let name: string | undefined;
  if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword) {
    name = callee.name.text;
    helper = state.helpers.methods.get(name);
  } else if (ts.isIdentifier(callee)) {
    name = callee.text;
    helper = state.helpers.functions.get(name);
  }
  if (!helper || stack.includes(helper) || stack.length >= MAX_HELPER_DEPTH) return [];
  const runnerIndex = call.arguments.findIndex((a) => receivers.kindOf(a) === 'runner');
  if (runnerIndex < 0 || runnerIndex >= helper.parameters.length) return [];
  // The helper's other parameters stand for the call's arguments (`addAudit("orders", qr)` → table = "orders").
  const outer = state.evaluate;
  const constants = new Map(outer.constants);
  helper.parameters.forEach((p, i) => {
    const arg = call.arguments[i] && unwrap(call.arguments[i]);
    if (i === runnerIndex || !ts.isIdentifier(p.name) || !arg) return;
    // Bind to what the argument stands for, so `helper(table, qr)` with a parameter also named `table` does not loop.
    constants.set(p.name.text, (ts.isIdentifier(arg) && outer.constants.get(arg.text)) || arg);
  });
  state.evaluate = { ...outer, constants };
  try {
    const ops = methodOperations(state, helper, runnerIndex, [...stack, helper]);
    for (const op of ops) op.details = { ...op.details, helper: name };
    return ops;
  } finally {
    state.evaluate = outer;
  }
}

/**
 * SQL handed to a helper instead of the runner: the context's `runQuery(sql)` (n8n), or a method or
 * function named like one (`await this.exec(sql)`) whose argument is SQL. Read like queryRunner.query.
 */
function sqlHelperOperations(state: TypeormReadState, call: ts.CallExpression, receivers: RunnerReceivers): Operation[] {
  const callee = unwrap(call.expression);
  const name = ts.isIdentifier(callee) ? callee.text
    : ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword ? callee.name.text : undefined;
  if (!name || call.arguments.length === 0) return [];
  if (receivers.sqlFunctionNames.has(name) && ts.isIdentifier(callee)) return embeddedSqlOperations(state, call, name);
  if (!SQL_HELPER_NAME.test(name)) return [];
  const sql = evaluateString(call.arguments[0], state.evaluate);
  return sql && SQL_START.test(sql.text) ? embeddedSqlOperations(state, call, name) : [];
}

/** `a.b(x).c(y).d(z)` → calls [b(x), c(y), d(z)] and root `a`; innermost first. */
function callChain(outer: ts.CallExpression): { chain: ts.CallExpression[]; root?: ts.Expression } {
  const chain: ts.CallExpression[] = [];
  let cur: ts.CallExpression = outer;
  for (;;) {
    chain.unshift(cur);
    const callee = unwrap(cur.expression);
    if (!ts.isPropertyAccessExpression(callee)) return { chain };
    const base = unwrap(callee.expression);
    if (!ts.isCallExpression(base)) return { chain, root: callee.expression };
    cur = base;
  }
}

function classify(state: TypeormReadState, chain: ts.CallExpression[], root: ts.Expression | undefined, receivers: RunnerReceivers): Operation[] {
  // Data written through TypeORM's global accessors (`getRepository(User).save(…)`) runs on another
  // connection, but it is still this migration's change.
  const kind = (root && receivers.kindOf(root)) || (isGlobalManagerRoot(chain[0], root) ? 'manager' : undefined);
  if (!kind) return [];
  const first = chain[0];
  const method = methodName(first) ?? '';
  // A SELECT in an if condition is a check, not an operation.
  if (isInCondition(first)) return [];
  if (method === 'query') return embeddedSqlOperations(state, first, kind === 'runner' ? 'query' : 'manager.query');
  if (kind === 'manager') return entityManagerOperations(state, chain);
  if (READ_ONLY_METHODS.has(method) || /^(has|get)[A-Z]/.test(method)) return [];
  const ops = queryRunnerApiOperations(state, first, method);
  if (ops) return ops;
  return [apiOperation(state, first, method, 'unknown', { reason: `unrecognised QueryRunner call: ${method}` })];
}

function isGlobalManagerRoot(first: ts.CallExpression, root: ts.Expression | undefined): boolean {
  if (!globalManagerFactory(first)) return false;
  // `getRepository(…)` / `(0, typeorm_1.getRepository)(…)` have no receiver; `typeorm_1.getRepository(…)` has the module.
  return !root || ts.isIdentifier(unwrap(root));
}

function isInCondition(node: ts.Node): boolean {
  for (let child: ts.Node = node, a = node.parent; a; child = a, a = a.parent) {
    if (ts.isIfStatement(a) || ts.isWhileStatement(a) || ts.isDoStatement(a)) return child === a.expression;
    if (ts.isConditionalExpression(a) && child === a.condition) return true;
    if (ts.isBlock(a) || ts.isSourceFile(a) || ts.isFunctionLike(a)) return false;
  }
  return false;
}

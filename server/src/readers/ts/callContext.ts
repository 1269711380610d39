import ts from 'typescript';

/**
 * Inside the `try` block of a try/catch whose catch does not throw again (not its catch or finally), below
 * `stop`. On PostgreSQL a caught error inside a transaction leaves it aborted: every later statement fails.
 */
export function insideSwallowingTry(node: ts.Node, stop: ts.Node): boolean {
  for (let child: ts.Node = node, p = node.parent; p && p !== stop; child = p, p = p.parent) {
    if (ts.isTryStatement(p) && p.tryBlock === child && p.catchClause && !rethrows(p.catchClause.block)) return true;
  }
  return false;
}

/** A catch block that throws (or rejects) again does not swallow the error. */
function rethrows(block: ts.Block): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || ts.isFunctionLike(n)) return;
    if (ts.isThrowStatement(n) || (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'reject' && ts.isIdentifier(n.expression.expression) && n.expression.expression.text === 'Promise')) { found = true; return; }
    ts.forEachChild(n, visit);
  };
  visit(block);
  return found;
}

/**
 * The call's promise is dropped: a bare statement (`queryInterface.addColumn(…);` or
 * `sequelize.transaction(async (t) => …);` without await/return), also at the end of a `.then` /
 * `.catch` chain or behind `void`. The migration runner moves on before it finishes and never sees its error.
 */
export function isFloatingCall(call: ts.CallExpression): boolean {
  let node: ts.Node = call;
  for (;;) {
    const p = node.parent;
    if (!p) return false;
    if (ts.isParenthesizedExpression(p) || ts.isNonNullExpression(p) || ts.isAsExpression(p)) { node = p; continue; }
    // `x.then(…)` / `x.catch(…)`: the chain's outer call decides.
    if (ts.isPropertyAccessExpression(p) && p.expression === node && /^(then|catch|finally)$/.test(p.name.text) && p.parent && ts.isCallExpression(p.parent) && p.parent.expression === p) {
      node = p.parent;
      continue;
    }
    return ts.isExpressionStatement(p) || ts.isVoidExpression(p);
  }
}

/** Where `await ` can be inserted before a floating call: its offset, when the enclosing function is async. */
export function awaitInsertionPoint(call: ts.CallExpression, sf: ts.SourceFile): number | undefined {
  for (let p: ts.Node | undefined = call.parent; p; p = p.parent) {
    if (ts.isFunctionLike(p)) return ts.getCombinedModifierFlags(p as ts.Declaration) & ts.ModifierFlags.Async ? call.getStart(sf) : undefined;
  }
  return undefined;
}

/** An element of the array given to Promise.all / allSettled (or the callback of a .map() given to it): the calls run at once. */
export function insideParallel(call: ts.Node, stop: ts.Node): boolean {
  for (let p = call.parent; p && p !== stop; p = p.parent) {
    if (ts.isCallExpression(p) && ts.isPropertyAccessExpression(p.expression) && /^(all|allSettled)$/.test(p.expression.name.text)
      && ts.isIdentifier(p.expression.expression) && p.expression.expression.text === 'Promise') return true;
  }
  return false;
}

/** Names migrations give a helper that runs one SQL string (`this.exec(sql)`, `runQuery(sql)`, `execute(sql)`). */
export const SQL_HELPER_NAME = /^(?:run|exec|execute)?(?:Query|Sql|Statement)$|^exec(?:ute)?$|^(?:query|sql)$/i;
/** Text that starts like a SQL statement (after comments). */
export const SQL_START = /^\s*(?:(?:--[^\n]*\n|\/\*[\s\S]*?\*\/)\s*)*(?:CREATE|ALTER|DROP|INSERT|UPDATE|DELETE|RENAME|TRUNCATE|COMMENT|GRANT|REVOKE|SET|DO|WITH|REINDEX|VACUUM|BEGIN|COMMIT|ANALYZE|LOCK|CALL|PRAGMA)\b/i;

/** `(sql) => qi.sequelize.query(sql)`: a function whose first parameter goes straight into a `.query(…)` call. */
export function passesFirstParameterToQuery(fn: ts.FunctionLikeDeclaration): boolean {
  const first = fn.parameters[0];
  if (!first || !ts.isIdentifier(first.name) || !fn.body) return false;
  const name = first.name.text;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'query') {
      const arg = node.arguments[0];
      if (arg && ts.isIdentifier(arg) && arg.text === name) { found = true; return; }
    }
    ts.forEachChild(node, visit);
  };
  visit(fn.body);
  return found;
}

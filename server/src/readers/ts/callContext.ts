import ts from 'typescript';

/**
 * Inside the `try` block of a try/catch (not its catch or finally), below `stop`. On PostgreSQL a
 * caught error inside a transaction leaves it aborted: every later statement fails.
 */
export function insideTryBlock(node: ts.Node, stop: ts.Node): boolean {
  for (let child: ts.Node = node, p = node.parent; p && p !== stop; child = p, p = p.parent) {
    if (ts.isTryStatement(p) && p.tryBlock === child && p.catchClause) return true;
  }
  return false;
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

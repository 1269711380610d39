import ts from 'typescript';
import { findProperty, propertyValue, unwrap } from '../ts/objectLiteral';
import { isQueryInterface, isSequelizeInstance, type BodyContext } from './bodyContext';

function isFunction(e: ts.Expression): boolean {
  const u = unwrap(e);
  return ts.isArrowFunction(u) || ts.isFunctionExpression(u);
}

/** `sequelize.transaction(...)` (managed when given a callback, unmanaged otherwise). */
export function isTransactionCall(call: ts.CallExpression, bc: BodyContext): boolean {
  const callee = unwrap(call.expression);
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'transaction'
    && (isSequelizeInstance(callee.expression, bc) || isQueryInterface(callee.expression, bc));
}

export function isManagedTransactionCall(call: ts.CallExpression, bc: BodyContext): boolean {
  return isTransactionCall(call, bc) && call.arguments.some(isFunction);
}

/** Names bound to `await sequelize.transaction()` (unmanaged: the code commits itself). */
export function collectTransactionNames(body: ts.Node, bc: BodyContext): void {
  const isBegin = (e: ts.Expression | undefined): boolean => {
    if (!e) return false;
    let u = unwrap(e);
    if (ts.isAwaitExpression(u)) u = unwrap(u.expression);
    return ts.isCallExpression(u) && isTransactionCall(u, bc) && !u.arguments.some(isFunction);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && isBegin(node.initializer)) bc.transactionNames.add(node.name.text);
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(node.left) && isBegin(node.right)) bc.transactionNames.add(node.left.text);
    ts.forEachChild(node, visit);
  };
  visit(body);
}

/** Inside the callback of a managed `sequelize.transaction(async (t) => …)`. */
export function insideManagedTransaction(node: ts.Node, bc: BodyContext): boolean {
  for (let p = node.parent; p && p !== bc.fn.fn; p = p.parent) {
    if ((ts.isArrowFunction(p) || ts.isFunctionExpression(p)) && p.parent && ts.isCallExpression(p.parent)
      && p.parent.arguments.includes(p as ts.Expression) && isManagedTransactionCall(p.parent, bc)) return true;
  }
  return false;
}

/** `{ transaction: t }` or `{ transaction }` in any options argument. */
export function passesTransactionOption(call: ts.CallExpression): boolean {
  for (const a of call.arguments) {
    const u = unwrap(a);
    if (!ts.isObjectLiteralExpression(u) || !findProperty(u, 'transaction')) continue;
    const v = propertyValue(u, 'transaction');
    if (!v) continue;
    const vu = unwrap(v);
    if (vu.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(vu) && vu.text === 'undefined')) continue;
    return true;
  }
  return false;
}

/** `t.commit()` / `t.rollback()` on a transaction the migration opened (or a name that says it is one). */
export function transactionControlOf(call: ts.CallExpression, bc: BodyContext): 'commit' | 'rollback' | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const m = callee.name.text;
  if (m !== 'commit' && m !== 'rollback') return undefined;
  const recv = unwrap(callee.expression);
  if (ts.isIdentifier(recv) && (bc.transactionNames.has(recv.text) || /^(t|tx|trx|transaction)$/i.test(recv.text))) return m;
  return undefined;
}

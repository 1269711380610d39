// Knex code is written as method chains (`knex.schema.createTable(…).alterTable(…)`,
// `knex('t').update(…).where(…)`): these helpers split a chain into its links and find its root.
import ts from 'typescript';
import { unwrap } from '../ts/objectLiteral';

export interface ChainLink {
  name: string;
  args: readonly ts.Expression[];
  call: ts.CallExpression;
  /** The method name's identifier: a link's own range starts there, not at the start of the chain. */
  nameNode: ts.Node;
}

export interface Chain {
  /** What the first link is called on (`knex.schema`, `knex`, `table`, `knex('t')`). */
  root: ts.Expression;
  links: ChainLink[];
}

/** `a.b(…).c(…)` → root `a`, links b, c. A bare call `f(…)` has root `f(…)` itself and no links. */
export function splitChain(outer: ts.CallExpression): Chain {
  const links: ChainLink[] = [];
  let e: ts.Expression = outer;
  for (;;) {
    const u = unwrap(e);
    if (!ts.isCallExpression(u)) { e = u; break; }
    const callee = unwrap(u.expression);
    if (!ts.isPropertyAccessExpression(callee)) { e = u; break; }
    links.unshift({ name: callee.name.text, args: u.arguments, call: u, nameNode: callee.name });
    e = callee.expression;
  }
  return { root: e, links };
}

/** The call is the last link of its chain (not the receiver of a further `.x(…)`). */
export function isOutermostCall(call: ts.CallExpression): boolean {
  let n: ts.Node = call;
  while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isNonNullExpression(n.parent))) n = n.parent;
  const p = n.parent;
  return !(p && ts.isPropertyAccessExpression(p) && p.expression === n && p.parent && ts.isCallExpression(p.parent) && p.parent.expression === p);
}

/** An expression whose text a `has…` schema probe decides: `if (!(await knex.schema.hasTable('t')))`, `.then(exists => …)`. */
const PROBE = /\bhas(?:Table|Column)\s*\(/;

/** Inside an `if` on a hasTable/hasColumn probe, or inside the `.then` callback of one. */
export function guardedByProbe(node: ts.Node, stop: ts.Node, sf: ts.SourceFile): boolean {
  for (let child: ts.Node = node, p = node.parent; p && p !== stop; child = p, p = p.parent) {
    if (ts.isIfStatement(p) && child !== p.expression && PROBE.test(p.expression.getText(sf))) return true;
    if (ts.isConditionalExpression(p) && child !== p.condition && PROBE.test(p.condition.getText(sf))) return true;
    if ((ts.isArrowFunction(p) || ts.isFunctionExpression(p)) && p.parent && ts.isCallExpression(p.parent)) {
      const callee = unwrap(p.parent.expression);
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'then' && PROBE.test(callee.expression.getText(sf))) return true;
    }
  }
  return false;
}

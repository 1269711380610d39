import ts from 'typescript';
import { staticString, type EvaluateContext } from './evaluateString';
import { unwrap } from './objectLiteral';

/** `'a'` or `['a', 'b']` → names (column lists of migration APIs); undefined when any is computed. */
export function staticStringList(expr: ts.Expression | undefined, ev: EvaluateContext): string[] | undefined {
  if (!expr) return undefined;
  const e = unwrap(expr);
  if (!ts.isArrayLiteralExpression(e)) {
    const s = staticString(e, ev);
    return s === undefined ? undefined : [s];
  }
  const out: string[] = [];
  for (const el of e.elements) {
    const s = staticString(el, ev);
    if (s === undefined) return undefined;
    out.push(s);
  }
  return out;
}

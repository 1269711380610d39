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
  return stringArray(e, ev);
}

/** All elements of an array literal as static strings, or undefined when one is not static. */
export function stringArray(arr: ts.ArrayLiteralExpression, ev: EvaluateContext): string[] | undefined {
  const values: string[] = [];
  for (const el of arr.elements) { const s = staticString(el as ts.Expression, ev); if (s === undefined) return undefined; values.push(s); }
  return values;
}

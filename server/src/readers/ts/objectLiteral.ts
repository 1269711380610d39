import ts from 'typescript';

/** Strips parentheses, `as`, `satisfies`, `!` and `<T>` casts: they never change what a migration does. */
export function unwrap(expr: ts.Expression): ts.Expression {
  let e = expr;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isNonNullExpression(e) || ts.isTypeAssertionExpression(e)) e = e.expression;
  return e;
}

/** The static name of a property (`a`, `'a'`, `["a"]`), or undefined when computed. */
/** The object literal an expression is (through parentheses and casts), or undefined. */
export function objectLiteral(expr: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
  const e = expr && unwrap(expr);
  return e && ts.isObjectLiteralExpression(e) ? e : undefined;
}

export function propertyNameText(name: ts.PropertyName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isComputedPropertyName(name)) {
    const e = unwrap(name.expression);
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  }
  return undefined;
}

/** The last property named `name` in an object literal (later ones win, as at run time). */
export function findProperty(obj: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralElementLike | undefined {
  let found: ts.ObjectLiteralElementLike | undefined;
  for (const p of obj.properties) if (!ts.isSpreadAssignment(p) && propertyNameText(p.name) === name) found = p;
  return found;
}

/** Value expression of `name: value` or shorthand `name`; undefined for methods, accessors and absent keys. */
export function propertyValue(obj: ts.ObjectLiteralExpression | undefined, name: string): ts.Expression | undefined {
  if (!obj) return undefined;
  const p = findProperty(obj, name);
  if (!p) return undefined;
  if (ts.isPropertyAssignment(p)) return p.initializer;
  if (ts.isShorthandPropertyAssignment(p)) return p.name;
  return undefined;
}

/** Literal `true`/`false`, or undefined when not a boolean literal. */
export function booleanLiteral(expr: ts.Expression | undefined): boolean | undefined {
  if (!expr) return undefined;
  const e = unwrap(expr);
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
  return undefined;
}

/** Static keys of an object literal, in order. */
export function propertyNames(obj: ts.ObjectLiteralExpression): string[] {
  const names: string[] = [];
  for (const p of obj.properties) {
    if (ts.isSpreadAssignment(p)) continue;
    const n = propertyNameText(p.name);
    if (n !== undefined) names.push(n);
  }
  return names;
}

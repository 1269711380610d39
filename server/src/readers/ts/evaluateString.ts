import ts from 'typescript';

/**
 * A string computed statically from source code (literal, template, concatenation, local constant),
 * with a map from each character of the computed text back to a file offset, so that SQL found
 * inside `queryRunner.query(...)` gets ranges in the file, not in the string.
 */
export interface EvaluatedString {
  text: string;
  /** fileOffsets[i] = file offset of text[i]; fileOffsets[text.length] = end of the last piece. */
  fileOffsets: Int32Array;
  /** `${…}` / `+ x +` pieces that could not be resolved and became placeholders. */
  placeholders: Placeholder[];
}

/**
 * An unknown piece of SQL, written into the text as `name` (an identifier the parsers accept) followed
 * by `known`, the part of it the code states (`escape.tableName('user')` → `__sm_1__user`, known `user`).
 */
export interface Placeholder {
  name: string;
  expression: string;
  start: number;
  end: number;
  known?: string;
}

export interface EvaluateContext {
  sourceFile: ts.SourceFile;
  /** String constants visible in the file (`const TABLE = 'users'`), by name. */
  constants: Map<string, ts.Expression>;
  /** Resolves what `constants` cannot (e.g. `this.tableName` to a class property initializer). */
  resolveExpression?: (expr: ts.Identifier | ts.PropertyAccessExpression) => ts.Expression | undefined;
}

const MAX_DEPTH = 8;

/**
 * Collects `const NAME = <expr>` declarations anywhere in the file (small local constants), and
 * `let`/`var` ones the file never assigns again (older JS migrations write `var TABLE = 'users'`).
 */
export function collectConstants(sourceFile: ts.SourceFile): Map<string, ts.Expression> {
  const constants = new Map<string, ts.Expression>();
  const mutable = new Map<string, ts.Expression>();
  const reassigned = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclarationList(node)) {
      const into = node.flags & ts.NodeFlags.Const ? constants : mutable;
      for (const d of node.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer && !into.has(d.name.text)) into.set(d.name.text, d.initializer);
      }
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment
      && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment && ts.isIdentifier(node.left)) {
      reassigned.add(node.left.text);
    } else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && ts.isIdentifier(node.operand)) {
      reassigned.add(node.operand.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  for (const [name, init] of mutable) if (!reassigned.has(name) && !constants.has(name)) constants.set(name, init);
  return constants;
}

class Builder {
  text = '';
  offsets: number[] = [];
  placeholders: EvaluatedString['placeholders'] = [];
  push(s: string, offsets: number[]): void { this.text += s; for (const o of offsets) this.offsets.push(o); }
  /** Appends text copied verbatim from `start` in the file (no per-call array: the editor re-reads every query string per keystroke). */
  pushVerbatim(s: string, start: number): void { this.text += s; for (let i = 0; i < s.length; i++) this.offsets.push(start + i); }
}

export function evaluateString(expr: ts.Expression, ctx: EvaluateContext): EvaluatedString | undefined {
  const b = new Builder();
  if (!append(expr, ctx, b, 0, true)) return undefined;
  // Nothing but unknown pieces (`a + b`): the text itself is unknowable.
  if (b.placeholders.length && !b.placeholders.reduce((t, p) => t.split(p.name + (p.known ?? '')).join(''), b.text).trim()) return undefined;
  const end = expr.getEnd();
  const fileOffsets = new Int32Array(b.offsets.length + 1);
  fileOffsets.set(b.offsets);
  fileOffsets[b.offsets.length] = b.offsets.length ? Math.min(b.offsets[b.offsets.length - 1] + 1, end) : expr.getStart(ctx.sourceFile);
  return { text: b.text, fileOffsets, placeholders: b.placeholders };
}

/** Evaluates without placeholders: only fully static strings (table names, column names). */
export function staticString(expr: ts.Expression | undefined, ctx: EvaluateContext): string | undefined {
  if (!expr) return undefined;
  const b = new Builder();
  return append(expr, ctx, b, 0, false) && b.placeholders.length === 0 ? b.text : undefined;
}

function append(expr: ts.Expression, ctx: EvaluateContext, b: Builder, depth: number, allowPlaceholders: boolean): boolean {
  if (depth > MAX_DEPTH) return false;
  const sf = ctx.sourceFile;
  if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isNonNullExpression(expr) || ts.isSatisfiesExpression(expr)) {
    return append(expr.expression, ctx, b, depth + 1, allowPlaceholders);
  }
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) {
    const start = expr.getStart(sf);
    const raw = sf.text.slice(start + 1, expr.getEnd() - 1);
    appendCooked(raw, start + 1, expr.text, b);
    return true;
  }
  if (ts.isTemplateExpression(expr)) {
    const headStart = expr.head.getStart(sf);
    appendCooked(sf.text.slice(headStart + 1, expr.head.getEnd() - 2), headStart + 1, expr.head.text, b);
    for (const span of expr.templateSpans) {
      if (!appendOrPlaceholder(span.expression, ctx, b, depth, allowPlaceholders)) return false;
      const lit = span.literal;
      const litStart = lit.getStart(sf);
      const closing = ts.isTemplateTail(lit) ? 1 : 2;
      appendCooked(sf.text.slice(litStart + 1, lit.getEnd() - closing), litStart + 1, lit.text, b);
    }
    return true;
  }
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    // `'CREATE TABLE t (' + '"a" int, ' + … + ');'` nests one level per term: walk the chain flat, so
    // a long concatenation does not hit the depth limit meant for constants referring to constants.
    // `'ALTER TABLE `' + tablePrefix + 'users` …'`: an unknown term is a placeholder, like `${…}`.
    return concatenationTerms(expr).every((term) => appendOrPlaceholder(term, ctx, b, depth, allowPlaceholders));
  }
  if (ts.isIdentifier(expr) || ts.isPropertyAccessExpression(expr)) {
    const init = resolveReference(expr, ctx);
    if (!init) return false;
    // The text comes from the constant's declaration, but ranges point at the use site.
    const inner = new Builder();
    if (!append(init, ctx, inner, depth + 1, allowPlaceholders)) return false;
    const at = expr.getStart(sf);
    b.push(inner.text, inner.offsets.map(() => at));
    for (const p of inner.placeholders) b.placeholders.push({ ...p, start: p.start + b.text.length - inner.text.length, end: p.end + b.text.length - inner.text.length });
    return true;
  }
  if (ts.isNumericLiteral(expr)) {
    const start = expr.getStart(sf);
    b.push(expr.text, Array.from(expr.text, (_, i) => start + i));
    return true;
  }
  // `[...].join(' ')` and `.trim()` on a static string, both common in hand-written migrations.
  if (ts.isCallExpression(expr) && ts.isPropertyAccessExpression(expr.expression)) {
    const method = expr.expression.name.text;
    const target = expr.expression.expression;
    // n8n's `escape.tableName('user')`: the prefixed, quoted name of a known table.
    const named = ESCAPED_NAME.has(method) && expr.arguments.length === 1 ? staticString(expr.arguments[0], ctx) : undefined;
    if (named !== undefined && allowPlaceholders && /^[\w$]+$/.test(named)) {
      addPlaceholder(expr, ctx, b, named);
      return true;
    }
    if ((method === 'trim' || method === 'trimStart' || method === 'trimEnd') && expr.arguments.length === 0) {
      return append(target, ctx, b, depth + 1, allowPlaceholders);
    }
    if (method === 'join' && ts.isArrayLiteralExpression(target) && expr.arguments.length <= 1) {
      const sepExpr = expr.arguments[0];
      const sep = sepExpr ? staticString(sepExpr, ctx) : ',';
      if (sep === undefined) return false;
      const at = expr.getStart(sf);
      let first = true;
      for (const el of target.elements) {
        if (!first) b.push(sep, Array.from(sep, () => el.getStart(sf)));
        first = false;
        if (!append(el as ts.Expression, ctx, b, depth + 1, allowPlaceholders)) return false;
      }
      void at;
      return true;
    }
  }
  return false;
}

/** Methods that turn a known name into the identifier the database sees (prefix, quoting). */
const ESCAPED_NAME = new Set(['tableName', 'columnName', 'indexName']);

/** Appends `expr`, or (where placeholders are allowed) a placeholder when its value is unknown. */
function appendOrPlaceholder(expr: ts.Expression, ctx: EvaluateContext, b: Builder, depth: number, allowPlaceholders: boolean): boolean {
  const before = b.text.length;
  const holes = b.placeholders.length;
  if (append(expr, ctx, b, depth + 1, allowPlaceholders)) return true;
  if (!allowPlaceholders) return false;
  b.text = b.text.slice(0, before);
  b.offsets.length = before;
  b.placeholders.length = holes;
  addPlaceholder(expr, ctx, b);
  return true;
}

function addPlaceholder(expr: ts.Expression, ctx: EvaluateContext, b: Builder, known?: string): void {
  const before = b.text.length;
  const name = `__sm_${b.placeholders.length + 1}__`;
  // A missing expression (an unterminated `${` at the very end of the file) starts at the text's end,
  // where there is no character: its placeholder sits on the last one, so ranges stay inside the text.
  const exprStart = Math.min(expr.getStart(ctx.sourceFile), Math.max(0, ctx.sourceFile.text.length - 1));
  const text = name + (known ?? '');
  b.push(text, Array.from({ length: text.length }, () => exprStart));
  b.placeholders.push({ name, expression: expr.getText(ctx.sourceFile), start: before, end: b.text.length, ...(known !== undefined ? { known } : {}) });
}

/** The terms of `a + b + c` (parsed as `(a + b) + c`), left to right. */
function concatenationTerms(expr: ts.BinaryExpression): ts.Expression[] {
  const terms: ts.Expression[] = [];
  let e: ts.Expression = expr;
  while (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    terms.push(e.right);
    e = e.left;
  }
  terms.push(e);
  return terms.reverse();
}

/** The expression a name stands for: a file constant, a member of a constant object (`TABLES.users`), or what the caller's resolver knows. */
function resolveReference(expr: ts.Identifier | ts.PropertyAccessExpression, ctx: EvaluateContext): ts.Expression | undefined {
  if (ts.isIdentifier(expr)) return ctx.constants.get(expr.text) ?? ctx.resolveExpression?.(expr);
  const viaResolver = ctx.resolveExpression?.(expr);
  if (viaResolver) return viaResolver;
  const target = expr.expression;
  if (!ts.isIdentifier(target)) return undefined;
  let obj = ctx.constants.get(target.text);
  while (obj && (ts.isParenthesizedExpression(obj) || ts.isAsExpression(obj) || ts.isSatisfiesExpression(obj))) obj = obj.expression;
  if (!obj || !ts.isObjectLiteralExpression(obj)) return undefined;
  let found: ts.Expression | undefined;
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === expr.name.text) found = p.initializer;
  }
  return found;
}

/** Appends a literal's cooked text, mapping each cooked character to its raw offset (escapes included). */
function appendCooked(raw: string, rawStart: number, cooked: string, b: Builder): void {
  if (raw === cooked) {
    b.pushVerbatim(cooked, rawStart);
    return;
  }
  const offsets: number[] = [];
  let i = 0;
  while (i < raw.length && offsets.length < cooked.length) {
    if (raw[i] !== '\\') { offsets.push(rawStart + i); i++; continue; }
    const at = rawStart + i;
    const next = raw[i + 1];
    if (next === 'x') { offsets.push(at); i += 4; continue; }
    if (next === 'u') {
      if (raw[i + 2] === '{') { const close = raw.indexOf('}', i); const cp = parseInt(raw.slice(i + 3, close), 16); offsets.push(at); if (cp > 0xffff) offsets.push(at); i = close + 1; continue; }
      offsets.push(at); i += 6; continue;
    }
    if (next === '\r' || next === '\n') { i += next === '\r' && raw[i + 2] === '\n' ? 3 : 2; continue; }
    offsets.push(at); i += 2;
  }
  while (offsets.length < cooked.length) offsets.push(rawStart + raw.length);
  b.push(cooked, offsets);
}

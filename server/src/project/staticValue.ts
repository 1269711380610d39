// Pulls values out of JS/TS config files without running them: object literals, strings, paths built
// with __dirname / path.join / path.resolve, `process.env.X || 'fallback'`, local constants and imports.
import * as path from 'node:path';
import ts from 'typescript';

export type StaticValue =
  | { kind: 'string'; value: string; /** Set when the value is the literal fallback of `process.env.NAME || '…'`. */ envFallbackOf?: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'env'; name: string }
  | { kind: 'array'; items: StaticValue[] }
  | { kind: 'object'; props: Map<string, StaticValue>; /** False when a spread or computed key could not be resolved. */ complete: boolean }
  /** An identifier bound to an import (`import { User } from './entity/User'`): a class reference. */
  | { kind: 'ref'; name: string; module?: string }
  | { kind: 'unknown'; text: string };

export interface StaticScope {
  sourceFile: ts.SourceFile;
  /** Folder of the file (`__dirname`). */
  dir: string;
  /** Where relative `path.resolve(…)` and process.cwd() point: the project root the CLI runs in. */
  cwd: string;
  constants: Map<string, ts.Expression>;
  imports: Map<string, string>;
}

const MAX_DEPTH = 10;

export function parseSource(file: string, text: string): ts.SourceFile {
  const kind = /\.json$/i.test(file) ? ts.ScriptKind.JSON : /\.[cm]?tsx?$/i.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
}

export function scopeFor(file: string, text: string, cwd: string): StaticScope {
  const sourceFile = parseSource(file, text);
  const constants = new Map<string, ts.Expression>();
  const imports = new Map<string, string>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.initializer) {
      if (ts.isIdentifier(node.name)) {
        if (!constants.has(node.name.text)) constants.set(node.name.text, node.initializer);
        const req = requiredModule(node.initializer);
        if (req) imports.set(node.name.text, req);
      } else if (ts.isObjectBindingPattern(node.name)) {
        // const { User } = require('./entity/User')
        const req = requiredModule(node.initializer);
        if (req) for (const el of node.name.elements) if (ts.isIdentifier(el.name)) imports.set(el.name.text, req);
      }
    }
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const from = node.moduleSpecifier.text;
      const clause = node.importClause;
      if (clause?.name) imports.set(clause.name.text, from);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) imports.set(el.name.text, from);
      if (bindings && ts.isNamespaceImport(bindings)) imports.set(bindings.name.text, from);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { sourceFile, dir: path.dirname(file), cwd, constants, imports };
}

function requiredModule(expr: ts.Expression): string | undefined {
  if (ts.isCallExpression(expr) && ts.isIdentifier(expr.expression) && expr.expression.text === 'require' && expr.arguments[0] && ts.isStringLiteral(expr.arguments[0])) {
    return expr.arguments[0].text;
  }
  return undefined;
}

function unwrap(expr: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr) || ts.isNonNullExpression(expr) || ts.isTypeAssertionExpression(expr)) expr = expr.expression;
  return expr;
}

/** `process.env.NAME` / `process.env['NAME']` → NAME. */
function envName(expr: ts.Expression): string | undefined {
  expr = unwrap(expr);
  const isProcessEnv = (e: ts.Expression) => ts.isPropertyAccessExpression(e) && e.name.text === 'env' && ts.isIdentifier(e.expression) && e.expression.text === 'process';
  if (ts.isPropertyAccessExpression(expr) && isProcessEnv(expr.expression)) return expr.name.text;
  if (ts.isElementAccessExpression(expr) && isProcessEnv(expr.expression) && ts.isStringLiteral(expr.argumentExpression)) return expr.argumentExpression.text;
  // Prisma's `env('DATABASE_URL')` and similar helpers.
  if (ts.isCallExpression(expr) && ts.isIdentifier(expr.expression) && expr.expression.text === 'env' && expr.arguments[0] && ts.isStringLiteral(expr.arguments[0])) return expr.arguments[0].text;
  return undefined;
}

function calleeName(expr: ts.Expression): string | undefined {
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr)) {
    const owner = ts.isIdentifier(expr.expression) ? expr.expression.text + '.' : '';
    return owner + expr.name.text;
  }
  return undefined;
}

export function evaluate(expr: ts.Expression | undefined, scope: StaticScope, depth = 0): StaticValue {
  if (!expr) return { kind: 'unknown', text: '' };
  const original = expr;
  const text = () => original.getText(scope.sourceFile).slice(0, 200);
  if (depth > MAX_DEPTH) return { kind: 'unknown', text: text() };
  expr = unwrap(expr);
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return { kind: 'string', value: expr.text };
  if (ts.isNumericLiteral(expr)) return { kind: 'number', value: Number(expr.text) };
  if (expr.kind === ts.SyntaxKind.TrueKeyword) return { kind: 'boolean', value: true };
  if (expr.kind === ts.SyntaxKind.FalseKeyword) return { kind: 'boolean', value: false };
  const env = envName(expr);
  if (env) return { kind: 'env', name: env };

  if (ts.isIdentifier(expr)) {
    if (expr.text === '__dirname') return { kind: 'string', value: scope.dir };
    const init = scope.constants.get(expr.text);
    if (init && !scope.imports.has(expr.text)) return evaluate(init, scope, depth + 1);
    const from = scope.imports.get(expr.text);
    return { kind: 'ref', name: expr.text, module: from };
  }
  if (ts.isTemplateExpression(expr)) {
    let s = expr.head.text;
    for (const span of expr.templateSpans) {
      const v = evaluate(span.expression, scope, depth + 1);
      if (v.kind !== 'string' && v.kind !== 'number') return { kind: 'unknown', text: text() };
      s += String(v.value) + span.literal.text;
    }
    return { kind: 'string', value: s };
  }
  if (ts.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    if (op === ts.SyntaxKind.PlusToken) {
      const l = evaluate(expr.left, scope, depth + 1);
      const r = evaluate(expr.right, scope, depth + 1);
      if ((l.kind === 'string' || l.kind === 'number') && (r.kind === 'string' || r.kind === 'number')) return { kind: 'string', value: String(l.value) + String(r.value) };
      return { kind: 'unknown', text: text() };
    }
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
      const l = evaluate(expr.left, scope, depth + 1);
      const r = evaluate(expr.right, scope, depth + 1);
      if (l.kind === 'env' && r.kind === 'string') return { kind: 'string', value: r.value, envFallbackOf: l.name };
      if (l.kind === 'env') return l;
      return { kind: 'unknown', text: text() };
    }
  }
  if (ts.isArrayLiteralExpression(expr)) {
    const items: StaticValue[] = [];
    for (const el of expr.elements) {
      if (ts.isSpreadElement(el)) {
        const v = evaluate(el.expression, scope, depth + 1);
        if (v.kind === 'array') items.push(...v.items); else items.push({ kind: 'unknown', text: el.getText(scope.sourceFile) });
      } else items.push(evaluate(el, scope, depth + 1));
    }
    return { kind: 'array', items };
  }
  if (ts.isObjectLiteralExpression(expr)) {
    const props = new Map<string, StaticValue>();
    let complete = true;
    for (const p of expr.properties) {
      if (ts.isPropertyAssignment(p)) {
        const key = propertyKey(p.name);
        if (key === undefined) { complete = false; continue; }
        props.set(key, evaluate(p.initializer, scope, depth + 1));
      } else if (ts.isShorthandPropertyAssignment(p)) {
        props.set(p.name.text, evaluate(p.name, scope, depth + 1));
      } else if (ts.isSpreadAssignment(p)) {
        const v = evaluate(p.expression, scope, depth + 1);
        if (v.kind === 'object') { for (const [k, val] of v.props) props.set(k, val); complete &&= v.complete; } else complete = false;
      } else if (ts.isMethodDeclaration(p) && p.name) {
        const key = propertyKey(p.name);
        if (key) props.set(key, { kind: 'unknown', text: 'method' });
      }
    }
    return { kind: 'object', props, complete };
  }
  if (ts.isCallExpression(expr)) {
    const name = calleeName(expr.expression);
    const args = expr.arguments.map((a) => evaluate(a, scope, depth + 1));
    const strings = args.every((a) => a.kind === 'string') ? args.map((a) => (a as { value: string }).value) : undefined;
    if ((name === 'path.join' || name === 'join' || name === 'path.posix.join') && strings) return { kind: 'string', value: path.join(...strings) };
    if ((name === 'path.resolve' || name === 'resolve') && strings) return { kind: 'string', value: path.resolve(scope.cwd, ...strings) };
    if (name === 'process.cwd') return { kind: 'string', value: scope.cwd };
    // defineConfig({...}) (Prisma), identity wrappers
    if ((name === 'defineConfig' || name === 'Object.freeze') && args.length === 1) return args[0];
    if (name === 'Object.assign' && args.every((a) => a.kind === 'object')) {
      const props = new Map<string, StaticValue>();
      let complete = true;
      for (const a of args as Extract<StaticValue, { kind: 'object' }>[]) { for (const [k, v] of a.props) props.set(k, v); complete &&= a.complete; }
      return { kind: 'object', props, complete };
    }
  }
  return { kind: 'unknown', text: text() };
}

function propertyKey(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteral(name.expression)) return name.expression.text;
  return undefined;
}

/** A parsed JSON value (config.json, ormconfig.json) as a StaticValue. */
export function fromJson(v: unknown): StaticValue {
  if (typeof v === 'string') return { kind: 'string', value: v };
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  if (Array.isArray(v)) return { kind: 'array', items: v.map(fromJson) };
  if (v && typeof v === 'object') return { kind: 'object', props: new Map(Object.entries(v).map(([k, x]) => [k, fromJson(x)])), complete: true };
  return { kind: 'unknown', text: String(v) };
}

/** `export default X`, `module.exports = X`, `export = X` → X. */
export function exportedValue(scope: StaticScope): ts.Expression | undefined {
  for (const st of scope.sourceFile.statements) {
    if (ts.isExportAssignment(st)) return st.expression;
    if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = st.expression.left;
      if (ts.isPropertyAccessExpression(left) && left.name.text === 'exports' && ts.isIdentifier(left.expression) && left.expression.text === 'module') return st.expression.right;
    }
  }
  return undefined;
}

/** Every `new <Class>(arg0)` / `<fn>(arg0)` call in the file whose callee name is in `names`, with its first argument. */
export function findCalls(scope: StaticScope, names: Set<string>): { callee: string; arg?: ts.Expression; node: ts.Node }[] {
  const out: { callee: string; arg?: ts.Expression; node: ts.Node }[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isNewExpression(node) || ts.isCallExpression(node))) {
      const callee = calleeName(node.expression);
      const short = callee?.split('.').pop();
      if (callee && (names.has(callee) || (short && names.has(short)))) out.push({ callee: short!, arg: node.arguments?.[0], node });
    }
    ts.forEachChild(node, visit);
  };
  visit(scope.sourceFile);
  return out;
}

export function asString(v: StaticValue | undefined): string | undefined {
  return v?.kind === 'string' ? v.value : undefined;
}

export function asStrings(v: StaticValue | undefined): StaticValue[] {
  if (!v) return [];
  return v.kind === 'array' ? v.items : [v];
}

/** A short human description of a value that could not be used, for `unknowns` reasons. */
export function describe(v: StaticValue): string {
  switch (v.kind) {
    case 'env': return `the environment variable ${v.name}`;
    case 'ref': return `the identifier ${v.name}`;
    case 'unknown': return `\`${v.text}\``;
    default: return v.kind;
  }
}

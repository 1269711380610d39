import ts from 'typescript';
import { propertyNameText, unwrap } from '../ts/objectLiteral';

export type MigrationFunctionNode = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

export interface MigrationFunction {
  /** The function itself (its body is what the reader walks). */
  fn: MigrationFunctionNode;
  /** The node to take `upRange`/`downRange` from: the method, property or export statement. */
  rangeNode: ts.Node;
  /** Names the queryInterface goes by inside (`queryInterface`, `qi`, umzug's `{ context: queryInterface }`). */
  queryInterfaceNames: string[];
  /** Name of the second parameter (`Sequelize`, `DataTypes`), when present. */
  sequelizeName?: string;
}

export interface MigrationExports {
  up?: MigrationFunction;
  down?: MigrationFunction;
  /** The exported object (`module.exports = {…}`, `export default {…}`), when the migration is one. */
  container?: ts.Node;
  /** `up`/`down` exist but are not functions we can read (imported, computed). */
  unreadable: string[];
  /** The export's head (`module.exports =`, `export default`, `export const up`, `exports.up =`), as file offsets: findings about the whole migration sit there. */
  head?: { start: number; end: number };
}

/** `module.exports =` of `module.exports = {…}`; `export async function up` of a function; `export const up` of a variable. */
function exportHead(st: ts.Statement, sf: ts.SourceFile): { start: number; end: number } {
  const start = st.getStart(sf);
  if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression)) return { start, end: st.expression.operatorToken.getEnd() };
  if (ts.isExportAssignment(st)) return { start, end: st.getChildAt(1, sf).getEnd() };
  if (ts.isFunctionDeclaration(st) && st.name) return { start, end: st.name.getEnd() };
  if (ts.isVariableStatement(st)) return { start, end: st.declarationList.declarations[0].name.getEnd() };
  return { start, end: Math.min(st.getEnd(), sf.text.indexOf('\n', start) < 0 ? st.getEnd() : sf.text.indexOf('\n', start)) };
}

/**
 * Finds `up`/`down` in every export shape sequelize-cli and umzug accept: `module.exports = {…}`,
 * `exports.up =`, `module.exports.up =`, `export default {…}`, `export =`, `export const up =`,
 * `export async function up`, `export { up, down }`.
 */
export function findMigrationFunctions(sf: ts.SourceFile): MigrationExports {
  const result: MigrationExports = { unreadable: [] };
  const locals = topLevelDeclarations(sf);
  const take = (name: string, value: ts.Node | undefined, rangeNode: ts.Node): void => {
    if (name !== 'up' && name !== 'down') return;
    const fn = value && resolveFunction(value, locals, 0);
    // `{ up, down }` shorthand: the range worth pointing at is the function, not the one-word property.
    if (fn) result[name] = { fn, rangeNode: ts.isShorthandPropertyAssignment(rangeNode) ? fn : rangeNode, ...parameterNames(fn) };
    else if (!result[name]) result.unreadable.push(name);
  };
  const takeObject = (obj: ts.ObjectLiteralExpression): void => {
    result.container = obj;
    for (const p of obj.properties) {
      const name = propertyNameText(p.name as ts.PropertyName | undefined);
      if (!name) continue;
      if (ts.isMethodDeclaration(p)) take(name, p, p);
      else if (ts.isPropertyAssignment(p)) take(name, p.initializer, p);
      else if (ts.isShorthandPropertyAssignment(p)) take(name, p.name, p);
    }
  };
  const exportedValue = (expr: ts.Expression): void => {
    const obj = resolveObject(expr, locals, 0);
    if (obj) takeObject(obj);
  };

  for (const st of sf.statements) {
    const found = !!(result.up || result.down || result.container);
    visitExport(st);
    if (!found && (result.up || result.down || result.container)) result.head = exportHead(st, sf);
  }
  return result;

  function visitExport(st: ts.Statement): void {
    if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = unwrap(st.expression.left);
      const right = st.expression.right;
      if (isModuleExports(left)) exportedValue(right);
      else if (ts.isPropertyAccessExpression(left) && (isModuleExports(left.expression) || isIdentifier(left.expression, 'exports'))) take(left.name.text, right, st);
    } else if (ts.isExportAssignment(st)) {
      exportedValue(st.expression);
    } else if (ts.isFunctionDeclaration(st) && st.name && hasExportModifier(st)) {
      take(st.name.text, st, st);
    } else if (ts.isVariableStatement(st) && hasExportModifier(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) take(d.name.text, d.initializer, st);
    } else if (ts.isExportDeclaration(st) && !st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) {
        const local = (el.propertyName ?? el.name).text;
        const decl = locals.get(local);
        take(el.name.text, decl?.value ?? el.name, decl?.node ?? el);
      }
    }
  }
}

interface LocalDeclaration { node: ts.Node; value: ts.Node | undefined }

/** Top-level `function up() {}` and `const up = …` so that `module.exports = { up, down }` resolves. */
function topLevelDeclarations(sf: ts.SourceFile): Map<string, LocalDeclaration> {
  const map = new Map<string, LocalDeclaration>();
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name) map.set(st.name.text, { node: st, value: st });
    else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) map.set(d.name.text, { node: d, value: d.initializer });
    }
  }
  return map;
}

function resolveFunction(node: ts.Node, locals: Map<string, LocalDeclaration>, depth: number): MigrationFunctionNode | undefined {
  if (depth > 5) return undefined;
  if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) return node.body ? node : undefined;
  if (!ts.isExpression(node)) return undefined;
  const e = unwrap(node);
  if (ts.isFunctionExpression(e) || ts.isArrowFunction(e)) return e;
  if (ts.isIdentifier(e)) {
    const decl = locals.get(e.text);
    return decl?.value && decl.value !== node ? resolveFunction(decl.value, locals, depth + 1) : undefined;
  }
  // Wrappers such as `up: withTransaction(async (qi) => …)`: the last function argument is the body.
  if (ts.isCallExpression(e)) {
    for (let i = e.arguments.length - 1; i >= 0; i--) {
      const a = unwrap(e.arguments[i]);
      if (ts.isFunctionExpression(a) || ts.isArrowFunction(a)) return a;
    }
  }
  return undefined;
}

function resolveObject(expr: ts.Expression, locals: Map<string, LocalDeclaration>, depth: number): ts.ObjectLiteralExpression | undefined {
  if (depth > 5) return undefined;
  const e = unwrap(expr);
  if (ts.isObjectLiteralExpression(e)) return e;
  if (ts.isIdentifier(e)) {
    const v = locals.get(e.text)?.value;
    return v && ts.isExpression(v) ? resolveObject(v, locals, depth + 1) : undefined;
  }
  return undefined;
}

/** First parameter: `queryInterface`, or umzug's `{ context: queryInterface }` / `{ context }`. Second: `Sequelize`. */
function parameterNames(fn: MigrationFunctionNode): { queryInterfaceNames: string[]; sequelizeName?: string } {
  const names: string[] = [];
  const first = fn.parameters[0]?.name;
  if (first && ts.isIdentifier(first)) names.push(first.text);
  else if (first && ts.isObjectBindingPattern(first)) {
    for (const el of first.elements) {
      const key = el.propertyName ? propertyNameText(el.propertyName) : ts.isIdentifier(el.name) ? el.name.text : undefined;
      if (key !== 'context' && key !== 'queryInterface') continue;
      if (ts.isIdentifier(el.name)) names.push(el.name.text);
    }
  }
  const second = fn.parameters[1]?.name;
  return { queryInterfaceNames: names, sequelizeName: second && ts.isIdentifier(second) ? second.text : undefined };
}

function isModuleExports(e: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(e) && e.name.text === 'exports' && isIdentifier(e.expression, 'module');
}

function isIdentifier(e: ts.Expression, name: string): boolean {
  return ts.isIdentifier(e) && e.text === name;
}

function hasExportModifier(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some(m => m.kind === ts.SyntaxKind.ExportKeyword);
}

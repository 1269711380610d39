// References in an up/down body to the names ORM migrations pass around (queryInterface, Sequelize, DataTypes,
// queryRunner…) that no enclosing scope declares: the migration throws a ReferenceError when it reaches them.
// Only those names are judged, so a global the list does not know (fetch, structuredClone…) is never reported.
import ts from 'typescript';

/** What a migration body refers to by convention: a parameter, an import or a require. */
const ORM_NAMES = new Set(['queryInterface', 'queryRunner', 'Sequelize', 'DataTypes', 'sequelize', 'transaction', 'models', 'knex', 'pgm', 'db', 'manager']);

export interface UndeclaredReference { name: string; start: number; end: number }

function bindingNames(name: ts.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) { into.add(name.text); return; }
  for (const el of name.elements) if (!ts.isOmittedExpression(el)) bindingNames(el.name, into);
}

/** Names a scope node declares itself (not those of nested functions, which are their own scopes). */
function declaredIn(scope: ts.Node): Set<string> {
  const names = new Set<string>();
  if (ts.isFunctionLike(scope)) {
    for (const p of (scope as ts.SignatureDeclaration).parameters) bindingNames(p.name, names);
    const fnName = (scope as ts.FunctionLikeDeclaration).name;
    if (fnName && ts.isIdentifier(fnName)) names.add(fnName.text);
  }
  if (ts.isCatchClause(scope) && scope.variableDeclaration) bindingNames(scope.variableDeclaration.name, names);
  const visit = (n: ts.Node): void => {
    if (n !== scope && (ts.isFunctionLike(n) || ts.isClassLike(n))) {
      // A nested function's or class's own name belongs to this scope; its insides do not.
      const inner = (n as ts.FunctionLikeDeclaration | ts.ClassLikeDeclaration).name;
      if ((ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n)) && inner && ts.isIdentifier(inner)) names.add(inner.text);
      return;
    }
    if (ts.isVariableDeclaration(n)) bindingNames(n.name, names);
    else if (ts.isImportClause(n) && n.name) names.add(n.name.text);
    else if (ts.isNamespaceImport(n) || ts.isImportSpecifier(n) || ts.isImportEqualsDeclaration(n)) names.add(n.name.text);
    else if (ts.isEnumDeclaration(n) || ts.isModuleDeclaration(n)) { if (ts.isIdentifier(n.name)) names.add(n.name.text); }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(scope, visit);
  return names;
}

/** A reference, not a property name (`x.queryInterface`), an object key or a declaration's own name. */
function isReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isPropertySignature(p)) && p.name === id) return false;
  if (ts.isShorthandPropertyAssignment(p)) return true;
  if (ts.isBindingElement(p) || ts.isParameter(p) || ts.isVariableDeclaration(p) || ts.isFunctionLike(p) || ts.isClassLike(p)) return false;
  if (ts.isTypeReferenceNode(p) || ts.isQualifiedName(p) || ts.isTypeQueryNode(p)) return false;
  if (ts.isTypeOfExpression(p)) return false; // `typeof DataTypes !== 'undefined'` is how code probes safely
  if (ts.isImportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p) || ts.isExportSpecifier(p)) return false;
  return true;
}

export function undeclaredOrmReferences(body: ts.Node, sf: ts.SourceFile): UndeclaredReference[] {
  const out: UndeclaredReference[] = [];
  const cache = new Map<ts.Node, Set<string>>();
  const scopeNames = (n: ts.Node) => { let s = cache.get(n); if (!s) { s = declaredIn(n); cache.set(n, s); } return s; };
  const isDeclared = (id: ts.Identifier): boolean => {
    for (let n: ts.Node | undefined = id.parent; n; n = n.parent) {
      if ((ts.isFunctionLike(n) || ts.isSourceFile(n) || ts.isCatchClause(n) || ts.isClassLike(n)) && scopeNames(n).has(id.text)) return true;
    }
    return false;
  };
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && ORM_NAMES.has(n.text) && isReference(n) && !isDeclared(n)) out.push({ name: n.text, start: n.getStart(sf), end: n.getEnd() });
    ts.forEachChild(n, visit);
  };
  visit(body);
  return out;
}

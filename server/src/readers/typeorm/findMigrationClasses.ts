import ts from 'typescript';

export type MethodLike = ts.FunctionLikeDeclaration;

/** A class TypeORM would run as a migration, in any of the shapes TS sources and tsc output take. */
export interface MigrationClass {
  className: string;
  /** Where the class is named (`class AddUsers1700000000000`, `const X = class`, `function X()`): findings about the whole migration sit there. */
  nameNode?: ts.Node;
  /** The node the migration's range covers (class, or the `var X = (function () {…}())` statement). */
  node: ts.Node;
  up?: MethodLike;
  down?: MethodLike;
  /** Class fields and constructor `this.x = …` assignments, by name (`name`, `transaction`, `tableName`). */
  properties: Map<string, ts.Expression>;
  /** Static fields (`private static readonly TABLE = 'users'`), read as `ClassName.TABLE`. */
  staticProperties: Map<string, ts.Expression>;
  /** Every method by name, for helpers up/down call with the runner (`this.addAuditColumns(queryRunner)`). */
  methods: Map<string, MethodLike>;
  implementsInterface: boolean;
  /** The class says it has no down on purpose (`implements IrreversibleMigration`, n8n's convention). */
  declaredIrreversible?: boolean;
}

const TIMESTAMPED_NAME = /\D\d{10,17}$/;

/** Finds ES classes (declarations and expressions) and ES5 constructor functions with prototype up/down. */
export function findMigrationClasses(sourceFile: ts.SourceFile): MigrationClass[] {
  const found: MigrationClass[] = [];
  // Migration bodies are most of a file's nodes and never hold another migration: skip them.
  const skip = new Set<ts.Node>();
  const visit = (node: ts.Node): void => {
    if (skip.has(node)) return;
    if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) {
      const m = fromClass(node);
      if (m) { found.push(m); return; }
    } else if (ts.isSourceFile(node) || ts.isBlock(node) || ts.isModuleBlock(node)) {
      for (const m of fromPrototypeAssignments(node.statements)) {
        found.push(m);
        for (const fn of m.methods.values()) skip.add(fn);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function fromClass(node: ts.ClassLikeDeclaration): MigrationClass | undefined {
  const implementsInterface = !!node.heritageClauses?.some(
    (h) => h.token === ts.SyntaxKind.ImplementsKeyword && h.types.some((t) => /\bMigrationInterface$/.test(t.expression.getText())),
  );
  const properties = new Map<string, ts.Expression>();
  const staticProperties = new Map<string, ts.Expression>();
  const methods = new Map<string, MethodLike>();
  for (const member of node.members) {
    const name = member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? member.name.text : undefined;
    let fn: MethodLike | undefined;
    if (ts.isMethodDeclaration(member)) fn = member;
    else if (ts.isPropertyDeclaration(member) && member.initializer) {
      const init = member.initializer;
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) fn = init;
      else if (name) (isStatic(member) ? staticProperties : properties).set(name, init);
    } else if (ts.isConstructorDeclaration(member) && member.body) {
      collectThisAssignments(member.body, properties);
    }
    if (fn && name) methods.set(name, fn);
  }
  const up = methods.get('up');
  const down = methods.get('down');
  const className = classNameOf(node);
  // Up-only classes are migrations too when TypeORM's naming says so (`AddX1623936588000`):
  // irreversible ones in projects with their own interface (n8n's IrreversibleMigration) have no down.
  const shaped = !!up && up.parameters.length > 0 && (!!down || TIMESTAMPED_NAME.test(className));
  if (!implementsInterface && !shaped) return undefined;
  const declaredIrreversible = !!node.heritageClauses?.some((h) => h.types.some((t) => /\bIrreversible\w*$/.test(t.expression.getText())));
  return { className, nameNode: classNameNode(node), node, up, down, properties, staticProperties, methods, implementsInterface, ...(declaredIrreversible ? { declaredIrreversible } : {}) };
}

function classNameNode(node: ts.ClassLikeDeclaration): ts.Node | undefined {
  if (node.name) return node.name;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent)) return parent.name;
  if (ts.isBinaryExpression(parent)) return parent.left;
  if (ts.isPropertyAssignment(parent)) return parent.name;
  return undefined;
}

function isStatic(member: ts.ClassElement): boolean {
  return !!ts.getModifiers(member as ts.PropertyDeclaration)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
}

/** `class X`, or the name a class expression is bound to (`const X = class`, `exports.X = class`). */
function classNameOf(node: ts.ClassLikeDeclaration): string {
  if (node.name) return node.name.text;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isBinaryExpression(parent) && ts.isPropertyAccessExpression(parent.left)) return parent.left.name.text;
  if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return 'AnonymousMigration';
}

function collectThisAssignments(body: ts.Block, into: Map<string, ts.Expression>): void {
  for (const st of body.statements) {
    if (!ts.isExpressionStatement(st)) continue;
    const e = st.expression;
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(e.left)
      && e.left.expression.kind === ts.SyntaxKind.ThisKeyword) {
      into.set(e.left.name.text, e.right);
    }
  }
}

/** tsc's ES5 output: `function X() { this.name = … }` plus `X.prototype.up = function (queryRunner) {…}`. */
function fromPrototypeAssignments(statements: ts.NodeArray<ts.Statement>): MigrationClass[] {
  const byClass = new Map<string, Map<string, MethodLike>>();
  for (const st of statements) {
    if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression)) continue;
    const { left, right, operatorToken } = st.expression;
    if (operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isPropertyAccessExpression(left)) continue;
    if (!ts.isFunctionExpression(right) && !ts.isArrowFunction(right)) continue;
    const proto = left.expression;
    if (!ts.isPropertyAccessExpression(proto) || proto.name.text !== 'prototype' || !ts.isIdentifier(proto.expression)) continue;
    const entry = byClass.get(proto.expression.text) ?? new Map<string, MethodLike>();
    entry.set(left.name.text, right);
    byClass.set(proto.expression.text, entry);
  }
  const result: MigrationClass[] = [];
  for (const [className, methods] of byClass) {
    const up = methods.get('up');
    const down = methods.get('down');
    if (!up) continue;
    const properties = new Map<string, ts.Expression>();
    const ctor = statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === className);
    if (ctor?.body) collectThisAssignments(ctor.body, properties);
    result.push({ className, nameNode: ctor?.name, node: enclosingStatement(up), up, down, properties, staticProperties: new Map(), methods, implementsInterface: false });
  }
  return result;
}

/** From a prototype method up to the statement that holds the whole IIFE (`var X = (function () {…}())`). */
function enclosingStatement(fn: ts.Node): ts.Node {
  const assignment = fn.parent?.parent;
  let node: ts.Node | undefined = assignment?.parent;
  if (!assignment || !node || ts.isSourceFile(node) || !node.parent || !ts.isFunctionExpression(node.parent)) return assignment ?? fn;
  while (node.parent && !ts.isVariableStatement(node) && !ts.isExpressionStatement(node)) node = node.parent;
  return node;
}

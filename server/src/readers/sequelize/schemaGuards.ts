import ts from 'typescript';
import { staticString } from '../ts/evaluateString';
import { unwrap } from '../ts/objectLiteral';
import type { BodyContext } from './bodyContext';

/** queryInterface calls that look at the schema: code that branches on them is an idempotency guard. */
const PROBE_METHODS = new Set([
  'describeTable', 'showIndex', 'tableExists', 'showAllTables', 'getForeignKeysForTables',
  'getForeignKeyReferencesForTable', 'getForeignKeyReferencesForTables', 'showConstraint', 'pgListEnums',
]);
/** Raw SQL that reads the catalog. */
const PROBE_SQL = /information_schema|pg_catalog|pg_class|pg_index|pg_constraint|pg_attribute|pg_type|pg_enum|to_regclass|\bshow\s+(full\s+)?(columns|index|indexes|keys|tables|create)\b/i;

/** Variables (and `.then` callback parameters) that hold what a schema probe returned, transitively. */
export function collectProbeNames(body: ts.Node, bc: BodyContext): void {
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.initializer && containsProbe(node.initializer, bc)) addBindingNames(node.name, bc.probeNames);
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(node.left) && containsProbe(node.right, bc)) bc.probeNames.add(node.left.text);
    else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'then' && containsProbe(node.expression.expression, bc)) {
      const cb = node.arguments[0] && unwrap(node.arguments[0]);
      if (cb && (ts.isArrowFunction(cb) || ts.isFunctionExpression(cb))) for (const p of cb.parameters) addBindingNames(p.name, bc.probeNames);
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
}

function addBindingNames(name: ts.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) into.add(name.text);
  else for (const el of name.elements) if (!ts.isOmittedExpression(el)) addBindingNames(el.name, into);
}

/** Whether an expression asks the database about its schema (directly, or through a probe variable). */
export function containsProbe(node: ts.Node, bc: BodyContext): boolean {
  // Every operation asks about the same few conditions (early returns above it): remember the answers.
  const cached = bc.probeCache.get(node);
  if (cached !== undefined) return cached;
  const found = findProbe(node, bc);
  bc.probeCache.set(node, found);
  return found;
}

function findProbe(node: ts.Node, bc: BodyContext): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && bc.probeNames.has(n.text) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) { found = true; return; }
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const m = n.expression.name.text;
      if (PROBE_METHODS.has(m)) { found = true; return; }
      if (m === 'query' && n.arguments[0]) {
        const sql = staticString(n.arguments[0], bc.ev) ?? n.arguments[0].getText(bc.sf);
        if (PROBE_SQL.test(sql)) { found = true; return; }
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

export type GuardKind = 'schema-check' | 'error-swallowed';

/**
 * An operation is guarded when a branch on a schema probe decides whether it runs, or when its error is
 * swallowed (`try { … } catch {}` without an unconditional rethrow, `.catch(() => {})`): re-running it is harmless.
 */
export function guardOf(node: ts.Node, bc: BodyContext): GuardKind | undefined {
  const stop = bc.fn.fn;
  let child: ts.Node = node;
  for (let p = node.parent; p && child !== stop; child = p, p = p.parent) {
    if (ts.isIfStatement(p) && child !== p.expression && containsProbe(p.expression, bc)) return 'schema-check';
    if (ts.isConditionalExpression(p) && child !== p.condition && containsProbe(p.condition, bc)) return 'schema-check';
    if (ts.isBinaryExpression(p) && child === p.right && isShortCircuit(p.operatorToken.kind) && containsProbe(p.left, bc)) return 'schema-check';
    if ((ts.isBlock(p) || ts.isSourceFile(p) || ts.isCaseClause(p) || ts.isDefaultClause(p)) && child.pos >= firstEarlyExitEnd(p, bc)) return 'schema-check';
    if (ts.isTryStatement(p) && child === p.tryBlock && p.catchClause && !rethrows(p.catchClause.block)) return 'error-swallowed';
    if (ts.isPropertyAccessExpression(p) && child === p.expression && p.name.text === 'catch' && ts.isCallExpression(p.parent) && p.parent.expression === p) {
      const handler = p.parent.arguments[0] && unwrap(p.parent.arguments[0]);
      if (handler && (ts.isArrowFunction(handler) || ts.isFunctionExpression(handler)) && !(ts.isBlock(handler.body) && rethrows(handler.body))) return 'error-swallowed';
    }
  }
  return undefined;
}

/** A catch block that ends by throwing whatever happened (`catch (e) { await t.rollback(); throw e; }`). */
function rethrows(block: ts.Block): boolean {
  return block.statements.some(st => ts.isThrowStatement(st));
}

function isShortCircuit(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.AmpersandAmpersandToken || kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.QuestionQuestionToken;
}

/** End of the first `if (await queryInterface.tableExists('t')) return;` in a block (Infinity when none): what follows it is guarded. */
function firstEarlyExitEnd(block: ts.Block | ts.SourceFile | ts.CaseOrDefaultClause, bc: BodyContext): number {
  const cached = bc.earlyExitEnd.get(block);
  if (cached !== undefined) return cached;
  let end = Infinity;
  for (const st of block.statements) {
    if (ts.isIfStatement(st) && !st.elseStatement && exits(st.thenStatement) && containsProbe(st.expression, bc)) { end = st.end; break; }
  }
  bc.earlyExitEnd.set(block, end);
  return end;
}

function exits(st: ts.Statement): boolean {
  if (ts.isReturnStatement(st) || ts.isThrowStatement(st)) return true;
  if (ts.isBlock(st)) { const last = st.statements[st.statements.length - 1]; return !!last && exits(last); }
  return false;
}

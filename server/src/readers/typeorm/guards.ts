import ts from 'typescript';
import { unwrap } from '../ts/objectLiteral';
import { staticString, type EvaluateContext } from '../ts/evaluateString';
import type { RunnerReceivers } from './runnerReceivers';

/** QueryRunner methods that only look at the schema: a branch on their answer makes the code idempotent. */
const CHECK_METHODS = new Set([
  'hasTable', 'hasColumn', 'hasDatabase', 'hasSchema', 'getTable', 'getTables', 'getView', 'getViews',
  'hasIndex', 'hasForeignKey', 'hasUniqueConstraint', 'hasCheckConstraint', 'hasPrimaryKey', 'hasEnumType',
]);

/** A helper of the project's own that answers a schema question (`columnExists(…)`, `hasIndex(…)`). */
const CHECK_HELPER = /^(has[A-Z]\w*|\w*[eE]xists?|exists\w*|find\w*|get(Table|Column|Index|Constraint)s?)$/;

/**
 * Decides whether a call in an up/down method only runs when a schema check says so:
 * inside `if (await qr.hasColumn(…))` (or its negation, a ternary, `&&`/`||`), or after
 * `if (…check…) return;`. Variables that hold a check's answer (`const table = await qr.getTable(…)`,
 * `const fk = table.foreignKeys.find(…)`) count as checks too.
 */
export class GuardDetector {
  private readonly checkVariables = new Set<string>();
  private readonly exitCache = new Map<ts.Node, number | undefined>();

  constructor(
    private readonly body: ts.Node,
    private readonly receivers: RunnerReceivers,
    private readonly evaluate: EvaluateContext,
  ) {
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && node.initializer && this.isCheck(node.initializer)) this.addNames(node.name);
      ts.forEachChild(node, visit);
    };
    visit(body);
  }

  isGuarded(node: ts.Node): boolean {
    let child: ts.Node = node;
    for (let a = node.parent; a && child !== this.body; child = a, a = a.parent) {
      if (ts.isIfStatement(a) && child !== a.expression && this.isCheck(a.expression)) return true;
      if (ts.isConditionalExpression(a) && child !== a.condition && this.isCheck(a.condition)) return true;
      if (ts.isBinaryExpression(a) && child === a.right && isLogical(a.operatorToken.kind) && this.isCheck(a.left)) return true;
      if (ts.isBlock(a) || ts.isSourceFile(a) || ts.isCaseClause(a) || ts.isDefaultClause(a)) {
        const firstExit = this.firstCheckedExit(a);
        if (firstExit !== undefined && child.pos >= firstExit) return true;
      }
    }
    return this.guardedByGeneratorJump(node);
  }

  /**
   * tsc's ES5 state machine: `case 0: return [4, qr.hasColumn(…)]; case 1: if (!!(_a.sent())) return [3, 3]; …`.
   * What follows such a jump, up to its target label (or to the end for `return [2]`), only runs on one answer.
   */
  private guardedByGeneratorJump(node: ts.Node): boolean {
    let clause: ts.Node | undefined = node.parent;
    while (clause && clause !== this.body && !ts.isCaseClause(clause)) clause = clause.parent;
    if (!clause || !ts.isCaseClause(clause)) return false;
    const clauses = clause.parent.clauses;
    let activeUntil: number | undefined;
    let lastYieldWasCheck = false;
    for (const c of clauses) {
      const label = ts.isCaseClause(c) && ts.isNumericLiteral(c.expression) ? Number(c.expression.text) : undefined;
      if (activeUntil !== undefined && label !== undefined && label >= activeUntil) activeUntil = undefined;
      for (const st of c.statements) {
        if (st.pos <= node.pos && node.end <= st.end) return activeUntil !== undefined;
        const instruction = generatorInstruction(ts.isIfStatement(st) ? st.thenStatement : st);
        if (ts.isIfStatement(st) && lastYieldWasCheck && instruction && /\.sent\(\)/.test(st.expression.getText())) {
          if (instruction.op === 3 && instruction.arg) activeUntil = Number(instruction.arg.getText());
          if (instruction.op === 2) activeUntil = Infinity;
        } else if (instruction?.op === 4) {
          lastYieldWasCheck = !!instruction.arg && this.isCheck(instruction.arg);
        }
      }
    }
    return false;
  }

  /** End of the first `if (…check…) return;` in a statement list, computed once per list (migrations can be long). */
  private firstCheckedExit(list: ts.Block | ts.SourceFile | ts.CaseOrDefaultClause): number | undefined {
    if (this.exitCache.has(list)) return this.exitCache.get(list);
    let end: number | undefined;
    for (const st of list.statements) {
      if (ts.isIfStatement(st) && exits(st.thenStatement) && this.isCheck(st.expression)) { end = st.end; break; }
    }
    this.exitCache.set(list, end);
    return end;
  }

  /** Does the expression ask the database about its schema (directly or through a check variable)? */
  isCheck(expr: ts.Node): boolean {
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (ts.isIdentifier(node) && this.checkVariables.has(node.text)) { found = true; return; }
      if (ts.isCallExpression(node)) {
        const callee = unwrap(node.expression);
        const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
        if (name && ts.isPropertyAccessExpression(callee)) {
          const kind = this.receivers.kindOf(callee.expression);
          if (kind && CHECK_METHODS.has(name)) { found = true; return; }
          if (kind && name === 'query' && isSelect(node.arguments[0], this.evaluate)) { found = true; return; }
          if (!kind && CHECK_HELPER.test(name)) { found = true; return; }
        } else if (name && CHECK_HELPER.test(name)) { found = true; return; }
      }
      ts.forEachChild(node, visit);
    };
    visit(expr);
    return found;
  }

  private addNames(name: ts.BindingName): void {
    if (ts.isIdentifier(name)) { this.checkVariables.add(name.text); return; }
    for (const el of name.elements) if (!ts.isOmittedExpression(el)) this.addNames(el.name);
  }
}

function isLogical(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.AmpersandAmpersandToken || kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.QuestionQuestionToken;
}

/** A branch that leaves the method or the loop iteration: what follows it only runs when the check failed. */
function exits(st: ts.Statement): boolean {
  if (ts.isReturnStatement(st) || ts.isThrowStatement(st) || ts.isContinueStatement(st) || ts.isBreakStatement(st)) return true;
  if (ts.isBlock(st)) {
    const last = st.statements[st.statements.length - 1];
    return !!last && exits(last);
  }
  return false;
}

/** Catalog lookups: a query that asks about the schema, not about rows. */
const SCHEMA_INTROSPECTION = /information_schema|pg_catalog|pg_(class|index|indexes|constraint|type|enum|attribute|tables|namespace)\b|to_regclass|to_regtype|^\s*show\s+(full\s+)?(columns|fields|index|indexes|keys|tables|create)\b/i;

/** A `SELECT …` on information_schema / pg_catalog (or a `SHOW COLUMNS`) run only to decide what to do. */
export function isSelect(arg: ts.Expression | undefined, evaluate: EvaluateContext): boolean {
  if (!arg) return false;
  const e = unwrap(arg);
  const text = staticString(arg, evaluate) ?? (ts.isTemplateExpression(e) ? e.getText() : undefined);
  return !!text && /^\s*[`'"]?\s*(\(\s*)?(select|show)\b/i.test(text) && SCHEMA_INTROSPECTION.test(text);
}

/** `return [4 /*yield*\/, expr]`, `return [3 /*break*\/, 5]`, `return [2 /*return*\/]` in tsc's __generator bodies. */
function generatorInstruction(st: ts.Statement): { op: number; arg?: ts.Expression } | undefined {
  const ret = ts.isBlock(st) && st.statements.length === 1 ? st.statements[0] : st;
  if (!ts.isReturnStatement(ret) || !ret.expression || !ts.isArrayLiteralExpression(ret.expression)) return undefined;
  const [op, arg] = ret.expression.elements;
  if (!op || !ts.isNumericLiteral(op)) return undefined;
  return { op: Number(op.text), arg };
}

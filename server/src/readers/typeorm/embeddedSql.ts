import ts from 'typescript';
import type { Operation } from '../../model/migration';
import { snippet } from '../../model/text';
import { evaluateString, type EvaluatedString } from '../ts/evaluateString';
import { unwrap } from '../ts/objectLiteral';
import { restorePlaceholderNames, settleDynamicStatements } from '../ts/placeholderNames';
import { readSql } from '../sql';
import { awaitedNode, nodeSpan, problemAt, type TypeormReadState } from './readState';

const READ_SQL = /^\s*(?:(?:--[^\n]*\n|\/\*[\s\S]*?\*\/)\s*)*(select|show|describe|desc|explain)\b/i;

/**
 * `queryRunner.query(sql, params?)`: evaluates the SQL argument statically and hands it to the
 * SQL reader with an offset map, so each statement's range lands on its text in this file.
 * SQL that cannot be computed without running the code becomes one `unknown` operation.
 */
export function embeddedSqlOperations(state: TypeormReadState, call: ts.CallExpression, method: string): Operation[] {
  const arg = call.arguments[0];
  const evaluated = arg && evaluateSqlArgument(state, arg);
  if (!evaluated) {
    const what = arg ? snippet(arg.getText(state.sourceFile), 80) : '(no argument)';
    state.problems.push(problemAt(state, arg ?? call, 'unresolved-sql', 'info',
      `The SQL passed to ${method}() is computed at run time (${what}); Safe Migrations cannot check it.`));
    const node = awaitedNode(call);
    return [{
      kind: 'unknown', guarded: false, ...nodeSpan(state, node), via: 'sql', text: snippet(node.getText(state.sourceFile)),
      reason: `dynamic SQL: ${what}`, details: { call: method },
    }];
  }
  // `const rows = await queryRunner.query('SELECT …')`: a probe or a data read whose result the code
  // uses, not a schema or data change (a bare `await queryRunner.query('SELECT …')` still shows).
  const node = awaitedNode(call);
  if (READ_SQL.test(evaluated.text) && !(node.parent && ts.isExpressionStatement(node.parent))) return [];
  const { fileOffsets } = evaluated;
  const last = fileOffsets.length - 1;
  const result = readSql(evaluated.text, {
    dialect: state.dialect,
    lines: state.ctx.lines,
    mapOffset: (i) => fileOffsets[Math.max(0, Math.min(i, last))],
  });
  state.problems.push(...settleDynamicStatements(result.operations, result.problems, evaluated.placeholders, fileOffsets));
  if (state.dialect === 'unknown' && result.dialect !== 'unknown' && result.operations.length > 0) {
    state.dialect = result.dialect;
    state.learnedDialect = result.dialect;
  }
  const placeholders = evaluated.placeholders.map((p) => ({ name: p.name, expression: p.expression, ...(p.known !== undefined ? { known: p.known } : {}) }));
  for (const op of result.operations) {
    op.details = { ...op.details, call: method, ...(placeholders.length ? { placeholders } : {}) };
    restorePlaceholderNames(op, placeholders);
  }
  return result.operations;
}

/**
 * A bare constant (`await queryRunner.query(CREATE_USERS)`) is evaluated at its declaration, so
 * statement ranges point at the SQL text itself rather than at the one identifier.
 */
function evaluateSqlArgument(state: TypeormReadState, arg: ts.Expression): EvaluatedString | undefined {
  const e = unwrap(arg);
  if (ts.isIdentifier(e)) {
    const init = state.evaluate.constants.get(e.text);
    const initInner = init && unwrap(init);
    if (initInner && (ts.isStringLiteral(initInner) || ts.isNoSubstitutionTemplateLiteral(initInner) || ts.isTemplateExpression(initInner))) {
      const atDeclaration = evaluateString(initInner, state.evaluate);
      if (atDeclaration) return atDeclaration;
    }
  }
  return evaluateString(arg, state.evaluate);
}

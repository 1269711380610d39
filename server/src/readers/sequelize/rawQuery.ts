import ts from 'typescript';
import type { Operation } from '../../model/migration';
import { snippet } from '../../model/text';
import { evaluateString } from '../ts/evaluateString';
import { propertyValue, unwrap } from '../ts/objectLiteral';
import { restorePlaceholderNames, settleDynamicStatements } from '../ts/placeholderNames';
import { readSql } from '../sql/index';
import { apiOperation, operationNode, type BodyContext } from './bodyContext';
import { maskQueryPlaceholders } from './queryReplacements';

const READ_SQL = /^\s*(?:(?:--[^\n]*\n|\/\*[\s\S]*?\*\/)\s*)*(select|show|describe|desc|explain|with)\b/i;

/** `queryInterface.sequelize.query(sql)`: the SQL goes through the SQL reader with ranges mapped back into the file. */
export function readRawQuery(call: ts.CallExpression, bc: BodyContext, inTransaction: boolean): Operation[] {
  const arg = call.arguments[0];
  const evaluated = arg && evaluateString(arg, bc.ev);
  if (!evaluated) {
    const o = apiOperation('unknown', call, 'sequelize.query', bc);
    o.details!.call = 'sequelize.query';
    o.reason = `dynamic SQL: ${snippet(arg ? arg.getText(bc.sf) : '(no argument)', 80)}`;
    const at = arg ?? call;
    const start = at.getStart(bc.sf);
    bc.problems.push({
      message: `Cannot read the SQL of this query statically (${snippet(at.getText(bc.sf), 60)}); it is not checked.`,
      range: bc.lines.range(start, at.getEnd()),
      severity: 'info',
      code: 'unresolved-sql',
    });
    return [o];
  }
  // A SELECT whose result the code uses is a probe or a data read, not a change.
  const node = operationNode(call);
  if (READ_SQL.test(evaluated.text) && !(node.parent && ts.isExpressionStatement(node.parent))) return [];
  if (READ_SQL.test(evaluated.text) && declaresSelect(call.arguments[1])) return [];
  const offsets = evaluated.fileOffsets;
  const last = offsets.length - 1;
  const sql = withoutPlaceholders(evaluated.text, call.arguments[1], bc);
  const result = readSql(sql, {
    dialect: bc.dialect,
    lines: bc.lines,
    mapOffset: i => offsets[Math.max(0, Math.min(i, last))],
    inTransaction: inTransaction || undefined,
  });
  bc.problems.push(...settleDynamicStatements(result.operations, result.problems, evaluated.placeholders, offsets));
  if (bc.dialect === 'unknown' && result.dialect !== 'unknown' && result.operations.length) bc.learnedDialect ??= result.dialect;
  const placeholders = evaluated.placeholders.map(p => p.expression);
  for (const o of result.operations) {
    // The parser saw masked placeholders; show the statement as the user wrote it.
    if (sql !== evaluated.text) o.text = snippet(originalSlice(evaluated.text, offsets, o.offset) ?? o.text);
    // callStart: statements of one query() call share it (PostgreSQL runs a multi-statement query as one implicit transaction).
    o.details = { ...o.details, call: 'sequelize.query', callStart: call.getStart(bc.sf) };
    if (placeholders.length) o.details.placeholders = placeholders;
    restorePlaceholderNames(o, evaluated.placeholders);
    if (inTransaction) o.inTransaction = true;
  }
  return result.operations;
}

/** `{ type: QueryTypes.SELECT }` / `{ type: Sequelize.QueryTypes.SELECT }` / `{ type: 'SELECT' }`. */
function declaresSelect(options: ts.Expression | undefined): boolean {
  const o = options && unwrap(options);
  if (!o || !ts.isObjectLiteralExpression(o)) return false;
  const t = propertyValue(o, 'type');
  return !!t && /(^|\.|')SELECT'?$/.test(t.getText());
}

/** `{ replacements: {…} | […] }` or `{ bind }`: mask what Sequelize substitutes, so the SQL parses. */
function withoutPlaceholders(sql: string, options: ts.Expression | undefined, bc: BodyContext): string {
  const o = options && unwrap(options);
  if (!o || !ts.isObjectLiteralExpression(o)) return sql;
  const replacements = propertyValue(o, 'replacements');
  if (!replacements && !propertyValue(o, 'bind')) return sql;
  const flavor = bc.dialect === 'mysql' || bc.dialect === 'mariadb' ? 'mysql' : 'postgres';
  return maskQueryPlaceholders(sql, flavor, !!replacements && ts.isArrayLiteralExpression(unwrap(replacements)));
}

/** The part of the evaluated SQL whose characters map into the file range [start, end). */
function originalSlice(text: string, offsets: Int32Array, range: { start: number; end: number }): string | undefined {
  let from = -1;
  let to = -1;
  for (let i = 0; i < text.length; i++) {
    if (offsets[i] >= range.start && offsets[i] < range.end) { if (from < 0) from = i; to = i + 1; }
  }
  return from < 0 ? undefined : text.slice(from, to);
}

// SQL passed as a string argument (`knex.raw(sql)`, `pgm.sql(sql)`): evaluated statically and read by
// the SQL reader with an offset map, so each statement's range lands on its text in the file.
import ts from 'typescript';
import type { Dialect, Operation, Problem } from '../../model/migration';
import { snippet, type LineIndex } from '../../model/text';
import { evaluateString, type EvaluateContext, type EvaluatedString } from './evaluateString';
import { unwrap } from './objectLiteral';
import { restorePlaceholderNames, settleDynamicStatements } from './placeholderNames';
import { readSql } from '../sql';

export interface SqlArgumentContext {
  ev: EvaluateContext;
  lines: LineIndex;
  dialect: Dialect;
  problems: Problem[];
}

export interface SqlArgumentResult {
  /** undefined when the SQL is computed at run time. */
  operations?: Operation[];
  /** The dialect the SQL showed, when the file's was unknown. */
  learnedDialect?: Dialect;
}

/** Reads the SQL of `arg`; `label` names the call in details and messages (`knex.raw`, `pgm.sql`). */
export function readSqlArgument(arg: ts.Expression, label: string, c: SqlArgumentContext): SqlArgumentResult {
  const evaluated = evaluateAtDeclaration(arg, c.ev);
  if (!evaluated) {
    const start = arg.getStart(c.ev.sourceFile);
    c.problems.push({
      code: 'unresolved-sql', severity: 'info', range: c.lines.range(start, arg.getEnd()),
      message: `The SQL passed to ${label}() is computed at run time (${snippet(arg.getText(c.ev.sourceFile), 60)}); Safe Migrations cannot check it.`,
    });
    return {};
  }
  const { fileOffsets } = evaluated;
  const last = fileOffsets.length - 1;
  const result = readSql(evaluated.text, { dialect: c.dialect, lines: c.lines, mapOffset: (i) => fileOffsets[Math.max(0, Math.min(i, last))] });
  c.problems.push(...settleDynamicStatements(result.operations, result.problems, evaluated.placeholders, fileOffsets));
  const placeholders = evaluated.placeholders.map((p) => ({ name: p.name, expression: p.expression, ...(p.known !== undefined ? { known: p.known } : {}) }));
  for (const op of result.operations) {
    op.details = { ...op.details, call: label, ...(placeholders.length ? { placeholders } : {}) };
    restorePlaceholderNames(op, placeholders);
  }
  const learned = c.dialect === 'unknown' && result.dialect !== 'unknown' && result.operations.length > 0 ? result.dialect : undefined;
  return { operations: result.operations, ...(learned ? { learnedDialect: learned } : {}) };
}

/** A bare constant (`knex.raw(CREATE_USERS)`) is evaluated at its declaration, so ranges point at the SQL itself. */
function evaluateAtDeclaration(arg: ts.Expression, ev: EvaluateContext): EvaluatedString | undefined {
  const e = unwrap(arg);
  if (ts.isIdentifier(e)) {
    const init = ev.constants.get(e.text);
    const inner = init && unwrap(init);
    if (inner && (ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner) || ts.isTemplateExpression(inner))) {
      const at = evaluateString(inner, ev);
      if (at) return at;
    }
  }
  return evaluateString(arg, ev);
}

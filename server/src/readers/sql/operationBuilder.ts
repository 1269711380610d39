import type { Dialect, Operation, OperationKind, Problem, Range } from '../../model/migration';
import { snippet, type LineIndex } from '../../model/text';

/** What is shared while one SQL text is read: where positions go, and BEGIN…COMMIT state. */
export class OperationBuilder {
  readonly operations: Operation[] = [];
  readonly problems: Problem[] = [];
  private openTransaction = false;
  private readonly mapOffset: (o: number) => number;

  constructor(readonly sql: string, readonly lines: LineIndex, mapOffset: ((o: number) => number) | undefined,
    private readonly codeTransaction: boolean, readonly dialect: Dialect) {
    this.mapOffset = mapOffset ?? ((o) => o);
  }

  /**
   * A builder for a text derived from this one (an unescaped string literal holding SQL): its
   * offsets go through `toOuter` into this text, then on into the file.
   */
  derive(sql: string, toOuter: (o: number) => number): OperationBuilder {
    return new OperationBuilder(sql, this.lines, (o) => this.mapOffset(toOuter(o)), this.codeTransaction || this.openTransaction, this.dialect);
  }

  /** File offsets of sql[start, end). */
  fileSpan(start: number, end: number): { start: number; end: number } {
    const s = this.mapOffset(start);
    const e = end > start ? this.mapOffset(end - 1) + 1 : s;
    return { start: s, end: Math.max(s, e) };
  }

  fileRange(start: number, end: number): Range {
    const f = this.fileSpan(start, end);
    return this.lines.range(f.start, f.end);
  }

  /**
   * An operation for sql[start, end). `statement` is the whole statement when the operation is one
   * action of several (ALTER TABLE a, b): then `text` is the statement and range is the action.
   */
  op(kind: OperationKind, start: number, end: number, fields: Partial<Operation> = {},
    statement?: { start: number; end: number }): Operation {
    const span = this.fileSpan(start, end);
    const textFrom = statement ?? { start, end };
    const op: Operation = {
      kind,
      guarded: false,
      range: this.lines.range(span.start, span.end),
      offset: span,
      via: 'sql',
      text: statementText(this.sql, textFrom.start, textFrom.end),
      ...fields,
    };
    if (statement && (statement.start !== start || statement.end !== end)) {
      op.details = { ...op.details, statementOffset: this.fileSpan(statement.start, statement.end) };
    }
    if (this.codeTransaction || this.openTransaction) op.inTransaction = true;
    return op;
  }

  push(...ops: Operation[]): void {
    for (const op of ops) {
      this.operations.push(op);
      if (op.kind === 'transactionControl') {
        if (op.transaction === 'begin') this.openTransaction = true;
        // ROLLBACK TO SAVEPOINT keeps the transaction open.
        else if (op.transaction === 'commit' || (op.transaction === 'rollback' && !op.details?.savepoint)) this.openTransaction = false;
      }
    }
  }

  problem(code: string, severity: Problem['severity'], message: string, start: number, end: number): void {
    this.problems.push({ code, severity, message, range: this.fileRange(start, Math.max(end, start)) });
  }
}

/** snippet() of sql[start, end), skipping its regex when the text is already one short line (the common case). */
function statementText(sql: string, start: number, end: number): string {
  if (end - start <= 300) {
    let plain = true;
    for (let i = start; i < end; i++) {
      const c = sql.charCodeAt(i);
      if (c < 32 || (c === 32 && sql.charCodeAt(i + 1) === 32)) { plain = false; break; }
    }
    if (plain) return sql.slice(start, end).trim();
  }
  return snippet(sql.slice(start, Math.min(end, start + 2000)));
}

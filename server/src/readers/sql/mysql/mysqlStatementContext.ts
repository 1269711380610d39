import type { OperationBuilder } from '../operationBuilder';
import { TokenView } from '../sqlSource';
import type { MysqlCursor } from './mysqlTokens';

/** One MySQL/MariaDB statement being read. */
export class MysqlStatementContext {
  readonly tv: TokenView;
  /** Parts that could not be read (reported once per statement as `sql-unparsed`). */
  unreadable = 0;

  constructor(readonly b: OperationBuilder, readonly start: number, readonly end: number, readonly dialect: 'mysql' | 'mariadb') {
    this.tv = new TokenView(b.sql, start, end, 'mysql');
  }

  get sql(): string { return this.b.sql; }

  /** Records that part of the statement was not understood; an info, since MySQL coverage is partial. */
  unparsed(message: string, at?: MysqlCursor): void {
    this.unreadable++;
    const span = at ? this.tv.span(at.i, at.end) : { start: this.start, end: this.end };
    this.b.problem('sql-unparsed', 'info', message, span.start === span.end ? this.start : span.start, span.start === span.end ? this.end : span.end);
  }
}

import { readSql, type SqlReadResult } from '../../../server/src/readers/sql';
import type { Dialect, Operation } from '../../../server/src/model/migration';
import { LineIndex } from '../../../server/src/model/text';

/** Reads SQL as a whole file (identity offset map). */
export function read(sql: string, dialect: Dialect, inTransaction = false): SqlReadResult {
  return readSql(sql, { dialect, lines: new LineIndex(sql), inTransaction });
}

/** The file text an operation's offsets point at. */
export function at(sql: string, op: Operation): string {
  return sql.slice(op.offset.start, op.offset.end);
}

export function kinds(r: SqlReadResult): string[] {
  return r.operations.map((o) => o.kind);
}

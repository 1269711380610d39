import type { Operation } from '../../../model/migration';
import { Utf8OffsetMap } from '../../../model/text';
import type { OperationBuilder } from '../operationBuilder';
import { readToken, skipTrivia } from '../sqlLexer';
import { PgStatementContext, type PgNode } from './pgNode';
import { pgStatementOps } from './pgStatement';

/**
 * Maps a libpg-query parse result of `b.sql[base, base + parsedLength)` to operations. Statement
 * spans come from stmt_location/stmt_len (UTF-8 bytes), trimmed of surrounding comments.
 */
export function mapParseResult(result: PgNode, b: OperationBuilder, base: number, parsedLength: number,
  visit: (ops: Operation[], ctx: PgStatementContext) => void): void {
  const sql = b.sql;
  const parsed = base === 0 && parsedLength === sql.length ? sql : sql.slice(base, base + parsedLength);
  const map = new Utf8OffsetMap(parsed);
  const loc = (byte: number) => base + map.toChar(byte);
  const limit = base + parsedLength;
  const comments = new CommentCursor(sql);
  for (const raw of result?.stmts ?? []) {
    const byteStart = raw.stmt_location ?? 0;
    let start = loc(byteStart);
    let end = raw.stmt_len ? loc(byteStart + raw.stmt_len) : limit;
    start = skipTrivia(sql, start, 'postgres', end).pos;
    end = comments.hasComment(start, end) ? lastTokenEnd(sql, start, end) : trimEnd(sql, start, end);
    if (end <= start) continue;
    const ctx = new PgStatementContext(b, start, end, loc);
    let ops: Operation[];
    try {
      ops = pgStatementOps(raw.stmt, ctx);
    } catch (e) {
      // A parse tree shape the mapping did not expect loses only its own statement.
      ops = [b.op('unknown', start, end, { reason: `reader error: ${(e as Error).message}` })];
    }
    visit(ops, ctx);
  }
}

function trimEnd(sql: string, start: number, end: number): number {
  while (end > start) {
    const c = sql.charCodeAt(end - 1);
    if (c === 32 || (c >= 9 && c <= 13) || c === 59) end--; else break;
  }
  return end;
}

/** End of the last token before `end`, skipping trailing comments. */
function lastTokenEnd(sql: string, start: number, end: number): number {
  let i = start;
  let last = start;
  for (;;) {
    const t = skipTrivia(sql, i, 'postgres', end);
    if (t.pos >= end) break;
    const next = nextTokenEnd(sql, t.pos, end);
    if (sql.charCodeAt(t.pos) !== 59) last = next;
    i = next;
  }
  return last;
}

function nextTokenEnd(sql: string, pos: number, end: number): number {
  return Math.max(pos + 1, readToken(sql, pos, 'postgres', end).end);
}

/** Finds whether a span contains `--` or `/*` with cursors that only move forward (no O(n²) rescans). */
class CommentCursor {
  private dash = -1;
  private block = -1;
  constructor(private readonly sql: string) {}
  hasComment(start: number, end: number): boolean {
    if (this.dash !== Infinity && this.dash < start) { const d = this.sql.indexOf('--', start); this.dash = d < 0 ? Infinity : d; }
    if (this.block !== Infinity && this.block < start) { const d = this.sql.indexOf('/*', start); this.block = d < 0 ? Infinity : d; }
    return this.dash < end || this.block < end;
  }
}

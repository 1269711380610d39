import type { Operation } from '../../../model/migration';
import { MysqlCursor } from './mysqlTokens';
import type { MysqlStatementContext } from './mysqlStatementContext';

/**
 * MySQL has no `ADD COLUMN IF NOT EXISTS`, so migrations guard DDL with a prepared statement:
 *   SET @sql = IF(@exists = 0, 'ALTER TABLE t ADD COLUMN c INT', 'SELECT 1');
 *   PREPARE stmt FROM @sql; EXECUTE stmt;
 * The SQL in the IF branches is what runs: read it (guarded, since a condition picks it) with
 * ranges inside the string literal. `read` is the statement reader, passed in to avoid an import cycle.
 */
export function preparedIfBranches(ctx: MysqlStatementContext, from: number, to: number,
  read: (b: MysqlStatementContext['b']) => void): Operation[] {
  const c = new MysqlCursor(ctx.tv, from, to);
  if (!c.accept('IF') || !c.punct('(')) return [];
  const close = Math.min(ctx.tv.closeParen(c.i), to);
  const args = ctx.tv.splitTopLevel(c.i + 1, close - 1);
  const ops: Operation[] = [];
  for (const arg of args.slice(1, 3)) {
    if (arg.to - arg.from !== 1) continue;
    const tok = ctx.tv.tokens[arg.from];
    if (tok.kind !== 'string' || ctx.sql[tok.start] !== "'") continue;
    const literal = unquoteMysqlString(ctx.sql, tok.start, tok.end);
    if (!literal || /^\s*(select|do)\b/i.test(literal.text) || !/^\s*[A-Za-z]/.test(literal.text)) continue;
    const inner = ctx.b.derive(literal.text, (o) => literal.offsets[Math.min(o, literal.offsets.length - 1)]);
    read(inner);
    ctx.b.problems.push(...inner.problems);
    for (const op of inner.operations) {
      op.guarded = true;
      op.details = { ...op.details, preparedStatement: true };
      ops.push(op);
    }
  }
  return ops;
}

/** `'it''s \'x\''` → its text, and for each character its offset in sql (end included). */
function unquoteMysqlString(sql: string, start: number, end: number): { text: string; offsets: number[] } | undefined {
  if (end - start < 2 || sql[end - 1] !== "'") return undefined;
  let text = '';
  const offsets: number[] = [];
  for (let i = start + 1; i < end - 1; i++) {
    const ch = sql[i];
    if ((ch === "'" && sql[i + 1] === "'") || ch === '\\') {
      const next = sql[i + 1];
      offsets.push(i);
      text += ch === '\\' ? ({ n: '\n', t: '\t', r: '\r', '0': '\0' } as Record<string, string>)[next] ?? next : "'";
      i++;
      continue;
    }
    offsets.push(i);
    text += ch;
  }
  offsets.push(end - 1);
  return { text, offsets };
}

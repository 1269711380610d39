import { parsePlPgSQLSync, parseSync } from 'libpg-query';
import type { Operation } from '../../../model/migration';
import { mapParseResult } from './pgParseResult';
import type { PgNode, PgStatementContext } from './pgNode';

interface InnerSql { query: string; dynamic: boolean; guarded: boolean }

/**
 * `DO $$ BEGIN IF NOT EXISTS (…) THEN <ddl>; END IF; END $$`: the usual idempotency guard. Reads the
 * statements inside (plain or `EXECUTE '<literal>'`) as guarded operations; a block that cannot be
 * read stays one rawSql 'DO'.
 */
export function pgDoBlock(s: PgNode, ctx: PgStatementContext): Operation[] {
  const args: PgNode[] = (s.args ?? []).map((a: PgNode) => a.DefElem).filter(Boolean);
  const body = args.find((d) => d.defname === 'as')?.arg?.String?.sval;
  const language = args.find((d) => d.defname === 'language')?.arg?.String?.sval;
  const raw = (reason?: string) => [ctx.b.op('rawSql', ctx.start, ctx.end, { statement: 'DO', ...(reason ? { reason } : {}) })];
  if (typeof body !== 'string' || (language && language.toLowerCase() !== 'plpgsql')) return raw();

  let tree: PgNode;
  try { tree = parsePlPgSQLSync(ctx.sql.slice(ctx.start, ctx.end)); } catch (e) { return raw(`PL/pgSQL: ${(e as Error).message}`); }
  const inner: InnerSql[] = [];
  for (const f of tree?.plpgsql_funcs ?? []) collect(f?.PLpgSQL_function?.action, false, inner);

  const bodyStart = locateBody(ctx, body);
  const ops: Operation[] = [];
  let cursor = 0;
  let unreadable = 0;
  for (const item of inner) {
    const at = body.indexOf(item.query, cursor);
    if (at < 0) { unreadable++; continue; }
    cursor = at + item.query.length;
    let text = item.query;
    let builder = ctx.b;
    let base = bodyStart + at;
    if (item.dynamic) {
      const literal = unquoteLiteral(item.query);
      if (!literal) { unreadable++; continue; }
      text = literal.text;
      const literalStart = bodyStart + at;
      builder = ctx.b.derive(text, (o) => literalStart + literal.offsets[Math.min(o, literal.offsets.length - 1)]);
      base = 0;
    }
    let parsed: PgNode;
    try { parsed = parseSync(text); } catch { unreadable++; continue; }
    if (builder !== ctx.b) ctx.b.problems.push(...builder.problems);
    mapParseResult(parsed, builder, base, text.length, (innerOps) => {
      for (const op of innerOps) {
        op.details = { ...op.details, doBlock: true, ...(item.dynamic ? { dynamic: true } : {}) };
        if (item.guarded) op.guarded = true;
        ops.push(op);
      }
    });
  }
  if (!ops.length) return raw(unreadable ? 'statements inside the DO block could not be read' : undefined);
  if (unreadable) ops.push(...raw(`${unreadable} statement(s) inside the DO block could not be read`));
  return ops;
}

/** `'ALTER … DEFAULT ''x'''` → its text, and for each character its offset in the literal (end included). */
function unquoteLiteral(query: string): { text: string; offsets: number[] } | undefined {
  const lead = query.length - query.trimStart().length;
  const q = query.trim();
  if (!/^'(?:[^']|'')*'$/.test(q)) return undefined;
  let text = '';
  const offsets: number[] = [];
  for (let i = 1; i < q.length - 1; i++) {
    // A doubled quote maps to its second half, so a range ending on it covers both.
    if (q[i] === "'") i++;
    offsets.push(lead + i);
    text += q[i];
  }
  offsets.push(lead + q.length - 1);
  return { text, offsets };
}

/** Offset in the SQL of the first character of the DO body (inside its dollar quote or string). */
function locateBody(ctx: PgStatementContext, body: string): number {
  for (const t of ctx.tokens.tokens) {
    if (t.kind !== 'string') continue;
    const text = ctx.sql.slice(t.start, t.end);
    const open = text.startsWith('$') ? text.indexOf('$', 1) + 1 : text.indexOf("'") + 1;
    if (text.length - open > 0 && (body.length === 0 || text.startsWith(body.slice(0, 16), open))) return t.start + open;
  }
  return ctx.start;
}

/** Walks PL/pgSQL statements; inside IF branches or blocks with EXCEPTION handlers counts as guarded. */
function collect(node: PgNode, guarded: boolean, out: InnerSql[]): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) { for (const n of node) collect(n, guarded, out); return; }
  const type = Object.keys(node)[0];
  const s = node[type];
  switch (type) {
    case 'PLpgSQL_stmt_block':
      collect(s.body, guarded || !!s.exceptions, out);
      return;
    case 'PLpgSQL_stmt_if':
      collect(s.then_body, true, out);
      for (const e of s.elsif_list ?? []) collect(e?.PLpgSQL_if_elsif?.stmts, true, out);
      collect(s.else_body, true, out);
      return;
    case 'PLpgSQL_stmt_execsql': {
      const q = s.sqlstmt?.PLpgSQL_expr?.query;
      if (typeof q === 'string') out.push({ query: q, dynamic: false, guarded });
      return;
    }
    case 'PLpgSQL_stmt_dynexecute': {
      const q = s.query?.PLpgSQL_expr?.query;
      if (typeof q === 'string') out.push({ query: q, dynamic: true, guarded });
      return;
    }
    default:
      if (s && typeof s === 'object') for (const k of ['body', 'stmts']) if (s[k]) collect(s[k], guarded, out);
  }
}

import { tokenize, type SqlFlavor } from '../sql/sqlLexer';

/**
 * Sequelize fills `:name` and `?` (replacements) and `$name` (bind) before the SQL reaches the server;
 * neither parser accepts them. Masks each with a literal of the same length, so offsets stay exact.
 */
export function maskQueryPlaceholders(sql: string, flavor: SqlFlavor, positional: boolean): string {
  const tokens = tokenize(sql, 0, sql.length, flavor);
  const edits: { start: number; end: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'punct') continue;
    const ch = sql[t.start];
    const next = tokens[i + 1];
    const prev = tokens[i - 1];
    if (ch === '?' && positional) edits.push({ start: t.start, end: t.end });
    else if ((ch === ':' || ch === '$') && next?.kind === 'word' && next.start === t.end
      && !(prev && prev.kind === 'punct' && prev.end === t.start && sql[prev.start] === ':')) {
      edits.push({ start: t.start, end: next.end });
      i++;
    }
  }
  if (edits.length === 0) return sql;
  let out = '';
  let at = 0;
  for (const e of edits) {
    const len = e.end - e.start;
    out += sql.slice(at, e.start) + (len === 1 ? '0' : `'${'x'.repeat(len - 2)}'`);
    at = e.end;
  }
  return out + sql.slice(at);
}

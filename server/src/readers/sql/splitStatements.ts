import { readToken, skipTrivia, type SqlFlavor, type SqlToken } from './sqlLexer';

export interface SqlStatementSpan {
  /** Offset of the statement's first token. */
  start: number;
  /** Offset just after its last token (the delimiter is not included). */
  end: number;
  /** Why the statement runs to the end of the text (unclosed string, comment, dollar quote). */
  unterminated?: string;
}

export interface SplitIssue { message: string; start: number; end: number }

export interface SplitResult { statements: SqlStatementSpan[]; issues: SplitIssue[] }

const ROUTINE_KINDS = new Set(['PROCEDURE', 'FUNCTION', 'TRIGGER', 'EVENT']);
const END_SUFFIX_NO_BLOCK = new Set(['IF', 'LOOP', 'WHILE', 'REPEAT']);

/**
 * Splits a SQL script into statements with their offsets. Understands quotes, comments, PostgreSQL
 * dollar quotes, MySQL `DELIMITER` lines and `BEGIN … END` bodies of routines written without a
 * custom delimiter. Never throws: unclosed strings and comments become issues.
 */
export function splitStatements(sql: string, flavor: SqlFlavor): SplitResult {
  const statements: SqlStatementSpan[] = [];
  const issues: SplitIssue[] = [];
  const n = sql.length;
  let delimiter = ';';
  let start = -1;
  let last = -1;
  let headWords = 0;
  let routine = false;
  let sawCreate = false;
  let depth = 0;
  let i = 0;

  const finish = (unterminated?: string) => {
    if (start >= 0) statements.push(unterminated ? { start, end: last, unterminated } : { start, end: last });
    start = -1; last = -1; headWords = 0; routine = false; sawCreate = false; depth = 0;
  };

  while (i < n) {
    const t = skipTrivia(sql, i, flavor);
    if (t.unterminated) {
      issues.push({ message: t.unterminated.message, start: t.unterminated.start, end: n });
      if (start >= 0) { last = n; finish(t.unterminated.message); }
      break;
    }
    i = t.pos;
    if (i >= n) break;

    if (delimiter !== ';' && sql.startsWith(delimiter, i)) { finish(); i += delimiter.length; continue; }

    if (flavor === 'mysql' && start < 0 && /^delimiter\b/i.test(sql.slice(i, i + 10)) && isLineStart(sql, i)) {
      let e = i;
      while (e < n && sql.charCodeAt(e) !== 10 && sql.charCodeAt(e) !== 13) e++;
      const next = sql.slice(i + 9, e).trim().split(/\s+/)[0];
      if (next) delimiter = next;
      i = e;
      continue;
    }

    // psql meta-commands (`\set ON_ERROR_STOP on`, `\connect db`) run to the end of their line.
    if (flavor === 'postgres' && start < 0 && sql.charCodeAt(i) === 92 && isLineStart(sql, i)) {
      const e = lineEnd(sql, i);
      statements.push({ start: i, end: e });
      i = e;
      continue;
    }

    const tok = readToken(sql, i, flavor);
    if (delimiter !== ';' && (tok.kind === 'word' || tok.kind === 'punct' || tok.kind === 'number')) {
      // `END$$`: a custom delimiter may touch the token before it.
      const k = sql.slice(tok.start, tok.end).indexOf(delimiter);
      if (k > 0) tok.end = tok.start + k;
    }
    if (tok.unterminated) {
      issues.push({ message: tok.unterminated, start: tok.start, end: n });
      if (start < 0) start = tok.start;
      last = n;
      finish(tok.unterminated);
      break;
    }
    i = tok.end;

    if (delimiter === ';' && tok.kind === 'punct' && sql.charCodeAt(tok.start) === 59 && depth <= 0) {
      const copyFromStdin = flavor === 'postgres' && start >= 0 && /^COPY\b[\s\S]*\bFROM\s+STDIN\b/i.test(sql.slice(start, last));
      finish();
      // pg_dump's `COPY … FROM stdin;` is followed by data rows up to a `\.` line: data, not SQL.
      if (copyFromStdin) i = afterCopyData(sql, i);
      continue;
    }
    if (start < 0) start = tok.start;
    last = tok.end;
    if (tok.kind === 'word') trackBlocks(tok);
    else if (tok.kind === 'punct' && sql.charCodeAt(tok.start) === 40) headWords = 99; // past the head of the statement
  }
  if (start >= 0) finish();
  return { statements, issues };

  // Routine bodies (CREATE PROCEDURE … BEGIN … END) contain `;` that do not end the statement.
  function trackBlocks(tok: SqlToken): void {
    const w = sql.slice(tok.start, tok.end).toUpperCase();
    if (headWords < 8) {
      headWords++;
      if (headWords === 1) sawCreate = w === 'CREATE';
      else if (sawCreate && ROUTINE_KINDS.has(w)) routine = true;
    }
    if (!routine || delimiter !== ';') return;
    if (w === 'BEGIN' || (w === 'CASE' && depth > 0)) { depth++; return; }
    if (w === 'END') {
      const after = skipTrivia(sql, tok.end, flavor).pos;
      const nextTok = after < n ? readToken(sql, after, flavor) : undefined;
      const nextWord = nextTok?.kind === 'word' ? sql.slice(nextTok.start, nextTok.end).toUpperCase() : '';
      if (END_SUFFIX_NO_BLOCK.has(nextWord)) { i = nextTok!.end; last = i; return; }
      if (nextWord === 'CASE') { i = nextTok!.end; last = i; }
      depth--;
    }
  }
}

function isLineStart(sql: string, i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const c = sql.charCodeAt(k);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function lineEnd(sql: string, i: number): number {
  let e = i;
  while (e < sql.length && sql.charCodeAt(e) !== 10 && sql.charCodeAt(e) !== 13) e++;
  return e;
}

/** Offset after the `\.` line that ends COPY data starting on the line after `from`. */
function afterCopyData(sql: string, from: number): number {
  const m = /\r?\n\\\.[ \t]*(?=\r?\n|$)/.exec(sql.slice(from));
  return m ? from + m.index + m[0].length : from;
}

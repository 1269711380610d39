// A small SQL lexer shared by the statement splitter and the source-text helpers. It only needs to
// know where tokens, strings, quoted names and comments begin and end; it never throws.

export type SqlFlavor = 'postgres' | 'mysql';

export type SqlTokenKind = 'word' | 'quoted' | 'string' | 'number' | 'punct' | 'param';

export interface SqlToken {
  kind: SqlTokenKind;
  start: number;
  end: number;
  /** Set when a string, quoted name or dollar quote reaches the end of the text unclosed. */
  unterminated?: string;
}

export interface TriviaResult {
  /** First offset at or after the start that is not whitespace or comment. */
  pos: number;
  /** Set when a block comment is never closed (pos is then the end of the text). */
  unterminated?: { message: string; start: number };
}

function isSpace(c: number): boolean { return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff; }
function isWordStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}
function isWordPart(c: number, flavor: SqlFlavor): boolean {
  return isWordStart(c) || (c >= 48 && c <= 57) || c === 36 /* $ */ || (flavor === 'mysql' && c === 64 /* @ */);
}
function isDigit(c: number): boolean { return c >= 48 && c <= 57; }

/** Skips whitespace and comments (`--`, `/* *\/` nested in PostgreSQL, `#` in MySQL). */
export function skipTrivia(sql: string, from: number, flavor: SqlFlavor, to = sql.length): TriviaResult {
  let i = from;
  while (i < to) {
    const c = sql.charCodeAt(i);
    if (isSpace(c)) { i++; continue; }
    if (c === 45 && sql.charCodeAt(i + 1) === 45) {
      // MySQL needs whitespace (or the end) after `--` for it to start a comment.
      const after = sql.charCodeAt(i + 2);
      if (flavor === 'postgres' || i + 2 >= to || isSpace(after) || after < 32) { i = lineEnd(sql, i, to); continue; }
      return { pos: i };
    }
    if (c === 35 && flavor === 'mysql') { i = lineEnd(sql, i, to); continue; }
    if (c === 47 && sql.charCodeAt(i + 1) === 42) {
      const start = i;
      let depth = 1;
      i += 2;
      while (i < to && depth > 0) {
        const d = sql.charCodeAt(i);
        if (d === 42 && sql.charCodeAt(i + 1) === 47) { depth--; i += 2; continue; }
        if (flavor === 'postgres' && d === 47 && sql.charCodeAt(i + 1) === 42) { depth++; i += 2; continue; }
        i++;
      }
      if (depth > 0) return { pos: to, unterminated: { message: 'Unterminated /* comment', start } };
      continue;
    }
    return { pos: i };
  }
  return { pos: Math.min(i, to) };
}

function lineEnd(sql: string, i: number, to: number): number {
  while (i < to) {
    const c = sql.charCodeAt(i);
    if (c === 10 || c === 13) return i;
    i++;
  }
  return to;
}

/** Reads the closing quote of a `'`/`"`/`` ` `` literal opened at `open`; doubled quotes escape, and backslashes when asked. */
function readQuoted(sql: string, open: number, quote: number, backslash: boolean, to: number): number {
  let i = open + 1;
  while (i < to) {
    const c = sql.charCodeAt(i);
    if (backslash && c === 92) { i += 2; continue; }
    if (c === quote) {
      if (sql.charCodeAt(i + 1) === quote && i + 1 < to) { i += 2; continue; }
      return i + 1;
    }
    i++;
  }
  return -1;
}

const DOLLAR_TAG = /\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;

/** Reads one token starting exactly at `pos` (call skipTrivia first). */
export function readToken(sql: string, pos: number, flavor: SqlFlavor, to = sql.length): SqlToken {
  const c = sql.charCodeAt(pos);
  if (c === 39 /* ' */) {
    const escapes = flavor === 'mysql' || isEscapePrefix(sql, pos);
    const end = readQuoted(sql, pos, 39, escapes, to);
    return end < 0 ? { kind: 'string', start: pos, end: to, unterminated: 'Unterminated string literal' } : { kind: 'string', start: pos, end };
  }
  if (c === 34 /* " */) {
    const mysql = flavor === 'mysql';
    const end = readQuoted(sql, pos, 34, mysql, to);
    const kind = mysql ? 'string' : 'quoted';
    return end < 0 ? { kind, start: pos, end: to, unterminated: mysql ? 'Unterminated string literal' : 'Unterminated quoted identifier' } : { kind, start: pos, end };
  }
  if (c === 96 /* ` */ && flavor === 'mysql') {
    const end = readQuoted(sql, pos, 96, false, to);
    return end < 0 ? { kind: 'quoted', start: pos, end: to, unterminated: 'Unterminated `quoted` identifier' } : { kind: 'quoted', start: pos, end };
  }
  if (c === 36 /* $ */ && flavor === 'postgres') {
    if (isDigit(sql.charCodeAt(pos + 1))) {
      let i = pos + 1;
      while (i < to && isDigit(sql.charCodeAt(i))) i++;
      return { kind: 'param', start: pos, end: i };
    }
    DOLLAR_TAG.lastIndex = pos;
    const m = DOLLAR_TAG.exec(sql);
    if (m) {
      const close = sql.indexOf(m[0], pos + m[0].length);
      if (close < 0 || close + m[0].length > to) return { kind: 'string', start: pos, end: to, unterminated: `Unterminated dollar-quoted string ${m[0]}` };
      return { kind: 'string', start: pos, end: close + m[0].length };
    }
    return { kind: 'punct', start: pos, end: pos + 1 };
  }
  if (isWordStart(c) || (flavor === 'mysql' && (c === 64 || c === 36))) {
    let i = pos + 1;
    while (i < to && isWordPart(sql.charCodeAt(i), flavor)) i++;
    return { kind: 'word', start: pos, end: i };
  }
  if (isDigit(c) || (c === 46 && isDigit(sql.charCodeAt(pos + 1)))) {
    let i = pos + 1;
    while (i < to) {
      const d = sql.charCodeAt(i);
      if (isDigit(d) || d === 46 || isWordStart(d)) i++;
      else break;
    }
    return { kind: 'number', start: pos, end: i };
  }
  return { kind: 'punct', start: pos, end: Math.min(pos + 1, to) };
}

/** `E'…'` (and `e'…'`) strings take backslash escapes in PostgreSQL. */
function isEscapePrefix(sql: string, quote: number): boolean {
  const p = sql.charCodeAt(quote - 1);
  if (p !== 69 && p !== 101) return false;
  return quote < 2 || !isWordPart(sql.charCodeAt(quote - 2), 'postgres');
}

/** All tokens of sql[from, to), comments skipped. */
export function tokenize(sql: string, from: number, to: number, flavor: SqlFlavor): SqlToken[] {
  const out: SqlToken[] = [];
  let i = from;
  for (;;) {
    const t = skipTrivia(sql, i, flavor, to);
    if (t.pos >= to) break;
    const tok = readToken(sql, t.pos, flavor, to);
    // An `E` directly before a quote belongs to the string.
    if (tok.kind === 'word' && tok.end - tok.start === 1 && sql.charCodeAt(tok.end) === 39 && flavor === 'postgres') {
      const str = readToken(sql, tok.end, flavor, to);
      out.push({ ...str, start: tok.start });
      i = str.end;
      continue;
    }
    out.push(tok);
    i = tok.end;
  }
  return out;
}

/** Upper-cased text of a word token (for keyword comparisons). */
export function upper(sql: string, t: SqlToken | undefined): string {
  return t && t.kind === 'word' ? sql.slice(t.start, t.end).toUpperCase() : '';
}

/** The name a word or quoted token stands for, unquoted (`"My Table"` → My Table). */
export function identifierName(sql: string, t: SqlToken): string {
  const raw = sql.slice(t.start, t.end);
  if (t.kind === 'quoted' || (t.kind === 'string' && (raw[0] === '"' || raw[0] === "'"))) {
    const q = raw[0];
    return raw.slice(1, raw.length - (t.unterminated ? 0 : 1)).split(q + q).join(q);
  }
  return raw;
}

export function isPunct(sql: string, t: SqlToken | undefined, ch: string): boolean {
  return !!t && t.kind === 'punct' && sql.charCodeAt(t.start) === ch.charCodeAt(0);
}

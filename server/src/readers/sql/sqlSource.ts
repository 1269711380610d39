// Source-text helpers over a token list: where a clause or an expression starts and ends, so that
// defaults, CHECK and USING expressions are reported exactly as the user wrote them.
import { isPunct, tokenize, upper, type SqlFlavor, type SqlToken } from './sqlLexer';

export interface Span { start: number; end: number }

/** A tokenised slice of a SQL text. */
export class TokenView {
  readonly tokens: SqlToken[];
  constructor(readonly sql: string, readonly start: number, readonly end: number, readonly flavor: SqlFlavor) {
    this.tokens = tokenize(sql, start, end, flavor);
  }

  word(i: number): string { return upper(this.sql, this.tokens[i]); }
  isPunct(i: number, ch: string): boolean { return isPunct(this.sql, this.tokens[i], ch); }
  text(i: number): string { const t = this.tokens[i]; return t ? this.sql.slice(t.start, t.end) : ''; }

  /** Index of the first token starting at or after `offset`. */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid].start < offset) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /** Splits tokens [from, to) at commas outside parentheses. */
  splitTopLevel(from: number, to = this.tokens.length): { from: number; to: number }[] {
    const parts: { from: number; to: number }[] = [];
    let depth = 0;
    let partStart = from;
    for (let i = from; i < to; i++) {
      if (this.isPunct(i, '(') || this.isPunct(i, '[')) depth++;
      else if (this.isPunct(i, ')') || this.isPunct(i, ']')) depth--;
      else if (depth === 0 && this.isPunct(i, ',')) { parts.push({ from: partStart, to: i }); partStart = i + 1; }
    }
    if (partStart < to) parts.push({ from: partStart, to });
    return parts;
  }

  /** Offsets covered by tokens [from, to). */
  span(from: number, to: number): Span {
    if (to <= from || from >= this.tokens.length) {
      const at = this.tokens[Math.min(from, this.tokens.length - 1)]?.start ?? this.start;
      return { start: at, end: at };
    }
    return { start: this.tokens[from].start, end: this.tokens[Math.min(to, this.tokens.length) - 1].end };
  }

  slice(from: number, to: number): string {
    const s = this.span(from, to);
    return this.sql.slice(s.start, s.end);
  }

  /** Index just past the parenthesised group opening at `open`. */
  closeParen(open: number): number {
    let depth = 0;
    for (let i = open; i < this.tokens.length; i++) {
      if (this.isPunct(i, '(')) depth++;
      else if (this.isPunct(i, ')')) { depth--; if (depth === 0) return i + 1; }
    }
    return this.tokens.length;
  }

  /**
   * End (exclusive token index) of an expression starting at `from`: stops at a comma, `;` or
   * unmatched `)` outside parentheses, at `limit`, or before a word in `stopWords` at depth 0.
   */
  expressionEnd(from: number, limit = this.tokens.length, stopWords?: Set<string>): number {
    let depth = 0;
    for (let i = from; i < limit; i++) {
      if (this.isPunct(i, '(') || this.isPunct(i, '[')) depth++;
      else if (this.isPunct(i, ')') || this.isPunct(i, ']')) { if (depth === 0) return i; depth--; }
      else if (depth === 0 && (this.isPunct(i, ',') || this.isPunct(i, ';'))) return i;
      else if (depth === 0 && i > from && stopWords && stopWords.has(this.word(i))) return i;
    }
    return limit;
  }

  /** Index of the first word `w` at parenthesis depth 0 in [from, to), or -1. */
  findWord(w: string, from = 0, to = this.tokens.length): number {
    let depth = 0;
    for (let i = from; i < to; i++) {
      if (this.isPunct(i, '(')) depth++;
      else if (this.isPunct(i, ')')) depth--;
      else if (depth === 0 && this.word(i) === w) return i;
    }
    return -1;
  }
}

/** Removes one pair of parentheses that wraps the whole text: `(a > 0)` → `a > 0`. */
export function stripOuterParens(text: string): string {
  const t = text.trim();
  if (!t.startsWith('(') || !t.endsWith(')')) return t;
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '(') depth++;
    else if (t[i] === ')') { depth--; if (depth === 0 && i < t.length - 1) return t; }
  }
  return t.slice(1, -1).trim();
}

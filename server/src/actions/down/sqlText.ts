// Small, quote-aware pieces of SQL text: the down generator needs the definitions exactly as the
// history wrote them (types, defaults, index keys), which the neutral model keeps only normalised.
import type { Dialect } from '../../model/migration';

/** Splits at `separator` outside parentheses, quotes and identifiers. */
export function splitTopLevel(text: string, separator: ',' | ' '): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"' || ch === '`') { i = closingQuote(text, i); continue; }
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && (separator === ',' ? ch === ',' : /\s/.test(ch))) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}

function closingQuote(text: string, open: number): number {
  const q = text[open];
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\' && q === "'") { i++; continue; }
    if (text[i] === q) {
      if (text[i + 1] === q) { i++; continue; }
      return i;
    }
  }
  return text.length - 1;
}

/** Index of the parenthesis that closes the one at `open`. */
export function matchingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"' || ch === '`') { i = closingQuote(text, i); continue; }
    if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

export function unquoteIdentifier(id: string): string {
  const t = id.trim();
  if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith('`') && t.endsWith('`'))) return t.slice(1, -1);
  return t;
}

export function quoteIdentifier(name: string, dialect: Dialect): string {
  return dialect === 'postgres' ? `"${name.replace(/"/g, '""')}"` : `\`${name.replace(/`/g, '``')}\``;
}

/** Identifier at the start of `text` (quoted or bare) and what follows it. */
export function leadingIdentifier(text: string): { name: string; rest: string } {
  const t = text.trimStart();
  if (t[0] === '"' || t[0] === '`') {
    const end = closingQuote(t, 0);
    return { name: t.slice(1, end).replace(t[0] === '"' ? /""/g : /``/g, t[0]), rest: t.slice(end + 1).trimStart() };
  }
  const m = /^[^\s(,]+/.exec(t);
  const word = m ? m[0] : '';
  return { name: word, rest: t.slice(word.length).trimStart() };
}

/** A column definition as written: the parts a down needs to put it back or change it back. */
export interface ColumnDefinition {
  name: string;
  /** Type exactly as written (`VARCHAR(100)`, `"Role"`, `INT UNSIGNED`). */
  type: string;
  notNull: boolean;
  /** Default expression as written, without the DEFAULT keyword. */
  default?: string;
  /** Everything else in source order (AUTO_INCREMENT, PRIMARY KEY, COLLATE …, ON UPDATE …). */
  extra: string[];
}

const CLAUSE_START = new Set(['NOT', 'NULL', 'DEFAULT', 'PRIMARY', 'UNIQUE', 'REFERENCES', 'CHECK', 'CONSTRAINT', 'GENERATED', 'COLLATE', 'AUTO_INCREMENT', 'COMMENT', 'ON', 'CHARSET', 'FIRST', 'AFTER', 'AS', 'KEY', 'INVISIBLE', 'VISIBLE']);

function startsClause(words: string[], i: number): boolean {
  const w = words[i].toUpperCase();
  if (w === 'CHARACTER') return words[i + 1]?.toUpperCase() === 'SET';
  // PRIMARY KEY / UNIQUE KEY: KEY belongs to the clause before it (MySQL also has a bare KEY, which starts one).
  if (w === 'KEY' && /^(PRIMARY|UNIQUE)$/i.test(words[i - 1] ?? '')) return false;
  return CLAUSE_START.has(w);
}

/** `"name" VARCHAR(100) NOT NULL DEFAULT 'x'` → its parts. */
export function parseColumnDefinition(text: string): ColumnDefinition {
  const { name, rest } = leadingIdentifier(text);
  const words = splitTopLevel(rest, ' ');
  let i = 0;
  const type: string[] = [];
  while (i < words.length && (type.length === 0 || !startsClause(words, i))) type.push(words[i++]);
  const def: ColumnDefinition = { name, type: type.join(' '), notNull: false, extra: [] };
  while (i < words.length) {
    const w = words[i].toUpperCase();
    if (w === 'NOT' && words[i + 1]?.toUpperCase() === 'NULL') { def.notNull = true; i += 2; continue; }
    if (w === 'NULL') { i++; continue; }
    if (w === 'FIRST') { i++; continue; }
    if (w === 'AFTER') { i += 2; continue; }
    if (w === 'DEFAULT') {
      const expr: string[] = [];
      i++;
      while (i < words.length && (expr.length === 0 || !startsClause(words, i))) expr.push(words[i++]);
      def.default = expr.join(' ');
      continue;
    }
    const clause: string[] = [words[i++]];
    while (i < words.length && !startsClause(words, i)) clause.push(words[i++]);
    // PRIMARY KEY / CHARACTER SET / ON UPDATE keep their second word with them.
    def.extra.push(clause.join(' '));
  }
  return def;
}

export function renderColumnDefinition(c: ColumnDefinition, dialect: Dialect): string {
  const parts = [quoteIdentifier(c.name, dialect), c.type];
  if (c.notNull) parts.push('NOT NULL');
  else if (dialect !== 'postgres') parts.push('NULL');
  if (c.default !== undefined) parts.push(`DEFAULT ${c.default}`);
  parts.push(...c.extra);
  return parts.join(' ');
}

/** Replaces a quoted or bare identifier `from` by `to` in a piece of SQL (index keys, predicates, check bodies). */
export function renameIdentifier(sql: string, from: string, to: string, dialect: Dialect): string {
  const esc = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const quoted = dialect === 'postgres' ? new RegExp(`"${esc}"`, 'g') : new RegExp(`\`${esc}\``, 'g');
  const bare = new RegExp(`(?<![\\w"\`'.])${esc}(?![\\w"\`'])`, 'gi');
  return sql.replace(quoted, quoteIdentifier(to, dialect)).replace(bare, quoteIdentifier(to, dialect));
}

/** Text of an ALTER TABLE action after its leading keywords, e.g. `ALTER COLUMN "x" TYPE int` → `TYPE int` for column "x". */
export function stripLeading(text: string, pattern: RegExp): string | undefined {
  const m = pattern.exec(text);
  return m ? text.slice(m[0].length).trim() : undefined;
}

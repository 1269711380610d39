import { identifierName } from '../sqlLexer';
import type { TokenView } from '../sqlSource';

/** A cursor over the tokens of one MySQL statement, for the small recursive-descent readers here. */
export class MysqlCursor {
  constructor(readonly tv: TokenView, public i: number, readonly end: number) {}

  get done(): boolean { return this.i >= this.end; }
  word(offset = 0): string { return this.i + offset < this.end ? this.tv.word(this.i + offset) : ''; }
  punct(ch: string, offset = 0): boolean { return this.i + offset < this.end && this.tv.isPunct(this.i + offset, ch); }

  /** Consumes the words given, in order, if they all come next. */
  accept(...words: string[]): boolean {
    for (let k = 0; k < words.length; k++) if (this.word(k) !== words[k]) return false;
    this.i += words.length;
    return true;
  }

  acceptPunct(ch: string): boolean {
    if (!this.punct(ch)) return false;
    this.i++;
    return true;
  }

  /** IF EXISTS / IF NOT EXISTS, as MariaDB allows on many clauses. */
  ifExists(): boolean { return this.accept('IF', 'EXISTS'); }
  ifNotExists(): boolean { return this.accept('IF', 'NOT', 'EXISTS'); }

  /** A possibly qualified name (`db`.`t`): the last part is the name. */
  name(): { name?: string; schema?: string } {
    // SQLite also takes a 'single-quoted' name; MySQL has no other meaning for a string here.
    if (this.done || !(this.isNameToken(this.i) || this.isSingleQuoted(this.i))) return {};
    let name = identifierName(this.tv.sql, this.tv.tokens[this.i++]);
    let schema: string | undefined;
    while (this.punct('.') && this.i + 1 < this.end && this.isNameToken(this.i + 1)) {
      schema = name;
      name = identifierName(this.tv.sql, this.tv.tokens[this.i + 1]);
      this.i += 2;
    }
    return schema ? { name, schema } : { name };
  }

  private isSingleQuoted(i: number): boolean {
    const t = this.tv.tokens[i];
    return t?.kind === 'string' && this.tv.sql[t.start] === "'";
  }

  isNameToken(i: number): boolean {
    const k = this.tv.tokens[i]?.kind;
    return k === 'word' || k === 'quoted' || (k === 'string' && this.tv.sql[this.tv.tokens[i].start] === '"');
  }

  /** `(a, b(10), c DESC)` → [a, b, c]; leaves the cursor after the closing parenthesis. */
  columnList(): string[] {
    if (!this.punct('(')) return [];
    const close = Math.min(this.tv.closeParen(this.i), this.end);
    const parts = this.tv.splitTopLevel(this.i + 1, close - 1);
    this.i = close;
    return parts.map((p) => {
      const t = this.tv.tokens[p.from];
      return t && this.isNameToken(p.from) ? identifierName(this.tv.sql, t) : this.tv.slice(p.from, p.to);
    });
  }

  /** Skips a parenthesised group if one comes next. */
  skipParens(): void { if (this.punct('(')) this.i = Math.min(this.tv.closeParen(this.i), this.end); }

  /** `= value` or `value` after an option keyword, upper-cased. */
  optionValue(): string {
    this.acceptPunct('=');
    return this.done ? '' : this.tv.text(this.i++).toUpperCase();
  }
}

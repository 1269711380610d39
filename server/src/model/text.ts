import type { Position, Range } from './migration';

/** Maps 0-based UTF-16 offsets of one text to LSP positions (and back) in O(log n). */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    return Math.min(this.lineStarts[position.line] + position.character, this.text.length);
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  get lineCount(): number { return this.lineStarts.length; }
}

/**
 * Converts UTF-8 byte offsets (what libpg-query reports) into UTF-16 offsets of the same string.
 * Built once per SQL text; cheap when the text is ASCII.
 */
export class Utf8OffsetMap {
  private readonly byteToChar: Int32Array | undefined;

  constructor(text: string) {
    let ascii = true;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) { ascii = false; break; }
    if (ascii) { this.byteToChar = undefined; return; }
    const bytes = Buffer.byteLength(text, 'utf8');
    const map = new Int32Array(bytes + 1);
    let b = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.codePointAt(i)!;
      const len = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      for (let k = 0; k < len; k++) map[b + k] = i;
      b += len;
      if (c >= 0x10000) i++;
    }
    map[bytes] = text.length;
    this.byteToChar = map;
  }

  toChar(byteOffset: number): number {
    if (!this.byteToChar) return byteOffset;
    const m = this.byteToChar;
    return m[Math.max(0, Math.min(byteOffset, m.length - 1))];
  }
}

/** First `max` characters of a text, whitespace collapsed, for operation `text` fields and messages. */
export function snippet(text: string, max = 300): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

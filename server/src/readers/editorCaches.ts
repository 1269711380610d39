// Caches for the editor, which reads the same document again after every keystroke: a SQL statement
// whose text did not change keeps its libpg-query parse, and a TS/JS document is re-parsed
// incrementally from its previous tree. They apply only inside `withEditorCaches` (the language
// server's analysis of an open document): the CLI reads each file once and would only pay memory.

import type ts from 'typescript';

let active = false;

/** Runs `read` with the caches on; reads outside (CLI, neighbour files) neither use nor fill them. */
export function withEditorCaches<T>(read: () => T): T {
  const outer = active;
  active = true;
  try { return read(); } finally { active = outer; }
}

export function editorCachesActive(): boolean { return active; }

/** Enough for the statements of a few large open migrations; each entry is one statement's parse tree. */
const MAX_PARSES = 5_000;
/** Longer texts are whole files, not statements: caching them would hold a large tree for one hit. */
const MAX_PARSED_CHARS = 20_000;
const parses = new Map<string, unknown>();

/** `parse(text)`, from the cache when the same text was parsed before (least recently used is evicted). */
export function cachedParse<T>(text: string, parse: (text: string) => T): T {
  if (!active || text.length > MAX_PARSED_CHARS) return parse(text);
  const hit = parses.get(text);
  if (hit !== undefined) {
    parses.delete(text);
    parses.set(text, hit);
    return hit as T;
  }
  const outcome = parse(text);
  parses.set(text, outcome);
  if (parses.size > MAX_PARSES) parses.delete(parses.keys().next().value as string);
  return outcome;
}

/** One previous value per key (a document's syntax tree by file name), a handful of documents at most. */
export class LastByKey<V> {
  private readonly values = new Map<string, V>();
  constructor(private readonly max: number) {}

  /** Removes and returns the value: an incremental parse consumes the previous tree. */
  take(key: string): V | undefined {
    const v = this.values.get(key);
    this.values.delete(key);
    return v;
  }

  clear(): void { this.values.clear(); }

  put(key: string, value: V): void {
    this.values.delete(key);
    this.values.set(key, value);
    if (this.values.size > this.max) this.values.delete(this.values.keys().next().value as string);
  }
}

/** The span where two texts differ: equal for `prefix` characters at the start and `suffix` at the end. */
export function changedSpan(before: string, after: string): { prefix: number; suffix: number } {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const room = shorter - prefix;
  while (suffix < room && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}

/** The last syntax tree of each open TS/JS document, by file name. */
export const previousSourceFiles = new LastByKey<ts.SourceFile>(8);

/** Empties the caches (tests compare cached and fresh reads). */
export function clearEditorCaches(): void {
  parses.clear();
  previousSourceFiles.clear();
}

// `safe-migrations-ignore <rule>[, <rule>] [-- why]` on the line above or the same line, `safe-migrations-ignore-file <rule> [-- why]` anywhere.
import type { LineIndex } from '../model/text';

export interface IgnoreDirectives {
  file: Set<string>;
  /** 0-based line → rule ids ignored on that line (a bare directive ignores every rule: '*'). */
  lines: Map<number, Set<string>>;
}

const DIRECTIVE = /(?:--|\/\/|\/\*|#)\s*safe-migrations-ignore(-file)?\b([^\n*]*)/g;

function ids(directive: string): Set<string> {
  // `-- why` (or an em dash) after the rule ids is the reason, for the reader: not more ids.
  const list = directive.split(/\s(?:--|—)(?:\s|$)/)[0];
  const found = list.split(/[\s,]+/).map((s) => s.trim()).filter((s) => /^[a-z0-9-]+$/.test(s));
  return new Set(found.length ? found : ['*']);
}

export function parseIgnoreDirectives(text: string, lines: LineIndex): IgnoreDirectives {
  const out: IgnoreDirectives = { file: new Set(), lines: new Map() };
  if (!text.includes('safe-migrations-ignore')) return out;
  for (const m of text.matchAll(DIRECTIVE)) {
    const rules = ids(m[2] ?? '');
    if (m[1]) { for (const r of rules) out.file.add(r); continue; }
    const line = lines.positionAt(m.index ?? 0).line;
    const set = out.lines.get(line) ?? new Set<string>();
    for (const r of rules) set.add(r);
    out.lines.set(line, set);
  }
  return out;
}

export function isIgnored(d: IgnoreDirectives, rule: string, line: number): boolean {
  if (d.file.has(rule) || d.file.has('*')) return true;
  for (const l of [line, line - 1]) {
    const set = d.lines.get(l);
    if (set && (set.has(rule) || set.has('*'))) return true;
  }
  return false;
}

// Where "ignore on this line" / "ignore in this file" comments go. In TS/JS the line comment goes
// above the statement that holds the finding, never inside it: a finding in a multi-line SQL
// template would otherwise get a `//` line in the middle of the string.
import ts from 'typescript';
import type { FixEdit } from '../model/finding';
import { LineIndex } from '../model/text';
import { scriptKindFor } from '../readers/ts/parseSourceFile';

const SQL_FILE = /\.sql$/i;

function commentPrefix(file: string): string { return SQL_FILE.test(file) ? '--' : '//'; }

/** Start offset of the statement (or class member) around `offset`, or undefined when none. */
function enclosingStatementStart(file: string, text: string, offset: number): number | undefined {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKindFor(file));
  let found: number | undefined;
  const visit = (node: ts.Node): void => {
    if (offset < node.getFullStart() || offset >= node.getEnd()) return;
    const p = node.parent;
    if (p && (ts.isBlock(p) || ts.isSourceFile(p) || ts.isClassLike(p) || ts.isModuleBlock(p) || ts.isCaseClause(p) || ts.isDefaultClause(p))) {
      const start = node.getStart(source);
      if (start <= offset) found = start;
    }
    node.forEachChild(visit);
  };
  source.forEachChild(visit);
  return found;
}

/** An edit putting `safe-migrations-ignore <rule>` on its own line above the finding, indented like the line it guards. */
export function ignoreLineEdit(file: string, text: string, findingStart: number, rule: string): FixEdit {
  const lines = new LineIndex(text);
  let anchor = findingStart;
  if (!SQL_FILE.test(file)) {
    try { anchor = enclosingStatementStart(file, text, findingStart) ?? findingStart; } catch { anchor = findingStart; }
  }
  const line = lines.positionAt(anchor).line;
  const lineStart = lines.offsetAt({ line, character: 0 });
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))?.[0] ?? '';
  return { start: lineStart, end: lineStart, newText: `${indent}${commentPrefix(file)} safe-migrations-ignore ${rule}${eol(text)}` };
}

/** An edit putting `safe-migrations-ignore-file <rule>` at the top of the file (after a shebang). */
export function ignoreFileEdit(file: string, text: string, rule: string): FixEdit {
  let at = 0;
  if (text.startsWith('#!')) {
    const nl = text.indexOf('\n');
    at = nl < 0 ? text.length : nl + 1;
  }
  const prefix = at === text.length && at > 0 && !text.endsWith('\n') ? eol(text) : '';
  return { start: at, end: at, newText: `${prefix}${commentPrefix(file)} safe-migrations-ignore-file ${rule}${eol(text)}` };
}

function eol(text: string): string { return text.includes('\r\n') ? '\r\n' : '\n'; }

// Where "ignore on this line" / "ignore in this file" comments go. The rules honour a directive on
// the finding's line or the line above (server/src/rules/ignoreComments.ts), so the comment goes
// right above the finding's line. In TS/JS that line may be inside a multi-line SQL template: there
// the directive is written as an SQL comment (`--`), which keeps both the code and the SQL valid.
import ts from 'typescript';
import type { FixEdit } from '../model/finding';
import { LineIndex } from '../model/text';
import { scriptKindFor } from '../readers/ts/parseSourceFile';

const SQL_FILE = /\.sql$/i;

/** Whether `offset` lies inside the text of a template literal (not at its opening backtick). */
function insideTemplate(file: string, text: string, offset: number): boolean {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKindFor(file));
  let inside = false;
  const visit = (node: ts.Node): void => {
    if (inside || offset < node.getStart(source) || offset >= node.getEnd()) return;
    if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) || ts.isStringLiteral(node)) {
      if (offset > node.getStart(source)) inside = true;
      return;
    }
    node.forEachChild(visit);
  };
  source.forEachChild(visit);
  return inside;
}

/** An edit putting `safe-migrations-ignore <rule>` on its own line above the finding, indented like the finding's line. */
export function ignoreLineEdit(file: string, text: string, findingStart: number, rule: string): FixEdit {
  const lines = new LineIndex(text);
  const line = lines.positionAt(findingStart).line;
  const lineStart = lines.offsetAt({ line, character: 0 });
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))?.[0] ?? '';
  let prefix = '//';
  if (SQL_FILE.test(file)) prefix = '--';
  else {
    try { if (insideTemplate(file, text, lineStart)) prefix = '--'; } catch { /* unparsable: a JS comment is the best guess */ }
  }
  return { start: lineStart, end: lineStart, newText: `${indent}${prefix} safe-migrations-ignore ${rule}${eol(text)}` };
}

/** An edit putting `safe-migrations-ignore-file <rule>` at the top of the file (after a shebang). */
export function ignoreFileEdit(file: string, text: string, rule: string): FixEdit {
  let at = 0;
  if (text.startsWith('#!')) {
    const nl = text.indexOf('\n');
    at = nl < 0 ? text.length : nl + 1;
  }
  const prefix = at === text.length && at > 0 && !text.endsWith('\n') ? eol(text) : '';
  return { start: at, end: at, newText: `${prefix}${SQL_FILE.test(file) ? '--' : '//'} safe-migrations-ignore-file ${rule}${eol(text)}` };
}

function eol(text: string): string { return text.includes('\r\n') ? '\r\n' : '\n'; }

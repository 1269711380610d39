import ts from 'typescript';
import type { Problem } from '../../model/migration';
import type { LineIndex } from '../../model/text';

/** ScriptKind from the file extension, so JS migrations parse as JS and `.ts`/`.mts` as TS. */
export function scriptKindFor(path: string): ts.ScriptKind {
  const ext = /\.[^./\\]+$/.exec(path)?.[0].toLowerCase() ?? '';
  if (ext === '.js' || ext === '.cjs' || ext === '.mjs') return ts.ScriptKind.JS;
  if (ext === '.jsx') return ts.ScriptKind.JSX;
  if (ext === '.tsx') return ts.ScriptKind.TSX;
  return ts.ScriptKind.TS;
}

/**
 * Parses (never type-checks) one file and turns the parser's own diagnostics into `ts-syntax`
 * warnings: the tree is still usable, TypeScript recovers from half-typed code.
 */
export function parseSourceFile(path: string, text: string, lines: LineIndex): { sourceFile: ts.SourceFile; problems: Problem[] } {
  const sourceFile = ts.createSourceFile(path || 'migration.ts', text, ts.ScriptTarget.Latest, true, scriptKindFor(path));
  // parseDiagnostics is internal but stable across 4.x–6.x; it is what the editor shows as red squiggles.
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const problems: Problem[] = diagnostics.slice(0, 20).map(d => ({
    message: `Syntax error: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
    range: lines.range(d.start ?? 0, (d.start ?? 0) + (d.length ?? 0)),
    severity: 'warning',
    code: 'ts-syntax',
  }));
  return { sourceFile, problems };
}

import ts from 'typescript';
import { changedSpan, editorCachesActive, previousSourceFiles } from '../editorCaches';

/** ScriptKind from the file extension, so JS migrations parse as JS and `.ts`/`.mts` as TS. */
export function scriptKindFor(path: string): ts.ScriptKind {
  const ext = /\.[^./\\]+$/.exec(path)?.[0].toLowerCase() ?? '';
  if (ext === '.js' || ext === '.cjs' || ext === '.mjs') return ts.ScriptKind.JS;
  if (ext === '.jsx') return ts.ScriptKind.JSX;
  if (ext === '.tsx') return ts.ScriptKind.TSX;
  return ts.ScriptKind.TS;
}

/**
 * Parses (never type-checks) one file. The tree is still usable: TypeScript recovers from half-typed
 * code. The parser's own errors are only counted: the editor's TypeScript already shows them, and a
 * second copy from us would be noise; the count tells the rules the file is mid-edit.
 */
export function parseSourceFile(path: string, text: string): { sourceFile: ts.SourceFile; syntaxErrors: number } {
  const fileName = path || 'migration.ts';
  const sourceFile = editorCachesActive() ? parseIncrementally(fileName, text) : ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKindFor(path));
  // parseDiagnostics is internal but stable across 4.x–6.x; it is what the editor shows as red squiggles.
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  return { sourceFile, syntaxErrors: diagnostics.length };
}

/**
 * In the editor: the document's previous tree updated with the one span that changed, so the parser
 * reuses the nodes around the edit. Same tree as a fresh parse (test/unit/lsp/editorCaches.test.ts).
 */
function parseIncrementally(fileName: string, text: string): ts.SourceFile {
  const previous = previousSourceFiles.take(fileName);
  let sourceFile: ts.SourceFile;
  // Keyed by file name, so the previous tree has the same script kind.
  if (!previous) {
    sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKindFor(fileName));
  } else if (previous.text === text) {
    sourceFile = previous;
  } else {
    const { prefix, suffix } = changedSpan(previous.text, text);
    const span = { start: prefix, length: previous.text.length - prefix - suffix };
    sourceFile = ts.updateSourceFile(previous, text, { span, newLength: text.length - prefix - suffix });
  }
  previousSourceFiles.put(fileName, sourceFile);
  return sourceFile;
}

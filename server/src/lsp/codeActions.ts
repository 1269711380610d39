// Code actions: the fixes rules attach to findings, "ignore" comments for any finding, and
// source.fixAll.safe-migrations for the fixes marked safe.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { Finding, Fix, FixEdit } from '../model/finding';
import { LineIndex } from '../model/text';
import type { Analysis } from './documentAnalysis';
import { isFindingData } from './diagnostics';
import { ignoreFileEdit, ignoreLineEdit } from './ignoreComments';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from './protocol';

function wants(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return kind === CodeActionKind.QuickFix;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

function toTextEdits(lines: LineIndex, edits: FixEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: lines.range(e.start, e.end), newText: e.newText }));
}

function workspaceEdit(analysis: Analysis, lines: LineIndex, fix: Pick<Fix, 'edits' | 'createFiles'>): WorkspaceEdit {
  const edits = toTextEdits(lines, fix.edits);
  if (!fix.createFiles?.length) return { changes: { [analysis.uri]: edits } };
  const dir = path.dirname(analysis.path);
  const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> = [];
  for (const f of fix.createFiles) {
    const uri = pathToFileURL(path.resolve(dir, f.path)).toString();
    documentChanges.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
    documentChanges.push({ textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: f.text }] });
  }
  if (edits.length) documentChanges.push({ textDocument: { uri: analysis.uri, version: analysis.version }, edits });
  return { documentChanges };
}

function findingFor(analysis: Analysis, d: Diagnostic): Finding | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE || !isFindingData(d.data)) return undefined;
  const data = d.data;
  return analysis.findings.find((f) => f.rule === data.rule && f.offset.start === data.start && f.offset.end === data.end)
    ?? analysis.findings.find((f) => f.rule === data.rule && f.range.start.line === d.range.start.line);
}

export function codeActions(analysis: Analysis, params: CodeActionParams, canCreateFiles: boolean): CodeAction[] {
  if (analysis.skipped) return [];
  const lines = new LineIndex(analysis.text);
  const only = params.context.only;
  const out: CodeAction[] = [];

  if (wants(only, CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics) {
      const finding = findingFor(analysis, d);
      if (!finding) continue;
      for (const [i, fix] of (finding.fixes ?? []).entries()) {
        if (fix.createFiles?.length && !canCreateFiles) continue;
        out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: i === 0 && fix.safe, edit: workspaceEdit(analysis, lines, fix) });
      }
      out.push({
        title: `Ignore ${finding.rule} on this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: workspaceEdit(analysis, lines, { edits: [ignoreLineEdit(analysis.path, analysis.text, finding.offset.start, finding.rule)] }),
      });
      out.push({
        title: `Ignore ${finding.rule} in this file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: workspaceEdit(analysis, lines, { edits: [ignoreFileEdit(analysis.path, analysis.text, finding.rule)] }),
      });
    }
  }

  if (only && wants(only, FIX_ALL_KIND)) {
    const edits = safeEdits(analysis.findings);
    if (edits.length) out.push({ title: 'Apply all safe Safe Migrations fixes', kind: FIX_ALL_KIND, edit: workspaceEdit(analysis, lines, { edits }) });
  }
  return out;
}

/** The first safe, in-file fix of each finding, dropping any that overlap an earlier one. */
export function safeEdits(findings: Finding[]): FixEdit[] {
  const candidates = findings
    .map((f) => f.fixes?.find((x) => x.safe && !x.createFiles?.length && x.edits.length > 0))
    .filter((x): x is Fix => !!x)
    .map((fix) => ({ fix, start: Math.min(...fix.edits.map((e) => e.start)), end: Math.max(...fix.edits.map((e) => e.end)) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: FixEdit[] = [];
  let lastEnd = -1;
  for (const c of candidates) {
    if (c.start < lastEnd) continue;
    out.push(...c.fix.edits);
    lastEnd = c.end;
  }
  return out;
}

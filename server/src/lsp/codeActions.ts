// Code actions: the fixes rules attach to findings (and the actions that go further: idempotency guards),
// then the "ignore" comments grouped after them, and source.fixAll.safe-migrations for the fixes marked safe.
// A fix that creates files is one WorkspaceEdit, so one undo takes all of it back.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { Finding, Fix, FixEdit } from '../model/finding';
import { LineIndex } from '../model/text';
import type { Analysis } from './documentAnalysis';
import { isFindingData } from './diagnostics';
import { ignoreFileEdit, ignoreLineEdit } from './ignoreComments';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from './protocol';
import { guardFileFix, guardStepFix, unguardedSteps } from '../actions/guards/idempotencyGuards';
import { SPLIT_RULE, splitQuickFix } from './splitActions';
import { DOWN_RULES, downQuickFixes } from './downActions';
import type { FileModel } from '../model/migration';

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
    // No overwrite and no ignoreIfExists: an existing file makes the whole edit fail instead of being written into.
    documentChanges.push({ kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } });
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

/** The fixes offered for one finding: the rule's own, then the actions that go further (guards). */
function fixesFor(analysis: Analysis, finding: Finding): Fix[] {
  if (finding.rule === 'missing-idempotency-guard') {
    const file = { ...analysis.model, text: analysis.text };
    const at = unguardedSteps(file).find(({ op }) => op.offset.start === finding.offset.start);
    const step = at ? guardStepFix(file, at.migration, at.op) : undefined;
    const whole = guardFileFix(file);
    // The guards action covers every step the rule's own IF [NOT] EXISTS fix covers, and more.
    if (step || whole) return [step, whole && (!step || whole.edits.length > 1) ? whole : undefined].filter((f): f is Fix => !!f);
  }
  return finding.fixes ?? [];
}

/** `history`: the other migrations of the file's folder, read only when a down is generated. */
export function codeActions(analysis: Analysis, params: CodeActionParams, canCreateFiles: boolean, history: () => FileModel[] = () => []): CodeAction[] {
  if (analysis.skipped) return [];
  const lines = new LineIndex(analysis.text);
  const only = params.context.only;
  const fixes: CodeAction[] = [];
  const ignores: CodeAction[] = [];
  const ignoredLines = new Set<string>();
  const ignoredFiles = new Set<string>();

  if (wants(only, CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics) {
      const finding = findingFor(analysis, d);
      if (!finding) continue;
      let preferred = false;
      for (const fix of fixesFor(analysis, finding)) {
        if (fix.createFiles?.length && !canCreateFiles) continue;
        // Every fix offered passes test/unit/fixes: the first one of each finding is the one to apply.
        fixes.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: !preferred, edit: workspaceEdit(analysis, lines, fix) });
        preferred = true;
      }
      if (finding.rule === SPLIT_RULE && canCreateFiles) fixes.push(splitQuickFix(analysis, d));
      if (DOWN_RULES.has(finding.rule)) fixes.push(...downQuickFixes(analysis, d, finding.rule, finding.migration, history(), canCreateFiles).map((a) => ({ ...a, isPreferred: a.isPreferred && !preferred })));
      // One "ignore" per rule and line, and one per rule for the file, however many findings share them.
      const line = lines.positionAt(finding.offset.start).line;
      const lineKey = `${finding.rule}|${line}`;
      if (!ignoredLines.has(lineKey)) {
        ignoredLines.add(lineKey);
        ignores.push({
          title: `Ignore ${finding.rule} on this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: params.context.diagnostics.filter((x) => isFindingData(x.data) && x.data.rule === finding.rule && x.range.start.line === d.range.start.line),
          edit: workspaceEdit(analysis, lines, { edits: [ignoreLineEdit(analysis.path, analysis.text, finding.offset.start, finding.rule)] }),
        });
      }
      if (!ignoredFiles.has(finding.rule)) {
        ignoredFiles.add(finding.rule);
        ignores.push({
          title: `Ignore ${finding.rule} in this file`,
          kind: CodeActionKind.QuickFix,
          diagnostics: params.context.diagnostics.filter((x) => isFindingData(x.data) && x.data.rule === finding.rule),
          edit: workspaceEdit(analysis, lines, { edits: [ignoreFileEdit(analysis.path, analysis.text, finding.rule)] }),
        });
      }
    }
  }
  const out = [...fixes, ...ignores.filter((a) => a.title.endsWith('on this line')), ...ignores.filter((a) => a.title.endsWith('in this file'))];

  // Guards on any unguarded step under the cursor, diagnostic or not (a transactional migration may still want them).
  if ((!only || wants(only, CodeActionKind.RefactorRewrite)) && !fixes.some((f) => /idempotency guard/.test(f.title))) {
    const file = { ...analysis.model, text: analysis.text };
    const cursor = lines.offsetAt(params.range.start);
    const at = unguardedSteps(file).find(({ op }) => op.offset.start <= cursor && cursor <= op.offset.end);
    const step = at ? guardStepFix(file, at.migration, at.op) : undefined;
    if (step) {
      out.push({ title: step.title, kind: CodeActionKind.RefactorRewrite, edit: workspaceEdit(analysis, lines, step) });
      const whole = guardFileFix(file);
      if (whole && whole.edits.length > 1) out.push({ title: whole.title, kind: CodeActionKind.RefactorRewrite, edit: workspaceEdit(analysis, lines, whole) });
    }
  }

  if (only && wants(only, FIX_ALL_KIND)) {
    const guards = guardFileFix({ ...analysis.model, text: analysis.text });
    // The guards replace the rule's own IF [NOT] EXISTS fix, which would insert the same words twice.
    const findings = guards ? analysis.findings.filter((f) => f.rule !== 'missing-idempotency-guard') : analysis.findings;
    const edits = safeEdits([...(guards ? [{ fixes: [guards] }] : []), ...findings]);
    if (edits.length) out.push({ title: 'Apply all safe Safe Migrations fixes', kind: FIX_ALL_KIND, edit: workspaceEdit(analysis, lines, { edits }) });
  }
  return out;
}

/** The first safe, in-file fix of each finding, dropping any that touches an earlier one (same spot or overlapping). */
export function safeEdits(findings: Pick<Finding, 'fixes'>[]): FixEdit[] {
  const candidates = findings
    .map((f) => f.fixes?.find((x) => x.safe && !x.createFiles?.length && x.edits.length > 0))
    .filter((x): x is Fix => !!x)
    .sort((a, b) => Math.min(...a.edits.map((e) => e.start)) - Math.min(...b.edits.map((e) => e.start)));
  const out: FixEdit[] = [];
  const touches = (a: FixEdit, b: FixEdit) => (a.start < b.end && b.start < a.end) || a.start === b.start;
  for (const fix of candidates) {
    if (fix.edits.some((e) => out.some((o) => touches(e, o)))) continue;
    out.push(...fix.edits);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

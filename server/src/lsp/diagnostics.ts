// Translates an analysis (reader problems + rule findings) into LSP diagnostics.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Severity } from '../model/finding';
import type { Analysis } from './documentAnalysis';
import { DIAGNOSTIC_SOURCE } from './protocol';
import { ruleDocUri } from './ruleDocs';
import { editorScope } from './changedScope';

/** Carried on a finding's diagnostic so code actions find the finding again (offsets, not positions). */
export interface FindingDiagnosticData { rule: string; start: number; end: number }

export function isFindingData(data: unknown): data is FindingDiagnosticData {
  const d = data as FindingDiagnosticData | undefined;
  return !!d && typeof d.rule === 'string' && typeof d.start === 'number' && typeof d.end === 'number';
}

function severity(s: Severity): DiagnosticSeverity {
  return s === 'error' ? DiagnosticSeverity.Error : s === 'warning' ? DiagnosticSeverity.Warning : s === 'hint' ? DiagnosticSeverity.Hint : DiagnosticSeverity.Information;
}

export function toDiagnostics(analysis: Analysis): Diagnostic[] {
  if (analysis.skipped) {
    return [{ source: DIAGNOSTIC_SOURCE, code: 'analysis-skipped', severity: DiagnosticSeverity.Information, message: analysis.skipped, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }];
  }
  const out: Diagnostic[] = [];
  // A syntax error the invalid-sql-for-dialect rule reports (with its rule id and docs) is not shown twice.
  const asFinding = new Set(analysis.findings.filter((f) => f.rule === 'invalid-sql-for-dialect').map((f) => `${f.range.start.line}:${f.range.start.character}`));
  for (const p of analysis.model.problems) {
    if (p.code === 'sql-syntax' && asFinding.has(`${p.range.start.line}:${p.range.start.character}`)) continue;
    // SQL built at run time is a limit of static reading, not a defect of the migration: a faint hint.
    out.push({ source: DIAGNOSTIC_SOURCE, code: p.code, severity: severity(p.code === 'unresolved-sql' ? 'hint' : p.severity), message: p.message, range: p.range });
  }
  // scope "changed": findings only on this branch's migrations; reader problems (syntax) still show.
  const findings = analysis.config.scope === 'changed' && !editorScope.includes(analysis.path) ? [] : analysis.findings;
  for (const f of findings) {
    const d: Diagnostic = {
      source: DIAGNOSTIC_SOURCE,
      code: f.rule,
      severity: severity(f.severity),
      message: f.message,
      range: f.range,
      data: { rule: f.rule, start: f.offset.start, end: f.offset.end } satisfies FindingDiagnosticData,
    };
    const href = ruleDocUri(f.rule);
    if (href) d.codeDescription = { href };
    out.push(d);
  }
  return out;
}

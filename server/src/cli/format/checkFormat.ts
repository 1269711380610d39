import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileModel } from '../../model/migration';
import type { Finding } from '../../model/finding';
import { rulesMetadata } from '../../rules';

export type PathFinding = Finding & { path: string };

const rel = (cwd: string, p: string) => path.relative(cwd, p) || p;

/** The JSON contract of `check` (version 1). */
export function formatCheckJson(filesChecked: number, findings: PathFinding[], cwd: string): string {
  return JSON.stringify({
    version: 1,
    filesChecked,
    findings: findings.map((f) => ({
      path: rel(cwd, f.path),
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      range: f.range,
      migration: f.migration,
      phase: f.phase,
      fixable: Boolean(f.fixes?.length),
      // Only with statistics (--stats, --database, statsFile): the table's estimated rows and bytes.
      ...(f.tableSize ? { tableSize: f.tableSize } : {}),
    })),
  }, null, 2) + '\n';
}

export function formatCheckText(files: FileModel[], findings: PathFinding[], cwd: string): string {
  const lines: string[] = [];
  const byPath = new Map<string, PathFinding[]>();
  for (const f of findings) byPath.set(f.path, [...(byPath.get(f.path) ?? []), f]);
  for (const [file, list] of byPath) {
    lines.push(rel(cwd, file));
    for (const f of list.sort((a, b) => a.offset.start - b.offset.start)) {
      lines.push(`  ${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity.padEnd(7)} ${f.message}  [${f.rule}] (${f.migration} ${f.phase})`);
    }
  }
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  if (lines.length) lines.push('');
  lines.push(`${files.length} file(s) checked: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info`);
  return lines.join('\n') + '\n';
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/** SARIF 2.1.0, for GitHub code scanning and other CI viewers. Columns are 1-based there. */
export function formatCheckSarif(findings: PathFinding[], cwd: string): string {
  const rules = rulesMetadata();
  const used = new Set(findings.map((f) => f.rule));
  return JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'safe-migrations',
          informationUri: 'https://github.com/safe-migrations/safe-migrations',
          rules: rules.filter((r) => used.has(r.id)).map((r) => ({
            id: r.id,
            shortDescription: { text: r.summary },
            fullDescription: { text: r.why ?? r.summary },
            help: { text: r.safeAlternative ?? r.summary },
            defaultConfiguration: { level: SARIF_LEVEL[r.severity as 'error'] ?? 'warning' },
          })),
        },
      },
      originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd + path.sep).href } },
      results: findings.map((f) => ({
        ruleId: f.rule,
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: rel(cwd, f.path).split(path.sep).join('/'), uriBaseId: 'SRCROOT' },
            region: { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 },
          },
        }],
        properties: { migration: f.migration, phase: f.phase },
      })),
    }],
  }, null, 2) + '\n';
}

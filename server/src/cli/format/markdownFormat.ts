// `check --format markdown`: a pull-request comment. Per migration, the findings by severity with the
// rule's safe alternative, then the sizes of the tables they touch when statistics are known.
import * as path from 'node:path';
import type { FileModel } from '../../model/migration';
import type { Severity } from '../../model/finding';
import type { PathFinding } from './checkFormat';
import { rulesMetadata } from '../../rules';
import { formatBytes, formatRows, type TableStats } from '../../stats/tableStats';

const ORDER: Severity[] = ['error', 'warning', 'info', 'hint'];
const HEADING: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info', hint: 'Hints' };

/** Text from findings and file names goes into GitHub's Markdown: no raw HTML, no accidental tables. */
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export interface MarkdownOptions {
  /** `check --changed`: the ref the migrations were compared with. */
  changedSince?: string;
  stats?: TableStats;
}

export function formatCheckMarkdown(files: FileModel[], findings: PathFinding[], cwd: string, options: MarkdownOptions = {}): string {
  const alternatives = new Map(rulesMetadata().map((r) => [r.id, r.safeAlternative]));
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const scope = options.changedSince ? ` changed since \`${escape(options.changedSince)}\`` : '';
  const lines: string[] = [];
  const totals = ORDER.filter((s) => count(s)).map((s) => plural(count(s), s === 'info' ? 'info' : s));
  lines.push(`### Safe Migrations: ${totals.length ? totals.join(', ') : 'no findings'}`);
  lines.push('');
  lines.push(`${plural(files.length, 'migration file')}${scope} checked.`);

  // One section per migration, in file order; a Prisma down.sql reports under its migration.
  const byMigration = new Map<string, PathFinding[]>();
  for (const f of findings) {
    const key = `${path.relative(cwd, f.path) || f.path}\u0000${f.migration}`;
    byMigration.set(key, [...(byMigration.get(key) ?? []), f]);
  }
  for (const [key, list] of byMigration) {
    const [file, migration] = key.split('\u0000');
    lines.push('', `#### \`${escape(migration)}\``, '', `\`${escape(file.split(path.sep).join('/'))}\``);
    for (const severity of ORDER) {
      const here = list.filter((f) => f.severity === severity).sort((a, b) => a.offset.start - b.offset.start);
      if (!here.length) continue;
      lines.push('', `**${HEADING[severity]}**`, '');
      for (const f of here) {
        lines.push(`- \`${f.rule}\` (line ${f.range.start.line + 1}, ${f.phase}): ${escape(f.message)}`);
        const alternative = alternatives.get(f.rule);
        if (alternative) lines.push(`  - Safe alternative: ${escape(alternative)}`);
      }
    }
  }

  const sizes = new Map<string, { rows: number | null; bytes: number | null }>();
  for (const f of findings) if (f.tableSize) sizes.set(f.tableSize.table, f.tableSize);
  if (sizes.size) {
    const generated = options.stats?.generatedAt ? ` (statistics of ${options.stats.generatedAt.slice(0, 10)})` : '';
    lines.push('', `**Table sizes**${generated}`, '', '| table | rows | size |', '|---|---:|---:|');
    const sorted = [...sizes].sort((a, b) => (b[1].rows ?? -1) - (a[1].rows ?? -1));
    for (const [table, s] of sorted) lines.push(`| ${escape(table)} | ${s.rows === null ? 'unknown' : formatRows(s.rows).replace(/ rows?$/, '')} | ${s.bytes === null ? 'unknown' : formatBytes(s.bytes)} |`);
  }
  return lines.join('\n') + '\n';
}

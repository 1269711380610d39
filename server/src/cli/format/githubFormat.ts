// `check --format github`: GitHub Actions workflow commands, one annotation per finding
// (`::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`). Paths are relative to the
// working directory, which in a workflow is the repository root. Lines and columns are 1-based.
import * as path from 'node:path';
import type { PathFinding } from './checkFormat';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

/** Escaping from GitHub's toolkit (command.ts): the message, then property values (also `:` and `,`). */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatCheckGithub(findings: PathFinding[], cwd: string): string {
  return findings.map((f) => {
    const file = (path.relative(cwd, f.path) || f.path).split(path.sep).join('/');
    const props = [
      `file=${escapeProperty(file)}`,
      `line=${f.range.start.line + 1}`,
      `col=${f.range.start.character + 1}`,
      `endLine=${f.range.end.line + 1}`,
      `endColumn=${f.range.end.character + 1}`,
      `title=${escapeProperty(`safe-migrations: ${f.rule}`)}`,
    ].join(',');
    return `::${LEVEL[f.severity]} ${props}::${escapeData(`${f.message} (${f.migration} ${f.phase})`)}\n`;
  }).join('');
}

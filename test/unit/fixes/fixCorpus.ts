// The migrations the fix tests run over: every fixture project, the real-world suite (test/realworld, when
// present) and every rule test case that expects a finding.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readMigrationText } from '../../../server/src/engine/engine';
import { inspectPaths } from '../../../server/src/engine/inspect';
import { migrationFolder } from '../../../server/src/engine/check';
import { readTextFileIfPresent } from '../../../server/src/engine/workspace';
import { DEFAULT_CONFIG } from '../../../server/src/config/types';
import type { FileModel } from '../../../server/src/model/migration';
import type { FixSubject } from './fixHarness';
import { existing, type RuleCase } from '../rules/harness';
import { lockCases } from '../rules/cases/locks';
import { mysqlCases } from '../rules/cases/mysql';
import { compatibilityCases } from '../rules/cases/compatibility';
import { rollbackCases } from '../rules/cases/rollback';
import { transactionCases } from '../rules/cases/transactions';
import { typeCases } from '../rules/cases/types';

const ROOT = path.join(__dirname, '..', '..', '..');
const PROJECT_ROOTS = [path.join(ROOT, 'test', 'fixtures', 'projects'), path.join(ROOT, 'test', 'realworld')];

/** Each migration file of each fixture project, with its folder, read as the CLI reads it (strict rule set: every rule). */
export async function projectSubjects(): Promise<FixSubject[]> {
  const out: FixSubject[] = [];
  for (const root of PROJECT_ROOTS) {
    if (!fs.existsSync(root)) continue;
    for (const name of fs.readdirSync(root).sort()) {
      const dir = path.join(root, name);
      if (!fs.statSync(dir).isDirectory()) continue;
      const result = await inspectPaths([dir]);
      const config = { ...result.config, extends: 'strict' as const };
      const read = { projects: result.projects, config, readSibling: readTextFileIfPresent };
      const folders = new Map<string, FileModel[]>();
      for (const f of result.files) folders.set(migrationFolder(f), [...(folders.get(migrationFolder(f)) ?? []), f]);
      for (const f of result.files) {
        if (f.text === undefined) continue;
        out.push({ label: path.relative(ROOT, f.path), file: f, folder: folders.get(migrationFolder(f))!, config, read });
      }
    }
  }
  return out;
}

/** Each rule test case that expects a finding, as the rule tests read it. */
export function caseSubjects(): FixSubject[] {
  const cases: RuleCase[] = [...lockCases, ...mysqlCases, ...compatibilityCases, ...rollbackCases, ...transactionCases, ...typeCases];
  return cases.filter((c) => c.expect).map((c, i) => {
    const read = { dialect: c.dialect };
    const load = (p: string, t: string) => { const m = readMigrationText(p, t, read); return { ...m, text: m.text ?? t }; };
    const file = load(c.path ?? 'db/migrations/20240102000000_change.sql', c.text);
    const folder = [existing(c.dialect), ...(c.earlier ?? [])].map((e) => load(e.path, e.text));
    return { label: `case ${i} ${c.rule} (${c.dialect}${c.name ? `, ${c.name}` : ''})`, file, folder, config: { ...DEFAULT_CONFIG, extends: 'strict' as const, ...c.config }, read };
  });
}


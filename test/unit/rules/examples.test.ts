// The docs examples are real: each rule's "Reported" example reports it and its "Not reported" example does not.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { allRules } from '../../../server/src/rules';
import type { RuleDialect, RuleExample } from '../../../server/src/rules/rule';
import { engineReady, findingsFor, SEQUELIZE_PATH, SQL_PATH, TYPEORM_PATH } from './harness';

const PATH = { sql: SQL_PATH, typeorm: TYPEORM_PATH, sequelize: SEQUELIZE_PATH, prisma: 'prisma/migrations/20240102000000_change/migration.sql' };

describe('docs examples', () => {
  before(engineReady);
  for (const rule of allRules) {
    for (const [dialect, ex] of Object.entries(rule.examples) as [RuleDialect, RuleExample][]) {
      test(`${rule.id} · ${dialect}`, () => {
        const hits = (text: string) => findingsFor({ text, dialect, path: PATH[ex.orm ?? 'sql'], config: ex.config }).findings.filter((f) => f.rule === rule.id).length;
        assert.ok(hits(ex.bad) > 0, `"Reported" example reports ${rule.id}:\n${ex.bad}`);
        assert.equal(hits(ex.good), 0, `"Not reported" example is silent:\n${ex.good}`);
      });
    }
  }
});

describe('generated docs', () => {
  test('docs/rules is up to date with the metadata', async () => {
    const { execFileSync } = await import('node:child_process');
    const { join } = await import('node:path');
    const root = join(__dirname, '..', '..', '..');
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'gen-rule-docs.mjs'), '--check'], { cwd: root, env: { ...process.env, SM_DOCS_FROM_SOURCE: '1' }, encoding: 'utf8' });
    assert.match(out, /up to date/);
  });
});

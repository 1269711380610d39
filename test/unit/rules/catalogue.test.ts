// Every rule, on every dialect it covers, reports on a bad migration and stays silent on a good one.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { allRules } from '../../../server/src/rules';
import { engineReady, findingsFor, type RuleCase } from './harness';
import { lockCases } from './cases/locks';
import { mysqlCases } from './cases/mysql';
import { compatibilityCases } from './cases/compatibility';
import { rollbackCases } from './cases/rollback';
import { transactionCases } from './cases/transactions';
import { typeCases } from './cases/types';

const CASES: RuleCase[] = [...lockCases, ...mysqlCases, ...compatibilityCases, ...rollbackCases, ...transactionCases, ...typeCases];

describe('rule catalogue on real migrations', () => {
  before(engineReady);
  for (const c of CASES) {
    const label = `${c.rule} · ${c.dialect} · ${c.expect ? 'reports' : 'silent'}${c.name ? ` · ${c.name}` : ''}`;
    test(label, () => {
      const { findings, file } = findingsFor(c);
      // invalid-sql-for-dialect is about SQL the parser rejects: its cases read with that problem, by design.
      if (c.rule !== 'invalid-sql-for-dialect') assert.deepEqual(file.problems.filter((p) => p.severity === 'error'), [], 'the migration reads cleanly');
      const mine = findings.filter((f) => f.rule === c.rule);
      if (c.expect) {
        assert.ok(mine.length > 0, `expected ${c.rule}; got ${findings.map((f) => f.rule).join(', ') || 'nothing'}`);
        if (c.message) assert.match(mine.map((f) => f.message).join('\n'), c.message);
      } else {
        assert.deepEqual(mine.map((f) => f.message), []);
      }
    });
  }

  test('every rule has a reporting and a silent case on each dialect it covers', () => {
    const missing: string[] = [];
    for (const rule of allRules) for (const d of rule.dialects) for (const expect of [true, false]) {
      if (!CASES.some((c) => c.rule === rule.id && c.dialect === d && c.expect === expect)) missing.push(`${rule.id} ${d} ${expect ? 'positive' : 'negative'}`);
    }
    assert.deepEqual(missing, []);
  });
});

import { defineRule, eq } from '../rule';
import { q } from '../ormAdvice';
import { columnsOfType } from './columnTypeRule';
import { findOn } from '../helpers';

export default defineRule({
  id: 'ban-money-type',
  category: 'types', set: 'strict', severity: 'warning', dialects: ['postgres'],
  summary: 'Avoid the money type.',
  why: 'money formats and parses according to lc_monetary: the same value reads differently on a server with another locale, and it holds a single implicit currency with fixed fractional precision.',
  safeAlternative: { text: 'Use numeric(p, s) (plus a currency column), or an integer count of minor units.', snippets: { sql: 'ALTER TABLE orders ADD COLUMN total numeric(12, 2);' } },
  equivalents: eq({}),
  examples: { postgres: { bad: 'ALTER TABLE orders ADD COLUMN total money;', good: 'ALTER TABLE orders ADD COLUMN total numeric(12, 2);' } },
  check(ctx) {
    return columnsOfType(ctx, (t) => t === 'money').map((m) => findOn(m.op,
      `Column ${q(m.spec.name)} is money: its text form depends on the server's lc_monetary locale and it has one implicit currency. Use numeric(12, 2) or integer minor units.`));
  },
});

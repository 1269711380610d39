import { defineRule, eq } from '../rule';
import { q } from '../ormAdvice';
import { columnsOfType } from './columnTypeRule';
import { findOn } from '../helpers';

export const SMALL_INTS = /^(int|integer|int4|int2|smallint|serial|serial4|smallserial|serial2)$/;

export default defineRule({
  id: 'prefer-bigint',
  category: 'types', set: 'strict', severity: 'info', dialects: ['postgres'],
  summary: 'An integer or smallint column written in SQL: prefer bigint.',
  why: 'Counters, amounts and ids outgrow 32 bits (2.1 billion) or 16 bits (32 767) sooner than expected, and widening later rewrites the table under an ACCESS EXCLUSIVE lock. On PostgreSQL bigint costs 4 extra bytes at most.',
  safeAlternative: { text: 'Use bigint (bigint GENERATED … AS IDENTITY for keys).', snippets: { sql: 'ALTER TABLE orders ADD COLUMN quantity bigint;' } },
  equivalents: eq({ squawk: ['prefer-bigint-over-int', 'prefer-bigint-over-smallint'] }),
  examples: { postgres: { bad: 'ALTER TABLE orders ADD COLUMN quantity integer;', good: 'ALTER TABLE orders ADD COLUMN quantity bigint;' } },
  check(ctx) {
    return columnsOfType(ctx, (t) => SMALL_INTS.test(t)).filter((m) => m.op.via === 'sql').map((m) => findOn(m.op,
      `Column ${q(m.spec.name)} is ${m.spec.type}: it overflows at ${/small|int2|serial2/.test(m.spec.type ?? '') ? '32 767' : 'about 2.1 billion'}, and widening it later rewrites the table. Prefer bigint.`));
  },
});

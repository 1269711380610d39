import { defineRule, eq } from '../rule';
import { q } from '../ormAdvice';
import { columnsOfType } from './columnTypeRule';
import { findOn } from '../helpers';

export default defineRule({
  id: 'prefer-text-field',
  category: 'types', set: 'strict', severity: 'info', dialects: ['postgres'],
  summary: 'A varchar(n) column written in SQL: changing its limit later locks (or rewrites) the table.',
  why: 'In PostgreSQL varchar(n) is text plus a length check. Shrinking the limit rewrites the table under ACCESS EXCLUSIVE and even growing it takes that lock; a CHECK constraint on a text column can be changed with NOT VALID instead.',
  safeAlternative: { text: 'Use text with a CHECK (length(col) <= n) constraint.', snippets: { sql: 'ALTER TABLE users ADD COLUMN nickname text CONSTRAINT users_nickname_len CHECK (length(nickname) <= 50);' } },
  equivalents: eq({ squawk: ['prefer-text-field'] }),
  examples: { postgres: { bad: 'ALTER TABLE orders ADD COLUMN code varchar(20);', good: 'ALTER TABLE orders ADD COLUMN code text CHECK (length(code) <= 20);' } },
  check(ctx) {
    return columnsOfType(ctx, (t) => /^(varchar|character varying)\s*\(\d+\)$/.test(t)).filter((m) => m.op.via === 'sql').map((m) => findOn(m.op,
      `Column ${q(m.spec.name)} is ${m.spec.type}: changing the limit later needs an ACCESS EXCLUSIVE lock (and a rewrite to shrink it). text with a CHECK on length can be changed with NOT VALID.`));
  },
});

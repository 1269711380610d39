import { defineRule, eq } from '../rule';
import { q } from '../ormAdvice';
import { columnsOfType } from './columnTypeRule';
import { findOn } from '../helpers';

export default defineRule({
  id: 'ban-char-type',
  category: 'types', set: 'strict', severity: 'info', dialects: ['postgres'],
  summary: 'Avoid char(n): it pads with spaces and is no faster than text.',
  why: 'char(n) blank-pads values, compares ignoring trailing spaces in surprising ways and is stored no more efficiently than text or varchar in PostgreSQL.',
  safeAlternative: { text: 'Use text (with a CHECK on length if needed) or varchar(n).', snippets: { sql: "ALTER TABLE orders ADD COLUMN currency text CHECK (length(currency) = 3);" } },
  equivalents: eq({ squawk: ['ban-char-field'] }),
  examples: { postgres: { bad: 'ALTER TABLE orders ADD COLUMN currency char(3);', good: 'ALTER TABLE orders ADD COLUMN currency text;' } },
  check(ctx) {
    return columnsOfType(ctx, (t) => /^(char|character|bpchar)(\s*\(\d+\))?$/.test(t)).map((m) => findOn(m.op,
      `Column ${q(m.spec.name)} is ${m.spec.type}: it blank-pads values and is no faster than text. Use text (with a CHECK) or varchar.`));
  },
});

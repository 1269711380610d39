import { defineRule, eq } from '../rule';
import { q } from '../ormAdvice';
import { columnsOfType, typeFinding } from './columnTypeRule';

export default defineRule({
  id: 'prefer-timestamptz',
  category: 'types', set: 'strict', severity: 'warning', dialects: ['postgres'], fixable: true,
  summary: 'Use timestamptz instead of timestamp without time zone.',
  why: 'timestamp stores wall-clock time with no zone: the same instant written by servers in different zones (or across a DST change) compares wrongly, and conversions depend on the session TimeZone.',
  safeAlternative: { text: 'Declare the column timestamptz.', snippets: { sql: 'ALTER TABLE orders ADD COLUMN shipped_at timestamptz;', typeorm: "@Column({ type: 'timestamptz' }) shippedAt: Date;", sequelize: 'shipped_at: { type: Sequelize.DATE } // Sequelize DATE is timestamptz on PostgreSQL' } },
  equivalents: eq({ squawk: ['prefer-timestamp-tz'] }),
  examples: { postgres: { bad: 'ALTER TABLE orders ADD COLUMN shipped_at timestamp;', good: 'ALTER TABLE orders ADD COLUMN shipped_at timestamptz;' } },
  check(ctx) {
    return columnsOfType(ctx, (t) => /^timestamp(\s*\(\d+\))?(\s+without\s+time\s+zone)?$/.test(t)).map((m) => typeFinding(ctx, m,
      `Column ${q(m.spec.name)} is timestamp without time zone: instants written from different zones or across DST compare wrongly. Use timestamptz.`,
      /timestamp(\s*\(\d+\))?(\s+without\s+time\s+zone)?(?!\s*with\b)/i, 'timestamptz$1', 'Use timestamptz'));
  },
});

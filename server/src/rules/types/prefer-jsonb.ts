import { defineRule, eq } from '../rule';
import { q } from '../ormAdvice';
import { columnsOfType, typeFinding } from './columnTypeRule';

export default defineRule({
  id: 'prefer-jsonb',
  category: 'types', set: 'strict', severity: 'warning', dialects: ['postgres'], fixable: true,
  summary: 'Use jsonb instead of json.',
  why: 'json has no equality operator, so DISTINCT, GROUP BY, UNION and unique indexes on it fail; it is re-parsed on every access and cannot be indexed with GIN.',
  safeAlternative: { text: 'Declare the column jsonb.', snippets: { sql: 'ALTER TABLE events ADD COLUMN payload jsonb;', typeorm: "@Column({ type: 'jsonb' }) payload: object;", sequelize: 'payload: { type: Sequelize.JSONB }' } },
  equivalents: eq({ strong_migrations: ['add_column_json'], eugene: ['E3'] }),
  examples: { postgres: { bad: 'ALTER TABLE events ADD COLUMN payload json;', good: 'ALTER TABLE events ADD COLUMN payload jsonb;' } },
  check(ctx) {
    return columnsOfType(ctx, (t) => t === 'json').map((m) => typeFinding(ctx, m,
      `Column ${q(m.spec.name)} is json: it has no equality operator (DISTINCT, GROUP BY and unique indexes fail) and cannot be GIN-indexed. Use jsonb.`, /json\b/i, 'jsonb', 'Use jsonb'));
  },
});

import { defineRule, eq } from '../rule';
import { findOn } from '../helpers';

export default defineRule({
  id: 'uninspectable-sql',
  category: 'coverage', severity: 'info', dialects: ['postgres', 'mysql', 'mariadb'], phases: ['up', 'down'],
  summary: 'SQL the checker cannot read (dynamic strings, unparsable statements): no rule can vouch for it.',
  why: 'A statement built at run time, or one the parser does not understand, is a blind spot: locks, rewrites and rollback are not checked for it.',
  safeAlternative: { text: 'Write the statement as a literal, or review it by hand and acknowledge with `safe-migrations-ignore uninspectable-sql`.', snippets: { typeorm: "await queryRunner.query(`ALTER TABLE orders ADD COLUMN status text`); // literal, not built from variables" } },
  equivalents: eq({}),
  examples: { postgres: { bad: 'await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN status text`);', good: "await queryRunner.query('ALTER TABLE orders ADD COLUMN status text');" } },
  check(ctx) {
    return ctx.ops.filter((op) => op.kind === 'unknown').map((op) => findOn(op, `Not inspected${op.reason ? `: ${op.reason}` : ''}. Locks, rewrites and rollback are not checked for this statement; review it by hand.`));
  },
});

import { defineRule, eq } from '../rule';
import { findOn } from '../helpers';

export default defineRule({
  id: 'uninspectable-sql',
  category: 'coverage', set: 'strict', severity: 'info', dialects: ['postgres', 'mysql', 'mariadb'], phases: ['up', 'down'],
  summary: 'SQL the checker cannot read (dynamic strings, unparsable statements): no rule can vouch for it.',
  why: 'A statement built at run time, or one the parser does not understand, is a blind spot: locks, rewrites and rollback are not checked for it.',
  safeAlternative: { text: 'Write the statement as a literal, or review it by hand and acknowledge with `safe-migrations-ignore uninspectable-sql`.', snippets: { typeorm: "await queryRunner.query(`ALTER TABLE orders ADD COLUMN status text`); // literal, not built from variables" } },
  equivalents: eq({}),
  examples: { postgres: { orm: 'typeorm', bad: "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class AddFlag1700000000001 implements MigrationInterface {\n  async up(q: QueryRunner) {\n    await q.query(buildSql());\n  }\n\n  async down(q: QueryRunner) {\n    await q.query('ALTER TABLE orders DROP COLUMN flag');\n  }\n}", good: "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class AddFlag1700000000001 implements MigrationInterface {\n  async up(q: QueryRunner) {\n    await q.query('ALTER TABLE orders ADD COLUMN flag boolean');\n  }\n\n  async down(q: QueryRunner) {\n    await q.query('ALTER TABLE orders DROP COLUMN flag');\n  }\n}" } },
  check(ctx) {
    return ctx.ops.flatMap((op) => {
      if (op.kind === 'unknown') return [findOn(op, `Not inspected${op.reason ? `: ${op.reason}` : ''}. Locks, rewrites and rollback are not checked for this statement; review it by hand.`)];
      const holes = Array.isArray(op.details?.placeholders) ? (op.details.placeholders as { expression?: string }[]) : [];
      if (!holes.length) return [];
      return [findOn(op, `Partly dynamic SQL: ${holes.map((h) => `\${${h.expression ?? '?'}}`).join(', ')} is only known at run time, so checks that depend on ${holes.length > 1 ? 'those values' : 'that value'} (which table, which existing data) are guesses. Prefer a literal.`)];
    });
  },
});

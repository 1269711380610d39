import { defineRule, eq } from '../rule';
import { findOn } from '../helpers';

export default defineRule({
  id: 'uninspectable-sql',
  category: 'coverage', set: 'strict', severity: 'info', dialects: ['postgres', 'mysql', 'mariadb'], phases: ['up'],
  summary: 'SQL the checker cannot read (text known only at run time, unparsable statements): no rule can vouch for it. Said once per migration.',
  why: 'A statement built at run time, or one the parser does not understand, is a blind spot: locks, rewrites and rollback are not checked for it.',
  safeAlternative: { text: 'Write the statement as a literal, or review it by hand and acknowledge with `safe-migrations-ignore uninspectable-sql`.', snippets: { typeorm: "await queryRunner.query(`ALTER TABLE orders ADD COLUMN status text`); // literal, not built from variables" } },
  equivalents: eq({}),
  examples: { postgres: { orm: 'typeorm', bad: "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class AddFlag1700000000001 implements MigrationInterface {\n  async up(q: QueryRunner) {\n    await q.query(buildSql());\n  }\n\n  async down(q: QueryRunner) {\n    await q.query('ALTER TABLE orders DROP COLUMN flag');\n  }\n}", good: "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class AddFlag1700000000001 implements MigrationInterface {\n  async up(q: QueryRunner) {\n    await q.query('ALTER TABLE orders ADD COLUMN flag boolean');\n  }\n\n  async down(q: QueryRunner) {\n    await q.query('ALTER TABLE orders DROP COLUMN flag');\n  }\n}" } },
  check(ctx) {
    // Partly dynamic SQL (`${tablePrefix}users`) is read with placeholders and judged like any other;
    // only statements whose text or shape is unknowable are blind spots, named once per migration.
    const blind = [...ctx.migration.up, ...ctx.migration.down].filter((op) => op.kind === 'unknown' && op.via === 'sql');
    if (!blind.length) return [];
    const first = blind[0];
    const what = first.reason ? `: ${first.reason}` : '';
    const more = blind.length > 1 ? ` (and ${blind.length - 1} more statement${blind.length > 2 ? 's' : ''} in this migration)` : '';
    return [findOn(first, `Not inspected${what}${more}. Locks, rewrites and rollback are not checked for ${blind.length > 1 ? 'these statements' : 'this statement'}; review by hand.`)];
  },
});

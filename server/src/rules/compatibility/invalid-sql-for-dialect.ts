import type { Operation } from '../../model/migration';
import { defineRule, eq, type RuleContext, type RuleFinding } from '../rule';
import { findOn, firstOfEachStatement } from '../helpers';

/** Single-quoted strings and comments blanked out, so only the statement's own words are judged. */
function codeOnly(sql: string): string {
  return sql.replace(/'(?:[^'\\]|\\.|'')*'/g, "''").replace(/--[^\n]*|#[^\n]*|\/\*[\s\S]*?\*\//g, ' ');
}

/** A double-quoted name where MySQL expects an identifier: a string literal there is a syntax error (1064). */
const DOUBLE_QUOTED_NAME = /\b(?:ALTER\s+TABLE|(?:CREATE|DROP|TRUNCATE|RENAME)\s+TABLE(?:\s+IF\s+(?:NOT\s+)?EXISTS)?|INSERT\s+INTO|UPDATE|DELETE\s+FROM|INDEX\s+`?\w+`?\s+ON|(?:ADD|DROP|MODIFY|CHANGE|RENAME)\s+COLUMN)\s+"[^"]*"/i;
/** VARCHAR / VARBINARY need a length on MySQL and MariaDB. */
const VARCHAR_WITHOUT_LENGTH = /\b(?:VARCHAR|VARBINARY)\b(?!\s*\()/i;
const DELETE_STAR = /\bDELETE\s+\*\s+FROM\b/i;
const PG_CATALOG = /\bpg_catalog\s*\./i;

function mysqlMistake(op: Operation): string | undefined {
  const sql = codeOnly(op.text);
  if (DELETE_STAR.test(sql)) return '`DELETE * FROM` is not SQL: write `DELETE FROM`.';
  if (DOUBLE_QUOTED_NAME.test(sql)) return 'a double-quoted name is a string literal on MySQL/MariaDB (unless sql_mode has ANSI_QUOTES): use backticks or no quotes.';
  if (VARCHAR_WITHOUT_LENGTH.test(sql)) return 'VARCHAR/VARBINARY need a length on MySQL/MariaDB, e.g. VARCHAR(255).';
  if (PG_CATALOG.test(sql)) return 'pg_catalog is PostgreSQL\'s catalog; MySQL/MariaDB have information_schema.';
  return undefined;
}

/** The PostgreSQL parser's verdict on a static statement (reader problem `sql-syntax` on an unknown op). */
function postgresSyntaxError(ctx: RuleContext, op: Operation): string | undefined {
  if (op.kind !== 'unknown') return undefined;
  const p = ctx.file.problems.find((x) => x.code === 'sql-syntax' && /^PostgreSQL syntax error/.test(x.message)
    && x.range.start.line === op.range.start.line && x.range.start.character === op.range.start.character);
  return p?.message.replace(/^PostgreSQL syntax error: /, '');
}

export default defineRule({
  id: 'invalid-sql-for-dialect',
  category: 'compatibility', severity: 'error', dialects: ['postgres', 'mysql', 'mariadb'], phases: ['up', 'down'],
  summary: "SQL the migration's database rejects: the migration (or its rollback) fails when it runs.",
  why: 'A statement with a syntax error for its engine fails at deploy time or, worse, only when the down finally runs during an incident. Typical causes are SQL copied between the PostgreSQL and MySQL folders of one project (double-quoted identifiers on MySQL, VARCHAR without a length) and typos such as `DELETE * FROM`. PostgreSQL statements are checked with the real PostgreSQL parser; MySQL/MariaDB ones against mistakes the server rejects with error 1064.',
  safeAlternative: { text: 'Write the statement in the dialect it runs on: backticks (or bare names) for MySQL identifiers, a length for VARCHAR, `DELETE FROM`. Run the migration up and down once on a scratch database (`safe-migrations verify`).', snippets: { sql: 'ALTER TABLE `dataset_row` DROP COLUMN `sequence_no`;' } },
  equivalents: eq({}),
  examples: {
    mysql: { bad: 'ALTER TABLE "orders" DROP COLUMN "note";', good: 'ALTER TABLE `orders` DROP COLUMN `note`;' },
    postgres: { bad: 'DELETE * FROM orders WHERE id = 1;', good: 'DELETE FROM orders WHERE id = 1;' },
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const op of ctx.ops) {
      if (ctx.dialect === 'postgres') {
        const error = postgresSyntaxError(ctx, op);
        if (error) out.push(findOn(op, `PostgreSQL rejects this statement (${error}): the ${ctx.phase === 'down' ? 'rollback' : 'migration'} fails when it reaches it.`));
      } else if (ctx.dialect === 'mysql' || ctx.dialect === 'mariadb') {
        if (op.kind === 'unknown' || op.kind === 'transactionControl') continue;
        const mistake = mysqlMistake(op);
        if (mistake) out.push(findOn(op, `${ctx.dialect === 'mariadb' ? 'MariaDB' : 'MySQL'} rejects this statement with a syntax error: ${mistake} The ${ctx.phase === 'down' ? 'rollback' : 'migration'} fails when it reaches it.`));
      }
    }
    // A PostgreSQL catalog queried from a MySQL migration's code (a guard's probe is not an operation of its own).
    if ((ctx.dialect === 'mysql' || ctx.dialect === 'mariadb') && ctx.text && !ctx.file.path.endsWith('.sql')) {
      const phaseRange = ctx.phase === 'up' ? ctx.migration.upRange : ctx.migration.downRange;
      if (phaseRange) {
        const { start, end } = ctx.offsetsOf(phaseRange);
        const body = ctx.text.slice(start, end);
        for (const m of body.matchAll(/pg_catalog\s*\./gi)) {
          const at = start + m.index!;
          const lineStart = ctx.text.lastIndexOf('\n', at) + 1;
          if (/\/\/|^\s*\*/.test(ctx.text.slice(lineStart, at))) continue; // in a comment
          if (out.some((f) => f.offset && f.offset.start <= at && at <= f.offset.end)) continue;
          out.push({ message: `${ctx.dialect === 'mariadb' ? 'MariaDB' : 'MySQL'} has no pg_catalog (it is PostgreSQL's catalog; use information_schema): this query fails, and the ${ctx.phase === 'down' ? 'rollback' : 'migration'} with it.`, range: ctx.rangeOf(at, at + m[0].length), offset: { start: at, end: at + m[0].length } });
          break;
        }
      }
    }
    // One finding per statement (a statement read as several operations).
    const first = firstOfEachStatement();
    return out.filter((f) => !f.op || first(f.op));
  },
});

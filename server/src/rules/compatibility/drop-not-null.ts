import { defineRule, eq } from '../rule';
import { colName, findOn, onExistingTable } from '../helpers';
import { q } from '../ormAdvice';

export default defineRule({
  id: 'drop-not-null',
  category: 'compatibility', set: 'strict', severity: 'info', dialects: ['postgres', 'mysql', 'mariadb'],
  summary: 'Dropping NOT NULL lets NULLs in that running code does not expect.',
  why: 'Readers of the previous release assume the column is never NULL; the first NULL written by new code can crash them. It also makes the rollback (SET NOT NULL) fail once NULLs exist.',
  safeAlternative: { text: 'Deploy code that handles NULL first, then drop the constraint.', snippets: {} },
  equivalents: eq({ squawk: ['ban-drop-not-null'] }),
  examples: { postgres: { bad: 'ALTER TABLE orders ALTER COLUMN total DROP NOT NULL;', good: '-- safe-migrations-ignore drop-not-null (the released code handles NULL totals)\nALTER TABLE orders ALTER COLUMN total DROP NOT NULL;' } },
  check(ctx) {
    return ctx.ops.flatMap((op) => {
      if (!onExistingTable(ctx, op)) return [];
      // MySQL/MariaDB: MODIFY/CHANGE with an explicit NULL drops NOT NULL on purpose (leaving NOT NULL out by
      // accident is modify-drops-not-null, a recommended rule).
      const explicit = op.kind === 'alterColumnType' && ctx.dialect !== 'postgres' && op.columnSpec?.nullable === true
        && ctx.columnHistory(op.table, op.column, op).nullable === false;
      if (op.kind !== 'dropNotNull' && !explicit) return [];
      return [findOn(op, `Dropping NOT NULL on ${q(op.table)}.${q(colName(op))}: running code may not expect NULLs, and the rollback (SET NOT NULL) fails once one is written.`)];
    });
  },
});

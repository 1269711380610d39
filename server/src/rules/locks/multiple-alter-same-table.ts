import type { Operation } from '../../model/migration';
import { defineRule, eq, type RuleFinding } from '../rule';
import { findOn, onExistingTable, statementOf } from '../helpers';
import { q } from '../ormAdvice';

const ALTERS = new Set(['addColumn', 'dropColumn', 'alterColumnType', 'setNotNull', 'dropNotNull', 'setDefault', 'dropDefault', 'addForeignKey', 'addCheck', 'addUnique', 'addPrimaryKey', 'dropConstraint', 'dropForeignKey', 'renameColumn']);

export default defineRule({
  id: 'multiple-alter-same-table',
  category: 'locks', set: 'strict', severity: 'info', dialects: ['postgres', 'mysql', 'mariadb'], lockRule: true,
  summary: 'Several ALTER TABLE statements on the same table in one migration, where one statement would do.',
  why: 'Each ALTER TABLE waits for and takes its own lock, and on MySQL/MariaDB each one that is not instant rebuilds the table again. One statement with several actions locks (and rebuilds) once.',
  safeAlternative: { text: 'Combine the actions into one ALTER TABLE.', snippets: { sql: 'ALTER TABLE orders ADD COLUMN flag boolean, ADD COLUMN note2 text;' } },
  equivalents: eq({ eugene: ['W12'] }),
  examples: { postgres: { bad: 'ALTER TABLE orders ADD COLUMN flag boolean;\nALTER TABLE orders ADD COLUMN memo text;', good: 'ALTER TABLE orders ADD COLUMN flag boolean, ADD COLUMN memo text;' } },
  check(ctx) {
    const byTable = new Map<string, { first: Operation; statements: Set<number> }>();
    const out: RuleFinding[] = [];
    for (const op of ctx.ops) {
      if (!ALTERS.has(op.kind) || op.via !== 'sql' || !onExistingTable(ctx, op)) continue;
      const t = op.table!.toLowerCase();
      const seen = byTable.get(t) ?? { first: op, statements: new Set<number>() };
      seen.statements.add(statementOf(op));
      if (seen.statements.size === 2) out.push(findOn(op, `Another ALTER TABLE on ${q(op.table)} in the same migration (the first is at line ${seen.first.range.start.line + 1}): each statement takes its own lock${ctx.dialect === 'postgres' ? '' : ' and may rebuild the table again'}. Combine the actions into one ALTER TABLE.`));
      byTable.set(t, seen);
    }
    return out;
  },
});

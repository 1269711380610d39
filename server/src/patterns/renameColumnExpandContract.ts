import { DialectSql } from './dialectSql';
import { assertColumnMatches } from './expandContractSteps';
import { batchSizeParam, columnParam, keyParam, tableParam } from './params';
import type { PatternDefinition } from './types';

export const renameColumnExpandContract: PatternDefinition = {
  id: 'renameColumnExpandContract',
  title: 'Rename a column (expand-contract, zero downtime)',
  description: 'Five migrations: add the new column → backfill → (app writes both) catch up and verify → (app reads the new one) verify → (app stops using the old one) drop the old column.',
  orms: ['typeorm', 'sequelize', 'prisma'],
  dialects: ['postgres', 'mysql', 'mariadb'],
  params: [
    tableParam, columnParam,
    { name: 'newName', kind: 'newName', prompt: 'New column name', required: true },
    { name: 'type', kind: 'type', prompt: 'Type of the column (as the database spells it)', required: true },
    keyParam, batchSizeParam,
    { name: 'nullable', kind: 'string', prompt: 'Is the column nullable? (yes/no; the editor fills it in from the schema)', required: false },
  ],
  name: (p) => ['rename', p.table, p.column, 'to', p.newName],
  build(p, ctx) {
    const d = new DialectSql(ctx);
    const batchSize = Number(p.batchSize);
    const copy = () => d.backfill(p.table, p.key, [{ column: p.newName, expression: d.q(p.column) }],
      `${d.q(p.newName)} IS NULL AND ${d.q(p.column)} IS NOT NULL`, batchSize);
    const verify = () => assertColumnMatches(d, p.table, p.newName, d.q(p.column),
      `Some rows of ${p.table} have ${p.newName} different from ${p.column}: is every running app instance writing both?`);
    return {
      phases: [
        {
          slug: ['expand'], title: `Add ${p.table}.${p.newName} (nullable)`,
          up: [d.addColumn(p.table, p.newName, `${p.type} NULL`)],
          down: [d.dropColumn(p.table, p.newName)],
          transactional: true,
        },
        {
          slug: ['backfill'], title: `Copy ${p.column} into ${p.newName} in batches of ${batchSize}`,
          up: [copy()],
          down: [],
          transactional: false,
        },
        {
          slug: ['writes', 'both'], title: `Catch up rows written before the dual-write deploy, then verify ${p.newName} = ${p.column}`,
          before: `Deploy the application version that writes both ${p.column} and ${p.newName} (and still reads ${p.column}).`,
          notes: [`Instead of the dual-write deploy, a trigger can copy ${p.column} into ${p.newName} on INSERT/UPDATE; it is not generated here because it must be dropped again before the last phase.`],
          up: [copy(), verify()],
          down: [],
          transactional: false,
        },
        {
          slug: ['reads', 'new'], title: `Verify ${p.newName} = ${p.column} once the app reads ${p.newName}`,
          before: `Deploy the application version that reads ${p.newName} (and still writes both).`,
          up: [verify()],
          down: [],
          transactional: true,
        },
        {
          slug: ['contract'], title: `Drop the old column ${p.table}.${p.column}`,
          before: `Deploy the application version that no longer reads or writes ${p.column}.`,
          notes: [`Indexes and constraints that include ${p.column} are dropped with it; down does not recreate them, so add them to down by hand.`],
          ignore: [{ rules: ['drop-column', 'irreversible-without-checkpoint'], reason: `contract phase, run after the deploy named above; down rebuilds ${p.column} from ${p.newName}.` }],
          up: [d.dropColumn(p.table, p.column)],
          down: [
            d.addColumn(p.table, p.column, `${p.type} NULL`),
            d.raw(`UPDATE ${d.q(p.table)} SET ${d.q(p.column)} = ${d.q(p.newName)}`),
          ],
          transactional: true,
        },
      ],
      notes: p.nullable === 'yes' ? []
        : p.nullable === 'no' ? [`${p.table}.${p.column} is NOT NULL and ${p.newName} is added nullable: after the backfill, make ${p.newName} NOT NULL with the last phases of addColumnNotNullSafe.`]
        : [`If ${p.column} was NOT NULL, make ${p.newName} NOT NULL after the backfill with the last phases of addColumnNotNullSafe.`],
    };
  },
};

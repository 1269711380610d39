import { DialectSql } from './dialectSql';
import { restoreColumnFromCheckpoint } from './expandContractSteps';
import { isYes } from './onlineIndexParams';
import { columnParam, keyParam, tableParam, typeParam } from './params';
import type { PatternDefinition, Step } from './types';

export const dropColumnWithCheckpoint: PatternDefinition = {
  id: 'dropColumnWithCheckpoint',
  title: 'Drop a column (contract phase, with checkpoint)',
  description: 'First copy (key, column) into a checkpoint table and verify the row count; then drop the column. down re-adds the column and restores every value from the checkpoint.',
  orms: ['typeorm', 'sequelize', 'prisma'],
  dialects: ['postgres', 'mysql', 'mariadb'],
  params: [
    tableParam, columnParam, typeParam,
    { name: 'nullable', kind: 'string', prompt: 'Is the column nullable? (yes/no)', required: false, default: 'yes' },
    { name: 'default', kind: 'expression', prompt: 'Its default, if it has one', required: false, valueOfType: 'type' },
    keyParam,
    { name: 'checkpoint', kind: 'newName', prompt: 'Checkpoint table', required: false, default: '{table}_{column}_checkpoint' },
  ],
  name: (p) => ['drop', p.table, p.column],
  build(p, ctx) {
    const d = new DialectSql(ctx);
    const def = p.default !== undefined ? ` DEFAULT ${p.default}` : '';
    const notNull = !isYes(p.nullable);
    // MySQL/MariaDB fill a NOT NULL column added to existing rows with its (implicit) default, so one DDL
    // statement is enough there; PostgreSQL adds it nullable and sets NOT NULL after the restore, in one transaction.
    const restore: Step[] = [
      d.addColumn(p.table, p.column, `${p.type} ${notNull && d.mysqlFamily ? 'NOT NULL' : 'NULL'}${def}`),
      restoreColumnFromCheckpoint(d, p.table, p.column, p.checkpoint, p.key),
    ];
    if (notNull && d.postgres) restore.push(d.raw(`ALTER TABLE ${d.q(p.table)} ALTER COLUMN ${d.q(p.column)} SET NOT NULL`, true));
    return {
      phases: [
        {
          slug: ['checkpoint'], title: `Copy ${p.table} (${p.key}, ${p.column}) into ${p.checkpoint} and verify the count`,
          up: [d.copyTable(p.checkpoint, `${d.q(p.key)}, ${d.q(p.column)}`, p.table), d.assertSameCount(p.table, p.checkpoint)],
          down: [d.dropTable(p.checkpoint)],
          transactional: true,
        },
        {
          slug: ['contract'], title: `Drop ${p.table}.${p.column}`,
          before: `Deploy the application version that no longer reads or writes ${p.column}.`,
          ignore: [{ rules: ['drop-column', 'irreversible-without-checkpoint'], reason: `contract phase, run after the deploy named above; down rebuilds ${p.column} from the checkpoint ${p.checkpoint} saved by the previous migration.` }],
          up: [d.dropColumn(p.table, p.column)],
          down: restore,
          transactional: true,
          notes: [
            `down restores the values saved in ${p.checkpoint}; rows inserted after the checkpoint get ${p.default ?? 'NULL'}.`,
            `Indexes and constraints that include ${p.column} are dropped with it; down does not recreate them, so add them to down by hand.`,
          ],
        },
      ],
      notes: [`Drop ${p.checkpoint} in a later migration once the change has proven itself.`],
    };
  },
};

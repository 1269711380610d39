import { DialectSql } from './dialectSql';
import type { PatternDefinition } from './types';

// The checkpoint is the table itself under another name: renaming is instant and keeps the rows,
// indexes, constraints and sequences, so down restores exactly what was there.
export const dropTableWithCheckpoint: PatternDefinition = {
  id: 'dropTableWithCheckpoint',
  title: 'Drop table (with checkpoint)',
  description: 'Moves the table aside under a checkpoint name instead of dropping it; down moves it back with every row, index and constraint. Drop the checkpoint in a later migration once you are sure.',
  orms: ['typeorm', 'sequelize', 'prisma'],
  dialects: ['postgres', 'mysql', 'mariadb'],
  params: [
    { name: 'table', kind: 'table', prompt: 'Table to drop', required: true },
    { name: 'checkpoint', kind: 'newName', prompt: 'Name the table is kept under until it is really dropped', required: false, default: '{table}_dropped' },
  ],
  name: (p) => ['drop', p.table, 'table'],
  build(p, ctx) {
    const d = new DialectSql(ctx);
    return {
      phases: [{
        slug: [],
        title: `Move ${p.table} aside as ${p.checkpoint}`,
        before: `Deploy the application version that no longer reads or writes ${p.table}.`,
        up: [d.renameTable(p.table, p.checkpoint)],
        down: [d.renameTable(p.checkpoint, p.table)],
        transactional: true,
        ignore: [{ rules: ['rename-table'], reason: `the application no longer uses ${p.table} (see BEFORE RUNNING), and the renamed table is the checkpoint.` }],
        notes: [`Drop ${p.checkpoint} in a later migration (DROP TABLE IF EXISTS) once nothing needs it: that step cannot be undone, so take a dump first.`],
      }],
      notes: [],
    };
  },
};

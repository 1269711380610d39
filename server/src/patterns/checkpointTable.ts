import { DialectSql } from './dialectSql';
import { tableParam } from './params';
import type { PatternDefinition } from './types';

export const checkpointTable: PatternDefinition = {
  id: 'checkpointTable',
  title: 'Checkpoint a table before a destructive step',
  description: 'Copies every row into a backup table and verifies the count, so the destructive migration that follows can be undone from data rather than hope. down restores the rows from the backup and drops it.',
  orms: ['typeorm', 'sequelize', 'prisma'],
  dialects: ['postgres', 'mysql', 'mariadb'],
  params: [tableParam, { name: 'checkpoint', kind: 'newName', prompt: 'Backup table', required: false, default: '{table}_checkpoint' }],
  name: (p) => ['checkpoint', p.table],
  build(p, ctx) {
    const d = new DialectSql(ctx);
    // Identity columns declared GENERATED ALWAYS refuse explicit values unless told to.
    const overriding = d.postgres ? ' OVERRIDING SYSTEM VALUE' : '';
    return {
      phases: [{
        slug: [], title: `Copy ${p.table} into ${p.checkpoint} and verify the count`,
        up: [d.copyTable(p.checkpoint, '*', p.table), d.assertSameCount(p.table, p.checkpoint)],
        down: [
          d.raw(`DELETE FROM ${d.q(p.table)}`),
          d.raw(`INSERT INTO ${d.q(p.table)}${overriding} SELECT * FROM ${d.q(p.checkpoint)}`),
          d.dropTable(p.checkpoint),
        ],
        transactional: true,
        notes: [
          `down puts ${p.table} back to the rows saved here (column order must be unchanged) and drops ${p.checkpoint}; rows referenced by foreign keys from other tables block the DELETE.`,
        ],
      }],
      notes: [],
    };
  },
};

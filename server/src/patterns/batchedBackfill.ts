import { DialectSql } from './dialectSql';
import { restoreColumnFromCheckpoint } from './expandContractSteps';
import { batchSizeParam, columnParam, keyParam, tableParam } from './params';
import type { PatternDefinition } from './types';

export const batchedBackfill: PatternDefinition = {
  id: 'batchedBackfill',
  title: 'Backfill data in batches',
  description: 'Checkpoints (key, column), then updates in batches walking the key, outside any DDL transaction. Resumable: rows already done no longer match the condition. down restores the old values from the checkpoint.',
  orms: ['typeorm', 'sequelize', 'prisma'],
  dialects: ['postgres', 'mysql', 'mariadb'],
  params: [
    tableParam, columnParam,
    { name: 'expression', kind: 'expression', prompt: 'New value (SQL over the row\'s columns)', required: true },
    { name: 'where', kind: 'expression', prompt: 'Rows still to do (must stop matching once done)', required: false, default: '{column} IS NULL' },
    keyParam, batchSizeParam,
    { name: 'checkpoint', kind: 'newName', prompt: 'Checkpoint table for down', required: false, default: '{table}_{column}_backfill' },
  ],
  name: (p) => ['backfill', p.table, p.column],
  build(p, ctx) {
    const d = new DialectSql(ctx);
    return {
      phases: [
        {
          slug: ['checkpoint'], title: `Save ${p.table} (${p.key}, ${p.column}) in ${p.checkpoint}`,
          up: [d.copyTable(p.checkpoint, `${d.q(p.key)}, ${d.q(p.column)}`, p.table), d.assertSameCount(p.table, p.checkpoint)],
          down: [d.dropTable(p.checkpoint)],
          transactional: true,
        },
        {
          slug: ['backfill'], title: `Set ${p.column} = ${p.expression} where ${p.where}, ${p.batchSize} rows at a time`,
          up: [d.backfill(p.table, p.key, [{ column: p.column, expression: p.expression }], `(${p.where})`, Number(p.batchSize))],
          down: [restoreColumnFromCheckpoint(d, p.table, p.column, p.checkpoint, p.key)],
          transactional: false,
        },
      ],
      notes: [],
    };
  },
};

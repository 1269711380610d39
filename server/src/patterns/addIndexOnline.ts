import { DialectSql } from './dialectSql';
import { indexName, isYes, uniqueParam } from './onlineIndexParams';
import { listParam, tableParam } from './params';
import type { PatternDefinition } from './types';

export const addIndexOnline: PatternDefinition = {
  id: 'addIndexOnline',
  title: 'Add an index online',
  description: 'PostgreSQL: CREATE INDEX CONCURRENTLY outside a transaction, the ORM\'s way. MySQL/MariaDB: ADD INDEX … ALGORITHM=INPLACE, LOCK=NONE.',
  orms: ['typeorm', 'sequelize', 'prisma'],
  dialects: ['postgres', 'mysql', 'mariadb'],
  params: [
    tableParam,
    { name: 'columns', kind: 'columns', prompt: 'Indexed columns, comma-separated', required: true },
    { name: 'index', kind: 'newName', prompt: 'Index name (default <table>_<columns>_idx)', required: false },
    uniqueParam,
  ],
  name: (p) => ['add', 'index', p.table, ...listParam(p.columns)],
  build(p, ctx) {
    const d = new DialectSql(ctx);
    const index = indexName(p, ctx.dialect);
    return {
      phases: [{
        slug: [], title: `Create index ${index} on ${p.table} (${p.columns}) without blocking writes`,
        up: [...(d.postgres ? [d.dropInvalidIndex(p.table, index)] : []), d.createIndex(p.table, index, listParam(p.columns), isYes(p.unique))],
        down: [d.dropIndex(p.table, index)],
        transactional: !d.postgres,
        notes: d.postgres ? [`A failed CONCURRENTLY build leaves an INVALID index named ${index}; up drops such a leftover before building (plain SQL cannot check first: drop it by hand with DROP INDEX CONCURRENTLY IF EXISTS before re-running).`] : [],
      }],
      notes: [],
    };
  },
};

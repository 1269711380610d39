import { DialectSql } from './dialectSql';
import { isYes, uniqueParam } from './onlineIndexParams';
import { listParam, tableParam } from './params';
import { validateIdentifier } from './identifiers';
import type { PatternDefinition } from './types';

export const dropIndexOnline: PatternDefinition = {
  id: 'dropIndexOnline',
  title: 'Drop an index online',
  description: 'PostgreSQL: DROP INDEX CONCURRENTLY outside a transaction. MySQL/MariaDB: DROP INDEX … ALGORITHM=INPLACE, LOCK=NONE. down rebuilds it online.',
  orms: ['typeorm', 'sequelize', 'prisma'],
  dialects: ['postgres', 'mysql', 'mariadb'],
  params: [
    tableParam,
    { name: 'index', kind: 'string', prompt: 'Index to drop', required: true },
    { name: 'columns', kind: 'columns', prompt: 'Its columns, comma-separated (down recreates it)', required: true },
    uniqueParam,
  ],
  name: (p) => ['drop', 'index', p.index],
  build(p, ctx) {
    validateIdentifier(p.index, ctx.dialect, 'Index to drop (index)', false);
    const d = new DialectSql(ctx);
    return {
      phases: [{
        slug: [], title: `Drop index ${p.index} without blocking writes`,
        up: [d.dropIndex(p.table, p.index)],
        down: [...(d.postgres ? [d.dropInvalidIndex(p.table, p.index)] : []), d.createIndex(p.table, p.index, listParam(p.columns), isYes(p.unique))],
        transactional: !d.postgres,
      }],
      notes: [],
    };
  },
};

import { DialectSql } from './dialectSql';
import { tableParam, typeParam, newColumnParam } from './params';
import type { PatternDefinition } from './types';

export const addColumnNullable: PatternDefinition = {
  id: 'addColumnNullable',
  title: 'Add a nullable column',
  description: 'ADD COLUMN without NOT NULL or default: a metadata-only change on PostgreSQL, INSTANT on MySQL 8.0.12+ and MariaDB 10.3+.',
  orms: ['typeorm', 'sequelize', 'prisma'],
  dialects: ['postgres', 'mysql', 'mariadb'],
  params: [tableParam, newColumnParam, typeParam],
  name: (p) => ['add', p.column, 'to', p.table],
  build(p, ctx) {
    const d = new DialectSql(ctx);
    return {
      phases: [{ slug: [], title: `Add ${p.table}.${p.column}`, up: [d.addColumn(p.table, p.column, `${p.type} NULL`)], down: [d.dropColumn(p.table, p.column)], transactional: true }],
      notes: [],
    };
  },
};

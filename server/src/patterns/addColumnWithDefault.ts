import { DialectSql } from './dialectSql';
import { tableParam, typeParam, newColumnParam } from './params';
import type { PatternDefinition } from './types';

export const addColumnWithDefault: PatternDefinition = {
  id: 'addColumnWithDefault',
  title: 'Add a column with a constant default',
  description: 'ADD COLUMN … NOT NULL DEFAULT <constant>: no table rewrite on PostgreSQL 11+ (constant defaults only), INSTANT on MySQL 8.0.12+ and MariaDB 10.3+.',
  orms: ['typeorm', 'sequelize', 'prisma'],
  dialects: ['postgres', 'mysql', 'mariadb'],
  params: [
    tableParam, newColumnParam, typeParam,
    { name: 'default', kind: 'expression', prompt: 'Constant default (e.g. 0, \'active\', false)', required: true, valueOfType: 'type' },
  ],
  name: (p) => ['add', p.column, 'to', p.table],
  build(p, ctx) {
    const d = new DialectSql(ctx);
    const volatile = /\b(random|rand|uuid|gen_random_uuid|clock_timestamp|nextval)\s*\(/i.test(p.default);
    return {
      phases: [{
        slug: [], title: `Add ${p.table}.${p.column} with default ${p.default}`,
        up: [d.addColumn(p.table, p.column, `${p.type} NOT NULL DEFAULT ${p.default}`)],
        down: [d.dropColumn(p.table, p.column)],
        transactional: true,
      }],
      notes: volatile ? [`${p.default} is volatile: PostgreSQL rewrites the whole table to fill it, and MySQL cannot add it INSTANT. Use addColumnNotNullSafe instead.`] : [],
    };
  },
};

import { DialectSql } from './dialectSql';
import { listParam, tableParam } from './params';
import type { PatternDefinition } from './types';

export const addForeignKeySafe: PatternDefinition = {
  id: 'addForeignKeySafe',
  title: 'Add a foreign key safely',
  description: 'PostgreSQL: index the referencing column concurrently (its own migration, outside a transaction), ADD CONSTRAINT … NOT VALID, then VALIDATE in a separate migration (no long lock on either table). MySQL/MariaDB: index the column online first, check for orphans, then add the key (which copies the table: see the notes).',
  orms: ['typeorm', 'sequelize', 'prisma'],
  dialects: ['postgres', 'mysql', 'mariadb'],
  params: [
    tableParam,
    { name: 'columns', kind: 'columns', prompt: 'Referencing column(s), comma-separated', required: true },
    { name: 'refTable', kind: 'table', prompt: 'Referenced table', required: true },
    { name: 'refColumns', kind: 'columns', prompt: 'Referenced column(s)', required: false, default: 'id' },
    { name: 'constraint', kind: 'newName', prompt: 'Constraint name', required: false, default: '{table}_{refTable}_fkey' },
  ],
  name: (p) => ['add', p.table, p.refTable, 'foreign', 'key'],
  build(p, ctx) {
    const d = new DialectSql(ctx);
    const columns = listParam(p.columns);
    const refColumns = listParam(p.refColumns);
    // Without an index on the referencing column every DELETE or key UPDATE on the referenced table scans it.
    const index = `${p.constraint}_idx`.slice(0, ctx.dialect === 'postgres' ? 63 : 64);
    if (d.postgres) {
      return {
        phases: [
          {
            slug: ['index'], title: `Index ${p.table} (${p.columns}) concurrently for the foreign key`,
            up: [d.dropInvalidIndex(p.table, index), d.createIndex(p.table, index, columns, false)],
            down: [d.dropIndex(p.table, index)],
            transactional: false,
            notes: [`Skip this phase if ${p.table} already has an index starting with (${p.columns}). A failed CONCURRENTLY build leaves an INVALID index named ${index}; up drops such a leftover before building (plain SQL cannot check first: drop it by hand with DROP INDEX CONCURRENTLY IF EXISTS before re-running).`],
          },
          {
            slug: ['not', 'valid'], title: `Add ${p.constraint} NOT VALID (checks new rows only; brief lock)`,
            up: [d.addForeignKey(p.table, p.constraint, columns, p.refTable, refColumns, true)],
            down: [d.dropConstraint(p.table, p.constraint, 'foreignKey')],
            transactional: true,
          },
          {
            slug: ['validate'], title: `VALIDATE ${p.constraint} (scans existing rows; reads and writes continue)`,
            up: [d.validateConstraint(p.table, p.constraint)],
            // Back to the NOT VALID state the previous migration left.
            down: [d.dropConstraint(p.table, p.constraint, 'foreignKey'), d.addForeignKey(p.table, p.constraint, columns, p.refTable, refColumns, true)],
            transactional: true,
          },
        ],
        notes: [],
      };
    }
    const child = 'sm_child';
    const parent = 'sm_parent';
    const orphans = `SELECT COUNT(*) AS n FROM ${d.q(p.table)} AS ${child} WHERE ${columns.map((c) => `${child}.${d.q(c)} IS NOT NULL`).join(' AND ')}`
      + ` AND NOT EXISTS (SELECT 1 FROM ${d.q(p.refTable)} AS ${parent} WHERE ${columns.map((c, i) => `${parent}.${d.q(refColumns[i] ?? c)} = ${child}.${d.q(c)}`).join(' AND ')})`;
    return {
      phases: [
        {
          slug: ['index'], title: `Index ${p.table} (${p.columns}) online for the foreign key`,
          up: [d.createIndex(p.table, index, columns, false)],
          down: [d.dropIndex(p.table, index)],
          transactional: true,
          notes: [`Skip this phase if ${p.table} already has an index starting with (${p.columns}); otherwise the server creates one itself, with a blocking copy.`],
        },
        {
          slug: ['constraint'], title: `Check for orphans, then add ${p.constraint}`,
          up: [
            { kind: 'assertZero', sql: orphans, message: `Some rows of ${p.table} point at missing ${p.refTable} rows; fix them before adding ${p.constraint}.` },
            d.addForeignKey(p.table, p.constraint, columns, p.refTable, refColumns, false),
          ],
          down: [d.dropConstraint(p.table, p.constraint, 'foreignKey')],
          transactional: true,
          ignore: [{ rules: ['mysql-add-foreign-key'], reason: 'MySQL/MariaDB have no online way to add a checked foreign key; the trade-off is explained above.' }],
          notes: [
            'MySQL/MariaDB have no NOT VALID: with foreign_key_checks on, adding a foreign key copies the table and blocks writes to it while it runs. '
            + 'Doing it in place needs SET foreign_key_checks = 0 in the same session, which skips checking existing rows (the orphan check above covers rows present now). Run it at a quiet time.',
          ],
        },
      ],
      notes: [],
    };
  },
};

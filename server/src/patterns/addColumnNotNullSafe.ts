import { DialectSql } from './dialectSql';
import { batchSizeParam, keyParam, tableParam, typeParam, newColumnParam } from './params';
import type { Phase, PatternDefinition } from './types';

export const addColumnNotNullSafe: PatternDefinition = {
  id: 'addColumnNotNullSafe',
  title: 'Add a NOT NULL column safely',
  description: 'Add nullable with a default → backfill in batches → enforce NOT NULL without a long lock (PostgreSQL: CHECK … NOT VALID, VALIDATE, SET NOT NULL; MySQL/MariaDB: MODIFY … ALGORITHM=INPLACE, LOCK=NONE).',
  orms: ['typeorm', 'sequelize', 'prisma'],
  dialects: ['postgres', 'mysql', 'mariadb'],
  params: [
    tableParam, newColumnParam, typeParam,
    { name: 'default', kind: 'expression', prompt: 'Value for existing rows and default for new ones (e.g. 0, \'none\')', required: true, valueOfType: 'type' },
    keyParam, batchSizeParam,
    { name: 'constraint', kind: 'newName', prompt: 'Name of the temporary NOT NULL check (PostgreSQL)', required: false, default: '{table}_{column}_not_null' },
  ],
  name: (p) => ['add', p.column, 'to', p.table, 'not', 'null'],
  build(p, ctx) {
    const d = new DialectSql(ctx);
    const batchSize = Number(p.batchSize);
    const backfill: Phase = {
      slug: ['backfill'], title: `Backfill ${p.table}.${p.column} in batches of ${batchSize}`,
      up: [d.backfill(p.table, p.key, [{ column: p.column, expression: p.default }], `${d.q(p.column)} IS NULL`, batchSize)],
      // The column itself is dropped by the first phase's down; the values written here go with it.
      down: [],
      transactional: false,
    };
    if (d.postgres) {
      return {
        phases: [
          {
            slug: ['add', 'nullable'], title: `Add ${p.table}.${p.column} as nullable, default ${p.default} for new rows`,
            // One statement: existing rows stay NULL (no rewrite), rows inserted during the backfill get the default.
            up: [d.raw(`ALTER TABLE ${d.q(p.table)} ADD COLUMN IF NOT EXISTS ${d.q(p.column)} ${p.type} NULL, ALTER COLUMN ${d.q(p.column)} SET DEFAULT ${p.default}`, true)],
            down: [d.dropColumn(p.table, p.column)],
            transactional: true,
          },
          backfill,
          {
            slug: ['check', 'not', 'valid'], title: `Add CHECK (${p.column} IS NOT NULL) NOT VALID`,
            up: [d.addCheck(p.table, p.constraint, `${d.q(p.column)} IS NOT NULL`, true)],
            down: [d.dropConstraint(p.table, p.constraint, 'check')],
            transactional: true,
          },
          {
            slug: ['set', 'not', 'null'], title: 'VALIDATE the check, then SET NOT NULL (no scan: the valid check proves it)',
            notes: ['VALIDATE scans the table under SHARE UPDATE EXCLUSIVE (reads and writes continue); SET NOT NULL then needs only a brief ACCESS EXCLUSIVE lock (PostgreSQL 12+).'],
            up: [d.validateConstraint(p.table, p.constraint), d.raw(`ALTER TABLE ${d.q(p.table)} ALTER COLUMN ${d.q(p.column)} SET NOT NULL`, true)],
            down: [d.raw(`ALTER TABLE ${d.q(p.table)} ALTER COLUMN ${d.q(p.column)} DROP NOT NULL`, true)],
            transactional: true,
          },
          {
            slug: ['drop', 'check'], title: `Drop the check ${p.constraint}, now redundant with NOT NULL`,
            up: [d.dropConstraint(p.table, p.constraint, 'check')],
            // Back to the validated check the previous phase left (re-validating scans, but only on rollback).
            down: [d.addCheck(p.table, p.constraint, `${d.q(p.column)} IS NOT NULL`, true), d.validateConstraint(p.table, p.constraint)],
            transactional: true,
          },
        ],
        notes: [],
      };
    }
    return {
      phases: [
        {
          slug: ['add', 'nullable'], title: `Add ${p.table}.${p.column} as nullable with default ${p.default}`,
          up: [d.addColumn(p.table, p.column, `${p.type} NULL DEFAULT ${p.default}`)],
          down: [d.dropColumn(p.table, p.column)],
          transactional: true,
        },
        backfill,
        {
          slug: ['set', 'not', 'null'], title: `Make ${p.table}.${p.column} NOT NULL online`,
          notes: ['MODIFY … NOT NULL rebuilds the table in place while reads and writes continue (needs strict sql_mode; fails rather than locking if the server cannot do it online).'],
          up: [
            { kind: 'assertZero', sql: `SELECT COUNT(*) AS n FROM ${d.q(p.table)} WHERE ${d.q(p.column)} IS NULL`, message: `${p.table}.${p.column} still has NULLs: run the backfill again first.` },
            // Strict mode makes MODIFY fail on a NULL instead of silently writing 0 or ''.
            d.raw("SET SESSION sql_mode = IF(@@SESSION.sql_mode = '', 'STRICT_ALL_TABLES', CONCAT(@@SESSION.sql_mode, ',STRICT_ALL_TABLES'))"),
            d.modifyColumn(p.table, p.column, `${p.type} NOT NULL DEFAULT ${p.default}`),
          ],
          down: [d.modifyColumn(p.table, p.column, `${p.type} NULL DEFAULT ${p.default}`)],
          transactional: true,
        },
      ],
      notes: [],
    };
  },
};

import { DialectSql } from './dialectSql';
import { batchSizeParam, columnParam, keyParam, tableParam } from './params';
import type { PatternDefinition } from './types';

// The rule, stated once so that up and down are exact inverses:
//   NULL                 → first NULL, rest NULL
//   no separator in text → first = whole text, rest NULL (the unparsable case)
//   otherwise            → first = text before the first separator, rest = everything after it (untrimmed)
// Merging back: first alone when rest is NULL, else first + separator + rest.
export const splitColumn: PatternDefinition = {
  id: 'splitColumn',
  title: 'Split a column in two (e.g. full_name → first_name + last_name)',
  description: 'Expand-contract in three migrations. Split at the first separator: NULL stays NULL in both; a value without the separator goes whole into the first column with the second NULL; down merges them back exactly.',
  orms: ['typeorm', 'sequelize', 'prisma'],
  dialects: ['postgres', 'mysql', 'mariadb'],
  params: [
    tableParam, columnParam,
    { name: 'first', kind: 'newName', prompt: 'Column for the part before the separator', required: true },
    { name: 'rest', kind: 'newName', prompt: 'Column for the part after the separator', required: true },
    { name: 'separator', kind: 'string', prompt: 'Separator', required: false, default: ' ' },
    { name: 'type', kind: 'type', prompt: 'Type of the new columns', required: false, default: 'varchar(255)' },
    { name: 'oldType', kind: 'type', prompt: 'Type of the column being split (used by down to recreate it)', required: true },
    keyParam, batchSizeParam,
  ],
  name: (p) => ['split', p.table, p.column],
  build(p, ctx) {
    const d = new DialectSql(ctx);
    const separator = p.separator ?? ' ';
    const v = d.q(p.column);
    const sep = d.lit(separator);
    const pos = d.position(sep, v);
    const firstExpr = `CASE WHEN ${pos} > 0 THEN SUBSTRING(${v}, 1, ${pos} - 1) ELSE ${v} END`;
    const restExpr = `CASE WHEN ${pos} > 0 THEN SUBSTRING(${v}, ${pos} + ${[...separator].length}) END`;
    const [first, rest] = [d.q(p.first), d.q(p.rest)];
    const merged = `CASE WHEN ${rest} IS NULL THEN ${first} ELSE ${d.concat([first, sep, rest])} END`;
    return {
      phases: [
        {
          slug: ['expand'], title: `Add ${p.first} and ${p.rest} (nullable)`,
          up: [d.addColumns(p.table, [{ name: p.first, definition: `${p.type} NULL` }, { name: p.rest, definition: `${p.type} NULL` }])],
          down: [d.dropColumns(p.table, [p.rest, p.first])],
          transactional: true,
        },
        {
          slug: ['backfill'], title: `Split ${p.column} into ${p.first} and ${p.rest} in batches of ${p.batchSize}`,
          up: [d.backfill(p.table, p.key, [{ column: p.first, expression: firstExpr }, { column: p.rest, expression: restExpr }],
            `${first} IS NULL AND ${v} IS NOT NULL`, Number(p.batchSize))],
          down: [],
          transactional: false,
          notes: [`Rows written after this runs must get ${p.first}/${p.rest} from the application (deploy a version that writes all three), or re-run this migration before the next one.`],
        },
        {
          slug: ['contract'], title: `Drop ${p.table}.${p.column}`,
          before: `Deploy the application version that reads and writes only ${p.first} and ${p.rest}.`,
          notes: [`Indexes and constraints that include ${p.column} are dropped with it; down does not recreate them, so add them to down by hand.`],
          ignore: [{ rules: ['drop-column', 'irreversible-without-checkpoint'], reason: `contract phase, run after the deploy named above; down rebuilds ${p.column} from ${p.first} and ${p.rest}.` }],
          up: [d.dropColumn(p.table, p.column)],
          down: [d.addColumn(p.table, p.column, `${p.oldType} NULL`), d.raw(`UPDATE ${d.q(p.table)} SET ${v} = ${merged}`)],
          transactional: true,
        },
      ],
      notes: [],
    };
  },
};

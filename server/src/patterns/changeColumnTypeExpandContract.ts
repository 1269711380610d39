import { DialectSql } from './dialectSql';
import { assertColumnMatches } from './expandContractSteps';
import { batchSizeParam, columnParam, keyParam, tableParam } from './params';
import type { PatternDefinition } from './types';

/** The MySQL/MariaDB CAST target for a column type (CAST(x AS int) is a syntax error there). */
export function mysqlCastTarget(type: string): string {
  const t = type.trim().toLowerCase();
  const unsigned = /\bunsigned\b/.test(t);
  if (/^(tiny|small|medium|big)?int(eger)?\b/.test(t)) return unsigned ? 'UNSIGNED' : 'SIGNED';
  const sized = /^(?:var)?char\s*\((\d+)\)/.exec(t);
  if (sized) return `CHAR(${sized[1]})`;
  if (/^(tiny|medium|long)?text\b|^(var)?char\b/.test(t)) return 'CHAR';
  if (/^(decimal|numeric)\b/.test(t)) return t.replace(/^numeric/, 'decimal').toUpperCase();
  if (/^(float|double|real)\b/.test(t)) return 'DOUBLE';
  if (/^(datetime|timestamp)\b/.test(t)) return 'DATETIME';
  if (/^(date|time|json)\b/.test(t)) return t.split(/\s|\(/)[0].toUpperCase();
  return type;
}

export const changeColumnTypeExpandContract: PatternDefinition = {
  id: 'changeColumnTypeExpandContract',
  title: 'Change a column\'s type (expand-contract)',
  description: 'Four migrations: add a column of the new type → backfill it with the conversion → (app writes both) catch up and verify → (app uses only the new one) drop the old column; down converts back with the inverse expression.',
  orms: ['typeorm', 'sequelize', 'prisma'],
  dialects: ['postgres', 'mysql', 'mariadb'],
  params: [
    tableParam, columnParam,
    { name: 'type', kind: 'type', prompt: 'New type', required: true },
    { name: 'oldType', kind: 'type', prompt: 'Current type (used by down to recreate the column)', required: true },
    { name: 'newName', kind: 'newName', prompt: 'Name of the column with the new type', required: false, default: '{column}_new' },
    { name: 'expression', kind: 'expression', prompt: 'Conversion, {value} = old column (default: CAST to the new type; on MySQL/MariaDB to its CAST name, e.g. SIGNED)', required: false, default: 'CAST({value} AS {type})' },
    { name: 'inverse', kind: 'expression', prompt: 'Inverse conversion for down, {value} = new column', required: false, default: 'CAST({value} AS {oldType})' },
    keyParam, batchSizeParam,
  ],
  name: (p) => ['change', p.table, p.column, 'type'],
  build(p, ctx) {
    const d = new DialectSql(ctx);
    const batchSize = Number(p.batchSize);
    // The default CASTs name the column types; MySQL's CAST only takes its own target names (SIGNED, CHAR(n), …).
    if (d.mysqlFamily && p.expression === `CAST({value} AS ${p.type})`) p.expression = `CAST({value} AS ${mysqlCastTarget(p.type)})`;
    if (d.mysqlFamily && p.inverse === `CAST({value} AS ${p.oldType})`) p.inverse = `CAST({value} AS ${mysqlCastTarget(p.oldType)})`;
    const converted = d.expression(p.expression, p.column);
    const copy = () => d.backfill(p.table, p.key, [{ column: p.newName, expression: converted }],
      `${d.q(p.newName)} IS NULL AND ${d.q(p.column)} IS NOT NULL`, batchSize);
    return {
      phases: [
        {
          slug: ['expand'], title: `Add ${p.table}.${p.newName} ${p.type} (nullable)`,
          up: [d.addColumn(p.table, p.newName, `${p.type} NULL`)],
          down: [d.dropColumn(p.table, p.newName)],
          transactional: true,
        },
        {
          slug: ['backfill'], title: `Fill ${p.newName} with ${converted} in batches of ${batchSize}`,
          up: [copy()], down: [], transactional: false,
        },
        {
          slug: ['writes', 'both'], title: `Catch up and verify ${p.newName} = ${converted}`,
          before: `Deploy the application version that writes both ${p.column} and ${p.newName}.`,
          up: [copy(), assertColumnMatches(d, p.table, p.newName, converted, `Some rows of ${p.table} have ${p.newName} different from ${converted}: a value does not convert, or an app instance is not writing both.`)],
          down: [], transactional: false,
        },
        {
          slug: ['contract'], title: `Drop the old column ${p.table}.${p.column}`,
          before: `Deploy the application version that reads and writes only ${p.newName}.`,
          notes: [`Indexes and constraints that include ${p.column} are dropped with it; down does not recreate them, so add them to down by hand.`],
          ignore: [{ rules: ['drop-column', 'irreversible-without-checkpoint'], reason: `contract phase, run after the deploy named above; down rebuilds ${p.column} from ${p.newName} with the inverse conversion.` }],
          up: [d.dropColumn(p.table, p.column)],
          down: [
            d.addColumn(p.table, p.column, `${p.oldType} NULL`),
            d.raw(`UPDATE ${d.q(p.table)} SET ${d.q(p.column)} = ${d.expression(p.inverse, p.newName)}`),
          ],
          transactional: true,
        },
      ],
      notes: [
        `The data ends up in ${p.newName}; to take the old name back, run renameColumnExpandContract from ${p.newName} to ${p.column}.`,
        'down is only exact if the inverse undoes the conversion for every value: check it on a copy of production data.',
      ],
    };
  },
};

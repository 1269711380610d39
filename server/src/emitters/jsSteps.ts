// Renders steps as the body of a JavaScript/TypeScript up() or down(), for the ORM described by a JsApi.
import { dialectLabel } from '../patterns/identifiers';
import { quoteIdentifier } from '../patterns/identifiers';
import type { Guard, ScaffoldDialect, Step } from '../patterns/types';
import { jsString } from './jsString';

export interface JsApi {
  dialect: ScaffoldDialect;
  /** Emit TypeScript annotations. */
  ts: boolean;
  /** Statement running a SQL literal; `params` is a JS array expression or undefined. */
  run(sql: string, params?: string): string;
  /** Expression evaluating to the rows (array of records) of a SELECT. */
  rows(sql: string, params?: string): string;
  /** Bind placeholder for the i-th (1-based) parameter. */
  placeholder(i: number): string;
  /** Boolean expression: is the guarded object there? */
  present(guard: Guard): string;
  /** The ORM's own call for a step, when it has one worth using (undefined: run the SQL). */
  ormCall?(step: Extract<Step, { kind: 'sql' }>): string[] | undefined;
}

function indentLines(lines: string[], indent: string): string[] {
  return lines.map((l) => (l ? indent + l : l));
}

function backfillLines(step: Extract<Step, { kind: 'backfill' }>, api: JsApi): string[] {
  const q = (n: string) => quoteIdentifier(n, api.dialect);
  const key = q(step.key);
  const table = q(step.table);
  const [p1, p2] = [api.placeholder(1), api.placeholder(2)];
  const firstSelect = `SELECT ${key} AS k FROM ${table} ORDER BY ${key} LIMIT ${step.batchSize}`;
  const nextSelect = `SELECT ${key} AS k FROM ${table} WHERE ${key} > ${p1} ORDER BY ${key} LIMIT ${step.batchSize}`;
  const firstUpdate = `UPDATE ${table} SET ${step.assignments} WHERE ${key} <= ${p1} AND ${step.pending}`;
  const nextUpdate = `UPDATE ${table} SET ${step.assignments} WHERE ${key} > ${p1} AND ${key} <= ${p2} AND ${step.pending}`;
  return [
    `// Batches of ${step.batchSize} rows in ${step.key} order; each UPDATE is its own statement, and a re-run skips rows`,
    `// that no longer match ${step.pending}.`,
    '{',
    `  let last${api.ts ? ': unknown' : ''} = null;`,
    '  for (;;) {',
    '    const batch = last === null',
    `      ? ${api.rows(jsString(firstSelect))}`,
    `      : ${api.rows(jsString(nextSelect), '[last]')};`,
    '    if (batch.length === 0) break;',
    '    const high = batch[batch.length - 1].k;',
    '    if (last === null) {',
    `      ${api.run(jsString(firstUpdate), '[high]')}`,
    '    } else {',
    `      ${api.run(jsString(nextUpdate), '[last, high]')}`,
    '    }',
    '    last = high;',
    '  }',
    '}',
  ];
}

export function renderJsSteps(steps: Step[], api: JsApi): string[] {
  const out: string[] = [];
  for (const step of steps) {
    if (step.comment) out.push(`// ${step.comment}`);
    if (step.kind === 'sql') {
      const call = api.ormCall?.(step);
      if (call) { out.push(...call); continue; }
      const run = api.run(jsString(step.sql));
      if (!step.runIf) { out.push(run); continue; }
      const test = api.present(step.runIf);
      out.push(step.runIf.object === 'invalidIndex'
        ? '// Only an INVALID leftover of a failed CONCURRENTLY build is dropped here.'
        : `// ${dialectLabel(api.dialect)} has no IF ${step.runIf.present ? '' : 'NOT '}EXISTS for this: check first, so a re-run is harmless.`);
      out.push(`if (${step.runIf.present ? test : `!(${test})`}) {`, `  ${run}`, '}');
    } else if (step.kind === 'assertZero') {
      out.push('{', `  const [row] = ${api.rows(jsString(step.sql))};`,
        `  if (Number(row.n) !== 0) throw new Error(${jsString(step.message)});`, '}');
    } else {
      out.push(...backfillLines(step, api));
    }
  }
  return out;
}

export { indentLines };

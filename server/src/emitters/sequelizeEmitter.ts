// Sequelize: `YYYYMMDDHHmmss-<kebab-name>.js` (sequelize-cli's convention) exporting up/down(queryInterface, Sequelize).
// Sequelize never wraps a migration in a transaction itself, so PostgreSQL phases open one explicitly.
import * as path from 'node:path';
import type { Guard, ScaffoldFile } from '../patterns/types';
import { presenceQuery } from './catalog';
import { type EmitInput, phaseWords } from './emitInput';
import { emptyBodyComment } from './emptyBody';
import { headerLines, ignoreDirectiveLines, intendedFindings } from './header';
import { indentLines, type JsApi, renderJsSteps } from './jsSteps';
import { jsString } from './jsString';
import { compactTimestamp, kebabName, phaseDate } from './naming';

function sequelizeApi(input: EmitInput, ts: boolean, inTransaction: boolean): JsApi {
  const tx = inTransaction ? 'transaction, ' : '';
  const rowsCast = ts ? ' as Array<Record<string, unknown>>' : '';
  const options = (type: string, params?: string) => {
    const parts = [type, inTransaction ? 'transaction' : '', params ? `bind: ${params}` : ''].filter(Boolean);
    return parts.length ? `, { ${parts.join(', ')} }` : '';
  };
  return {
    dialect: input.dialect,
    ts,
    run: (sql, params) => `await queryInterface.sequelize.query(${sql}${options('', params)});`,
    rows: (sql, params) => `(await queryInterface.sequelize.query(${sql}${options('type: Sequelize.QueryTypes.SELECT', params)}))${rowsCast}`,
    // Sequelize bind parameters are $1, $2 on every dialect (it rewrites them to ? for MySQL).
    placeholder: (i) => `$${i}`,
    ormCall: (step) => {
      if (!step.index || input.dialect !== 'postgres') return undefined;
      const { op, table, name, columns, unique } = step.index;
      if (op === 'drop') {
        return [`await queryInterface.removeIndex(${jsString(table)}, ${jsString(name)}, { concurrently: true }); // DROP INDEX CONCURRENTLY IF EXISTS`];
      }
      // Sequelize's CREATE INDEX CONCURRENTLY has no IF NOT EXISTS: look in this schema's catalog first.
      const presence = presenceQuery({ present: true, object: 'index', table, name }, input.dialect);
      return [
        `if (Number((await queryInterface.sequelize.query(${jsString(presence)}, { type: Sequelize.QueryTypes.SELECT })${rowsCast})[0].n) === 0) {`,
        `  await queryInterface.addIndex(${jsString(table)}, [${columns.map(jsString).join(', ')}], { name: ${jsString(name)}, concurrently: true${unique ? ', unique: true' : ''} });`,
        '}',
      ];
    },
    present: (guard: Guard) => {
      const table = jsString(guard.table);
      const name = jsString(guard.name ?? '');
      switch (guard.object) {
        case 'table': return `await queryInterface.tableExists(${table}${inTransaction ? ', { transaction }' : ''})`;
        case 'column': return `${name} in (await queryInterface.describeTable(${table}${inTransaction ? ', { transaction }' : ''}))`;
        case 'index': return `((await queryInterface.showIndex(${table}${inTransaction ? ', { transaction }' : ''}))${ts ? ' as Array<{ name: string }>' : ''}).some((index) => index.name === ${name})`;
        case 'constraint': case 'invalidIndex': return `Number((await queryInterface.sequelize.query(${jsString(presenceQuery(guard, input.dialect))}, { ${tx}type: Sequelize.QueryTypes.SELECT })${rowsCast})[0].n) > 0`;
      }
    },
  };
}

export function emitSequelize(input: EmitInput): ScaffoldFile[] {
  const ext = input.extension ?? '.js';
  const ts = ext === '.ts';
  const esm = ts || ext === '.mjs';
  return input.phases.map((phase, index) => {
    const inTransaction = input.dialect === 'postgres' && phase.transactional;
    const api = sequelizeApi(input, ts, inTransaction);
    const method = (which: 'up' | 'down') => {
      const steps = which === 'up' ? phase.up : phase.down;
      let body = steps.length ? renderJsSteps(steps, api) : [`// ${emptyBodyComment(input, index, which)}`];
      if (steps.length && inTransaction) {
        body = ['await queryInterface.sequelize.transaction(async (transaction) => {', ...indentLines(body, '  '), '});'];
      }
      const sig = ts
        ? `export async function ${which}(queryInterface: QueryInterface, Sequelize: typeof import('sequelize')): Promise<void> {`
        : esm ? `export async function ${which}(queryInterface, Sequelize) {` : `  async ${which}(queryInterface, Sequelize) {`;
      return esm ? [sig, ...indentLines(body, '  '), '}'] : [sig, ...indentLines(body, '    '), '  },'];
    };
    const header = headerLines(input, index, 'sequelize').map((l) => ` * ${l}`);
    const ignores = ignoreDirectiveLines(intendedFindings(input, index, 'sequelize'), '//');
    const lines = esm
      ? [...(ts ? ["import type { QueryInterface } from 'sequelize';", ''] : []), '/**', ...header, ' */', ...ignores, ...method('up'), '', ...method('down'), '']
      : ["'use strict';", '', '/**', ...header, ' * @type {import(\'sequelize-cli\').Migration}', ' */', ...ignores, 'module.exports = {', ...method('up'), '', ...method('down'), '};', ''];
    const name = `${compactTimestamp(phaseDate(input.now, index))}-${kebabName(phaseWords(input, index))}${ext}`;
    return { path: path.join(input.dir, name), text: lines.join('\n') };
  });
}

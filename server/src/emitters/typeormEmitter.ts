// TypeORM: `<ms-timestamp>-<Name>.ts` holding class `<Name><timestamp>` (the TypeORM CLI's convention),
// SQL through queryRunner.query, presence checks through queryRunner.hasColumn/hasTable/getTable.
import * as path from 'node:path';
import { presenceQuery } from './catalog';
import type { Guard, ScaffoldFile } from '../patterns/types';
import { headerLines, ignoreDirectiveLines, intendedFindings } from './header';
import { type EmitInput, phaseWords } from './emitInput';
import { indentLines, type JsApi, renderJsSteps } from './jsSteps';
import { jsString } from './jsString';
import { pascalName, phaseDate } from './naming';
import { emptyBodyComment } from './emptyBody';

function typeormApi(input: EmitInput, ts: boolean): JsApi {
  return {
    dialect: input.dialect,
    ts,
    run: (sql, params) => `await queryRunner.query(${sql}${params ? `, ${params}` : ''});`,
    rows: (sql, params) => `await queryRunner.query(${sql}${params ? `, ${params}` : ''})`,
    placeholder: (i) => (input.dialect === 'postgres' ? `$${i}` : '?'),
    present: (guard: Guard) => {
      const table = jsString(guard.table);
      const name = jsString(guard.name ?? '');
      switch (guard.object) {
        case 'table': return `await queryRunner.hasTable(${table})`;
        case 'column': return `await queryRunner.hasColumn(${table}, ${name})`;
        case 'index': return `((await queryRunner.getTable(${table}))?.indices ?? []).some((index) => index.name === ${name})`;
        case 'constraint': case 'invalidIndex': return `Number((await queryRunner.query(${jsString(presenceQuery(guard, input.dialect))}))[0].n) > 0`;
      }
    },
  };
}

/**
 * TypeORM's undoLastMigration ignores `transaction = false` and wraps down in a transaction unless the revert
 * runs with `--transaction none`; CONCURRENTLY cannot run inside one, so down steps out of it and back in.
 */
export function needsRevertOutsideTransaction(input: EmitInput, index: number): boolean {
  return input.dialect === 'postgres' && input.phases[index].down.some((s) => s.kind === 'sql' && s.index !== undefined);
}

function outsideRevertTransaction(lines: string[]): string[] {
  return [
    '// migration:revert wraps down in a transaction unless run with --transaction none; these steps cannot run inside one.',
    'const inTransaction = queryRunner.isTransactionActive;',
    'if (inTransaction) await queryRunner.commitTransaction();',
    ...lines,
    'if (inTransaction) await queryRunner.startTransaction();',
  ];
}

export function emitTypeorm(input: EmitInput): ScaffoldFile[] {
  const ext = input.extension ?? '.ts';
  const ts = ext === '.ts';
  const api = typeormApi(input, ts);
  return input.phases.map((phase, index) => {
    const timestamp = String(phaseDate(input.now, index).getTime());
    const className = `${pascalName(phaseWords(input, index))}${timestamp}`;
    const body = (steps: typeof phase.up, which: 'up' | 'down') => {
      let lines = steps.length ? renderJsSteps(steps, api) : [`// ${emptyBodyComment(input, index, which)}`];
      if (which === 'down' && needsRevertOutsideTransaction(input, index)) lines = outsideRevertTransaction(lines);
      return indentLines(lines, '    ');
    };
    const sig = (method: string) => ts ? `  public async ${method}(queryRunner: QueryRunner): Promise<void> {` : `  async ${method}(queryRunner) {`;
    const transactionLines = phase.transactional ? [] : [
      '  // Outside a transaction (see the header). Needs migrationsTransactionMode \'each\' or \'none\' in the DataSource.',
      '  transaction = false;',
    ];
    const header = ['/**', ...headerLines(input, index, 'typeorm').map((l) => ` * ${l}`), ' */', ...ignoreDirectiveLines(intendedFindings(input, index, 'typeorm'), '//')];
    const classOpen = ts ? `export class ${className} implements MigrationInterface {`
      : ext === '.mjs' ? `export class ${className} {` : `module.exports = class ${className} {`;
    const lines = [
      ...(ts ? ["import { MigrationInterface, QueryRunner } from 'typeorm';", ''] : ext === '.mjs' ? [] : ["'use strict';", '']),
      ...header,
      classOpen,
      `  name = ${jsString(className)};`,
      ...transactionLines,
      '',
      sig('up'),
      ...body(phase.up, 'up'),
      '  }',
      '',
      sig('down'),
      ...body(phase.down, 'down'),
      '  }',
      ts || ext === '.mjs' ? '}' : '};',
      '',
    ];
    return { path: path.join(input.dir, `${timestamp}-${pascalName(phaseWords(input, index))}${ext}`), text: lines.join('\n') };
  });
}

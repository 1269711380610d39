// Renders steps as a plain SQL script (Prisma migration.sql/down.sql, SQL snippets).
// Guards MySQL cannot state inline become a prepared statement chosen over information_schema;
// loops and assertions become a DO block (PostgreSQL) or a short-lived procedure (MySQL/MariaDB).
import { quoteIdentifier, quoteLiteral } from '../patterns/identifiers';
import type { ScaffoldDialect, Step } from '../patterns/types';
import { presenceQuery } from './catalog';

function guardedMysql(sql: string, present: string, runWhenPresent: boolean, dialect: ScaffoldDialect): string {
  const wanted = runWhenPresent ? '> 0' : '= 0';
  return [
    `SET @sm_sql = IF((${present}) ${wanted}, ${quoteLiteral(sql, dialect)}, 'DO 0');`,
    'PREPARE sm_stmt FROM @sm_sql;',
    'EXECUTE sm_stmt;',
    'DEALLOCATE PREPARE sm_stmt;',
  ].join('\n');
}

function mysqlProcedure(name: string, body: string[]): string {
  return [
    `DROP PROCEDURE IF EXISTS ${name};`,
    `CREATE PROCEDURE ${name}()`,
    'BEGIN',
    ...body.map((l) => `  ${l}`),
    'END;',
    `CALL ${name}();`,
    `DROP PROCEDURE ${name};`,
  ].join('\n');
}

function backfillSql(step: Extract<Step, { kind: 'backfill' }>, dialect: ScaffoldDialect, commitEachBatch = false): string {
  const q = (n: string) => quoteIdentifier(n, dialect);
  const [key, table] = [q(step.key), q(step.table)];
  const comment = `-- Batches of ${step.batchSize} rows in ${step.key} order; a re-run skips rows that no longer match ${step.pending}.`
    + (commitEachBatch ? '\n-- COMMIT after each batch: PostgreSQL allows it because this DO block is the only statement sent, so no transaction block surrounds it.' : '');
  if (dialect === 'postgres') {
    return [
      comment,
      'DO $$',
      'DECLARE',
      `  sm_last ${table}.${key}%TYPE;`,
      `  sm_high ${table}.${key}%TYPE;`,
      'BEGIN',
      '  LOOP',
      `    SELECT max(k) INTO sm_high FROM (SELECT ${key} AS k FROM ${table} WHERE sm_last IS NULL OR ${key} > sm_last ORDER BY ${key} LIMIT ${step.batchSize}) AS sm_batch;`,
      '    EXIT WHEN sm_high IS NULL;',
      `    UPDATE ${table} SET ${step.assignments} WHERE (sm_last IS NULL OR ${key} > sm_last) AND ${key} <= sm_high AND ${step.pending};`,
      '    sm_last := sm_high;',
      ...(commitEachBatch ? ['    COMMIT;'] : []),
      '  END LOOP;',
      'END $$;',
    ].join('\n');
  }
  // With autocommit on, every UPDATE in the loop commits on its own.
  return comment + '\n' + mysqlProcedure('sm_backfill', [
    'SET @sm_last = NULL;',
    'batches: LOOP',
    `  SET @sm_high = (SELECT MAX(k) FROM (SELECT ${key} AS k FROM ${table} WHERE @sm_last IS NULL OR ${key} > @sm_last ORDER BY ${key} LIMIT ${step.batchSize}) AS sm_batch);`,
    '  IF @sm_high IS NULL THEN LEAVE batches; END IF;',
    `  UPDATE ${table} SET ${step.assignments} WHERE (@sm_last IS NULL OR ${key} > @sm_last) AND ${key} <= @sm_high AND ${step.pending};`,
    '  SET @sm_last = @sm_high;',
    'END LOOP;',
  ]);
}

export function renderSqlStep(step: Step, dialect: ScaffoldDialect, commitEachBatch = false): string {
  const prefix = step.comment ? `-- ${step.comment}\n` : '';
  if (step.kind === 'backfill') return prefix + backfillSql(step, dialect, commitEachBatch);
  if (step.kind === 'assertZero') {
    if (dialect === 'postgres') {
      return `${prefix}DO $$\nBEGIN\n  IF (${step.sql}) <> 0 THEN\n    RAISE EXCEPTION '%', ${quoteLiteral(step.message, dialect)};\n  END IF;\nEND $$;`;
    }
    // SIGNAL messages are limited to 128 characters.
    return prefix + mysqlProcedure('sm_assert', [
      `IF (${step.sql}) <> 0 THEN`,
      `  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = ${quoteLiteral(step.message.slice(0, 128), dialect)};`,
      'END IF;',
    ]);
  }
  if (!step.runIf) return `${prefix}${step.sql};`;
  const present = presenceQuery(step.runIf, dialect);
  if (dialect === 'postgres') {
    return `${prefix}DO $$\nBEGIN\n  IF ${step.runIf.present ? '' : 'NOT '}EXISTS (${present.replace('COUNT(*) AS n', '1')}) THEN\n    ${step.sql};\n  END IF;\nEND $$;`;
  }
  return `${prefix}-- MySQL has no IF ${step.runIf.present ? '' : 'NOT '}EXISTS here: the statement runs only if information_schema says so.\n`
    + guardedMysql(step.sql, present, step.runIf.present, dialect);
}

/** PostgreSQL commits inside a DO block only when nothing else is sent with it: one backfill, outside a transaction. */
export function commitsEachBatch(steps: Step[], dialect: ScaffoldDialect, outsideTransaction: boolean): boolean {
  return outsideTransaction && dialect === 'postgres' && steps.length === 1 && steps[0].kind === 'backfill';
}

export function renderSqlSteps(steps: Step[], dialect: ScaffoldDialect, outsideTransaction = false): string {
  const commit = commitsEachBatch(steps, dialect, outsideTransaction);
  return steps.map((s) => renderSqlStep(s, dialect, commit)).join('\n\n');
}

import { defineRule, eq } from '../rule';
import { findOn, isDml, onExistingTable } from '../helpers';
import { firstOpWithoutSetting } from './missing-lock-timeout';
import { pgLockFor } from '../../knowledge/postgresLocks';

const SETTING: Record<string, RegExp> = { postgres: /^statement_timeout$/i, mysql: /^max_execution_time$/i, mariadb: /^max_statement_time$/i };

export default defineRule({
  id: 'missing-statement-timeout',
  category: 'locks', severity: 'info', dialects: ['postgres', 'mysql', 'mariadb'], lockRule: true,
  summary: 'A long-running statement (scan, rewrite, backfill) runs without a statement timeout.',
  why: 'A backfill or validation that runs far longer than expected keeps its locks the whole time. statement_timeout (PostgreSQL), max_execution_time (MySQL) and max_statement_time (MariaDB) bound it.',
  safeAlternative: { text: 'Set a statement timeout sized for the migration.', snippets: { sql: "SET statement_timeout = '15min';" } },
  equivalents: eq({ squawk: ['require-timeout-settings'], strong_migrations: ['statement_timeout'] }),
  examples: { postgres: { bad: 'UPDATE orders SET status = \'new\' WHERE status IS NULL;', good: "SET statement_timeout = '5min';\nUPDATE orders SET status = 'new' WHERE status IS NULL;" }, mariadb: { bad: "UPDATE orders SET status = 'new' WHERE status IS NULL;", good: "SET SESSION max_statement_time = 300;\nUPDATE orders SET status = 'new' WHERE status IS NULL;" } },
  check(ctx) {
    const op = firstOpWithoutSetting(ctx, SETTING[ctx.dialect] ?? /^statement_timeout$/i, (o) => onExistingTable(ctx, o)
      && ((o.kind !== 'insert' && isDml(o)) || (ctx.dialect === 'postgres' && !!pgLockFor(o)?.scans && !o.concurrently)));
    return op ? [findOn(op, `This statement may run long on ${op.table ? `"${op.table}"` : 'the table'} and nothing bounds it: set ${ctx.dialect === 'postgres' ? 'statement_timeout' : ctx.dialect === 'mysql' ? 'max_execution_time' : 'max_statement_time'} for the migration.`)] : [];
  },
});

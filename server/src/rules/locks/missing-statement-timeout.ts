import { defineRule, eq } from '../rule';
import { findOn, locksExistingTable, onExistingTable } from '../helpers';
import { firstOpWithoutSetting } from './missing-lock-timeout';

// MySQL has no statement timeout for DDL or DML: max_execution_time bounds read-only SELECTs only, so the rule skips MySQL.
const SETTING: Record<string, RegExp> = { postgres: /^statement_timeout$/i, mariadb: /^max_statement_time$/i };

export default defineRule({
  id: 'missing-statement-timeout',
  category: 'locks', set: 'strict', severity: 'info', dialects: ['postgres', 'mariadb'], lockRule: true,
  summary: 'DDL or a backfill runs without a statement timeout.',
  why: 'A backfill or validation that runs far longer than expected keeps its locks the whole time, and a statement stuck waiting for its lock holds up everyone queued behind it. statement_timeout (PostgreSQL, which also counts the lock wait) and max_statement_time (MariaDB) bound it; MySQL has no equivalent for DDL or writes (max_execution_time limits read-only SELECTs only).',
  safeAlternative: { text: 'Set a statement timeout sized for the migration.', snippets: { sql: "SET statement_timeout = '15min';" } },
  equivalents: eq({ squawk: ['require-statement-timeout', 'require-timeout-settings'], strong_migrations: ['statement_timeout'] }),
  examples: { postgres: { bad: 'UPDATE orders SET status = \'new\' WHERE status IS NULL;', good: "SET statement_timeout = '5min';\nUPDATE orders SET status = 'new' WHERE status IS NULL;" }, mariadb: { bad: "UPDATE orders SET status = 'new' WHERE status IS NULL;", good: "SET SESSION max_statement_time = 300;\nUPDATE orders SET status = 'new' WHERE status IS NULL;" } },
  check(ctx) {
    // The timeout also bounds the wait for the lock, so every DDL on an existing table counts, as does a backfill.
    const op = firstOpWithoutSetting(ctx, SETTING[ctx.dialect] ?? /^statement_timeout$/i, (o) => locksExistingTable(ctx, o) || ((o.kind === 'update' || o.kind === 'delete') && onExistingTable(ctx, o)));
    return op ? [findOn(op, `Nothing bounds how long this statement on ${op.table ? `"${op.table}"` : 'the table'} may wait or run: set ${ctx.dialect === 'postgres' ? 'statement_timeout' : 'max_statement_time'} for the migration.`)] : [];
  },
});

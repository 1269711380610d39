import type { Operation } from '../../model/migration';
import { defineRule, eq, type RuleContext } from '../rule';
import { findOn, locksExistingTable } from '../helpers';
import { fix, prependToUp, startsStatement } from '../fixes';
import { q } from '../ormAdvice';
import { pgLockFor } from '../../knowledge/postgresLocks';

/** CONCURRENTLY builds and VALIDATE take locks that ordinary reads and writes do not queue behind. */
function queuesTraffic(op: Operation, dialect: string): boolean {
  if (dialect !== 'postgres') return true;
  if (op.concurrently) return false;
  const mode = pgLockFor(op)?.lock;
  return mode !== 'ShareUpdateExclusiveLock' && mode !== 'AccessShareLock' && mode !== 'RowShareLock' && mode !== 'RowExclusiveLock';
}

const SETTING: Record<string, RegExp> = { postgres: /^lock_timeout$/i, mysql: /^lock_wait_timeout$/i, mariadb: /^lock_wait_timeout$/i };

export function firstOpWithoutSetting(ctx: RuleContext, name: RegExp, risky: (op: Operation) => boolean): Operation | undefined {
  for (const op of ctx.ops) {
    if (op.kind === 'setting' && op.setting && name.test(op.setting.name)) return undefined;
    if (op.kind === 'rawSql' && new RegExp(`\\bSET\\b[^;]*\\b${name.source.replace(/[\^$]/g, '')}\\b`, 'i').test(op.text)) return undefined;
    if (risky(op)) return op;
  }
  return undefined;
}

export default defineRule({
  id: 'missing-lock-timeout',
  category: 'locks', set: 'strict', severity: 'warning', dialects: ['postgres', 'mysql', 'mariadb'], lockRule: true, fixable: true,
  summary: 'A migration takes a blocking lock without a lock timeout: while it waits, every query behind it queues.',
  why: 'A DDL statement waiting for its lock (behind one long query) blocks every later query on the table. lock_timeout (PostgreSQL) / lock_wait_timeout (MySQL, MariaDB) turns that outage into a quick failure you can retry.',
  safeAlternative: { text: "Set a short lock timeout at the start of the migration and retry on failure.", snippets: { sql: "SET lock_timeout = '2s';", typeorm: "await queryRunner.query(`SET lock_timeout = '2s'`);", sequelize: "await queryInterface.sequelize.query(\"SET lock_timeout = '2s'\");" } },
  equivalents: eq({ squawk: ['require-lock-timeout', 'require-timeout-settings'], strong_migrations: ['lock_timeout'], eugene: ['E9'] }),
  examples: {
    postgres: { bad: 'ALTER TABLE orders ADD COLUMN status text;', good: "SET lock_timeout = '2s';\nALTER TABLE orders ADD COLUMN status text;" },
    mysql: { bad: 'ALTER TABLE orders ADD COLUMN status text;', good: 'SET SESSION lock_wait_timeout = 5;\nALTER TABLE orders ADD COLUMN status text;' },
  },
  check(ctx) {
    const pg = ctx.dialect === 'postgres';
    const op = firstOpWithoutSetting(ctx, SETTING[ctx.dialect] ?? /^lock_timeout$/i, (o) => locksExistingTable(ctx, o) && queuesTraffic(o, ctx.dialect));
    if (!op) return [];
    // A second statement would put a one-statement Prisma migration into a transaction block it did not have.
    const canPrepend = pg && (ctx.orm === 'sql' || (ctx.orm === 'prisma' && ctx.migration.transactional === true)) && startsStatement(ctx, op);
    const setting = pg ? "SET lock_timeout = '2s'" : 'SET SESSION lock_wait_timeout = 5';
    // A Sequelize transaction holds its own connection: a SET run before it lands on another one.
    const ownConnection = ctx.orm === 'sequelize' && ctx.ops.some((o) => ctx.inExplicitTransaction(o));
    const edit = canPrepend ? { start: op.offset.start, end: op.offset.start, newText: `${setting};\n` } : ownConnection ? undefined : prependToUp(ctx, setting);
    return [findOn(op, pg
      ? `No lock_timeout before this statement locks ${op.table ? q(op.table) : 'its table'}: if it waits behind a long query, every query on ${op.table ?? 'the table'} queues behind it. Start the migration with SET lock_timeout = '2s' and retry on failure.`
      : `No lock_wait_timeout before this ALTER on ${q(op.table)}: waiting for the metadata lock blocks every later query on the table (the default wait is a year). Start with SET SESSION lock_wait_timeout = 5.`,
    { fixes: edit ? fix(`Start the migration with ${setting}`, false, edit) : [] })];
  },
});

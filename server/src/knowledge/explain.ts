// Markdown explanation of one operation for hovers: its lock per dialect, rewrite, transactionality and rollback.
import type { SafeMigrationsConfig } from '../config/types';
import type { Dialect, Operation } from '../model/migration';
import { mysqlDdlKey, onlineDdlVerdict } from './mysqlOnlineDdl';
import { PG_LOCK_BLOCKS, pgLockFor, type PgLockMode } from './postgresLocks';
import { rollbackFact } from './rollback';
import { serverVersion } from './versions';

/** 'AccessExclusiveLock' → 'ACCESS EXCLUSIVE'. */
export function lockModeName(mode: PgLockMode): string {
  return mode.replace(/Lock$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase();
}

function postgresLines(op: Operation, config: SafeMigrationsConfig): string[] {
  const fact = pgLockFor(op);
  const lines: string[] = [];
  if (fact?.lock) {
    lines.push(`**PostgreSQL ${config.postgresVersion}:** \`${lockModeName(fact.lock)}\` lock on ${op.table ? `"${op.table}"` : 'the table'} — blocks ${PG_LOCK_BLOCKS[fact.lock]}.`);
    if (fact.otherLock) lines.push(`Also \`${lockModeName(fact.otherLock)}\` on ${op.references?.table ? `"${op.references.table}"` : 'the referenced table'} — blocks ${PG_LOCK_BLOCKS[fact.otherLock]}.`);
    lines.push(`Rewrites the table: **${fact.rewrites ? 'yes' : 'no'}**${fact.scans ? ' · scans every row while locked' : ''}${fact.note ? ` · ${fact.note}` : ''}.`);
  }
  lines.push(fact && !fact.inTransaction
    ? 'Transactional: **no** — cannot run inside a transaction block.'
    : 'Transactional: **yes** — PostgreSQL DDL rolls back with its transaction.');
  return lines;
}

function mysqlLines(op: Operation, dialect: 'mysql' | 'mariadb', config: SafeMigrationsConfig): string[] {
  const version = serverVersion(dialect, config) ?? '';
  const name = dialect === 'mariadb' ? 'MariaDB' : 'MySQL';
  const key = mysqlDdlKey(op);
  const v = key ? onlineDdlVerdict(key, dialect, version) : undefined;
  const lines: string[] = [];
  if (v) {
    const dml = v.dmlContinues ? 'reads and writes continue' : 'reads continue, **writes wait**';
    lines.push(`**${name} ${version}:** ${v.row.operation} → \`ALGORITHM=${v.algorithm}\`${v.algorithm === 'INSTANT' ? '' : `, \`LOCK=${v.lock}\``} — ${dml}.`);
    lines.push(`Rebuilds the table: **${v.support.rebuilds && v.algorithm !== 'INSTANT' ? 'yes' : 'no'}**${v.support.note ? ` · ${v.support.note}` : ''}.`);
  }
  if (op.kind !== 'insert' && op.kind !== 'update' && op.kind !== 'delete' && op.kind !== 'setting') {
    lines.push(`Transactional: **no** — ${name} commits implicitly before and after each DDL statement, even one that fails.`);
  }
  return lines;
}

export function explainOperation(op: Operation, dialect: Dialect, config: SafeMigrationsConfig): string {
  const lines: string[] = [];
  if (dialect === 'postgres') lines.push(...postgresLines(op, config));
  else if (dialect === 'mysql' || dialect === 'mariadb') lines.push(...mysqlLines(op, dialect, config));
  const rb = rollbackFact(op);
  lines.push(`Rollback: ${rb.how}.`);
  return lines.map((l) => `- ${l}`).join('\n');
}

// Compares what a statement measurably did (locks, rewrite, accepted ALGORITHM) with what our rules and
// hovers claim for it (knowledge/postgresLocks.ts, knowledge/mysqlOnlineDdl.ts). The measurement wins:
// every disagreement is reported, and is a bug in the claims or a statement the rules do not see. Pure.
import type { Operation } from '../model/migration';
import { LineIndex } from '../model/text';
import { readSql } from '../readers/sql';
import { pgLockFor, type PgLockMode } from '../knowledge/postgresLocks';
import { mysqlDdlKey, onlineDdlVerdict } from '../knowledge/mysqlOnlineDdl';
import type { VerifyDialect, VerifyStep } from './types';

const PG_STRENGTH: PgLockMode[] = ['AccessShareLock', 'RowShareLock', 'RowExclusiveLock', 'ShareUpdateExclusiveLock', 'ShareLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock'];

export interface ClaimContext {
  dialect: VerifyDialect;
  /** MySQL/MariaDB server version, e.g. 10.11.6. */
  serverVersion?: string;
  /** Tables (lower case) that existed before the migration: locks on tables it creates block nobody. */
  tablesBefore: Set<string>;
  /** "table.column" (lower case) → type and nullability before the phase, for type-change claims. */
  columnTypes: Map<string, string>;
  columnNullable?: Map<string, boolean>;
  /** "table.column" (lower case) of columns in an index before the phase (MySQL/MariaDB DROP COLUMN claims). */
  indexedColumns?: Set<string>;
  /** Table (lower case) → the tables its foreign keys reference, before the phase (PostgreSQL DROP TABLE claims). */
  foreignKeyTargets?: Map<string, string[]>;
}

/** Table (lower case) → referenced tables (lower case), from a snapshot's constraint definitions ("FOREIGN KEY (…) REFERENCES accounts(id)"). */
export function foreignKeyTargets(constraints: Record<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, def] of Object.entries(constraints)) {
    const target = /^FOREIGN KEY\b.*?\bREFERENCES\s+((?:"[^"]+"|[\w$]+)(?:\.(?:"[^"]+"|[\w$]+))?)\s*\(/is.exec(def)?.[1];
    if (!target) continue;
    const table = key.slice(0, key.lastIndexOf('.')).toLowerCase();
    const list = out.get(table) ?? [];
    list.push(target.replace(/"/g, '').replace(/^public\./i, '').toLowerCase());
    out.set(table, list);
  }
  return out;
}

/**
 * "table.column" (lower case) of every column a MySQL/MariaDB snapshot index covers. The snapshot's definitions
 * end in their column list, e.g. "UNIQUE BTREE (status, note(10))".
 */
export function indexedColumns(indexes: Record<string, string>): Set<string> {
  const out = new Set<string>();
  for (const [key, def] of Object.entries(indexes)) {
    const table = key.slice(0, key.lastIndexOf('.')).toLowerCase();
    const list = /\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*$/.exec(def)?.[1];
    for (const col of list?.split(',') ?? []) {
      const name = col.trim().replace(/\(\d+\)$/, '').replace(/^[`"]|[`"]$/g, '').toLowerCase();
      if (name && name !== '(expression)') out.add(`${table}.${name}`);
    }
  }
  return out;
}

export function claimDisagreements(step: VerifyStep, ctx: ClaimContext): string[] {
  if (!step.statement || step.error) return [];
  const ops = readSql(step.statement, { dialect: ctx.dialect, lines: new LineIndex(step.statement) }).operations;
  return ctx.dialect === 'postgres' ? postgresDisagreements(step, ops, ctx) : mysqlDisagreements(step, ops, ctx);
}

function strongest(modes: (string | null | undefined)[]): PgLockMode | undefined {
  let best = -1;
  for (const m of modes) best = Math.max(best, PG_STRENGTH.indexOf(m as PgLockMode));
  return best >= 0 ? PG_STRENGTH[best] : undefined;
}

const lower = (s: string | undefined) => (s ?? '').toLowerCase();

function postgresDisagreements(step: VerifyStep, ops: Operation[], ctx: ClaimContext): string[] {
  const out: string[] = [];
  type Claim = { lock?: PgLockMode; rewrites: boolean; operations: string[] };
  const claimed = new Map<string, Claim>();
  // Operations that name no table (DROP INDEX by name, DROP CONSTRAINT of a foreign key's other side) claim for any table they lock.
  const unattributed: Claim = { rewrites: false, operations: [] };
  const claim = (table: string | undefined, lock: PgLockMode | null | undefined, rewrites: boolean, operation: string) => {
    const c = table ? claimed.get(lower(table)) ?? { rewrites: false, operations: [] } : unattributed;
    c.lock = strongest([c.lock, lock]);
    c.rewrites ||= rewrites;
    if (!c.operations.includes(operation)) c.operations.push(operation);
    if (table) claimed.set(lower(table), c);
  };
  for (const op of ops) {
    const referenced = op.kind === 'dropTable' ? ctx.foreignKeyTargets?.get(lower(op.table)) ?? [] : [];
    const fact = pgLockFor(op, op.column ? ctx.columnTypes.get(`${lower(op.table)}.${lower(op.column)}`) : undefined, { hasForeignKeys: referenced.length > 0 });
    if (!fact) continue;
    claim(op.table, fact.lock, fact.rewrites, fact.operation);
    if (fact.otherLock) {
      const others = [op.references?.table, op.columnSpec?.references?.table, ...(op.tableColumns ?? []).map((c) => c.references?.table), ...referenced].filter(Boolean);
      if (others.length) for (const t of others) claim(t, fact.otherLock, false, `${fact.operation} (referenced table)`);
      else claim(undefined, fact.otherLock, false, `${fact.operation} (referenced table)`);
    }
  }
  const measured = new Map<string, PgLockMode>();
  for (const l of step.locks) {
    const t = lower(l.relation);
    measured.set(t, strongest([measured.get(t), l.mode])!);
  }
  const rewritten = new Set((step.rewrite ?? []).map(lower));
  for (const table of new Set([...claimed.keys(), ...measured.keys()])) {
    if (!ctx.tablesBefore.has(table)) continue;
    const c = claimed.get(table) ?? (unattributed.operations.length ? unattributed : undefined);
    const lock = measured.get(table);
    if (!c) {
      if (lock === 'AccessExclusiveLock') out.push(`takes AccessExclusiveLock on ${table} (blocks every read and write), which the rules did not expect for this statement`);
      else if (rewritten.has(table)) out.push(`rewrites ${table}, which the rules did not expect for this statement`);
      continue;
    }
    const what = c.operations.join(' + ');
    if (c.lock && lock && c.lock !== lock) out.push(`${what} on ${table}: the rules claim ${c.lock}, measured ${lock}`);
    if (c.rewrites !== rewritten.has(table)) out.push(`${what} on ${table}: the rules claim ${c.rewrites ? 'a rewrite' : 'no rewrite'}, measured ${rewritten.has(table) ? 'a rewrite (relfilenode changed)' : 'none'}`);
  }
  return out;
}

const ALGORITHM_COST = ['INSTANT', 'INPLACE, LOCK=NONE', 'INPLACE, LOCK=SHARED', 'COPY'];

function mysqlDisagreements(step: VerifyStep, ops: Operation[], ctx: ClaimContext): string[] {
  if (!step.algorithm || !ctx.serverVersion) return [];
  let claim: string | undefined;
  const operations: string[] = [];
  for (const op of ops) {
    const column = `${lower(op.table)}.${lower(op.column)}`;
    const key = mysqlDdlKey(op, op.column ? { previousType: ctx.columnTypes.get(column), previousNullable: ctx.columnNullable?.get(column), indexed: ctx.indexedColumns?.has(column) } : {});
    const verdict = key ? onlineDdlVerdict(key, ctx.dialect, ctx.serverVersion) : undefined;
    if (!verdict) return [];
    const said = verdict.algorithm === 'INSTANT' ? 'INSTANT' : verdict.algorithm === 'COPY' ? 'COPY' : `INPLACE, LOCK=${verdict.lock === 'NONE' ? 'NONE' : 'SHARED'}`;
    if (!claim || ALGORITHM_COST.indexOf(said) > ALGORITHM_COST.indexOf(claim)) claim = said;
    operations.push(verdict.row.operation);
  }
  if (!claim || claim === step.algorithm) return [];
  return [`${operations.join(' + ')} on ${ops[0]?.table}: the rules claim ALGORITHM=${claim} on ${ctx.dialect} ${ctx.serverVersion}, the server accepted ${step.algorithm}`];
}

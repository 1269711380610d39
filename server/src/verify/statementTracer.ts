// Sends each statement of a migration and measures it: on PostgreSQL the relation locks it took (read
// from pg_locks for its own backend before its transaction commits) and the tables it rewrote
// (relfilenode changed); on MySQL/MariaDB the cheapest ALGORITHM/LOCK the server accepts for an ALTER.
import type { LockTaken, StepPhase, VerifyDialect, VerifyStep } from './types';

/** Sends one statement on the connection the migration runs on. */
export type SendSql = (sql: string, ...rest: any[]) => Promise<unknown>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Rows = Record<string, unknown>[];
/** Runs one of the tracer's own queries on the migration's connection and returns its rows. */
export type ProbeSql = (sql: string) => Promise<Rows>;

const TRANSACTION_CONTROL = /^\s*(BEGIN|START\s+TRANSACTION|COMMIT|ROLLBACK|END|SAVEPOINT|RELEASE|SET\s+(LOCAL\s+|SESSION\s+)?TRANSACTION)\b/i;
const NOT_IN_TRANSACTION = /\bCONCURRENTLY\b|^\s*(VACUUM|CREATE\s+DATABASE|DROP\s+DATABASE|ALTER\s+SYSTEM)\b/i;
/**
 * Catalog reads and tool bookkeeping are not steps of the migration. Other SELECTs are: `SELECT helper()` can
 * take any lock.
 */
const NOT_A_STEP = /^\s*(SHOW|DESCRIBE|EXPLAIN|SET\s+(LOCAL\s+|SESSION\s+)?(search_path|client_|statement_timeout|lock_timeout|NAMES|FOREIGN_KEY_CHECKS|SQL_MODE))\b|^\s*SELECT\b[^;]*\b(information_schema|pg_catalog|pg_[a-z_]+|current_schema|current_database|version\s*\(|DATABASE\s*\(\s*\)|@@)|\b(INTO|FROM|TABLE|EXISTS)\s+[`"]?(migrations|typeorm_metadata|SequelizeMeta|_prisma_migrations)[`"]?/i;

export interface TracerOptions {
  dialect: VerifyDialect;
  /** Measure locks/algorithms (off for history replay, which only needs to be fast). */
  measure: boolean;
}

/** Collects the steps of the current phase; the runners send every statement through `send`. */
export class StatementTracer {
  phase: StepPhase = 'replay';
  steps: VerifyStep[] = [];
  constructor(readonly options: TracerOptions) {}

  begin(phase: StepPhase): void { this.phase = phase; this.steps = []; }

  /**
   * Wraps a connection's send function so that every statement through it is measured. `probeFor` gives, for the
   * arguments of one call, a function that runs the tracer's own queries on the same connection and returns rows.
   */
  wrap(send: SendSql, probeFor: (rest: unknown[]) => ProbeSql = () => async (sql) => rowsOf(await send(sql))): SendSql {
    return (sql, ...rest) => this.run(send, sql, rest, probeFor(rest));
  }

  async run(send: SendSql, sql: string, rest: unknown[], probe: ProbeSql): Promise<unknown> {
    const text = sql.trim();
    if (NOT_A_STEP.test(text) || TRANSACTION_CONTROL.test(text)) return send(sql, ...rest);
    if (!this.options.measure) return this.timed(text, () => send(sql, ...rest), {});
    if (this.options.dialect === 'postgres') return this.runPostgres(send, probe, text, sql, rest);
    return this.runMysql(send, text, sql, rest);
  }

  private async timed(statement: string, run: () => Promise<unknown>, extra: Partial<VerifyStep>): Promise<unknown> {
    const step: VerifyStep = { phase: this.phase, statement, locks: [], ms: 0, ...extra };
    this.steps.push(step);
    const t0 = performance.now();
    try { return await run(); } catch (e) {
      step.error = errorMessage(e);
      throw e;
    } finally { step.ms = round(performance.now() - t0); }
  }

  private async runPostgres(send: SendSql, probe: ProbeSql, text: string, sql: string, rest: unknown[]): Promise<unknown> {
    if (NOT_IN_TRANSACTION.test(text)) return this.timed(text, () => send(sql, ...rest), { locksNotMeasured: 'runs outside a transaction, so its locks are released before they can be read' });
    // Inside the ORM's transaction a savepoint succeeds; outside one, the statement gets a transaction of its own
    // (it would have committed on its own anyway), so its locks are still held when pg_locks is read.
    let ownTransaction = false;
    try { await probe('SAVEPOINT sm_verify_trace'); } catch { await probe('BEGIN'); ownTransaction = true; }
    const step: VerifyStep = { phase: this.phase, statement: text, locks: [], ms: 0 };
    this.steps.push(step);
    try {
      const locksBefore = lockSet(await probe(PG_LOCKS));
      const filesBefore = fileNodes(await probe(PG_FILENODES));
      const t0 = performance.now();
      const result = await send(sql, ...rest);
      step.ms = round(performance.now() - t0);
      const locksAfter = lockSet(await probe(PG_LOCKS));
      const filesAfter = fileNodes(await probe(PG_FILENODES));
      step.locks = [...locksAfter].filter((l) => !locksBefore.has(l)).map(parseLock).sort((a, b) => a.relation.localeCompare(b.relation) || a.mode.localeCompare(b.mode));
      step.rewrite = [...filesAfter].filter(([oid, f]) => filesBefore.has(oid) && filesBefore.get(oid)!.node !== f.node).map(([, f]) => f.name).sort();
      await probe(ownTransaction ? 'COMMIT' : 'RELEASE SAVEPOINT sm_verify_trace');
      return result;
    } catch (e) {
      step.error ??= errorMessage(e);
      if (ownTransaction) await probe('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }

  private async runMysql(send: SendSql, text: string, sql: string, rest: unknown[]): Promise<unknown> {
    if (!/^\s*ALTER\s+TABLE\b/i.test(text) || /\b(ALGORITHM|LOCK)\s*=/i.test(text)) return this.timed(text, () => send(sql, ...rest), {});
    // Ask the server for the cheapest way first: a refused ALGORITHM/LOCK clause changes nothing.
    const body = text.replace(/;\s*$/, '');
    for (const [clause, algorithm] of MYSQL_PROBES) {
      try {
        return await this.timed(text, () => send(`${body}, ${clause}`, ...rest), { algorithm });
      } catch (e) {
        this.steps.pop();
        if (!isAlgorithmRefusal(e)) break;
      }
    }
    return this.timed(text, () => send(sql, ...rest), { algorithm: 'COPY' });
  }
}

const MYSQL_PROBES: [string, string][] = [
  ['ALGORITHM=INSTANT', 'INSTANT'],
  ['ALGORITHM=INPLACE, LOCK=NONE', 'INPLACE, LOCK=NONE'],
  ['ALGORITHM=INPLACE, LOCK=SHARED', 'INPLACE, LOCK=SHARED'],
];

function isAlgorithmRefusal(e: unknown): boolean {
  const err = e as { errno?: number; message?: string };
  // 1845/1846: ALGORITHM/LOCK not supported for this operation; 4092 (MariaDB): not supported with the given LOCK.
  return [1845, 1846, 4092, 1235].includes(Number(err.errno)) || /ALGORITHM=|LOCK=|not supported/i.test(String(err.message));
}

const PG_REL_NAME = `CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END`;
const PG_USER = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`;
const PG_LOCKS = `SELECT ${PG_REL_NAME} AS relation, l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
  JOIN pg_namespace n ON n.oid = c.relnamespace WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted AND ${PG_USER}`;
const PG_FILENODES = `SELECT c.oid::int AS oid, ${PG_REL_NAME} AS name, c.relfilenode::int AS node FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'm') AND ${PG_USER}`;

/** Rows, or a result with `rows` (pg). */
function rowsOf(result: unknown): Rows {
  if (Array.isArray(result)) return result as Rows;
  return ((result as { rows?: Rows })?.rows ?? []) as Rows;
}

function lockSet(rows: Rows): Set<string> {
  return new Set(rows.map((r) => `${r.relation}\u0000${r.mode}`));
}

function parseLock(key: string): LockTaken {
  const [relation, mode] = key.split('\u0000');
  return { relation, mode };
}

function fileNodes(rows: Rows): Map<number, { name: string; node: number }> {
  return new Map(rows.map((r) => [Number(r.oid), { name: String(r.name), node: Number(r.node) }]));
}

export function errorMessage(e: unknown): string {
  const err = e as { message?: string; original?: { message?: string }; driverError?: { message?: string } };
  return String(err?.original?.message ?? err?.driverError?.message ?? err?.message ?? e);
}

function round(ms: number): number { return Math.round(ms * 10) / 10; }

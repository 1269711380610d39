// The verifier's results: what ran on the scratch database, what it locked, and what did not come back.
import type { Range } from '../model/migration';

export type VerifyDialect = 'postgres' | 'mysql' | 'mariadb';

/** up (first run), down, up again (the re-run after the down); replay is the history before the targets. */
export type StepPhase = 'replay' | 'up' | 'down' | 'reup';

export interface LockTaken {
  /** Table or index the lock is on (schema-qualified only outside `public`). */
  relation: string;
  mode: string;
}

export interface VerifyStep {
  phase: StepPhase;
  /** The statement as sent to the server; absent for a whole ORM call that failed before sending SQL. */
  statement?: string;
  /** PostgreSQL: relation locks this statement added in its transaction (read from pg_locks before commit). */
  locks: LockTaken[];
  /** PostgreSQL: tables whose relfilenode changed (rewritten). MySQL: the ALTER rebuilt the table (COPY). */
  rewrite?: string[];
  /** MySQL/MariaDB: the cheapest ALGORITHM/LOCK the server accepted for an ALTER. */
  algorithm?: string;
  /** Why locks were not measured (statement not allowed in a transaction, PGlite limits). */
  locksNotMeasured?: string;
  ms: number;
  error?: string;
}

export type DifferenceKind = 'schema' | 'data' | 'rerun' | 'error' | 'lock' | 'history';

export interface Difference {
  kind: DifferenceKind;
  /** The phase it showed up in: down (did not restore), reup (second up differs or fails), replay. */
  phase: StepPhase;
  message: string;
  /** Index into the result's steps of the step that caused it, when one did. */
  step?: number;
}

export interface VerifyResult {
  /** File the migration lives in. */
  source: string;
  migration: string;
  ok: boolean;
  steps: VerifyStep[];
  differences: Difference[];
  /** Why the verification could not complete (history replay failed, driver missing). */
  error?: string;
  /** Where in `source` each phase's code is, for diagnostics. */
  upRange?: Range;
  downRange?: Range;
  /** The file `downRange` is in when the down lives apart (Prisma down.sql). */
  downPath?: string;
  skipped?: boolean;
}

/** One migration history (a migrations folder) verified on one scratch database. */
export interface HistoryRun {
  folder: string;
  database: string;
  dialect: VerifyDialect;
  /** Replay of the migrations before the first target. */
  replay: { migrations: number; ms: number; failed?: { source: string; migration: string; error: string } };
}

export interface VerifyRun {
  version: 1;
  results: VerifyResult[];
  histories: HistoryRun[];
  /** Problems that stopped a history before anything ran (no driver, no server URL, refused database): exit code 2. */
  setupErrors: string[];
}

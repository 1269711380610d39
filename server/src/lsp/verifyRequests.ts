// The request behind "Safe Migrations: Verify Migration": runs the verifier (server/src/verify) on the
// given files or on every migration folder after the baseline, reports progress as notifications, stops
// when the client cancels (the verifier drops its scratch database), and answers with the Markdown report
// and the failures as diagnostics per file. The client asks for Workspace Trust and confirmation first:
// this runs workspace code (the project's ORM and migrations).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, ErrorCodes, ResponseError, type CancellationToken, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import type { Range } from '../model/migration';
import { LineIndex } from '../model/text';
import { readTextFileIfPresent } from '../engine/workspace';
import { formatVerifyMarkdown } from '../verify/report';
import { redactUrl } from '../verify/databaseUrl';
import { VerifyCancelled, verifyPaths } from '../verify/verify';
import type { Difference, VerifyResult, VerifyRun } from '../verify/types';
import type { RequestContext } from './customRequests';

export const VERIFY_REQUEST = 'safeMigrations/verify';
/** Notification (server → client) while a verification runs: `{ runId, message }`. */
export const VERIFY_PROGRESS_NOTIFICATION = 'safeMigrations/verifyProgress';
/** Diagnostic source of verification failures, apart from the static rules' `safe-migrations`. */
export const VERIFY_DIAGNOSTIC_SOURCE = 'safe-migrations verify';

export interface VerifyParams {
  /** Migration files or folders (file: URIs). Absent with `all`. */
  uris?: string[];
  /** Every migration folder detection found; targets are the migrations after `startAfter`. */
  all?: boolean;
  /** `pglite` or a server URL (the setting); absent: SAFE_MIGRATIONS_DATABASE_URL, else PGlite for PostgreSQL. */
  database?: string;
  /** Echoed in progress notifications, so the client can tell runs apart. */
  runId?: string;
}

export interface FileDiagnostics { path: string; diagnostics: Diagnostic[] }

export interface VerifyRequestResult {
  cancelled: boolean;
  verified: number;
  failed: number;
  setupErrors: string[];
  markdown: string;
  /** One entry per file the run looked at (empty diagnostics clear earlier ones). */
  files: FileDiagnostics[];
}

/** Targets of a run: explicit files (down.sql stands for its migration.sql), or every migration folder, grouped by baseline. */
function targetGroups(params: VerifyParams, context: RequestContext): { paths: string[]; startAfter?: string }[] {
  if (params.all) {
    const byBaseline = new Map<string, string[]>();
    for (const dir of context.workspace.projects.flatMap((p) => p.migrationDirs.map((d) => d.path))) {
      const startAfter = context.workspace.configFor(path.join(dir, 'x')).startAfter ?? '';
      byBaseline.set(startAfter, [...(byBaseline.get(startAfter) ?? []), dir]);
    }
    return [...byBaseline].map(([startAfter, paths]) => ({ paths: [...new Set(paths)], startAfter: startAfter || undefined }));
  }
  const paths = (params.uris ?? []).map((uri) => {
    if (typeof uri !== 'string' || !uri.startsWith('file:')) throw new ResponseError(ErrorCodes.InvalidParams, 'expected { uris: [file: URI…] } or { all: true }');
    const file = fileURLToPath(uri);
    const migrationSql = path.join(path.dirname(file), 'migration.sql');
    return path.basename(file) === 'down.sql' && fs.existsSync(migrationSql) ? migrationSql : file;
  });
  return paths.length ? [{ paths }] : [];
}

/** `scratchPrefix` is for tests (their own database names); the editor uses the verifier's default. */
export async function runVerifyRequest(params: VerifyParams, context: RequestContext, token?: CancellationToken, progress?: (message: string) => void,
  options: { scratchPrefix?: string } = {}): Promise<VerifyRequestResult> {
  const groups = targetGroups(params ?? {}, context);
  const run: VerifyRun = { version: 1, results: [], histories: [], setupErrors: [] };
  if (!groups.length) run.setupErrors.push(params?.all ? 'no migration folders were detected in this workspace' : 'no migration given');
  const abort = new AbortController();
  const cancel = token?.onCancellationRequested(() => abort.abort());
  let cancelled = false;
  try {
    for (const group of groups) {
      if (abort.signal.aborted) { cancelled = true; break; }
      const dialect = context.workspace.configFor(group.paths[0]).dialect;
      try {
        const part = await verifyPaths(group.paths, { database: params?.database || undefined, startAfter: group.startAfter, dialect, signal: abort.signal, onProgress: progress, scratchPrefix: options.scratchPrefix });
        run.results.push(...part.results);
        run.histories.push(...part.histories);
        run.setupErrors.push(...part.setupErrors);
      } catch (e) {
        if (!(e instanceof VerifyCancelled)) throw e;
        cancelled = true;
        break;
      }
    }
  } finally {
    cancel?.dispose();
  }
  run.setupErrors = run.setupErrors.map(redactUrl);
  const cwd = context.workspace.projects[0]?.root ?? process.cwd();
  return {
    cancelled,
    verified: run.results.filter((r) => r.ok).length,
    failed: run.results.filter((r) => !r.ok).length,
    setupErrors: run.setupErrors,
    markdown: redactUrl(formatVerifyMarkdown(run, commonFolder(run.results.map((r) => r.source)) ?? cwd)),
    files: cancelled ? [] : verifyDiagnostics(run, (f) => context.readOpenText?.(f) ?? readTextFileIfPresent(f)),
  };
}

function commonFolder(files: string[]): string | undefined {
  if (!files.length) return undefined;
  let dir = path.dirname(files[0]);
  while (!files.every((f) => f.startsWith(dir + path.sep)) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

const FIRST_LINE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Each failure on the file and line that caused it: a down's differences on the down (Prisma: down.sql),
 * on the statement that ran when it is written there literally, else on the phase's first line. A lock
 * disagreement in a down is a warning (it does not fail the verification); everything else is an error.
 */
export function verifyDiagnostics(run: VerifyRun, readText: (file: string) => string | undefined): FileDiagnostics[] {
  const byFile = new Map<string, Diagnostic[]>();
  const add = (file: string, d?: Diagnostic) => {
    const list = byFile.get(file) ?? [];
    if (d) list.push(d);
    byFile.set(file, list);
  };
  const texts = new Map<string, string | undefined>();
  const textOf = (file: string) => { if (!texts.has(file)) texts.set(file, readText(file)); return texts.get(file); };
  for (const r of run.results) {
    add(r.source);
    if (r.downPath) add(r.downPath);
    if (r.error && !r.skipped) add(r.source, { range: FIRST_LINE, severity: DiagnosticSeverity.Error, source: VERIFY_DIAGNOSTIC_SOURCE, message: redactUrl(`Not verified: ${r.error}`) });
    for (const d of r.differences) {
      const { file, range } = placeOf(r, d, textOf);
      add(file, { range, severity: d.kind === 'lock' && d.phase === 'down' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, source: VERIFY_DIAGNOSTIC_SOURCE, code: `verify-${d.kind}`, message: redactUrl(`${phaseWord(d)}: ${d.message}`) });
    }
  }
  for (const h of run.histories) {
    const failed = h.replay.failed;
    if (failed) add(failed.source, { range: FIRST_LINE, severity: DiagnosticSeverity.Error, source: VERIFY_DIAGNOSTIC_SOURCE, code: 'verify-history', message: redactUrl(`History replay failed here on ${h.database}: ${failed.error}`) });
  }
  return [...byFile].map(([file, diagnostics]) => ({ path: file, diagnostics }));
}

function phaseWord(d: Difference): string {
  return d.phase === 'reup' ? 'Verify (up again after down)' : `Verify (${d.phase})`;
}

function placeOf(r: VerifyResult, d: Difference, textOf: (file: string) => string | undefined): { file: string; range: Range } {
  const inDown = d.phase === 'down';
  const file = inDown && r.downPath ? r.downPath : r.source;
  const phaseRange = (inDown ? r.downRange : r.upRange) ?? FIRST_LINE;
  const statement = d.step !== undefined ? r.steps[d.step]?.statement?.trim() : undefined;
  const text = statement ? textOf(file) : undefined;
  if (statement && text) {
    const lines = new LineIndex(text);
    const from = lines.offsetAt(phaseRange.start);
    let at = text.indexOf(statement, from);
    if (at < 0) at = text.indexOf(statement);
    if (at >= 0) {
      // One line is enough to point at; a whole CREATE TABLE underlined is noise.
      const lineEnd = text.indexOf('\n', at);
      return { file, range: lines.range(at, Math.min(at + statement.length, lineEnd < 0 ? text.length : lineEnd)) };
    }
  }
  return { file, range: { start: phaseRange.start, end: phaseRange.start } };
}

/** Installs the request on the connection (it needs the cancellation token and progress notifications). */
export function installVerifyRequest(connection: Connection, context: RequestContext): void {
  connection.onRequest(VERIFY_REQUEST, async (params: VerifyParams, token: CancellationToken) => {
    try {
      return await runVerifyRequest(params, context, token, (message) => {
        void connection.sendNotification(VERIFY_PROGRESS_NOTIFICATION, { runId: params?.runId, message }).catch(() => undefined);
      });
    } catch (e) {
      if (e instanceof ResponseError) return e;
      context.log(`${VERIFY_REQUEST} failed: ${redactUrl(String((e as Error).stack ?? e))}`);
      return new ResponseError(ErrorCodes.InternalError, `${VERIFY_REQUEST}: ${redactUrl((e as Error).message)}`);
    }
  });
}

import { loadModule, parseSync } from 'libpg-query';
import { Utf8OffsetMap, snippet } from '../../../model/text';
import { cachedParse, editorCachesActive } from '../../editorCaches';
import type { OperationBuilder } from '../operationBuilder';
import { splitStatements, type SqlStatementSpan } from '../splitStatements';
import { sqlitePragmaOp } from '../sqlitePragma';
import { mapParseResult } from './pgParseResult';

let loaded: Promise<void> | undefined;
const WARM_UP = "CREATE TABLE w (id serial PRIMARY KEY, n varchar(9) NOT NULL DEFAULT 'x'); ALTER TABLE w ADD COLUMN c int; CREATE INDEX CONCURRENTLY i ON w (n) WHERE c > 0; UPDATE w SET c = 1 WHERE id = 2;".repeat(20);
let ready = false;

export function loadPostgresParser(): Promise<void> {
  return loaded ??= loadModule().then(() => {
    ready = true;
    // The first parse pays for the WASM warming up; pay it here rather than on the first file.
    try { parseSync(WARM_UP); } catch { /* only a warm-up */ }
  });
}

export function postgresParserReady(): boolean { return ready; }

const MAX_BATCHED_FAILURES = 8;

interface ParseFailure { message: string; cursor?: number }

function tryParse(text: string): { result?: unknown; failure?: ParseFailure } {
  return cachedParse(text, parseOnce);
}

function parseOnce(text: string): { result?: unknown; failure?: ParseFailure } {
  try {
    return { result: parseSync(text) };
  } catch (e) {
    const details = (e as { sqlDetails?: { cursorPosition?: number } }).sqlDetails;
    return { failure: { message: (e as Error).message, cursor: details?.cursorPosition } };
  }
}

/**
 * Reads PostgreSQL: the whole text in one parse (fast path); when that fails, the script is split
 * and parsed in batches around each failing statement, so one syntax error loses only its statement.
 * Reports how many statements failed, so a caller unsure of the dialect can try MySQL.
 */
export function readPostgres(b: OperationBuilder): { parsedAny: boolean; failed: number; statements: number } {
  const sql = b.sql;
  if (editorCachesActive()) {
    const read = readByStatement(b);
    if (read) return read;
  }
  const whole = tryParse(sql);
  if (whole.result) {
    mapParseResult(whole.result, b, 0, sql.length, (ops) => b.push(...ops));
    return { parsedAny: true, failed: 0, statements: b.operations.length };
  }
  const split = splitStatements(sql, 'postgres');
  for (const issue of split.issues) b.problem('sql-syntax', 'error', issue.message, issue.start, issue.end);
  const stats = { parsedAny: false, failed: 0 };
  parseBatch(b, split.statements, 0, split.statements.length, stats, whole.failure);
  return { ...stats, statements: split.statements.length };
}

/**
 * In the editor: each statement parsed on its own, so that a statement whose text did not change
 * keeps its cached parse. Gives the same operations as the whole-text parse (the batches below map
 * sub-ranges the same way); undefined, and nothing pushed, when a statement does not parse alone.
 */
function readByStatement(b: OperationBuilder): { parsedAny: boolean; failed: number; statements: number } | undefined {
  const split = splitStatements(b.sql, 'postgres');
  if (split.issues.length) return undefined;
  const parsed: { start: number; end: number; result: unknown }[] = [];
  for (const s of split.statements) {
    if (s.unterminated) return undefined;
    const attempt = tryParse(b.sql.slice(s.start, s.end));
    if (!attempt.result) return undefined;
    parsed.push({ start: s.start, end: s.end, result: attempt.result });
  }
  for (const p of parsed) mapParseResult(p.result, b, p.start, p.end - p.start, (ops) => b.push(...ops));
  return { parsedAny: true, failed: 0, statements: b.operations.length };
}

function parseBatch(b: OperationBuilder, stmts: SqlStatementSpan[], from: number, to: number,
  stats: { parsedAny: boolean; failed: number }, knownFailure?: ParseFailure): void {
  if (from >= to) return;
  const start = stmts[from].start;
  const end = stmts[to - 1].end;
  const text = b.sql.slice(start, end);
  const single = to - from === 1;
  if (stmts[from].unterminated && single) { fail(b, stmts[from], stmts[from].unterminated!, stats, false); return; }
  const attempt = knownFailure && from === 0 && to === stmts.length && start === 0 && end === b.sql.length ? { failure: knownFailure } : tryParse(text);
  if (attempt.result) {
    stats.parsedAny = true;
    mapParseResult(attempt.result, b, start, text.length, (ops) => b.push(...ops));
    return;
  }
  const failure = attempt.failure!;
  if (single) {
    const pragma = sqlitePragmaOp(b, stmts[from].start, stmts[from].end);
    if (pragma) b.push(pragma);
    // A psql meta-command in a script (`\set ON_ERROR_STOP on`): psql's, not the server's; nothing to check.
    else if (b.sql.charCodeAt(stmts[from].start) === 92) b.push(b.op('rawSql', stmts[from].start, stmts[from].end, { statement: 'psql meta-command' }));
    else fail(b, stmts[from], failure.message, stats, true);
    return;
  }
  // Many errors (another dialect, a broken paste): re-parsing what follows each error would be
  // quadratic, so go one statement at a time.
  if (stats.failed >= MAX_BATCHED_FAILURES) { for (let i = from; i < to; i++) parseBatch(b, stmts, i, i + 1, stats); return; }
  // Find the statement the error points at; without a position, go one statement at a time.
  let k = -1;
  if (failure.cursor !== undefined && failure.cursor >= 0) {
    const at = start + new Utf8OffsetMap(text).toChar(failure.cursor);
    for (let i = from; i < to; i++) if (at <= stmts[i].end + 1) { k = i; break; }
  }
  if (k < 0) { for (let i = from; i < to; i++) parseBatch(b, stmts, i, i + 1, stats); return; }
  parseBatch(b, stmts, from, k, stats);
  parseBatch(b, stmts, k, k + 1, stats);
  parseBatch(b, stmts, k + 1, to, stats);
}

function fail(b: OperationBuilder, stmt: SqlStatementSpan, message: string, stats: { failed: number }, report: boolean): void {
  stats.failed++;
  if (report) b.problem('sql-syntax', 'error', `PostgreSQL syntax error: ${message}`, stmt.start, stmt.end);
  b.push(b.op('unknown', stmt.start, stmt.end, { reason: `${message}: ${snippet(b.sql.slice(stmt.start, Math.min(stmt.end, stmt.start + 200)), 80)}` }));
}

// Drizzle Kit migrations: `drizzle/0003_name.sql`, statements separated by `--> statement-breakpoint`
// (an SQL comment, so the SQL reader splits them as usual), the order and the dialect in
// `meta/_journal.json`. Drizzle has no down migrations.
import * as path from 'node:path';
import type { Dialect, DialectInfo, Migration } from '../../model/migration';
import { firstLineRange, readSql } from '../sql';
import type { ReadContext, ReaderResult } from '../types';

const BREAKPOINT = /-->\s*statement-breakpoint/g;

export interface DrizzleJournal {
  dialect?: string;
  entries: { idx?: number; when?: number; tag?: string; breakpoints?: boolean }[];
}

/** Parses `meta/_journal.json`; undefined when absent or not a journal. */
export function parseDrizzleJournal(text: string | undefined): DrizzleJournal | undefined {
  if (!text) return undefined;
  try {
    const j = JSON.parse(text) as Partial<DrizzleJournal>;
    return Array.isArray(j.entries) ? { dialect: typeof j.dialect === 'string' ? j.dialect : undefined, entries: j.entries } : undefined;
  } catch { return undefined; }
}

/** The journal's dialect names: drizzle-kit 0.2x writes `postgresql`/`mysql`/`sqlite`, older ones `pg`. */
export function drizzleDialect(name: string | undefined): Dialect | undefined {
  switch (name?.toLowerCase()) {
    case 'postgresql': case 'pg': case 'postgres': return 'postgres';
    case 'mysql': case 'mysql2': case 'singlestore': return 'mysql';
    case 'sqlite': case 'turso': case 'libsql': case 'better-sqlite': case 'd1': case 'expo': return 'sqlite';
    default: return undefined;
  }
}

/** The journal sits in `meta/` next to the migration files. */
export function journalPathFor(file: string): string {
  return path.join(path.dirname(file), 'meta', '_journal.json');
}

export function readDrizzleMigration(ctx: ReadContext, journalText?: string): ReaderResult {
  const journal = parseDrizzleJournal(journalText);
  const name = path.basename(ctx.path).replace(/\.sql$/i, '');
  const entry = journal?.entries.find((e) => e.tag === name);
  const journalDialect = drizzleDialect(journal?.dialect);
  const known: DialectInfo | undefined = ctx.dialect.dialect === 'unknown' && journalDialect
    ? { dialect: journalDialect, source: 'project', reason: `meta/_journal.json says "dialect": "${journal!.dialect}"` } : undefined;
  const dialectIn = known?.dialect ?? ctx.dialect.dialect;
  // drizzle-kit splits the file at the markers and never sends them; MySQL would not even read `-->` as a comment.
  const sql = ctx.text.replace(BREAKPOINT, (m) => ' '.repeat(m.length));
  const up = readSql(sql, { dialect: dialectIn, lines: ctx.lines });
  const dialect: Dialect = dialectIn !== 'unknown' ? dialectIn : up.dialect;
  const migration: Migration = {
    name,
    orm: 'drizzle',
    dialect,
    ...transactionFor(dialect),
    up: up.operations,
    down: [],
    hasDown: false,
    range: ctx.lines.range(0, ctx.text.length),
    nameRange: firstLineRange(ctx.text, ctx.lines),
    upRange: ctx.lines.range(0, ctx.text.length),
  };
  // The journal's `when` (epoch ms) is the order drizzle-kit applies them; the 4-digit prefix otherwise.
  const stamp = entry?.when !== undefined ? String(entry.when) : /^(\d{4,})_/.exec(name)?.[1];
  if (stamp) migration.timestamp = stamp;
  const problems = [...up.problems];
  if (journal && !entry) {
    problems.push({ code: 'not-in-journal', severity: 'info', range: ctx.lines.range(0, 0), message: `${name} is not listed in meta/_journal.json: drizzle-kit migrate only applies the migrations the journal lists.` });
  }
  const result: ReaderResult = { migrations: [migration], problems };
  if (known) result.dialect = known;
  else if (ctx.dialect.dialect === 'unknown' && up.dialect !== 'unknown') result.dialect = { dialect: up.dialect, source: 'content', reason: 'recognised from the SQL in the migration' };
  return result;
}

/** drizzle-orm's migrator runs every pending migration inside one transaction (statement by statement, split at the breakpoints). */
function transactionFor(dialect: Dialect): Pick<Migration, 'transactional' | 'transactionalReason'> {
  switch (dialect) {
    case 'postgres':
      return { transactional: true, transactionalReason: 'Drizzle runs all pending migrations inside one transaction: a failure rolls back every migration of the run (and CREATE INDEX CONCURRENTLY fails inside it).' };
    case 'mysql': case 'mariadb':
      return { transactional: true, transactionalReason: 'Drizzle runs the pending migrations inside a transaction, but MySQL/MariaDB commit every DDL statement implicitly: a failure half-way leaves the earlier statements applied.' };
    default:
      return { transactional: null, transactionalReason: `Whether Drizzle's run is atomic depends on the database, which is ${dialect === 'unknown' ? 'not known for this file' : dialect}.` };
  }
}

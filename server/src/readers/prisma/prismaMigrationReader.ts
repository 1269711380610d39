// Prisma Migrate: one folder per migration (`20240101000000_add_users/migration.sql`), optionally with a
// hand-written `down.sql` next to it (what `prisma migrate diff --script` produces for rollbacks).
import * as path from 'node:path';
import type { Dialect, Migration, Problem } from '../../model/migration';
import { LineIndex } from '../../model/text';
import { firstLineRange, readSql } from '../sql';
import { splitStatements } from '../sql/splitStatements';
import type { ReadContext, ReaderResult } from '../types';

const FOLDER_NAME = /^(\d{14})_(.+)$/;

export function readPrismaMigration(ctx: ReadContext, down?: { path: string; text: string }): ReaderResult {
  const problems: Problem[] = [];
  const folder = path.basename(path.dirname(ctx.path));
  const named = FOLDER_NAME.exec(folder);
  // Prisma knows a migration by its folder (`20240101000000_init`, or hand-named `03_big_int`), never by migration.sql.
  const name = named || /^migration\.sql$/i.test(path.basename(ctx.path)) ? folder : path.basename(ctx.path).replace(/\.sql$/i, '');

  const up = readSql(ctx.text, { dialect: ctx.dialect.dialect, lines: ctx.lines });
  problems.push(...up.problems);
  const dialect: Dialect = ctx.dialect.dialect !== 'unknown' ? ctx.dialect.dialect : up.dialect;

  const migration: Migration = {
    name,
    orm: 'prisma',
    dialect,
    ...transactionFor(dialect, statementCount(ctx.text)),
    up: up.operations,
    down: [],
    hasDown: false,
    range: ctx.lines.range(0, ctx.text.length),
    nameRange: firstLineRange(ctx.text, ctx.lines),
    upRange: ctx.lines.range(0, ctx.text.length),
  };
  if (named) migration.timestamp = named[1];

  if (down) {
    const downLines = new LineIndex(down.text);
    const result = readSql(down.text, { dialect, lines: downLines });
    migration.down = result.operations;
    migration.downPath = down.path;
    migration.downRange = downLines.range(0, down.text.length);
    migration.hasDown = hasStatements(down.text);
    // Problems carry no file: point them at the top of migration.sql and say where they really are.
    for (const p of result.problems) {
      problems.push({ ...p, message: `${path.basename(down.path)} line ${p.range.start.line + 1}: ${p.message}`, range: ctx.lines.range(0, 0) });
    }
  }

  const result: ReaderResult = { migrations: [migration], problems };
  if (ctx.dialect.dialect === 'unknown' && up.dialect !== 'unknown') {
    result.dialect = { dialect: up.dialect, source: 'content', reason: 'recognised from the SQL in migration.sql' };
  }
  return result;
}

function transactionFor(dialect: Dialect, statements: number): Pick<Migration, 'transactional' | 'transactionalReason'> {
  switch (dialect) {
    case 'postgres':
      // One statement is not a transaction block, which is why Prisma's docs put CONCURRENTLY alone in a migration.
      if (statements === 1) {
        return {
          transactional: false,
          transactionalReason: 'Prisma Migrate sends migration.sql to PostgreSQL as one script; with a single statement there is no transaction block, so CREATE INDEX CONCURRENTLY can run.',
        };
      }
      return {
        transactional: true,
        transactionalReason: 'Prisma Migrate sends migration.sql to PostgreSQL as one script, which runs as a single implicit transaction: a failure rolls the whole file back (and CREATE INDEX CONCURRENTLY fails unless it is alone in its migration).',
      };
    case 'mysql':
    case 'mariadb':
      return {
        transactional: false,
        transactionalReason: 'Prisma Migrate runs migration.sql as one script, but MySQL/MariaDB commit every DDL statement implicitly: a failure half-way leaves the earlier statements applied.',
      };
    default:
      return { transactional: null, transactionalReason: `Whether Prisma's script runs atomically depends on the database, which is ${dialect === 'unknown' ? 'not known for this file' : dialect}.` };
  }
}

function statementCount(sql: string): number {
  return splitStatements(sql, 'postgres').statements.length;
}

/** Anything but whitespace and SQL comments. */
function hasStatements(sql: string): boolean {
  return sql.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '').trim().length > 0;
}

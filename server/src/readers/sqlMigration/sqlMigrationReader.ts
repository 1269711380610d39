import * as path from 'node:path';
import type { Migration, Operation, Problem } from '../../model/migration';
import { LineIndex } from '../../model/text';
import { firstLineRange, readSql } from '../sql';
import type { ReadContext, ReaderResult } from '../types';

/**
 * Plain `.sql` migration files outside Prisma. Real projects mark up/down sections in one file
 * (dbmate `-- migrate:up`, sql-migrate `-- +migrate Up`, goose `-- +goose Up`) or pair files
 * (`001_x.up.sql` + `001_x.down.sql`, Flyway `V1__x.sql` + `U1__x.sql`); a file with neither is all `up`.
 */
const SECTION_MARKER = /^[ \t]*--[ \t]*(?:\+migrate[ \t]+(up|down)|migrate:(up|down)|\+goose[ \t]+(up|down)|!?(up|down)[ \t]*:?[ \t]*$)/gim;

export interface SiblingFile { path: string; text: string }

export function readSqlMigrationFile(ctx: ReadContext, downSibling?: SiblingFile): ReaderResult {
  const problems: Problem[] = [];
  const base = path.basename(ctx.path).replace(/\.sql$/i, '');
  const name = base.replace(/\.up$/i, '');
  const sections = findSections(ctx.text);
  const whole = ctx.lines.range(0, ctx.text.length);

  let dialect = ctx.dialect.dialect;
  const read = (start: number, end: number): Operation[] => {
    const sql = ctx.text.slice(start, end);
    const res = readSql(sql, { dialect, lines: ctx.lines, mapOffset: (i) => start + i });
    problems.push(...res.problems);
    // The first section's dialect (recognised from the SQL when unknown) holds for the rest of the file.
    if (dialect === 'unknown' && res.dialect !== 'unknown') dialect = res.dialect;
    return res.operations;
  };

  let up: Operation[];
  let down: Operation[] = [];
  let hasDown = false;
  let upRange = whole;
  let downRange;
  let downPath: string | undefined;
  const upSection = sections.find((s) => s.kind === 'up');
  const downSection = sections.find((s) => s.kind === 'down');
  if (upSection || downSection) {
    up = upSection ? read(upSection.start, upSection.end) : [];
    if (upSection) upRange = ctx.lines.range(upSection.start, upSection.end);
    if (downSection) {
      hasDown = true;
      down = read(downSection.start, downSection.end);
      downRange = ctx.lines.range(downSection.start, downSection.end);
    }
  } else {
    up = read(0, ctx.text.length);
  }
  if (!hasDown && downSibling) {
    hasDown = true;
    downPath = downSibling.path;
    const lines = new LineIndex(downSibling.text);
    const res = readSql(downSibling.text, { dialect, lines });
    down = res.operations;
    downRange = lines.range(0, downSibling.text.length);
  }
  const hasExplicitTx = up.some((op) => op.kind === 'transactionControl' && op.transaction === 'begin');
  const migration: Migration = {
    name,
    orm: 'sql',
    dialect,
    transactional: hasExplicitTx ? true : null,
    transactionalReason: hasExplicitTx ? 'the file opens its own transaction (BEGIN)' : 'plain SQL: whether it runs in a transaction depends on the tool that applies it',
    up,
    down,
    hasDown,
    range: whole,
    nameRange: firstLineRange(ctx.text, ctx.lines),
    upRange,
    downRange,
    downPath,
    timestamp: /^(\d{3,})/.exec(name)?.[1] ?? /^[VU](\d+(?:[._]\d+)*)__/.exec(name)?.[1],
  };
  const learned = dialect !== ctx.dialect.dialect && dialect !== 'unknown'
    ? { dialect, source: 'content' as const, reason: 'recognised from the SQL in the file' }
    : undefined;
  return { migrations: [migration], problems, dialect: learned };
}

interface Section { kind: 'up' | 'down'; start: number; end: number }

function findSections(text: string): Section[] {
  const marks: { kind: 'up' | 'down'; at: number; after: number }[] = [];
  SECTION_MARKER.lastIndex = 0;
  for (let m = SECTION_MARKER.exec(text); m; m = SECTION_MARKER.exec(text)) {
    const kind = (m[1] ?? m[2] ?? m[3] ?? m[4]).toLowerCase() as 'up' | 'down';
    const eol = text.indexOf('\n', m.index);
    marks.push({ kind, at: m.index, after: eol < 0 ? text.length : eol + 1 });
  }
  return marks.map((mark, i) => ({ kind: mark.kind, start: mark.after, end: i + 1 < marks.length ? marks[i + 1].at : text.length }));
}

/** For `x.up.sql` → `x.down.sql`; Flyway `V3__x.sql` → `U3__x.sql`. Undefined when the name has no pairing convention. */
export function downSiblingName(file: string): string | undefined {
  const base = path.basename(file);
  if (/\.up\.sql$/i.test(base)) return path.join(path.dirname(file), base.replace(/\.up\.sql$/i, '.down.sql'));
  if (/^V\d/.test(base)) return path.join(path.dirname(file), 'U' + base.slice(1));
  return undefined;
}

/** Files that are the `down` half of a pair and are read together with their `up`. */
export function isDownHalf(file: string): boolean {
  const base = path.basename(file);
  return /\.down\.sql$/i.test(base) || /^U\d.*__/.test(base) || (base === 'down.sql');
}

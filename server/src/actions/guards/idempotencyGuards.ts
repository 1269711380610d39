// "Add idempotency guards": makes a step (or every step of a file) harmless to re-run after a half-applied
// migration, the way the scaffolds guard theirs. IF [NOT] EXISTS where the dialect has it (PostgreSQL;
// MariaDB also for columns, indexes and constraints; MySQL only for tables); elsewhere a presence check:
// a DO block over pg_constraint (PostgreSQL constraints), a prepared statement over information_schema
// (MySQL SQL), `queryRunner.hasTable/hasColumn/getTable` (TypeORM), `queryInterface.tableExists/describeTable/
// showIndex` (Sequelize). Pure: file text and model in, edits out.
import type { Fix, FixEdit } from '../../model/finding';
import type { FileModel, Migration, Operation } from '../../model/migration';
import type { Guard, ScaffoldDialect } from '../../patterns/types';
import { presenceQuery } from '../../emitters/catalog';
import { renderSqlStep } from '../../emitters/sqlScript';
import { jsString } from '../../emitters/jsString';
import { indentUnitOf } from '../../rules/fixes';

type GuardableFile = FileModel & { text: string };

/** Where IF [NOT] EXISTS goes, per kind, on the servers that accept it there. */
const INLINE: Record<string, { at: RegExp; insert: string; on: ScaffoldDialect[] }[]> = {
  createTable: [{ at: /\bCREATE\s+(TEMP(ORARY)?\s+|UNLOGGED\s+)?TABLE\b/i, insert: ' IF NOT EXISTS', on: ['postgres', 'mariadb', 'mysql'] }],
  dropTable: [{ at: /\bDROP\s+TABLE\b/i, insert: ' IF EXISTS', on: ['postgres', 'mariadb', 'mysql'] }],
  createIndex: [
    { at: /\bCREATE\s+(UNIQUE\s+)?INDEX\b/i, insert: ' IF NOT EXISTS', on: ['postgres', 'mariadb'] },
    { at: /\bADD\s+(UNIQUE\s+)?(INDEX|KEY)\b/i, insert: ' IF NOT EXISTS', on: ['mariadb'] },
  ],
  dropIndex: [{ at: /\bDROP\s+INDEX(\s+CONCURRENTLY)?\b/i, insert: ' IF EXISTS', on: ['postgres', 'mariadb'] }],
  addColumn: [
    { at: /\bADD\s+COLUMN\b/i, insert: ' IF NOT EXISTS', on: ['postgres', 'mariadb'] },
    { at: /\bADD\b(?!\s+(CONSTRAINT|INDEX|KEY|UNIQUE|PRIMARY|FOREIGN|CHECK|COLUMN)\b)/i, insert: ' COLUMN IF NOT EXISTS', on: ['postgres', 'mariadb'] },
  ],
  dropColumn: [
    { at: /\bDROP\s+COLUMN\b/i, insert: ' IF EXISTS', on: ['postgres', 'mariadb'] },
    { at: /\bDROP\b(?!\s+(CONSTRAINT|INDEX|KEY|PRIMARY|FOREIGN|CHECK|COLUMN)\b)/i, insert: ' COLUMN IF EXISTS', on: ['postgres', 'mariadb'] },
  ],
  dropConstraint: [{ at: /\bDROP\s+(CONSTRAINT|CHECK)\b/i, insert: ' IF EXISTS', on: ['postgres', 'mariadb'] }],
  dropForeignKey: [
    { at: /\bDROP\s+CONSTRAINT\b/i, insert: ' IF EXISTS', on: ['postgres', 'mariadb'] },
    { at: /\bDROP\s+FOREIGN\s+KEY\b/i, insert: ' IF EXISTS', on: ['mariadb'] },
  ],
  addForeignKey: [{ at: /\bFOREIGN\s+KEY\b/i, insert: ' IF NOT EXISTS', on: ['mariadb'] }],
};

/** The catalog object a step creates or drops, and whether it must be there for the step to run. */
function guardOf(op: Operation): Guard | undefined {
  const table = op.table;
  if (!table) return undefined;
  switch (op.kind) {
    case 'createTable': return { present: false, object: 'table', table };
    case 'dropTable': return { present: true, object: 'table', table };
    case 'addColumn': return op.column ? { present: false, object: 'column', table, name: op.column } : undefined;
    case 'dropColumn': return op.column ? { present: true, object: 'column', table, name: op.column } : undefined;
    case 'createIndex': return op.index ? { present: false, object: 'index', table, name: op.index } : undefined;
    case 'dropIndex': return op.index ? { present: true, object: 'index', table, name: op.index } : undefined;
    case 'addForeignKey': case 'addCheck': case 'addUnique': case 'addPrimaryKey':
      return op.constraint ? { present: false, object: 'constraint', table, name: op.constraint } : undefined;
    case 'dropConstraint': case 'dropForeignKey':
      return op.constraint ? { present: true, object: 'constraint', table, name: op.constraint } : undefined;
    default: return undefined;
  }
}

/** PostgreSQL's `DROP INDEX "public"."name"` (TypeORM's own output) names no table: IF EXISTS needs none, a presence check would. */
const tablelessDropIndex = (op: Operation) => op.kind === 'dropIndex' && !op.table && !!op.index && op.via === 'sql';

const isGuarded = (op: Operation) => op.guarded || !!op.ifExists || !!op.ifNotExists;

function scaffoldDialect(file: FileModel): ScaffoldDialect | undefined {
  return file.dialect === 'postgres' || file.dialect === 'mysql' || file.dialect === 'mariadb' ? file.dialect : undefined;
}

/** Either the edits that guard `op`, or why it cannot be guarded here. */
export type StepGuard = { edits: FixEdit[] } | { reason: string };

export function guardStep(file: GuardableFile, migration: Migration, op: Operation): StepGuard {
  const dialect = scaffoldDialect(file);
  if (!dialect) return { reason: 'the database of this file is not known' };
  if (isGuarded(op)) return { reason: 'it is guarded already' };
  if (op.kind === 'renameColumn' || op.kind === 'renameTable') return { reason: 'a rename has no IF EXISTS form; check the old name first by hand' };
  // IF NOT EXISTS would keep an INVALID index left by a failed build; that needs DROP INDEX CONCURRENTLY first.
  if (op.kind === 'createIndex' && op.concurrently) return { reason: 'a CONCURRENTLY build needs the INVALID leftover dropped first, not IF NOT EXISTS' };
  const guard = guardOf(op);
  if (!guard) {
    const inline = tablelessDropIndex(op) ? inlineGuard(file.text, op, dialect) : undefined;
    return inline ? { edits: [inline] } : { reason: 'this kind of step has no presence check' };
  }
  // Knex and node-pg-migrate: a guard written into the SQL itself only; their presence checks are not generated yet.
  if (file.orm === 'knex' || file.orm === 'node-pg-migrate') {
    const inline = op.via === 'sql' ? inlineGuard(file.text, op, dialect) : undefined;
    return inline ? { edits: [inline] } : { reason: `presence checks are not generated for ${file.orm} migrations yet` };
  }
  const inCode = file.orm === 'typeorm' || file.orm === 'sequelize';
  if (op.via === 'sql') {
    const inline = inlineGuard(file.text, op, dialect);
    if (inline) return { edits: [inline] };
    if (!inCode) {
      const wrapped = wrapSqlStatement(file.text, op, guard, dialect);
      return wrapped ? { edits: [wrapped] } : { reason: 'the statement is part of a larger one' };
    }
  }
  if (!inCode) return { reason: 'no presence check fits here' };
  if (op.inTransaction) return { reason: 'it runs in a transaction the code opens; the presence check would need it too' };
  const wrapped = wrapCall(file, migration, op, guard, dialect);
  return wrapped ? { edits: [wrapped] } : { reason: 'the call is not a plain `await …;` statement of its own' };
}

function inlineGuard(text: string, op: Operation, dialect: ScaffoldDialect): FixEdit | undefined {
  const sql = text.slice(op.offset.start, op.offset.end);
  for (const place of INLINE[op.kind] ?? []) {
    if (!place.on.includes(dialect)) continue;
    const m = place.at.exec(sql);
    if (!m) continue;
    const at = op.offset.start + m.index + m[0].length;
    return { start: at, end: at, newText: place.insert };
  }
  return undefined;
}

/** A whole SQL statement replaced by the scaffolds' guarded form (DO block / prepared statement). */
function wrapSqlStatement(text: string, op: Operation, guard: Guard, dialect: ScaffoldDialect): FixEdit | undefined {
  if (guard.object !== 'constraint' && dialect === 'postgres') return undefined;
  // The statement: from the end of the previous one (comments skipped) to the semicolon after the op. An ALTER TABLE
  // may lead in (readers place an action after it); anything else there means a statement with several actions.
  const previous = text.lastIndexOf(';', op.offset.start - 1) + 1;
  const lead = /^(\s|--[^\n]*(\n|$)|\/\*[\s\S]*?\*\/)*/.exec(text.slice(previous, op.offset.start))![0].length;
  const start = previous + lead;
  if (!/^(ALTER\s+TABLE\s+(ONLY\s+)?[`"\w.]+\s+)?$/i.test(text.slice(start, op.offset.start))) return undefined;
  const tail = /^\s*;/.exec(text.slice(op.offset.end));
  if (!tail) return undefined;
  const statement = text.slice(start, op.offset.end).trim();
  // The rendered guard indents by two spaces: re-indent it with the file's own step.
  const unit = indentUnitOf(text) ?? '  ';
  const rendered = renderSqlStep({ kind: 'sql', sql: statement, ddl: true, runIf: guard }, dialect)
    .replace(/^((?:  )+)/gm, (indent) => unit.repeat(indent.length / 2));
  return { start, end: op.offset.end + tail[0].length, newText: rendered };
}

/** The `await …;` statement holding the op: from its line start to its semicolon. */
function enclosingAwait(text: string, op: Operation): { start: number; end: number; indent: string } | undefined {
  let at = op.offset.start + 1;
  for (;;) {
    at = text.lastIndexOf('await', at - 1);
    if (at < 0 || op.offset.start - at > 4000) return undefined;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    if (/^[ \t]*$/.test(text.slice(lineStart, at))) {
      const end = statementEnd(text, at);
      if (end === undefined || end < op.offset.end) return undefined;
      return { start: lineStart, end, indent: text.slice(lineStart, at) };
    }
  }
}

/** Offset just after the `;` ending the statement that starts at `from` (brackets, strings and templates skipped). */
function statementEnd(text: string, from: number): number | undefined {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      const close = skipString(text, i);
      if (close === undefined) return undefined;
      i = close;
    } else if (c === '/' && text[i + 1] === '/') {
      i = text.indexOf('\n', i);
      if (i < 0) return undefined;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') { if (--depth < 0) return undefined; }
    else if (c === ';' && depth === 0) return i + 1;
  }
  return undefined;
}

function skipString(text: string, open: number): number | undefined {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') { i++; continue; }
    if (quote === '`' && c === '$' && text[i + 1] === '{') {
      let depth = 1;
      for (i += 2; i < text.length && depth > 0; i++) {
        if (text[i] === '{') depth++;
        else if (text[i] === '}') depth--;
      }
      i--;
      continue;
    }
    if (c === quote) return i;
  }
  return undefined;
}

/** The first parameter of the up/down method holding the op (queryRunner, queryInterface, …). */
function runnerParam(text: string, migration: Migration, op: Operation, lines: (r: Migration['range']) => { start: number; end: number }): string | undefined {
  for (const range of [migration.upRange, migration.downRange]) {
    if (!range) continue;
    const { start, end } = lines(range);
    if (op.offset.start < start || op.offset.start > end) continue;
    return /^[^{(]*?\(\s*([A-Za-z_$][\w$]*)/.exec(text.slice(start, end))?.[1];
  }
  return undefined;
}

/** The ORM's own presence check (hasColumn, describeTable, …; a catalogue query for constraints) as a JS expression. */
export function presenceExpression(file: Pick<FileModel, 'orm' | 'path'>, param: string, guard: Guard, dialect: ScaffoldDialect): string {
  const table = jsString(guard.table);
  const name = jsString(guard.name ?? '');
  const ts = /\.[cm]?ts$/.test(file.path);
  if (file.orm === 'typeorm') {
    switch (guard.object) {
      case 'table': return `await ${param}.hasTable(${table})`;
      case 'column': return `await ${param}.hasColumn(${table}, ${name})`;
      case 'index': return `((await ${param}.getTable(${table}))?.indices ?? []).some((index) => index.name === ${name})`;
      default: return `Number((await ${param}.query(${jsString(presenceQuery(guard, dialect))}))[0].n) > 0`;
    }
  }
  switch (guard.object) {
    case 'table': return `await ${param}.tableExists(${table})`;
    case 'column': return `${name} in (await ${param}.describeTable(${table}))`;
    case 'index': return `${ts ? `((await ${param}.showIndex(${table})) as Array<{ name: string }>)` : `(await ${param}.showIndex(${table}))`}.some((index) => index.name === ${name})`;
    default: return `Number(((await ${param}.sequelize.query(${jsString(presenceQuery(guard, dialect))}, { type: 'SELECT' }))${ts ? ' as Array<{ n: number | string }>' : ''})[0].n) > 0`;
  }
}

/** `if (<presence>) { <the original statement> }`, indented like the file. */
function wrapCall(file: GuardableFile, migration: Migration, op: Operation, guard: Guard, dialect: ScaffoldDialect): FixEdit | undefined {
  const text = file.text;
  const statement = enclosingAwait(text, op);
  if (!statement) return undefined;
  // The statement must do this step and nothing else the model knows of.
  const others = [...migration.up, ...migration.down].filter((o) => o !== op && o.offset.start >= statement.start && o.offset.end <= statement.end);
  if (others.length) return undefined;
  const lineIndex = lineOffsets(text);
  const param = runnerParam(text, migration, op, (r) => ({ start: lineIndex(r.start), end: lineIndex(r.end) }));
  if (!param) return undefined;
  const unit = indentUnitOf(text) ?? '  ';
  const test = presenceExpression(file, param, guard, dialect);
  const body = text.slice(statement.start, statement.end).split('\n').map((l) => (l.trim() ? unit + l : l)).join('\n');
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  return { start: statement.start, end: statement.end, newText: `${statement.indent}if (${guard.present ? test : `!(${test})`}) {${newline}${body}${newline}${statement.indent}}` };
}

function lineOffsets(text: string): (p: { line: number; character: number }) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (p) => (starts[p.line] ?? text.length) + p.character;
}

/** Every unguarded step the file's own text holds (a Prisma down.sql is another file). */
export function unguardedSteps(file: FileModel): { migration: Migration; op: Operation }[] {
  return file.migrations.flatMap((migration) => [...migration.up, ...(migration.downPath ? [] : migration.down)]
    .filter((op) => (guardOf(op) || tablelessDropIndex(op)) && !isGuarded(op))
    .map((op) => ({ migration, op })));
}

export function guardStepFix(file: GuardableFile, migration: Migration, op: Operation): Fix | undefined {
  const g = guardStep(file, migration, op);
  return 'edits' in g ? { title: 'Add an idempotency guard to this step', safe: true, edits: g.edits } : undefined;
}

/** One fix guarding every step of the file that can be guarded. */
export function guardFileFix(file: GuardableFile): Fix | undefined {
  const edits = unguardedSteps(file).flatMap(({ migration, op }) => {
    const g = guardStep(file, migration, op);
    return 'edits' in g ? g.edits : [];
  });
  // Overlapping edits (two steps in one statement) cannot both apply: keep the first.
  const kept: FixEdit[] = [];
  for (const e of edits.sort((a, b) => a.start - b.start)) if (!kept.some((k) => e.start < k.end && k.start < e.end)) kept.push(e);
  if (!kept.length) return undefined;
  return { title: `Add idempotency guards to ${kept.length === 1 ? 'the unguarded step' : `the ${kept.length} unguarded steps`} of this file`, safe: true, edits: kept };
}

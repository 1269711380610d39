// Applies one fix the way the editor would (its edits, the files it creates), re-reads and re-checks the
// migration folder, and says what got worse: new findings at or above the fixed one's severity, a broken
// parse, a changed migration beyond what the fix's title promises, or lines indented unlike the file.
import * as path from 'node:path';
import { readMigrationText, type ReadOptions } from '../../../server/src/engine/engine';
import { runRules } from '../../../server/src/rules';
import { orderedMigrations } from '../../../server/src/rules/schemaHistory';
import type { SafeMigrationsConfig } from '../../../server/src/config/types';
import type { Finding, Fix, FixEdit, Severity } from '../../../server/src/model/finding';
import type { FileModel, Operation } from '../../../server/src/model/migration';
import { indentUnitOf } from '../../../server/src/rules/fixes';

export interface FixSubject {
  /** Where the migration came from, for messages. */
  label: string;
  file: FileModel;
  /** The other migrations of its folder, in any order (context for the rules). */
  folder: FileModel[];
  config: SafeMigrationsConfig;
  read: ReadOptions;
}

const RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

export function applyEdits(text: string, edits: FixEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

export function findingsOf(subject: Pick<FixSubject, 'file' | 'folder' | 'config'>, files: FileModel[] = [subject.file]): Finding[] {
  const paths = new Set(files.map((f) => f.path));
  const all = [...subject.folder.filter((f) => !paths.has(f.path)), ...files];
  return runRules(all, subject.config).filter((f) => paths.has(f.path ?? ''));
}

/** What a fix may change, read from its title: the promise the user accepts. */
interface Promise_ { settings: boolean; validate: boolean; type: boolean; transaction: boolean; moves: boolean }
function promiseOf(fix: Fix): Promise_ {
  const t = fix.title;
  return {
    settings: /lock_timeout|lock_wait_timeout|statement_timeout/i.test(t),
    validate: /validate/i.test(t),
    type: /\b(timestamptz|jsonb|text|bigint|identity|varchar)\b/i.test(t) && /\buse\b|\bchange\b|→/i.test(t),
    transaction: /transaction|own (Prisma )?migration|migration of its own/i.test(t),
    moves: /own (Prisma )?migration|migration of its own|new migration/i.test(t),
  };
}

/** What an operation does to the schema, without how it is written (guards, CONCURRENTLY, NOT VALID, ranges). */
function effect(op: Operation, keepType: boolean): string {
  const spec = op.columnSpec ? { ...op.columnSpec, ...(keepType ? {} : { type: undefined }) } : undefined;
  const cols = op.tableColumns?.map((c) => ({ ...c, ...(keepType ? {} : { type: undefined }) }));
  return JSON.stringify([op.kind, op.table?.toLowerCase(), op.column?.toLowerCase(), op.index?.toLowerCase(), op.constraint?.toLowerCase(), op.newName,
    op.columns, spec, cols, op.references, op.unique, op.expression, op.indexMethod, op.kind === 'setting' ? op.setting : undefined, op.enumValues]);
}

function effects(files: FileModel[], promise: Promise_): { up: string[]; down: string[]; transactional: string[] } {
  const ordered = orderedMigrations(files);
  const keep = (op: Operation) => !(promise.settings && op.kind === 'setting') && !(promise.validate && op.kind === 'validateConstraint')
    && op.kind !== 'transactionControl'
    // The machinery of a MySQL presence check: the prepared statement itself is read as the step it runs.
    && !(op.kind === 'rawSql' && /^\s*(PREPARE|EXECUTE|DEALLOCATE)\b/i.test(op.text));
  return {
    up: ordered.flatMap((e) => e.migration.up.filter(keep).map((op) => effect(op, !promise.type))),
    // A fix that moves a step into a new migration also gives that migration a down (the follow-up's own).
    down: promise.moves ? [] : ordered.flatMap((e) => e.migration.down.filter(keep).map((op) => effect(op, !promise.type))),
    // Only the fixed migration's own handling: a follow-up migration the fix creates has its own.
    transactional: promise.transaction ? [] : ordered.filter((e) => e.file.path === files[0].path).map((e) => String(e.migration.transactional)),
  };
}

/** The effects grouped by the table they touch, each group in run order. */
function perTable(effects: string[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const e of effects) {
    const table = String(JSON.parse(e)[1]);
    groups.set(table, [...(groups.get(table) ?? []), e]);
  }
  return [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0]));
}

function brokenParse(files: FileModel[]): number {
  return files.reduce((n, f) => n + f.problems.filter((p) => p.severity === 'error').length
    + f.migrations.reduce((k, m) => k + [...m.up, ...m.down].filter((op) => op.kind === 'unknown').length, 0), 0);
}

/** Each line the edits add must be indented with the file's own unit (tabs or N spaces). */
function badIndent(before: string, after: string, edits: FixEdit[]): string | undefined {
  const unit = indentUnitOf(before);
  if (!unit) return undefined;
  for (const e of edits) {
    for (const line of e.newText.split('\n').slice(1)) {
      const lead = /^[ \t]*/.exec(line)![0];
      if (!line.trim() || !lead) continue;
      const ok = unit === '\t' ? /^\t+$/.test(lead) : /^ +$/.test(lead) && lead.length % unit.length === 0;
      if (!ok) return `line ${JSON.stringify(line)} is indented with ${JSON.stringify(lead)}; the file indents with ${JSON.stringify(unit)}`;
    }
  }
  return undefined;
}

export interface FixOutcome { problems: string[]; text: string }

/** Applies `fix` (offered on `finding`) to the subject and lists every way it made things worse. */
export function checkFix(subject: FixSubject, finding: Pick<Finding, 'rule' | 'severity'>, fix: Fix, options: { mustResolve?: boolean } = {}): FixOutcome & { after: FileModel[] } {
  const text = subject.file.text!;
  const fixed = applyEdits(text, fix.edits);
  const dir = path.dirname(subject.file.path);
  const created = (fix.createFiles ?? []).map((c) => ({ path: path.resolve(dir, c.path), text: c.text }));
  const sibling = (p: string) => created.find((c) => c.path === p)?.text ?? subject.read.readSibling?.(p);
  const read = (p: string, t: string) => { const m = readMigrationText(p, t, { ...subject.read, readSibling: sibling }); return { ...m, text: m.text ?? t }; };
  const afterFiles = [read(subject.file.path, fixed), ...created.filter((c) => !c.path.endsWith('down.sql')).map((c) => read(c.path, c.text))];
  const problems: string[] = [];

  if (brokenParse(afterFiles) > brokenParse([subject.file])) problems.push('the fixed file no longer parses cleanly');
  const rank = RANK[finding.severity];
  const count = (fs: Finding[]) => {
    const m = new Map<string, number>();
    for (const f of fs) if (RANK[f.severity] >= rank) m.set(f.rule, (m.get(f.rule) ?? 0) + 1);
    return m;
  };
  const before = count(findingsOf(subject));
  const afterFindings = findingsOf(subject, afterFiles);
  for (const [rule, n] of count(afterFindings)) {
    if (n > (before.get(rule) ?? 0)) problems.push(`introduces ${rule} (${n - (before.get(rule) ?? 0)} more at ${finding.severity} or above): ${afterFindings.find((f) => f.rule === rule)!.message}`);
  }
  const stillThere = afterFindings.filter((f) => f.rule === finding.rule && RANK[f.severity] >= rank).length;
  if ((options.mustResolve ?? true) && stillThere >= (before.get(finding.rule) ?? 0)) problems.push(`${finding.rule} is still reported after the fix`);

  const promise = promiseOf(fix);
  const was = effects([subject.file], promise);
  const now = effects(afterFiles, promise);
  // A step moved into a migration of its own runs after the rest: the order may change, but never between steps on one table.
  const sameUp = promise.moves ? JSON.stringify(perTable(was.up)) === JSON.stringify(perTable(now.up)) : JSON.stringify(was.up) === JSON.stringify(now.up);
  if (!sameUp) problems.push(`changes what up does beyond "${fix.title}":\n  before ${was.up.join('\n         ')}\n  after  ${now.up.join('\n         ')}`);
  if (JSON.stringify(was.down) !== JSON.stringify(now.down)) problems.push(`changes what down does beyond "${fix.title}"`);
  if (JSON.stringify(was.transactional) !== JSON.stringify(now.transactional)) problems.push(`changes the transaction handling beyond "${fix.title}"`);
  // A Prisma migration's SQL must keep agreeing with schema.prisma: a type changed only in SQL drifts.
  if (subject.file.orm === 'prisma' && promise.type) problems.push('changes a column type in migration.sql while schema.prisma keeps the old one (drift on the next migrate dev)');
  const indent = badIndent(text, fixed, fix.edits);
  if (indent) problems.push(indent);
  for (const c of created) {
    const unit = indentUnitOf(text);
    const own = indentUnitOf(c.text);
    if (unit && own && unit !== own && !c.path.endsWith('.sql')) problems.push(`created ${path.basename(c.path)} indents with ${JSON.stringify(own)}, the project with ${JSON.stringify(unit)}`);
  }
  return { problems, text: fixed, after: afterFiles };
}

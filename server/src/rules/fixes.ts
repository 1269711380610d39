// Mechanical text edits on an operation's SQL, located through the file text (never guessed).
import type { Fix, FixEdit } from '../model/finding';
import type { Operation } from '../model/migration';
import type { RuleContext } from './rule';

/** The op's SQL as it stands in the file, when it can be edited precisely. */
export function editableSql(ctx: RuleContext, op: Operation): { text: string; start: number } | undefined {
  if (op.via !== 'sql' || ctx.text === undefined) return undefined;
  const { start, end } = op.offset;
  if (end <= start || end > ctx.text.length) return undefined;
  return { text: ctx.text.slice(start, end), start };
}

/** Whether the op's SQL starts its own statement (not the second action of a multi-action ALTER TABLE). */
export function startsStatement(ctx: RuleContext, op: Operation): boolean {
  if (!editableSql(ctx, op)) return false;
  const sinceLast = ctx.text!.slice(ctx.text!.lastIndexOf(';', op.offset.start - 1) + 1, op.offset.start);
  return /^(\s|--[^\n]*(\n|$)|\/\*[\s\S]*?\*\/)*$/.test(sinceLast);
}

/** An edit inserting `insert` right after the first match of `after` in the op's SQL. */
export function insertAfter(ctx: RuleContext, op: Operation, after: RegExp, insert: string): FixEdit | undefined {
  const sql = editableSql(ctx, op);
  if (!sql) return undefined;
  const m = after.exec(sql.text);
  if (!m) return undefined;
  const at = sql.start + m.index + m[0].length;
  return { start: at, end: at, newText: insert };
}

/** An edit replacing the first match of `pattern` in the op's SQL. */
export function replaceIn(ctx: RuleContext, op: Operation, pattern: RegExp, replacement: string): FixEdit | undefined {
  const sql = editableSql(ctx, op);
  if (!sql) return undefined;
  const m = pattern.exec(sql.text);
  if (!m) return undefined;
  return { start: sql.start + m.index, end: sql.start + m.index + m[0].length, newText: replacement };
}

/** An edit at the end of the op's SQL (before a trailing semicolon). */
export function appendToStatement(ctx: RuleContext, op: Operation, insert: string): FixEdit | undefined {
  const sql = editableSql(ctx, op);
  if (!sql) return undefined;
  const body = sql.text.replace(/[\s;]+$/, '');
  const at = sql.start + body.length;
  return { start: at, end: at, newText: insert };
}

/**
 * TypeORM honours a class's `transaction = false` only under migrationsTransactionMode 'each' or 'none'; under 'all'
 * (its default, also when no DataSource was found) it refuses to run the migration. The reader states the mode it found.
 */
export function typeormAllowsTransactionOverride(ctx: RuleContext): boolean {
  return ctx.orm === 'typeorm' && /migrationsTransactionMode '(each|none)'/.test(ctx.migration.transactionalReason ?? '');
}

/** `public transaction = false;` after the TypeORM class's opening brace (indented like the file), unless already there or the project's mode forbids it. */
export function typeormTransactionFalse(ctx: RuleContext): FixEdit | undefined {
  if (ctx.orm !== 'typeorm' || ctx.text === undefined || !typeormAllowsTransactionOverride(ctx)) return undefined;
  const { start, end } = ctx.offsetsOf(ctx.migration.range);
  const cls = ctx.text.slice(start, end || undefined);
  if (/\btransaction\s*=\s*false\b/.test(cls)) return undefined;
  const m = /\bclass\b[^{]*\{/.exec(cls);
  if (!m) return undefined;
  const at = start + m.index + m[0].length;
  const member = lineIndentAt(ctx.text, start + m.index) + (indentUnitOf(ctx.text) ?? '  ');
  return { start: at, end: at, newText: `\n${member}public transaction = false;\n` };
}

/** The steps of a phase that do something (settings and BEGIN/COMMIT aside). */
const stepsCache = new WeakMap<Operation[], Operation[]>();
export function stepsOf(ctx: RuleContext): Operation[] {
  // Asked once per finding: computed once per phase (a 2,000-statement file would otherwise go quadratic).
  let steps = stepsCache.get(ctx.ops);
  if (!steps) { steps = ctx.ops.filter((o) => o.kind !== 'setting' && o.kind !== 'transactionControl'); stepsCache.set(ctx.ops, steps); }
  return steps;
}

/** The file's indentation step: a tab, or the most common increase between indented lines; undefined when nothing is indented. */
export function indentUnitOf(text: string): string | undefined {
  let tabs = 0;
  let previous = 0;
  const steps = new Map<number, number>();
  for (const line of text.split('\n')) {
    // Blank lines and the ` * ` of block comments say nothing about the step.
    if (!line.trim() || /^\s*\*/.test(line)) continue;
    const lead = /^[ \t]*/.exec(line)![0];
    if (lead.startsWith('\t')) { tabs++; continue; }
    if (lead.length > previous) steps.set(lead.length - previous, (steps.get(lead.length - previous) ?? 0) + 1);
    previous = lead.length;
  }
  const spaces = [...steps.values()].reduce((a, b) => a + b, 0);
  if (tabs > spaces) return '\t';
  const best = [...steps.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  return best ? ' '.repeat(best[0]) : undefined;
}

/** The indentation of the line `offset` is on. */
export function lineIndentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))![0];
}

export function fix(title: string, safe: boolean, ...edits: (FixEdit | undefined)[]): Fix[] {
  if (!edits.length || edits.some((e) => e === undefined)) return [];
  return [{ title, safe, edits: edits as FixEdit[] }];
}

/**
 * Adding CONCURRENTLY (`edit`) is only safe where the statement then runs outside a transaction and alone:
 * a statement already outside one; a TypeORM migration whose only step it is and whose project mode lets it set
 * `transaction = false`; a Prisma step moved into a migration of its own. Elsewhere no fix is offered.
 */
export function concurrentlyFixes(ctx: RuleContext, op: Operation, edit: FixEdit | undefined, title: string): Fix[] {
  // CONCURRENTLY with IF NOT EXISTS would skip a re-run over an INVALID leftover index.
  if (!edit || (op.kind === 'createIndex' && op.ifNotExists)) return [];
  const alone = stepsOf(ctx).length === 1;
  if (ctx.orm === 'prisma') {
    if (alone && ctx.migration.transactional === false) return fix(title, false, edit);
    if (ctx.phase !== 'up') return [];
    const sql = editableSql(ctx, op)!;
    const local = { start: edit.start - sql.start, text: edit.newText };
    const moved = sql.text.slice(0, local.start) + local.text + sql.text.slice(local.start);
    return prismaMoveToOwnMigration(ctx, op, `${op.index ?? 'index'}_concurrently`, moved, `${title} in a Prisma migration of its own`);
  }
  if (!ctx.inTransaction(op) && (alone || ctx.orm === 'sequelize')) return fix(title, false, edit);
  if (ctx.orm === 'typeorm' && ctx.phase === 'up' && alone && !ctx.inExplicitTransaction(op)) {
    const tx = typeormTransactionFalse(ctx);
    return tx ? fix(`${title} and set transaction = false`, false, edit, tx) : [];
  }
  return [];
}

/** Prisma: move one statement out of a multi-statement migration.sql into a new migration folder right after it. */
export function prismaMoveToOwnMigration(ctx: RuleContext, op: Operation, suffix: string, text?: string, title = 'Move it to its own Prisma migration (runs outside a transaction)'): Fix[] {
  const sql = editableSql(ctx, op);
  const ts = ctx.migration.timestamp;
  const next = ts ? nextTimestamp(ts) : undefined;
  if (ctx.orm !== 'prisma' || !sql || !next || !startsStatement(ctx, op)) return [];
  // Moved, it runs after the statements below it: only when none of them touches its table.
  const later = ctx.ops.slice(ctx.ops.indexOf(op) + 1);
  if (!op.table || later.some((o) => !o.table || o.table.toLowerCase() === op.table!.toLowerCase())) return [];
  // Remove the statement with its semicolon and the line break after it.
  const rest = ctx.text!.slice(op.offset.end);
  const tail = /^\s*;?[ \t]*(\r?\n)?/.exec(rest)![0].length;
  return [{
    title, safe: false,
    edits: [{ start: op.offset.start, end: op.offset.end + tail, newText: '' }],
    createFiles: [{ path: `../${next}_${suffix}/migration.sql`, text: `${(text ?? sql.text).trim().replace(/;$/, '')};\n` }],
  }];
}

/** The migration timestamp one step later: +1 ms (TypeORM, 13 digits) or +1 s (YYYYMMDDHHmmss). */
function nextTimestamp(ts: string): string | undefined {
  if (/^\d{13}$/.test(ts)) return String(Number(ts) + 1);
  if (!/^\d{14}$/.test(ts)) return undefined;
  const d = new Date(Date.UTC(+ts.slice(0, 4), +ts.slice(4, 6) - 1, +ts.slice(6, 8), +ts.slice(8, 10), +ts.slice(10, 12), +ts.slice(12, 14) + 1));
  return d.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

const pascal = (s: string) => s.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');

/**
 * A migration file right after this one, in the same ORM and naming scheme, running `up` (and `down`) SQL.
 * Paths are relative to the checked file's folder. Undefined when the naming scheme is not recognised.
 */
export function followUpMigration(ctx: RuleContext, slug: string, up: string, down: string): { path: string; text: string } | undefined {
  const file = ctx.file.path.replace(/\\/g, '/').split('/').pop() ?? '';
  const ts = ctx.migration.timestamp ?? /^(\d{13,14})/.exec(file)?.[1];
  const next = ts ? nextTimestamp(ts) : undefined;
  if (!next) return undefined;
  const q = (sql: string) => '`' + sql.replace(/[`\\$]/g, (c) => '\\' + c) + '`';
  switch (ctx.orm) {
    case 'prisma': return { path: `../${next}_${slug}/migration.sql`, text: `${up}\n` };
    case 'typeorm': {
      const cls = `${pascal(slug)}${next}`;
      return { path: `${next}-${pascal(slug)}.ts`, text: `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${cls} implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(${q(up)});\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(${q(down)});\n  }\n}\n` };
    }
    case 'sequelize': return { path: `${next}-${slug.replace(/_/g, '-')}.js`, text: `'use strict';\n\nmodule.exports = {\n  async up(queryInterface) {\n    await queryInterface.sequelize.query(${q(up)});\n  },\n\n  async down(queryInterface) {\n    await queryInterface.sequelize.query(${q(down)});\n  },\n};\n` };
    default: {
      const sections = /--\s*migrate:up/i.test(ctx.text ?? '');
      return { path: `${next}_${slug}.sql`, text: sections ? `-- migrate:up\n${up}\n\n-- migrate:down\n${down}\n` : `${up}\n` };
    }
  }
}

/**
 * An edit running `sql` first thing in the up method of a TypeORM or Sequelize migration, through the method's own
 * first parameter (queryRunner.query / queryInterface.sequelize.query). Undefined when the shape is not plain.
 */
export function prependToUp(ctx: RuleContext, sql: string): FixEdit | undefined {
  const m = ctx.migration;
  if (!m.upRange || ctx.text === undefined || (ctx.orm !== 'typeorm' && ctx.orm !== 'sequelize')) return undefined;
  const { start, end } = ctx.offsetsOf(m.upRange);
  const body = ctx.text.slice(start, end);
  const sig = /^[^{(]*?\(\s*([A-Za-z_$][\w$]*)[^)]*\)[^{]*\{/.exec(body);
  if (!sig) return undefined;
  const param = sig[1];
  const at = start + sig[0].length;
  // Indent like the body's first statement; an empty body gets the method's indent plus the file's step.
  const firstLine = /\n([ \t]*)[^\s}]/.exec(ctx.text.slice(at, end));
  const indent = firstLine?.[1] ?? lineIndentAt(ctx.text, start) + (indentUnitOf(ctx.text) ?? '  ');
  const call = ctx.orm === 'typeorm' ? `${param}.query` : `${param}.sequelize.query`;
  return { start: at, end: at, newText: `\n${indent}await ${call}(${JSON.stringify(sql)});` };
}

/** Sequelize addIndex/removeIndex call: add `concurrently: true` to its options (creating them when absent). */
export function sequelizeConcurrently(ctx: RuleContext, op: Operation): FixEdit | undefined {
  if (ctx.orm !== 'sequelize' || op.via !== 'api' || ctx.text === undefined) return undefined;
  const call = ctx.text.slice(op.offset.start, op.offset.end);
  const withOptions = /(add|remove)Index\s*\(\s*(['"`])[^'"`]+\2\s*,\s*(\[[^\]]*\]|(['"`])[^'"`]+\4)\s*,\s*\{/.exec(call);
  if (withOptions) {
    const at = op.offset.start + withOptions.index + withOptions[0].length;
    return { start: at, end: at, newText: ' concurrently: true,' };
  }
  const bare = /(add|remove)Index\s*\(\s*(['"`])[^'"`]+\2\s*,\s*(\[[^\]]*\]|(['"`])[^'"`]+\4)\s*\)\s*$/.exec(call);
  if (!bare) return undefined;
  const at = op.offset.start + call.lastIndexOf(')');
  return { start: at, end: at, newText: ', { concurrently: true }' };
}

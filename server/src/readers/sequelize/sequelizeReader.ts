import ts from 'typescript';
import { undeclaredOrmReferences } from '../ts/undeclaredNames';
import type { Migration, Operation, Problem } from '../../model/migration';
import type { ReadContext, ReaderResult } from '../types';
import { collectConstants, type EvaluateContext } from '../ts/evaluateString';
import { parseSourceFile } from '../ts/parseSourceFile';
import { unwrap } from '../ts/objectLiteral';
import type { BodyContext } from './bodyContext';
import { findMigrationFunctions, type MigrationFunction } from './findMigrationFunctions';
import { fileHelpers, readMigrationBody } from './readMigrationBody';

const SEQUELIZE_HINTS = /\bqueryInterface\b|getQueryInterface\s*\(|\bSequelize\.DataTypes\b|\bDataTypes\.[A-Z]|require\(\s*['"]sequelize['"]\s*\)|from\s+['"]sequelize['"]|sequelize-cli|MigrationFn\s*<\s*QueryInterface|\(\s*\{\s*context\s*[:}]/;

/** Cheap content test used before parsing: does this file look like a Sequelize or umzug migration? */
export function looksLikeSequelize(text: string): boolean {
  return SEQUELIZE_HINTS.test(text);
}

/** Reads one sequelize-cli / umzug migration file into the model. Never throws. */
export function readSequelizeFile(ctx: ReadContext): ReaderResult {
  const problems: Problem[] = [];
  try {
    return read(ctx, problems);
  } catch (err) {
    problems.push({
      message: `The Sequelize reader failed on this file: ${err instanceof Error ? err.message : String(err)}`,
      range: ctx.lines.range(0, 0),
      severity: 'warning',
      code: 'reader-error',
    });
    return { migrations: [], problems };
  }
}

function read(ctx: ReadContext, problems: Problem[]): ReaderResult {
  const { sourceFile: sf, syntaxErrors } = parseSourceFile(ctx.path, ctx.text);
  const syntax = syntaxErrors ? { syntaxErrors } : {};
  const found = findMigrationFunctions(sf);
  if (!found.up && !found.down) {
    problems.push({
      message: found.unreadable.length
        ? `up/down are exported but are not functions this reader can follow (${found.unreadable.join(', ')}).`
        : 'No Sequelize migration found: expected up/down in module.exports, exports, or ES module exports.',
      range: ctx.lines.range(0, 0),
      severity: 'info',
      code: 'no-migration-found',
    });
    return { migrations: [], problems, ...syntax };
  }
  const ev: EvaluateContext = { sourceFile: sf, constants: collectConstants(sf) };
  const dialect = ctx.dialect.dialect;
  const helpers = fileHelpers(sf, [found.up?.fn, found.down?.fn].filter((f): f is NonNullable<typeof f> => !!f));
  const version = ctx.project?.orms.find(o => o.orm === 'sequelize')?.version;
  const major = version ? Number(/\d+/.exec(version)?.[0]) : NaN;
  let learned: BodyContext['learnedDialect'];
  const usesCls = /\buseCLS\s*\(/.test(ctx.text);
  const readPhase = (fn: MigrationFunction | undefined): Operation[] => {
    if (!fn) return [];
    const bc: BodyContext = {
      sf, lines: ctx.lines, dialect, ev, fn,
      queryInterfaceNames: new Set(fn.queryInterfaceNames),
      sequelizeNames: new Set(),
      transactionNames: new Set(),
      probeNames: new Set(),
      probeCache: new Map(),
      earlyExitEnd: new Map(),
      helpers,
      optionGuards: !(major < 7),
      usesCls,
      problems,
    };
    const ops = readMigrationBody(bc);
    learned ??= bc.learnedDialect;
    return ops;
  };
  for (const name of found.unreadable.filter(n => !found[n as 'up' | 'down'])) {
    problems.push({
      message: `\`${name}\` is exported but is not a function this reader can follow (imported or computed); its operations are not checked.`,
      range: ctx.lines.range(0, 0),
      severity: 'info',
      code: 'unreadable-export',
    });
  }
  const up = readPhase(found.up);
  const down = readPhase(found.down);
  const name = baseName(ctx.path);
  const rangeOf = (n: ts.Node): Migration['range'] => ctx.lines.range(n.getStart(sf), n.getEnd());
  const migration: Migration = {
    name,
    orm: 'sequelize',
    dialect: learned ?? dialect,
    ...transactionality(up),
    up,
    down,
    // A down we cannot follow (imported, computed) still exists: do not report it missing.
    hasDown: found.down ? hasBody(found.down) : found.unreadable.includes('down'),
    range: found.container ? rangeOf(found.container) : ctx.lines.range(0, ctx.text.length),
  };
  if (found.head) migration.nameRange = ctx.lines.range(found.head.start, found.head.end);
  // A down with its own (or no) transaction: say so when it differs from up.
  const downTx = transactionality(down);
  if (down.length && downTx.transactional !== migration.transactional) migration.downTransactional = downTx.transactional;
  if (found.down && downThrows(found.down)) migration.downThrows = true;
  const undeclared = (['up', 'down'] as const).flatMap((phase) => (found[phase] ? undeclaredOrmReferences(found[phase]!.fn, sf) : [])
    .map((r) => ({ phase, name: r.name, range: ctx.lines.range(r.start, r.end), offset: { start: r.start, end: r.end } })));
  if (undeclared.length) migration.undeclared = undeclared;
  if (found.up) migration.upRange = rangeOf(found.up.rangeNode);
  if (found.down) migration.downRange = rangeOf(found.down.rangeNode);
  const timestamp = timestampOf(name);
  if (timestamp) migration.timestamp = timestamp;
  const result: ReaderResult = { migrations: [migration], problems, ...syntax };
  if (learned && dialect === 'unknown') result.dialect = { dialect: learned, source: 'content', reason: 'dialect-specific SQL in sequelize.query()' };
  else if (dialect === 'unknown') {
    const hint = postgresOnlyApi([...up, ...down]);
    if (hint) {
      result.dialect = { dialect: 'postgres', source: 'content', reason: hint };
      migration.dialect = 'postgres';
    }
  }
  return result;
}

/** Sequelize CLI and umzug never wrap a migration: it is transactional only if it opens a transaction around everything it does. */
function transactionality(ops: Operation[]): Pick<Migration, 'transactional' | 'transactionalReason'> {
  const work = ops.filter(o => o.kind !== 'transactionControl');
  const inside = work.filter(o => o.inTransaction).length;
  if (work.length > 0 && inside === work.length) {
    return { transactional: true, transactionalReason: 'Every operation in up runs inside a transaction the migration opens itself (sequelize.transaction).' };
  }
  if (inside > 0) {
    return { transactional: false, transactionalReason: `Sequelize does not wrap migrations in a transaction, and ${work.length - inside} of ${work.length} operations in up run outside the transaction the migration opens.` };
  }
  return { transactional: false, transactionalReason: 'Sequelize CLI and umzug run migrations without a transaction, and this migration does not open one.' };
}

/** A down that is empty or only `return;` / `return Promise.resolve()` does nothing. */
function hasBody(fn: MigrationFunction): boolean {
  const body = fn.fn.body;
  if (!body) return false;
  if (!ts.isBlock(body)) return !isNothing(body);
  return body.statements.some(st => !ts.isEmptyStatement(st) && !(ts.isReturnStatement(st) && (!st.expression || isNothing(st.expression))));
}

function isNothing(e: ts.Expression): boolean {
  const u = unwrap(e);
  if (ts.isIdentifier(u) && u.text === 'undefined') return true;
  if (ts.isVoidExpression(u) || u.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isCallExpression(u) && ts.isPropertyAccessExpression(u.expression) && u.expression.name.text === 'resolve'
    && ts.isIdentifier(u.expression.expression) && u.expression.expression.text === 'Promise') return u.arguments.length === 0;
  return ts.isObjectLiteralExpression(u) && u.properties.length === 0;
}

/** `down() { throw new Error('irreversible') }`, `down: () => Promise.reject(new Error(…))`. */
function downThrows(fn: MigrationFunction): boolean {
  const body = fn.fn.body;
  if (!body) return false;
  const rejects = (e: ts.Expression): boolean => {
    const u = unwrap(e);
    return ts.isCallExpression(u) && ts.isPropertyAccessExpression(u.expression) && u.expression.name.text === 'reject'
      && ts.isIdentifier(u.expression.expression) && u.expression.expression.text === 'Promise';
  };
  if (!ts.isBlock(body)) return rejects(body);
  const first = body.statements.find(s => !ts.isEmptyStatement(s));
  if (!first) return false;
  if (ts.isThrowStatement(first)) return true;
  return ts.isReturnStatement(first) && !!first.expression && rejects(first.expression);
}

function baseName(path: string): string {
  const file = path.split(/[\\/]/).pop() ?? path;
  return file.replace(/\.(d\.)?[cm]?[jt]sx?$/i, '') || file;
}

/** sequelize-cli `20240101120000-name`, umzug `2024.01.01T12.00.00.name`, or any long numeric prefix. */
function timestampOf(name: string): string | undefined {
  return /^(\d{14})(?=[-_.]|$)/.exec(name)?.[1]
    ?? /^(\d{4}\.\d{2}\.\d{2}T\d{2}\.\d{2}\.\d{2})(?=\.)/.exec(name)?.[1]
    ?? /^(\d{8,17})(?=[-_.])/.exec(name)?.[1];
}

const POSTGRES_ONLY_TYPES = /^(jsonb|citext|hstore|tsvector|range\b)|\[\]$/;

/** Data types and options only the PostgreSQL dialect of Sequelize accepts. */
function postgresOnlyApi(ops: Operation[]): string | undefined {
  for (const o of ops) {
    if (o.via !== 'api') continue;
    const types = [o.columnSpec, ...(o.tableColumns ?? [])].map(c => c?.type).filter((t): t is string => !!t);
    const t = types.find(x => POSTGRES_ONLY_TYPES.test(x));
    if (t) return `PostgreSQL-only data type ${t} in ${o.details?.call ?? o.kind}`;
    if (o.kind === 'createIndex' && o.concurrently) return 'addIndex with concurrently: true (PostgreSQL only)';
  }
  return undefined;
}

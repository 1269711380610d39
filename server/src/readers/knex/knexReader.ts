// Knex migrations: `exports.up = function (knex) { return knex.schema.createTable(…) }`, ES module
// and TypeScript `export async function up(knex: Knex)`, `exports.config = { transaction: false }`.
// Read statically: the file is parsed, never run.
import * as path from 'node:path';
import ts from 'typescript';
import type { Migration, Operation, Problem } from '../../model/migration';
import type { ReadContext, ReaderResult } from '../types';
import { collectConstants } from '../ts/evaluateString';
import { parseSourceFile } from '../ts/parseSourceFile';
import { booleanLiteral, propertyNameText, propertyValue, unwrap } from '../ts/objectLiteral';
import { findMigrationFunctions, type MigrationFunction } from '../sequelize/findMigrationFunctions';
import { type KnexBody, readKnexBody } from './knexBody';

const KNEX_HINTS = /\bknex\s*\.\s*(?:schema|raw|transaction)\b|\bknex\s*\(\s*['"`]|\bup\s*(?:=|:)\s*(?:async\s*)?(?:function\s*\w*\s*)?\(\s*knex\b|function\s+up\s*\(\s*knex\b|\.schema\s*\.\s*(?:createTable|alterTable|dropTable)\s*\(|from\s+['"]knex['"]|require\(\s*['"]knex['"]\s*\)|import\(\s*['"]knex['"]\s*\)|\bKnex\.(?:Knex|SchemaBuilder|Config)\b|:\s*Knex\s*[),]/;

/** Cheap content test used before parsing: does this file look like a Knex migration? */
export function looksLikeKnex(text: string): boolean {
  return KNEX_HINTS.test(text);
}

/** Reads one Knex migration file into the model. Never throws. */
export function readKnexFile(ctx: ReadContext): ReaderResult {
  const problems: Problem[] = [];
  try {
    return read(ctx, problems);
  } catch (err) {
    problems.push({ code: 'reader-error', severity: 'warning', range: ctx.lines.range(0, 0), message: `The Knex reader failed on this file: ${err instanceof Error ? err.message : String(err)}` });
    return { migrations: [], problems };
  }
}

function read(ctx: ReadContext, problems: Problem[]): ReaderResult {
  const { sourceFile: sf, syntaxErrors } = parseSourceFile(ctx.path, ctx.text);
  const syntax = syntaxErrors ? { syntaxErrors } : {};
  const found = findMigrationFunctions(sf);
  const reassigned = !found.up && !found.down ? exportsReassignment(sf) : undefined;
  const up = found.up ?? reassigned?.up;
  const down = found.down ?? reassigned?.down;
  if (reassigned) {
    problems.push({
      code: 'exports-reassigned', severity: 'warning', range: ctx.lines.range(reassigned.node.getStart(sf), reassigned.node.getEnd()),
      message: '`exports = { up, down }` only rebinds the local name: Node exports an empty object, so Knex finds no up/down in this file. Write `module.exports = { up, down }`. (Its operations are still checked.)',
    });
  }
  if (!up && !down) {
    problems.push({ code: 'no-migration-found', severity: 'info', range: ctx.lines.range(0, 0), message: 'No Knex migration found: expected up/down in module.exports, exports.up, or ES module exports.' });
    return { migrations: [], problems, ...syntax };
  }
  const ev = { sourceFile: sf, constants: collectConstants(sf) };
  let dialect = ctx.dialect.dialect;
  let learned: KnexBody['learnedDialect'];
  const readPhase = (fn: MigrationFunction | undefined): Operation[] => {
    if (!fn?.fn.body) return [];
    const b: KnexBody = { sf, lines: ctx.lines, dialect, ev, fn: fn.fn, knexNames: new Set(['knex', ...fn.queryInterfaceNames]), problems };
    const ops = readKnexBody(fn.fn.body, b);
    if (b.learnedDialect) { learned ??= b.learnedDialect; dialect = b.learnedDialect; }
    return ops;
  };
  const upOps = readPhase(up);
  const downOps = readPhase(down);
  const name = path.basename(ctx.path).replace(/\.(d\.)?[cm]?[jt]sx?$/i, '');
  const rangeOf = (n: ts.Node) => ctx.lines.range(n.getStart(sf), n.getEnd());
  const migration: Migration = {
    name,
    orm: 'knex',
    dialect,
    ...transactionality(configTransaction(sf), ctx),
    up: upOps,
    down: downOps,
    hasDown: !!down && hasStatements(down),
    range: found.container ? rangeOf(found.container) : ctx.lines.range(0, ctx.text.length),
  };
  if (found.head) migration.nameRange = ctx.lines.range(found.head.start, found.head.end);
  if (up) migration.upRange = rangeOf(up.rangeNode);
  if (down) migration.downRange = rangeOf(down.rangeNode);
  if (down && firstStatementThrows(down)) migration.downThrows = true;
  const stamp = /^(\d{8,17})(?=[_-])/.exec(name)?.[1];
  if (stamp) migration.timestamp = stamp;
  const result: ReaderResult = { migrations: [migration], problems, ...syntax };
  if (learned && ctx.dialect.dialect === 'unknown') result.dialect = { dialect: learned, source: 'content', reason: 'dialect-specific SQL in knex.raw()' };
  return result;
}

/**
 * Knex runs each migration in a transaction unless the migration exports `config = { transaction: false }`
 * or the knexfile sets `migrations.disableTransactions`.
 */
function transactionality(own: boolean | undefined, ctx: ReadContext): Pick<Migration, 'transactional' | 'transactionalReason'> {
  if (own === false) return { transactional: false, transactionalReason: 'The migration exports config = { transaction: false }: Knex runs it without a transaction.' };
  const disabled = ctx.project?.knex?.disableTransactions;
  if (own === true) return { transactional: true, transactionalReason: 'The migration exports config = { transaction: true }: Knex runs it in a transaction.' };
  if (disabled) return { transactional: false, transactionalReason: `${ctx.project?.knex?.configFile ? path.basename(ctx.project.knex.configFile) : 'The knexfile'} sets migrations.disableTransactions: Knex runs migrations without a transaction.` };
  return { transactional: true, transactionalReason: 'Knex runs each migration in its own transaction (no config = { transaction: false } in the file, no disableTransactions in the knexfile).' };
}

/** `exports.config = { transaction: false }` / `export const config = { transaction: false }`. */
function configTransaction(sf: ts.SourceFile): boolean | undefined {
  for (const st of sf.statements) {
    let value: ts.Expression | undefined;
    if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = unwrap(st.expression.left);
      if (ts.isPropertyAccessExpression(left) && left.name.text === 'config' && /^(?:module\.)?exports$/.test(left.expression.getText(sf))) value = st.expression.right;
      if (ts.isPropertyAccessExpression(left) && left.name.text === 'exports' && left.expression.getText(sf) === 'module') {
        const obj = unwrap(st.expression.right);
        if (ts.isObjectLiteralExpression(obj)) value = propertyValue(obj, 'config');
      }
    } else if (ts.isVariableStatement(st) && st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === 'config') value = d.initializer;
    }
    const obj = value && unwrap(value);
    if (obj && ts.isObjectLiteralExpression(obj)) {
      const t = booleanLiteral(propertyValue(obj, 'transaction'));
      if (t !== undefined) return t;
    }
  }
  return undefined;
}

/** `exports = { up, down }` (a bug: it exports nothing), resolved to the file's own functions. */
function exportsReassignment(sf: ts.SourceFile): { up?: MigrationFunction; down?: MigrationFunction; node: ts.Node } | undefined {
  const locals = new Map<string, ts.FunctionLikeDeclaration>();
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name && st.body) locals.set(st.name.text, st);
    if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) {
      const init = d.initializer && unwrap(d.initializer);
      if (ts.isIdentifier(d.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) locals.set(d.name.text, init);
    }
  }
  for (const st of sf.statements) {
    if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression) || st.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const left = unwrap(st.expression.left);
    const right = unwrap(st.expression.right);
    if (!ts.isIdentifier(left) || left.text !== 'exports' || !ts.isObjectLiteralExpression(right)) continue;
    const out: { up?: MigrationFunction; down?: MigrationFunction; node: ts.Node } = { node: st };
    for (const p of right.properties) {
      const key = propertyNameText(p.name as ts.PropertyName | undefined);
      if (key !== 'up' && key !== 'down') continue;
      const ref = ts.isShorthandPropertyAssignment(p) ? p.name : ts.isPropertyAssignment(p) ? unwrap(p.initializer) : undefined;
      const fn = ref && ts.isIdentifier(ref) ? locals.get(ref.text) : ref && (ts.isArrowFunction(ref) || ts.isFunctionExpression(ref)) ? ref : undefined;
      if (!fn) continue;
      const first = fn.parameters[0]?.name;
      out[key] = { fn: fn as MigrationFunction['fn'], rangeNode: fn, queryInterfaceNames: first && ts.isIdentifier(first) ? [first.text] : [] };
    }
    if (out.up || out.down) return out;
  }
  return undefined;
}

/** A down that is empty or only `return;` / `return Promise.resolve()` does nothing. */
function hasStatements(fn: MigrationFunction): boolean {
  const body = fn.fn.body;
  if (!body) return false;
  if (!ts.isBlock(body)) return true;
  return body.statements.some((st) => !ts.isEmptyStatement(st) && !(ts.isReturnStatement(st) && (!st.expression || /^Promise\.resolve\(\s*\)$/.test(st.expression.getText()))));
}

function firstStatementThrows(fn: MigrationFunction): boolean {
  const body = fn.fn.body;
  if (!body || !ts.isBlock(body)) return false;
  const first = body.statements.find((s) => !ts.isEmptyStatement(s));
  return !!first && (ts.isThrowStatement(first) || (ts.isReturnStatement(first) && !!first.expression && /^Promise\.reject\(/.test(first.expression.getText())));
}

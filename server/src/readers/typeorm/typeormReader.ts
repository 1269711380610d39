import * as path from 'node:path';
import ts from 'typescript';
import { undeclaredOrmReferences } from '../ts/undeclaredNames';
import type { Migration, Problem } from '../../model/migration';
import { collectConstants } from '../ts/evaluateString';
import { booleanLiteral, unwrap } from '../ts/objectLiteral';
import { parseSourceFile } from '../ts/parseSourceFile';
import type { ReadContext, ReaderResult } from '../types';
import { findMigrationClasses, type MigrationClass } from './findMigrationClasses';
import { methodOperations } from './methodOperations';
import { classMember, nodeSpan, problemAt, type TypeormReadState } from './readState';
import { str } from './tableOptions';
import { transactionFacts } from './transactionMode';

/** Cheap content test for files outside a detected project. */
export function looksLikeTypeorm(text: string): boolean {
  // n8n-style context objects: `up({ queryRunner, tablePrefix })`, `up({ escape, runQuery })`.
  return /\bMigrationInterface\b|\bQueryRunner\b|\bqueryRunner\s*\.|\.prototype\.up\s*=\s*function\s*\(\s*queryRunner\b|from ['"](?:@n8n\/)?typeorm['"]|require\(['"](?:@n8n\/)?typeorm['"]\)|\bup\s*\(\s*\{[^}]*\b(?:queryRunner|runQuery|schemaBuilder)\b|\bMigrationContext\b/.test(text);
}

/** Reads a TypeORM migration file (TS source or tsc's CommonJS output) into the model. Never throws. */
export function readTypeormFile(ctx: ReadContext): ReaderResult {
  const problems: Problem[] = [];
  try {
    const { sourceFile, syntaxErrors } = parseSourceFile(ctx.path, ctx.text);
    const state: TypeormReadState = {
      ctx, sourceFile, problems, dialect: ctx.dialect.dialect, classProperties: new Map(),
      helpers: { methods: new Map(), functions: fileFunctions(sourceFile) },
      evaluate: { sourceFile, constants: collectConstants(sourceFile) },
    };
    state.evaluate.resolveExpression = (expr) => ts.isPropertyAccessExpression(expr) ? classMember(state, expr) : undefined;

    const classes = findMigrationClasses(sourceFile);
    if (classes.length === 0) {
      problems.push({
        code: 'no-migration-found', severity: 'info', range: ctx.lines.range(0, 0),
        message: 'No TypeORM migration class found (a class implementing MigrationInterface, or with up(queryRunner) and down(queryRunner) methods).',
      });
    }
    const migrations: Migration[] = [];
    for (const c of classes) {
      try {
        migrations.push(readMigration(state, c));
      } catch (e) {
        problems.push(problemAt(state, c.node, 'reader-error', 'error', `Could not read migration ${c.className} (internal error: ${(e as Error).message}).`));
      }
    }
    for (const m of migrations) if (m.dialect === 'unknown') m.dialect = state.dialect;
    const dialect = state.learnedDialect
      ? { dialect: state.learnedDialect, source: 'content' as const, reason: 'recognised from the SQL in queryRunner.query(…)' }
      : undefined;
    return { migrations, problems, dialect, ...(syntaxErrors ? { syntaxErrors } : {}) };
  } catch (e) {
    problems.push({
      code: 'reader-error', severity: 'error', range: ctx.lines.range(0, 0),
      message: `Safe Migrations could not read this TypeORM migration (internal error: ${(e as Error).message}).`,
    });
    return { migrations: [], problems };
  }
}

function readMigration(state: TypeormReadState, c: MigrationClass): Migration {
  state.classProperties = c.properties;
  state.classStatics = { className: c.className, properties: c.staticProperties };
  state.helpers.methods = c.methods;
  const nameProperty = str(state, c.properties.get('name'));
  const name = nameProperty ?? c.className;
  const transactionProperty = booleanLiteral(c.properties.get('transaction'));
  const tx = transactionFacts(state.ctx.project, state.ctx.path, transactionProperty);
  if (tx.forbiddenOverride) {
    const prop = c.properties.get('transaction')!;
    state.problems.push(problemAt(state, prop.parent ?? prop, 'typeorm-transaction-override', 'warning',
      `${c.className} sets transaction = ${transactionProperty}, but migrationsTransactionMode is 'all': TypeORM refuses to run it. Use 'each' in the DataSource.`));
  }
  const up = c.up ? methodOperations(state, c.up) : [];
  const down = c.down ? methodOperations(state, c.down) : [];
  const downStatements = c.down ? effectiveStatements(c.down) : [];
  const migration: Migration = {
    name,
    orm: 'typeorm',
    dialect: state.dialect,
    transactional: tx.transactional,
    transactionalReason: tx.reason,
    up,
    down,
    hasDown: downStatements.length > 0,
    range: nodeSpan(state, c.node).range,
  };
  if (c.nameNode) migration.nameRange = nodeSpan(state, c.nameNode).range;
  if (tx.downTransactional !== tx.transactional) migration.downTransactional = tx.downTransactional;
  // A down that only throws, or a class declared irreversible: the author's explicit "no way back" marker.
  if ((downStatements.length > 0 && downStatements.every((s) => ts.isThrowStatement(s))) || (!c.down && c.declaredIrreversible)) migration.downThrows = true;
  const undeclared = (['up', 'down'] as const).flatMap((phase) => (c[phase] ? undeclaredOrmReferences(c[phase]!, state.sourceFile) : [])
    .map((r) => ({ phase, name: r.name, range: state.ctx.lines.range(r.start, r.end), offset: { start: r.start, end: r.end } })));
  if (undeclared.length) migration.undeclared = undeclared;
  if (c.up) migration.upRange = nodeSpan(state, c.up).range;
  if (c.down) migration.downRange = nodeSpan(state, c.down).range;
  const timestamp = timestampOf(c.className) ?? (nameProperty && timestampOf(nameProperty)) ?? /^(\d{10,})[-_.]/.exec(path.basename(state.ctx.path))?.[1];
  if (timestamp) migration.timestamp = timestamp;
  return migration;
}

/** Top-level `function f(…)` and `const f = (…) => …` of the file: helpers migrations call with the runner. */
function fileFunctions(sourceFile: ts.SourceFile): Map<string, ts.FunctionLikeDeclaration> {
  const functions = new Map<string, ts.FunctionLikeDeclaration>();
  for (const st of sourceFile.statements) {
    if (ts.isFunctionDeclaration(st) && st.name && st.body) functions.set(st.name.text, st);
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer && unwrap(d.initializer);
        if (ts.isIdentifier(d.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) functions.set(d.name.text, init);
      }
    }
  }
  return functions;
}

/** TypeORM reads the timestamp from the last 13 digits of the class name (`AddUsers1700000000000`). */
function timestampOf(name: string): string | undefined {
  return /(\d{13})$/.exec(name)?.[1];
}

/**
 * Statements of a method that do something: looks through tsc's `__awaiter(…, function* () {…})`
 * and `__generator(this, function (_a) {…})` wrappers and ignores the generator's bookkeeping
 * (`return [2 /*return*\/]`, `_a.sent()`), so an empty compiled down() counts as empty.
 */
function effectiveStatements(fn: ts.FunctionLikeDeclaration): ts.Statement[] {
  let body = fn.body;
  if (!body) return [];
  if (!ts.isBlock(body)) return [ts.factory.createExpressionStatement(body as ts.Expression)];
  for (let depth = 0; depth < 3; depth++) {
    const inner = wrappedBody(body);
    if (!inner) break;
    body = inner;
  }
  return (body as ts.Block).statements.filter((s) => !isBookkeeping(s));
}

function wrappedBody(block: ts.Block): ts.Block | undefined {
  if (block.statements.length !== 1) return undefined;
  const only = block.statements[0];
  const expr = ts.isReturnStatement(only) ? only.expression : undefined;
  if (!expr || !ts.isCallExpression(expr)) return undefined;
  const callee = unwrap(expr.expression);
  if (!ts.isIdentifier(callee) || !/^(__awaiter|__generator)$/.test(callee.text)) return undefined;
  const fn = expr.arguments[expr.arguments.length - 1];
  return fn && (ts.isFunctionExpression(fn) || ts.isArrowFunction(fn)) && ts.isBlock(fn.body) ? fn.body : undefined;
}

function isBookkeeping(s: ts.Statement): boolean {
  if (ts.isEmptyStatement(s)) return true;
  if (ts.isReturnStatement(s)) {
    const e = s.expression && unwrap(s.expression);
    return !e || (ts.isArrayLiteralExpression(e) && e.elements.length === 1 && ts.isNumericLiteral(e.elements[0]) && e.elements[0].text === '2');
  }
  return false;
}

// node-pg-migrate migrations: `exports.up = (pgm) => { pgm.createTable(…) }` (CommonJS, ES modules,
// TypeScript with MigrationBuilder), `exports.down` (or `false` for irreversible), `exports.shorthands`,
// `pgm.noTransaction()`. PostgreSQL only. Read statically: the file is parsed, never run.
import * as path from 'node:path';
import ts from 'typescript';
import type { ColumnSpec, Migration, Operation, Problem } from '../../model/migration';
import type { ReadContext, ReaderResult } from '../types';
import { collectConstants } from '../ts/evaluateString';
import { parseSourceFile } from '../ts/parseSourceFile';
import { propertyNameText, unwrap } from '../ts/objectLiteral';
import { findMigrationFunctions, type MigrationFunction } from '../sequelize/findMigrationFunctions';
import { type PgmBody, readPgmCall } from './pgmCalls';

const PGM_HINTS = /\bpgm\s*\.\s*[a-zA-Z]+\s*\(|['"]node-pg-migrate['"]|\bMigrationBuilder\b/;

/** Cheap content test used before parsing: does this file look like a node-pg-migrate migration? */
export function looksLikeNodePgMigrate(text: string): boolean {
  return PGM_HINTS.test(text);
}

/** Reads one node-pg-migrate migration file into the model. Never throws. */
export function readNodePgMigrateFile(ctx: ReadContext): ReaderResult {
  const problems: Problem[] = [];
  try {
    return read(ctx, problems);
  } catch (err) {
    problems.push({ code: 'reader-error', severity: 'warning', range: ctx.lines.range(0, 0), message: `The node-pg-migrate reader failed on this file: ${err instanceof Error ? err.message : String(err)}` });
    return { migrations: [], problems };
  }
}

/** Operations node-pg-migrate can reverse by itself when a migration has no down. */
const AUTO_REVERSIBLE = new Set<Operation['kind']>(['createTable', 'addColumn', 'renameColumn', 'renameTable', 'createIndex', 'addForeignKey', 'addUnique', 'addCheck', 'addPrimaryKey', 'createEnum', 'createView']);
/** pgm calls kept as rawSql that node-pg-migrate also knows how to reverse (their drop). */
const REVERSIBLE_CALLS = /^pgm\.(?:create(?:Extension|Schema|Function|Trigger|Sequence|Domain|Role|Policy|Operator|OperatorClass|OperatorFamily|Type|Cast|MaterializedView)|addExtension)$/;
const reversible = (o: Operation) => o.via === 'api' && (AUTO_REVERSIBLE.has(o.kind) || (o.kind === 'rawSql' && REVERSIBLE_CALLS.test(String(o.details?.call ?? ''))));

function read(ctx: ReadContext, problems: Problem[]): ReaderResult {
  const { sourceFile: sf, syntaxErrors } = parseSourceFile(ctx.path, ctx.text);
  const syntax = syntaxErrors ? { syntaxErrors } : {};
  const found = findMigrationFunctions(sf);
  if (!found.up) {
    problems.push({ code: 'no-migration-found', severity: 'info', range: ctx.lines.range(0, 0), message: 'No node-pg-migrate migration found: expected an exported up function (exports.up, export const up, export async function up).' });
    return { migrations: [], problems, ...syntax };
  }
  const ev = { sourceFile: sf, constants: collectConstants(sf) };
  const shorthands = readShorthands(sf);
  let noTransaction = false;
  const readPhase = (fn: MigrationFunction | undefined): Operation[] => {
    const body = fn?.fn.body;
    if (!body) return [];
    const b: PgmBody = { sf, lines: ctx.lines, ev, pgmNames: new Set(fn.queryInterfaceNames.length ? fn.queryInterfaceNames : ['pgm']), shorthands, problems };
    const out: Operation[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = unwrap(node.expression);
        if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(unwrap(callee.expression)) && b.pgmNames.has((unwrap(callee.expression) as ts.Identifier).text)) {
          out.push(...readPgmCall(node, callee.name.text, b));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(body);
    if (fn === found.up && b.noTransaction) noTransaction = true;
    return out;
  };
  const up = readPhase(found.up);
  const downExport = downExportValue(sf);
  let down = readPhase(found.down);
  const name = path.basename(ctx.path).replace(/\.(d\.)?[cm]?[jt]sx?$/i, '');
  const migration: Migration = {
    name,
    orm: 'node-pg-migrate',
    dialect: 'postgres',
    transactional: !noTransaction,
    transactionalReason: noTransaction
      ? 'pgm.noTransaction(): node-pg-migrate runs this migration outside a transaction; a failure half-way leaves the earlier steps applied.'
      : 'node-pg-migrate runs migrations in a transaction (by default all pending ones in a single transaction); pgm.noTransaction() turns it off for one migration.',
    up,
    down,
    hasDown: !!found.down && down.length > 0,
    range: found.container ? ctx.lines.range(found.container.getStart(sf), found.container.getEnd()) : ctx.lines.range(0, ctx.text.length),
  };
  if (found.head) migration.nameRange = ctx.lines.range(found.head.start, found.head.end);
  migration.upRange = ctx.lines.range(found.up.rangeNode.getStart(sf), found.up.rangeNode.getEnd());
  if (found.down) {
    migration.downRange = ctx.lines.range(found.down.rangeNode.getStart(sf), found.down.rangeNode.getEnd());
    // `down = () => null` / an empty body: the author chose a down that does nothing.
    if (!down.length) migration.hasDown = true;
  } else if (downExport === false) {
    // `exports.down = false`: node-pg-migrate refuses to roll back: an explicit irreversible marker.
    migration.downThrows = true;
  } else if (!downExport && up.length && up.every(reversible)) {
    // Without a down, node-pg-migrate reverses these calls itself (in reverse order).
    down = up.slice().reverse().map((o) => inferredInverse(o)).filter((o): o is Operation => !!o);
    migration.down = down;
    migration.hasDown = true;
    migration.transactionalReason += ' down: inferred by node-pg-migrate from up.';
  }
  const stamp = /^(\d{3,17})(?=[_-])/.exec(name)?.[1];
  if (stamp) migration.timestamp = stamp;
  return { migrations: [migration], problems, ...syntax };
}

/** `exports.down = false` → false; `exports.down = …` anything else → true; absent → undefined. */
function downExportValue(sf: ts.SourceFile): boolean | undefined {
  for (const st of sf.statements) {
    if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = unwrap(st.expression.left);
      if (ts.isPropertyAccessExpression(left) && left.name.text === 'down' && /^(?:module\.)?exports$/.test(left.expression.getText(sf))) {
        return unwrap(st.expression.right).kind !== ts.SyntaxKind.FalseKeyword;
      }
    } else if (ts.isVariableStatement(st) && st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === 'down' && d.initializer) return unwrap(d.initializer).kind !== ts.SyntaxKind.FalseKeyword;
      }
    }
  }
  return undefined;
}

/** node-pg-migrate's own reverse of an up call, as its down would run it. */
function inferredInverse(o: Operation): Operation | undefined {
  const base: Operation = { ...o, details: { ...o.details, inferredDown: true } };
  delete base.columnSpec; delete base.tableColumns;
  switch (o.kind) {
    case 'createTable': return { ...base, kind: 'dropTable' };
    case 'addColumn': return { ...base, kind: 'dropColumn' };
    case 'renameColumn': return { ...base, column: o.newName, newName: o.column };
    case 'renameTable': return { ...base, table: o.newName, newName: o.table };
    case 'createIndex': return { ...base, kind: 'dropIndex' };
    case 'addForeignKey': return o.details?.inCreateTable ? undefined : { ...base, kind: 'dropForeignKey' };
    case 'addUnique': case 'addCheck': case 'addPrimaryKey': return o.details?.inCreateTable ? undefined : { ...base, kind: 'dropConstraint' };
    case 'createView': return { ...base, kind: 'dropView' };
    // DROP TYPE has no kind of its own in the model.
    case 'createEnum': return { ...base, kind: 'rawSql', statement: 'DROP TYPE' };
    case 'rawSql': return { ...base, statement: o.statement?.replace(/^CREATE/, 'DROP') };
    default: return undefined;
  }
}

/** `exports.shorthands = { id: { type: 'uuid', primaryKey: true } }` plus the built-in `id` (serial primary key). */
function readShorthands(sf: ts.SourceFile): Map<string, ts.Expression | ColumnSpec> {
  const map = new Map<string, ts.Expression | ColumnSpec>([['id', { name: 'id', type: 'serial', primary: true, nullable: false }]]);
  const take = (value: ts.Expression | undefined) => {
    const obj = value && unwrap(value);
    if (!obj || !ts.isObjectLiteralExpression(obj)) return;
    for (const p of obj.properties) {
      const key = propertyNameText(p.name as ts.PropertyName | undefined);
      if (key && ts.isPropertyAssignment(p)) map.set(key, p.initializer);
    }
  };
  for (const st of sf.statements) {
    if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = unwrap(st.expression.left);
      if (ts.isPropertyAccessExpression(left) && left.name.text === 'shorthands') take(st.expression.right);
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === 'shorthands') take(d.initializer);
    }
  }
  return map;
}

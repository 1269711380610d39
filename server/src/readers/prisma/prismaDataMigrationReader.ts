// A TypeScript data migration kept in a Prisma migration folder (`20240201000000_backfill/migration.ts`),
// run by the project's own script with the Prisma client. Its changes are read where they are
// static: `$executeRaw` SQL, and `prisma.<model>.updateMany/deleteMany/createMany/…` calls.
import * as path from 'node:path';
import ts from 'typescript';
import type { Migration, Operation, OperationKind, Problem } from '../../model/migration';
import { snippet } from '../../model/text';
import { collectConstants, evaluateString, type EvaluateContext } from '../ts/evaluateString';
import { parseSourceFile } from '../ts/parseSourceFile';
import { findProperty, unwrap } from '../ts/objectLiteral';
import { restorePlaceholderNames, settleDynamicStatements } from '../ts/placeholderNames';
import { awaitInsertionPoint, insideSwallowingTry, isFloatingCall } from '../ts/callContext';
import { firstLineRange, readSql } from '../sql';
import type { ReadContext, ReaderResult } from '../types';

const FOLDER_NAME = /^(\d{14})_(.+)$/;
const RAW_SQL = new Set(['$executeRaw', '$executeRawUnsafe']);
const MODEL_CALLS: Record<string, OperationKind> = {
  update: 'update', updateMany: 'update', upsert: 'insert', create: 'insert', createMany: 'insert', createManyAndReturn: 'insert',
  delete: 'delete', deleteMany: 'delete',
};

/** Reads migration.ts of a Prisma migration folder. Never throws. */
export function readPrismaDataMigration(ctx: ReadContext): ReaderResult {
  const problems: Problem[] = [];
  try {
    const { sourceFile: sf, syntaxErrors } = parseSourceFile(ctx.path, ctx.text);
    const ev: EvaluateContext = { sourceFile: sf, constants: collectConstants(sf) };
    const ops: Operation[] = [];
    const span = (node: ts.Node) => ({ range: ctx.lines.range(node.getStart(sf), node.getEnd()), offset: { start: node.getStart(sf), end: node.getEnd() } });
    const visit = (node: ts.Node): void => {
      const found = ts.isCallExpression(node) ? callOperations(node) : ts.isTaggedTemplateExpression(node) ? rawSql(node, node.template, '$executeRaw') : [];
      if (found.length) {
        const inTry = insideSwallowingTry(node, sf);
        const unawaited = ts.isCallExpression(node) && isFloatingCall(node);
        for (const op of found) {
          if (inTry) op.details = { ...op.details, inTryCatch: true };
          if (unawaited) op.details = { ...op.details, unawaited: true, awaitAt: awaitInsertionPoint(node as ts.CallExpression, sf) };
        }
        ops.push(...found);
      }
      ts.forEachChild(node, visit);
    };
    const callOperations = (call: ts.CallExpression): Operation[] => {
      const callee = unwrap(call.expression);
      if (!ts.isPropertyAccessExpression(callee)) return [];
      const method = callee.name.text;
      if (RAW_SQL.has(method)) return call.arguments[0] ? rawSql(call, call.arguments[0], method) : [];
      const kind = MODEL_CALLS[method];
      const model = kind && ts.isPropertyAccessExpression(unwrap(callee.expression)) ? (unwrap(callee.expression) as ts.PropertyAccessExpression).name.text : undefined;
      if (!kind || !model || model.startsWith('$')) return [];
      const args = call.arguments[0] && unwrap(call.arguments[0]);
      const op: Operation = {
        kind, table: tableOf(ctx, model), guarded: false, ...span(awaited(call)), via: 'api', text: snippet(awaited(call).getText(sf)),
        details: { call: `${model}.${method}`, model },
      };
      if (kind !== 'insert') op.hasWhere = !!(args && ts.isObjectLiteralExpression(args) && findProperty(args, 'where'));
      return [op];
    };
    const rawSql = (node: ts.Node, arg: ts.Expression | ts.TemplateLiteral, method: string): Operation[] => {
      const evaluated = evaluateString(arg as ts.Expression, ev);
      if (!evaluated) {
        return [{ kind: 'unknown', guarded: false, ...span(awaited(node)), via: 'sql', text: snippet(awaited(node).getText(sf)), reason: `dynamic SQL: ${snippet(arg.getText(sf), 80)}`, details: { call: method } }];
      }
      const last = evaluated.fileOffsets.length - 1;
      const result = readSql(evaluated.text, { dialect: ctx.dialect.dialect, lines: ctx.lines, mapOffset: (i) => evaluated.fileOffsets[Math.max(0, Math.min(i, last))] });
      problems.push(...settleDynamicStatements(result.operations, result.problems, evaluated.placeholders, evaluated.fileOffsets));
      for (const op of result.operations) {
        op.details = { ...op.details, call: method };
        restorePlaceholderNames(op, evaluated.placeholders);
      }
      return result.operations;
    };
    visit(sf);

    const folder = path.basename(path.dirname(ctx.path));
    const named = FOLDER_NAME.exec(folder);
    const migration: Migration = {
      name: named ? folder : path.basename(ctx.path).replace(/\.[cm]?[jt]s$/i, ''),
      orm: 'prisma',
      dialect: ctx.dialect.dialect,
      transactional: null,
      transactionalReason: 'A TypeScript data migration runs through the Prisma client in the project\'s own script: only a $transaction in the code makes it atomic.',
      up: ops,
      down: [],
      hasDown: false,
      range: ctx.lines.range(0, ctx.text.length),
      nameRange: firstLineRange(ctx.text, ctx.lines),
    };
    if (named) migration.timestamp = named[1];
    if (ops.length === 0) {
      problems.push({
        code: 'unread-data-migration', severity: 'info', range: migration.nameRange!,
        message: 'A TypeScript data migration: no $executeRaw SQL or prisma.<model> write was found that can be read statically; review its data changes by hand.',
      });
    }
    return { migrations: [migration], problems, ...(syntaxErrors ? { syntaxErrors } : {}) };
  } catch (e) {
    problems.push({ code: 'reader-error', severity: 'error', range: ctx.lines.range(0, 0), message: `Safe Migrations could not read this data migration (internal error: ${(e as Error).message}).` });
    return { migrations: [], problems };
  }
}

/** The call widened to its `await`, so the range covers what the user wrote. */
function awaited(node: ts.Node): ts.Node {
  let n = node;
  while (n.parent && ts.isAwaitExpression(n.parent)) n = n.parent;
  return n;
}

/** `prisma.orderItem` → the model's table (`@@map`) when the schema is known, else the model name as the client spells it. */
function tableOf(ctx: ReadContext, clientName: string): string {
  const model = ctx.project?.prisma?.models.find((m) => m.name.toLowerCase() === clientName.toLowerCase());
  return model?.dbName ?? clientName;
}

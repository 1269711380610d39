import ts from 'typescript';
import type { Operation, OperationKind } from '../../model/migration';
import { unwrap } from '../ts/objectLiteral';
import { apiOperation, stripUndefined, type TypeormReadState } from './readState';
import { resolveValue, tableRef } from './tableOptions';

/** EntityManager / Repository methods that change rows, and the operation each one is. */
const DATA_METHODS: Record<string, { kind: OperationKind; criteriaArg?: number; alwaysWhere?: boolean; noWhere?: boolean }> = {
  insert: { kind: 'insert' },
  save: { kind: 'insert' },
  upsert: { kind: 'insert' },
  update: { kind: 'update', criteriaArg: 0 },
  increment: { kind: 'update', criteriaArg: 0 },
  decrement: { kind: 'update', criteriaArg: 0 },
  softDelete: { kind: 'update', criteriaArg: 0 },
  restore: { kind: 'update', criteriaArg: 0 },
  delete: { kind: 'delete', criteriaArg: 0 },
  remove: { kind: 'delete', alwaysWhere: true },
  softRemove: { kind: 'update', alwaysWhere: true },
  clear: { kind: 'delete', noWhere: true },
};

const BUILDER_VERBS: Record<string, OperationKind> = { update: 'update', delete: 'delete', insert: 'insert', softDelete: 'update', restore: 'update' };
const BUILDER_WHERE = new Set(['where', 'andWhere', 'orWhere', 'whereInIds', 'whereEntity', 'andWhereInIds', 'orWhereInIds']);
const BUILDER_TARGET = new Set(['from', 'into', 'update', 'softDelete', 'restore']);

export function methodName(call: ts.CallExpression): string | undefined {
  const callee = unwrap(call.expression);
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return globalManagerFactory(call);
}

/** TypeORM 0.2's global accessors, which reach the default connection's manager without the runner. */
const GLOBAL_FACTORIES = new Set(['getRepository', 'getManager', 'getConnection', 'getTreeRepository', 'getCustomRepository', 'getMongoRepository']);

/**
 * `getRepository(User)`, or tsc's `(0, typeorm_1.getRepository)(User)`: the call's name when it is one of
 * TypeORM's global manager accessors (a `typeorm_1.getRepository(…)` property call is found by name anyway).
 */
export function globalManagerFactory(call: ts.CallExpression): string | undefined {
  let callee: ts.Expression = call.expression;
  while (ts.isParenthesizedExpression(callee)) callee = callee.expression;
  if (ts.isBinaryExpression(callee) && callee.operatorToken.kind === ts.SyntaxKind.CommaToken) callee = callee.right;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  return name && GLOBAL_FACTORIES.has(name) ? name : undefined;
}

/**
 * Data changes through `queryRunner.manager`: `manager.update(User, {…}, {…})`,
 * `manager.getRepository(User).delete({…})`, `manager.createQueryBuilder().update(User).set(…).where(…).execute()`.
 * `chain` runs from the call on the manager outwards. Reads (find, count, select builders) give nothing.
 */
export function entityManagerOperations(state: TypeormReadState, chain: ts.CallExpression[]): Operation[] {
  const names = chain.map((c) => methodName(c) ?? '');
  const outer = chain[chain.length - 1];
  if (names[0] === 'createQueryBuilder') return builderOperation(state, outer, chain, names, 0, chain[0].arguments[0]);
  if (names[0] === 'getRepository' || names[0] === 'getTreeRepository') {
    const target = chain[0].arguments[0];
    if (names[1] === 'createQueryBuilder') return builderOperation(state, outer, chain, names, 1, target);
    if (chain[1]) return dataOperation(state, outer, names[1], target, chain[1].arguments);
    return [];
  }
  return dataOperation(state, outer, names[0], chain[0].arguments[0], chain[0].arguments.slice(1));
}

function dataOperation(state: TypeormReadState, outer: ts.CallExpression, method: string, target: ts.Expression | undefined, rest: readonly ts.Expression[]): Operation[] {
  const spec = Object.prototype.hasOwnProperty.call(DATA_METHODS, method) ? DATA_METHODS[method] : undefined;
  if (!spec) return [];
  const hasWhere = spec.noWhere ? false : spec.alwaysWhere ? true : spec.criteriaArg !== undefined ? restricts(state, rest[spec.criteriaArg]) : undefined;
  return [apiOperation(state, outer, `manager.${method}`, spec.kind, stripUndefined({
    ...targetOf(state, target), hasWhere, statement: method === 'clear' ? 'TRUNCATE' : undefined,
    details: stripUndefined({ call: `manager.${method}`, entity: entityName(target) }),
  }))];
}

function builderOperation(state: TypeormReadState, outer: ts.CallExpression, chain: ts.CallExpression[], names: string[], from: number, initialTarget: ts.Expression | undefined): Operation[] {
  let kind: OperationKind | undefined;
  let verb: string | undefined;
  let target = initialTarget;
  let hasWhere = false;
  for (let i = from + 1; i < chain.length; i++) {
    const n = names[i];
    if (!kind && BUILDER_VERBS[n]) { kind = BUILDER_VERBS[n]; verb = n; }
    if (BUILDER_TARGET.has(n) && chain[i].arguments[0]) target = chain[i].arguments[0];
    if (BUILDER_WHERE.has(n)) hasWhere = true;
  }
  if (!kind) return [];
  return [apiOperation(state, outer, `queryBuilder.${verb}`, kind, stripUndefined({
    ...targetOf(state, target), hasWhere: kind === 'insert' ? undefined : hasWhere,
    details: stripUndefined({ call: `queryBuilder.${verb}`, entity: entityName(target), builder: names.slice(from).join('.') }),
  }))];
}

/** A table name string, or nothing for an entity class (the table name lives in the entity's metadata). */
function targetOf(state: TypeormReadState, target: ts.Expression | undefined): { table?: string; schema?: string } {
  if (!target) return {};
  const e = unwrap(target);
  if (ts.isIdentifier(e) && !state.evaluate.constants.has(e.text)) return {};
  return tableRef(state, target);
}

function entityName(target: ts.Expression | undefined): string | undefined {
  const e = target && unwrap(target);
  return e && ts.isIdentifier(e) ? e.text : undefined;
}

/** A criteria argument restricts rows unless it is absent or `{}`. */
function restricts(state: TypeormReadState, criteria: ts.Expression | undefined): boolean {
  if (!criteria) return false;
  const e = resolveValue(state, criteria);
  if (e && ts.isObjectLiteralExpression(e)) return e.properties.length > 0;
  return true;
}

import ts from 'typescript';
import type { Dialect, Operation, OperationKind, Problem } from '../../model/migration';
import { snippet } from '../../model/text';
import type { EvaluateContext } from '../ts/evaluateString';
import type { ReadContext } from '../types';

/** What every part of the TypeORM reader shares while reading one file. */
export interface TypeormReadState {
  ctx: ReadContext;
  sourceFile: ts.SourceFile;
  evaluate: EvaluateContext;
  problems: Problem[];
  /** Dialect passed to the SQL reader: the context's, or the first one the SQL itself revealed. */
  dialect: Dialect;
  /** Set when the dialect was learned from the SQL (ctx.dialect was unknown). */
  learnedDialect?: Dialect;
  /** Property initializers of the migration class being read (`this.tableName`, `name`, `transaction`). */
  classProperties: Map<string, ts.Expression>;
  /** Static field initializers of that class (`ClassName.TABLE`, or `self.TABLE` after `const self = ClassName`). */
  classStatics?: { className: string; properties: Map<string, ts.Expression> };
  /** Methods of that class and functions declared in the file: helpers an up/down method may pass the runner to. */
  helpers: { methods: Map<string, ts.FunctionLikeDeclaration>; functions: Map<string, ts.FunctionLikeDeclaration> };
}

/** The node an operation's range covers: the call, widened to its `await` / `yield`. */
export function awaitedNode(call: ts.Expression): ts.Expression {
  let node: ts.Expression = call;
  while (node.parent && (ts.isAwaitExpression(node.parent) || ts.isYieldExpression(node.parent) || ts.isNonNullExpression(node.parent))) node = node.parent;
  return node;
}

export function nodeSpan(state: TypeormReadState, node: ts.Node): Pick<Operation, 'range' | 'offset'> {
  const start = node.getStart(state.sourceFile);
  const end = node.getEnd();
  return { range: state.ctx.lines.range(start, end), offset: { start, end } };
}

/** An operation written as a QueryRunner / EntityManager call. */
export function apiOperation(
  state: TypeormReadState,
  call: ts.CallExpression,
  method: string,
  kind: OperationKind,
  fields: Partial<Operation> = {},
): Operation {
  const node = awaitedNode(call);
  return {
    kind,
    guarded: false,
    ...nodeSpan(state, node),
    via: 'api',
    text: snippet(node.getText(state.sourceFile)),
    ...fields,
    details: { call: method, ...fields.details },
  };
}

export function problemAt(state: TypeormReadState, node: ts.Node, code: string, severity: Problem['severity'], message: string): Problem {
  return { code, severity, message, range: nodeSpan(state, node).range };
}

/** Drops keys whose value is undefined, so operations carry only what the source states. */
export function stripUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/**
 * What `this.x` or `ClassName.X` (also through `const self = ClassName`) stands for in the class
 * being read: the field's initializer, or undefined.
 */
export function classMember(state: TypeormReadState, expr: ts.PropertyAccessExpression): ts.Expression | undefined {
  const target = expr.expression;
  if (target.kind === ts.SyntaxKind.ThisKeyword) return state.classProperties.get(expr.name.text);
  const statics = state.classStatics;
  if (!statics || !ts.isIdentifier(target)) return undefined;
  const alias = state.evaluate.constants.get(target.text);
  const names = target.text === statics.className || (alias && ts.isIdentifier(alias) && alias.text === statics.className);
  return names ? statics.properties.get(expr.name.text) : undefined;
}

import ts from 'typescript';
import type { Dialect, Operation, Problem } from '../../model/migration';
import type { LineIndex } from '../../model/text';
import { snippet } from '../../model/text';
import type { EvaluateContext } from '../ts/evaluateString';
import { unwrap } from '../ts/objectLiteral';
import type { MigrationFunction } from './findMigrationFunctions';
import type { GuardKind } from './schemaGuards';

/** What the reader knows while walking one `up` or `down` body. */
export interface BodyContext {
  sf: ts.SourceFile;
  lines: LineIndex;
  dialect: Dialect;
  ev: EvaluateContext;
  fn: MigrationFunction;
  /** Names bound to the queryInterface (parameters, `const qi = sequelize.getQueryInterface()`). */
  queryInterfaceNames: Set<string>;
  /** Names bound to the Sequelize instance (`const { sequelize } = queryInterface`). */
  sequelizeNames: Set<string>;
  /** Names bound to an unmanaged transaction (`const t = await queryInterface.sequelize.transaction()`). */
  transactionNames: Set<string>;
  /** Variables holding the result of a schema probe (describeTable, showIndex, tableExists, information_schema). */
  probeNames: Set<string>;
  /** containsProbe answers per node; cleared when probeNames grows. */
  probeCache: Map<ts.Node, boolean>;
  /** Per block: end offset of its first probe-and-return statement (see schemaGuards). */
  earlyExitEnd: Map<ts.Node, number>;
  problems: Problem[];
  /** `{ ifNotExists }` / `{ ifExists }` options take effect (@sequelize/core 7; Sequelize 6 ignores them). */
  optionGuards: boolean;
  /** The file turns on CLS (`Sequelize.useCLS(…)`): calls inside a managed transaction join it without `{ transaction }`. */
  usesCls: boolean;
  /** File-level helper functions (`async function addTimestamps(qi, table) {…}`) that up/down may call. */
  helpers: Map<string, ts.FunctionLikeDeclaration>;
  /** While reading a helper's body: what holds at the call in up/down (a guard around it, a transaction). */
  callSite?: { guard: GuardKind | undefined; inTransaction: boolean; inTransactionCallback?: boolean };
  /** Dialect learned from embedded SQL, when the file's dialect was unknown. */
  learnedDialect?: Dialect;
}

export function isQueryInterface(expr: ts.Expression, bc: BodyContext): boolean {
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) return bc.queryInterfaceNames.has(e.text) || e.text === 'queryInterface';
  if (ts.isPropertyAccessExpression(e)) return e.name.text === 'queryInterface';
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) return e.expression.name.text === 'getQueryInterface' && e.arguments.length === 0;
  return false;
}

export function isSequelizeInstance(expr: ts.Expression, bc: BodyContext): boolean {
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) return bc.sequelizeNames.has(e.text) || e.text === 'sequelize';
  if (ts.isPropertyAccessExpression(e)) return e.name.text === 'sequelize';
  return false;
}

/** The call's range, widened to `await call` when awaited directly: that is the statement a user reads as "the operation". */
export function operationNode(call: ts.CallExpression): ts.Node {
  let n: ts.Node = call;
  while (n.parent && ts.isParenthesizedExpression(n.parent)) n = n.parent;
  return n.parent && ts.isAwaitExpression(n.parent) ? n.parent : call;
}

export function apiOperation(kind: Operation['kind'], call: ts.CallExpression, method: string, bc: BodyContext): Operation {
  const node = operationNode(call);
  const start = node.getStart(bc.sf);
  const end = node.getEnd();
  return {
    kind,
    guarded: false,
    range: bc.lines.range(start, end),
    offset: { start, end },
    via: 'api',
    text: snippet(node.getText(bc.sf)),
    details: { call: `queryInterface.${method}` },
  };
}

import ts from 'typescript';
import { unwrap } from '../ts/objectLiteral';

export type ReceiverKind = 'runner' | 'manager';

/**
 * Which expressions in one up/down method stand for the QueryRunner (its first parameter,
 * `this.queryRunner`, local aliases) and for its EntityManager / DataSource (`queryRunner.manager`,
 * `queryRunner.connection`, `const { manager } = queryRunner`).
 */
export class RunnerReceivers {
  private readonly runnerNames = new Set<string>();
  private readonly managerNames = new Set<string>();
  /** Functions the context object hands over that run SQL (n8n's `up({ runQuery })`). */
  readonly sqlFunctionNames = new Set<string>();
  /** n8n's `schemaBuilder` (`{ schemaBuilder }`) and the DSL functions taken from it (`{ schemaBuilder: { addColumns } }`), local name → DSL name. */
  private readonly schemaBuilderNames = new Set<string>();
  private readonly dslFunctions = new Map<string, string>();

  /** `runnerParameter`: which parameter receives the runner (0 for up/down; a helper may take it later). */
  constructor(method: ts.FunctionLikeDeclaration, runnerParameter = 0) {
    const first = method.parameters[runnerParameter];
    if (first && ts.isIdentifier(first.name)) this.runnerNames.add(first.name.text);
    else if (first && ts.isObjectBindingPattern(first.name)) {
      // `up({ queryRunner, tablePrefix })`: a context object that carries the runner (n8n's migrations).
      const carried = first.name.elements.filter((el) => ts.isIdentifier(el.name) && bindingProperty(el) === 'queryRunner');
      for (const el of carried) this.runnerNames.add((el.name as ts.Identifier).text);
      for (const el of first.name.elements) {
        if (ts.isIdentifier(el.name) && bindingProperty(el) === 'runQuery') this.sqlFunctionNames.add(el.name.text);
        if (bindingProperty(el) !== 'schemaBuilder' && !(el.propertyName && ts.isIdentifier(el.propertyName) && el.propertyName.text === 'schemaBuilder')) continue;
        if (ts.isIdentifier(el.name)) this.schemaBuilderNames.add(el.name.text);
        else if (ts.isObjectBindingPattern(el.name)) for (const inner of el.name.elements) { const prop = bindingProperty(inner); if (prop && ts.isIdentifier(inner.name)) this.dslFunctions.set(inner.name.text, prop); }
      }
      if (!carried.length) this.addBindings(first.name, 'runner');
    }
    else this.runnerNames.add('queryRunner');
    if (method.body) this.collectAliases(method.body);
  }

  /** The n8n schemaBuilder function a call makes (`addColumns(…)`, `schemaBuilder.dropTable(…)`), or undefined. */
  dslFunctionOf(call: ts.CallExpression): string | undefined {
    const callee = unwrap(call.expression);
    if (ts.isIdentifier(callee)) return this.dslFunctions.get(callee.text);
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && this.schemaBuilderNames.has(callee.expression.text)) return callee.name.text;
    return undefined;
  }

  kindOf(expr: ts.Expression): ReceiverKind | undefined {
    const e = unwrap(expr);
    if (ts.isIdentifier(e)) {
      if (this.runnerNames.has(e.text)) return 'runner';
      if (this.managerNames.has(e.text)) return 'manager';
      return undefined;
    }
    if (ts.isPropertyAccessExpression(e)) {
      const name = e.name.text;
      if (e.expression.kind === ts.SyntaxKind.ThisKeyword) return name === 'queryRunner' ? 'runner' : undefined;
      if ((name === 'manager' || name === 'connection' || name === 'dataSource') && this.kindOf(e.expression) === 'runner') return 'manager';
    }
    return undefined;
  }

  /** Two passes so that an alias of an alias (`const qr = queryRunner; const m = qr.manager`) is found. */
  private collectAliases(body: ts.Node): void {
    for (let pass = 0; pass < 2; pass++) {
      const visit = (node: ts.Node): void => {
        if (ts.isVariableDeclaration(node) && node.initializer) {
          const kind = this.kindOf(node.initializer);
          if (kind && ts.isIdentifier(node.name)) (kind === 'runner' ? this.runnerNames : this.managerNames).add(node.name.text);
          else if (kind === 'runner' && ts.isObjectBindingPattern(node.name)) this.addBindings(node.name, 'runner');
        }
        // `queryRunner.manager.transaction(async (em) => { await em.query(…) })`: the callback's manager.
        if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'transaction'
          && this.kindOf(node.expression.expression)) {
          for (const arg of node.arguments) {
            const fn = unwrap(arg);
            const param = (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) ? fn.parameters[0] : undefined;
            if (param && ts.isIdentifier(param.name)) this.managerNames.add(param.name.text);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(body);
    }
  }

  /** `{ manager, connection }` taken from a runner. */
  private addBindings(pattern: ts.ObjectBindingPattern, from: ReceiverKind): void {
    if (from !== 'runner') return;
    for (const el of pattern.elements) {
      const prop = bindingProperty(el);
      if (ts.isIdentifier(el.name) && (prop === 'manager' || prop === 'connection' || prop === 'dataSource')) this.managerNames.add(el.name.text);
    }
  }
}

/** The property a binding element takes: `manager` in `{ manager }` and in `{ manager: m }`. */
function bindingProperty(el: ts.BindingElement): string | undefined {
  return el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : ts.isIdentifier(el.name) ? el.name.text : undefined;
}

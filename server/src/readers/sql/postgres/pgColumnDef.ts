import type { ColumnSpec } from '../../../model/migration';
import { stripOuterParens } from '../sqlSource';
import { rangeVarName, stringList, type PgNode, type PgStatementContext } from './pgNode';
import { isSerialType, pgTypeName } from './pgTypeName';

/** A column definition (CREATE TABLE element, ADD COLUMN) as a ColumnSpec, defaults as source text. */
export function pgColumnSpec(def: PgNode, ctx: PgStatementContext): ColumnSpec {
  const spec: ColumnSpec = { name: def.colname };
  const type = pgTypeName(def.typeName);
  if (type) spec.type = type;
  if (isSerialType(type)) spec.autoIncrement = true;
  const constraints: PgNode[] = (def.constraints ?? []).map((c: PgNode) => c.Constraint).filter(Boolean);
  constraints.forEach((c, i) => {
    switch (c.contype) {
      case 'CONSTR_NOTNULL': spec.nullable = false; break;
      case 'CONSTR_NULL': spec.nullable = true; break;
      case 'CONSTR_PRIMARY': spec.primary = true; break;
      case 'CONSTR_UNIQUE': spec.unique = true; break;
      case 'CONSTR_IDENTITY': spec.generated = 'identity'; spec.autoIncrement = true; break;
      case 'CONSTR_GENERATED': spec.generated = c.generated_kind === 'v' ? 'virtual' : 'stored'; break;
      case 'CONSTR_FOREIGN': {
        const t = rangeVarName(c.pktable);
        if (t.table) spec.references = { table: t.table, columns: stringList(c.pk_attrs) };
        break;
      }
      case 'CONSTR_DEFAULT': {
        const next = constraints.slice(i + 1).map((n) => ctx.at(n.location)).find((o) => o !== undefined);
        const text = defaultText(ctx, ctx.at(c.location), next);
        if (text !== undefined) spec.default = text;
        break;
      }
    }
  });
  return spec;
}

/** Source text of the expression after the DEFAULT keyword at `keywordAt`, up to `limit`. */
export function defaultText(ctx: PgStatementContext, keywordAt: number | undefined, limit?: number): string | undefined {
  if (keywordAt === undefined) return undefined;
  const tv = ctx.tokens;
  let i = tv.indexAt(keywordAt);
  if (tv.word(i) === 'DEFAULT') i++;
  const end = tv.expressionEnd(i, limit === undefined ? tv.tokens.length : tv.indexAt(limit));
  return end > i ? tv.slice(i, end) : undefined;
}

/** Source text inside the parentheses of `CHECK (…)`, searching from the constraint's location. */
export function checkText(ctx: PgStatementContext, constraintAt: number | undefined): string | undefined {
  if (constraintAt === undefined) return undefined;
  const tv = ctx.tokens;
  const check = tv.findWord('CHECK', tv.indexAt(constraintAt));
  if (check < 0 || !tv.isPunct(check + 1, '(')) return undefined;
  const close = tv.closeParen(check + 1);
  return stripOuterParens(tv.slice(check + 1, close));
}

/** Foreign key target of a Constraint node. */
export function fkReferences(c: PgNode): { table: string; columns: string[]; onDelete?: string; onUpdate?: string } | undefined {
  const t = rangeVarName(c.pktable);
  if (!t.table) return undefined;
  const ref: { table: string; columns: string[]; onDelete?: string; onUpdate?: string } = { table: t.table, columns: stringList(c.pk_attrs) };
  const del = FK_ACTIONS[c.fk_del_action];
  const upd = FK_ACTIONS[c.fk_upd_action];
  if (del) ref.onDelete = del;
  if (upd) ref.onUpdate = upd;
  return ref;
}

// 'a' (NO ACTION) is the default and is left out, as the source did not say it.
const FK_ACTIONS: Record<string, string> = { r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

import type { Operation, OperationKind } from '../../../model/migration';
import type { Span } from '../sqlSource';
import { checkText, defaultText, fkReferences, pgColumnSpec } from './pgColumnDef';
import { rangeVarName, stringList, type PgNode, type PgStatementContext } from './pgNode';
import { pgTypeName } from './pgTypeName';

/** ALTER TABLE: one operation per action, each with its own span when the actions can be told apart. */
export function pgAlterTable(stmt: PgNode, ctx: PgStatementContext): Operation[] {
  const cmds: PgNode[] = (stmt.cmds ?? []).map((c: PgNode) => c.AlterTableCmd).filter(Boolean);
  const target = rangeVarName(stmt.relation);
  const whole = { start: ctx.start, end: ctx.end };
  if (stmt.objtype && stmt.objtype !== 'OBJECT_TABLE') {
    const what = String(stmt.objtype).replace(/^OBJECT_/, '').replace(/_/g, ' ');
    return [ctx.b.op('rawSql', ctx.start, ctx.end, { ...target, statement: `ALTER ${what}`, ...(stmt.missing_ok ? { guarded: true, ifExists: true } : {}) })];
  }
  const spans = actionSpans(stmt, ctx, cmds.length);
  return cmds.map((cmd, i) => {
    const span = spans?.[i] ?? whole;
    const op = alterAction(cmd, ctx, span, whole);
    Object.assign(op, target.schema ? { table: target.table, schema: target.schema } : { table: target.table });
    if (stmt.missing_ok) { op.guarded = true; op.details = { ...op.details, tableIfExists: true }; }
    if (cmds.length > 1) op.details = { ...op.details, actionIndex: i, actionCount: cmds.length };
    return op;
  });
}

/** Splits the text after the table name at top-level commas; undefined when that does not give one span per action. */
function actionSpans(stmt: PgNode, ctx: PgStatementContext, count: number): Span[] | undefined {
  if (count < 2) return undefined;
  const relAt = ctx.at(stmt.relation?.location);
  if (relAt === undefined) return undefined;
  const tv = ctx.tokens;
  let i = tv.indexAt(relAt) + 1;
  while (tv.isPunct(i, '.')) i += 2;
  if (tv.isPunct(i, '*')) i++;
  const parts = tv.splitTopLevel(i);
  if (parts.length !== count) return undefined;
  return parts.map((p) => tv.span(p.from, p.to));
}

function alterAction(cmd: PgNode, ctx: PgStatementContext, span: Span, whole: Span): Operation {
  const op = (kind: OperationKind, fields: Partial<Operation>) => ctx.b.op(kind, span.start, span.end, fields, whole);
  const ifExists = cmd.missing_ok ? { guarded: true, ifExists: true } : {};
  const cascade = cmd.behavior === 'DROP_CASCADE' ? { cascade: true } : {};
  switch (cmd.subtype) {
    case 'AT_AddColumn': {
      const def = cmd.def?.ColumnDef ?? {};
      const spec = pgColumnSpec(def, ctx);
      return op('addColumn', {
        column: spec.name, columnSpec: spec, ...(cmd.missing_ok ? { guarded: true, ifNotExists: true } : {}),
        ...(spec.references ? { details: { inlineReferences: true } } : {}),
      });
    }
    case 'AT_DropColumn':
      return op('dropColumn', { column: cmd.name, ...ifExists, ...cascade });
    case 'AT_AlterColumnType': {
      const def = cmd.def?.ColumnDef ?? {};
      const type = pgTypeName(def.typeName);
      const fields: Partial<Operation> = { column: cmd.name, columnSpec: type ? { name: cmd.name, type } : { name: cmd.name } };
      if (def.raw_default) {
        const using = afterWord(ctx, span, 'USING');
        if (using) fields.expression = using;
      }
      return op('alterColumnType', fields);
    }
    case 'AT_SetNotNull': return op('setNotNull', { column: cmd.name });
    case 'AT_DropNotNull': return op('dropNotNull', { column: cmd.name });
    case 'AT_ColumnDefault': {
      if (!cmd.def) return op('dropDefault', { column: cmd.name });
      const tv = ctx.tokens;
      const kw = tv.findWord('DEFAULT', tv.indexAt(span.start), tv.indexAt(span.end));
      const text = kw >= 0 ? defaultText(ctx, tv.tokens[kw].start, span.end) : undefined;
      return op('setDefault', { column: cmd.name, columnSpec: text !== undefined ? { name: cmd.name, default: text } : { name: cmd.name } });
    }
    case 'AT_AddConstraint': return addConstraint(cmd.def?.Constraint ?? {}, ctx, op);
    case 'AT_DropConstraint': return op('dropConstraint', { constraint: cmd.name, ...ifExists, ...cascade });
    case 'AT_ValidateConstraint': return op('validateConstraint', { constraint: cmd.name });
    case 'AT_DetachPartition':
    case 'AT_AttachPartition': {
      const pc = cmd.def?.PartitionCmd ?? {};
      const statement = cmd.subtype === 'AT_DetachPartition' ? 'DETACH PARTITION' : 'ATTACH PARTITION';
      return op('rawSql', { statement, ...(pc.concurrent ? { concurrently: true } : {}), details: { partition: rangeVarName(pc.name).table } });
    }
    default: {
      const name = String(cmd.subtype ?? 'unknown').replace(/^AT_/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase();
      return op('rawSql', { statement: `ALTER TABLE ${name}`, ...(cmd.name ? { column: cmd.name } : {}), ...ifExists });
    }
  }
}

function addConstraint(c: PgNode, ctx: PgStatementContext, op: (k: OperationKind, f: Partial<Operation>) => Operation): Operation {
  const base: Partial<Operation> = c.conname ? { constraint: c.conname } : {};
  if (c.skip_validation) base.notValid = true;
  if (c.indexname) base.details = { usingIndex: c.indexname };
  switch (c.contype) {
    case 'CONSTR_FOREIGN': {
      const references = fkReferences(c);
      return op('addForeignKey', { ...base, columns: stringList(c.fk_attrs), ...(references ? { references } : {}) });
    }
    case 'CONSTR_UNIQUE': return op('addUnique', { ...base, columns: stringList(c.keys) });
    case 'CONSTR_PRIMARY': return op('addPrimaryKey', { ...base, columns: stringList(c.keys) });
    case 'CONSTR_CHECK': {
      const expression = checkText(ctx, ctx.at(c.location));
      return op('addCheck', { ...base, ...(expression !== undefined ? { expression } : {}) });
    }
    case 'CONSTR_NOTNULL': {
      const cols = stringList(c.keys);
      return op('setNotNull', { ...base, columns: cols, ...(cols[0] ? { column: cols[0] } : {}) });
    }
    case 'CONSTR_EXCLUSION': return op('rawSql', { ...base, statement: 'ADD CONSTRAINT EXCLUDE' });
    default: return op('rawSql', { ...base, statement: `ADD CONSTRAINT ${String(c.contype).replace(/^CONSTR_/, '')}` });
  }
}

/** Source text after a top-level keyword inside a span (`USING …`, `WHERE …`). */
export function afterWord(ctx: PgStatementContext, span: Span, word: string): string | undefined {
  const tv = ctx.tokens;
  const from = tv.indexAt(span.start);
  const to = tv.indexAt(span.end);
  const at = tv.findWord(word, from, to);
  if (at < 0 || at + 1 >= to) return undefined;
  return tv.slice(at + 1, to);
}

import type { ColumnSpec, Operation, OperationKind } from '../../../model/migration';
import { stripOuterParens } from '../sqlSource';
import { afterWord, pgAlterTable } from './pgAlterTable';
import { checkText, fkReferences, pgColumnSpec } from './pgColumnDef';
import { pgDoBlock } from './pgDoBlock';
import { nameList, rangeVarName, stringList, type PgNode, type PgStatementContext } from './pgNode';

/** Statement node types whose rawSql name is not simply their node name spelled out. */
const RAW_NAMES: Record<string, string> = {
  ReindexStmt: 'REINDEX', ClusterStmt: 'CLUSTER', RefreshMatViewStmt: 'REFRESH MATERIALIZED VIEW',
  CreateExtensionStmt: 'CREATE EXTENSION', CommentStmt: 'COMMENT', CreateSeqStmt: 'CREATE SEQUENCE',
  AlterSeqStmt: 'ALTER SEQUENCE', CreateTrigStmt: 'CREATE TRIGGER', CreateSchemaStmt: 'CREATE SCHEMA',
  LockStmt: 'LOCK', SelectStmt: 'SELECT', CopyStmt: 'COPY', CreatePolicyStmt: 'CREATE POLICY',
  CreateDomainStmt: 'CREATE DOMAIN', CompositeTypeStmt: 'CREATE TYPE', AlterDomainStmt: 'ALTER DOMAIN',
  AlterObjectSchemaStmt: 'ALTER SET SCHEMA', AlterOwnerStmt: 'ALTER OWNER', CreateRoleStmt: 'CREATE ROLE',
  GrantRoleStmt: 'GRANT ROLE', VariableShowStmt: 'SHOW', ExplainStmt: 'EXPLAIN', CreateRangeStmt: 'CREATE TYPE',
  AlterExtensionStmt: 'ALTER EXTENSION', CreateCastStmt: 'CREATE CAST', RuleStmt: 'CREATE RULE',
  AlterFunctionStmt: 'ALTER FUNCTION', CreateEventTrigStmt: 'CREATE EVENT TRIGGER', CreateStatsStmt: 'CREATE STATISTICS',
  AlterTableSpaceOptionsStmt: 'ALTER TABLESPACE', CallStmt: 'CALL', NotifyStmt: 'NOTIFY', AnalyzeStmt: 'ANALYZE',
};

/** Maps one parsed statement to operations. */
export function pgStatementOps(node: PgNode, ctx: PgStatementContext): Operation[] {
  const type = Object.keys(node ?? {})[0];
  const s = node?.[type] ?? {};
  const whole = (kind: OperationKind, fields: Partial<Operation> = {}) => ctx.b.op(kind, ctx.start, ctx.end, fields);
  switch (type) {
    case 'CreateStmt': return [createTable(s, ctx)];
    case 'AlterTableStmt': return pgAlterTable(s, ctx);
    case 'RenameStmt': return [rename(s, ctx)];
    case 'DropStmt': return drop(s, ctx);
    case 'IndexStmt': return [createIndex(s, ctx)];
    case 'CreateEnumStmt': {
      const n = nameList(s.typeName);
      return [whole('createEnum', { table: n.name, ...(n.schema ? { schema: n.schema } : {}), enumValues: stringList(s.vals) })];
    }
    case 'AlterEnumStmt': {
      const n = nameList(s.typeName);
      const fields: Partial<Operation> = { table: n.name, ...(n.schema ? { schema: n.schema } : {}), enumValues: [s.newVal] };
      if (s.oldVal !== undefined) fields.details = { renameValue: { from: s.oldVal, to: s.newVal } };
      else if (s.newValNeighbor !== undefined) {
        fields.enumPosition = s.newValIsAfter ? 'after' : 'before';
        fields.details = { neighbor: s.newValNeighbor };
      }
      if (s.skipIfNewValExists) { fields.guarded = true; fields.ifNotExists = true; }
      return [whole('alterEnum', fields)];
    }
    case 'ViewStmt': {
      const t = rangeVarName(s.view);
      return [whole('createView', { ...t, ...(s.replace ? { details: { orReplace: true } } : {}) })];
    }
    case 'CreateTableAsStmt': {
      const t = rangeVarName(s.into?.rel);
      const guard = s.if_not_exists ? { guarded: true, ifNotExists: true } : {};
      if (s.objtype === 'OBJECT_MATVIEW') return [whole('createView', { ...t, ...guard, details: { materialized: true, ...(s.into?.skipData ? { withNoData: true } : {}) } })];
      return [whole('rawSql', { ...t, ...guard, statement: 'CREATE TABLE AS' })];
    }
    case 'InsertStmt': return [whole('insert', rangeVarName(s.relation))];
    case 'UpdateStmt': return [whole('update', { ...rangeVarName(s.relation), hasWhere: !!s.whereClause })];
    case 'DeleteStmt': return [whole('delete', { ...rangeVarName(s.relation), hasWhere: !!s.whereClause })];
    case 'TruncateStmt': {
      const tables = (s.relations ?? []).map((r: PgNode) => rangeVarName(r.RangeVar));
      return [whole('rawSql', { ...tables[0], statement: 'TRUNCATE', ...(s.behavior === 'DROP_CASCADE' ? { cascade: true } : {}), details: { tables: tables.map((t: { table?: string }) => t.table) } })];
    }
    case 'TransactionStmt': return [transaction(s, ctx)];
    case 'VariableSetStmt': return [setting(s, ctx)];
    case 'DoStmt': return pgDoBlock(s, ctx);
    case 'VacuumStmt': {
      const rels = (s.rels ?? []).map((r: PgNode) => rangeVarName(r.VacuumRelation?.relation));
      const options = (s.options ?? []).map((o: PgNode) => o.DefElem?.defname).filter(Boolean);
      return [whole('rawSql', { ...rels[0], statement: s.is_vacuumcmd ? 'VACUUM' : 'ANALYZE', ...(options.length ? { details: { options } } : {}) })];
    }
    case 'ReindexStmt': {
      const concurrently = (s.params ?? []).some((p: PgNode) => p.DefElem?.defname === 'concurrently');
      const target: { table?: string; schema?: string } = s.relation ? rangeVarName(s.relation) : s.name ? { table: s.name } : {};
      const kind = String(s.kind ?? '').replace(/^REINDEX_OBJECT_/, '').toLowerCase();
      const named = kind === 'index' ? { index: target.table, ...(target.schema ? { schema: target.schema } : {}) } : target;
      return [whole('rawSql', { ...named, statement: 'REINDEX', ...(concurrently ? { concurrently: true } : {}), details: { target: kind } })];
    }
    case 'ClusterStmt':
      return [whole('rawSql', { ...rangeVarName(s.relation), statement: 'CLUSTER', ...(s.indexname ? { index: s.indexname } : {}) })];
    case 'RefreshMatViewStmt':
      return [whole('rawSql', { ...rangeVarName(s.relation), statement: 'REFRESH MATERIALIZED VIEW', ...(s.concurrent ? { concurrently: true } : {}) })];
    case 'CreateFunctionStmt':
      return [whole('rawSql', { statement: s.is_procedure ? 'CREATE PROCEDURE' : 'CREATE FUNCTION', ...(s.replace ? { details: { orReplace: true } } : {}), ...functionName(s.funcname) })];
    case 'GrantStmt': return [whole('rawSql', { statement: s.is_grant ? 'GRANT' : 'REVOKE' })];
    case 'CreateTrigStmt':
      return [whole('rawSql', { ...rangeVarName(s.relation), statement: 'CREATE TRIGGER', ...(s.replace ? { details: { orReplace: true, trigger: s.trigname } } : { details: { trigger: s.trigname } }) })];
    default: {
      const statement = RAW_NAMES[type] ?? spellNodeName(type);
      const guard = s.if_not_exists ? { guarded: true, ifNotExists: true } : s.missing_ok ? { guarded: true, ifExists: true } : {};
      const target = s.relation ? rangeVarName(s.relation) : {};
      return [whole('rawSql', { ...target, statement, ...guard })];
    }
  }
}

function spellNodeName(type: string | undefined): string {
  if (!type) return 'UNKNOWN';
  return type.replace(/Stmt$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase();
}

function functionName(list: PgNode): { details?: Record<string, unknown> } {
  const n = nameList(list);
  return n.name ? { details: { function: n.schema ? `${n.schema}.${n.name}` : n.name } } : {};
}

function createTable(s: PgNode, ctx: PgStatementContext): Operation {
  const columns: ColumnSpec[] = [];
  const constraints: Record<string, unknown>[] = [];
  for (const el of s.tableElts ?? []) {
    if (el.ColumnDef) columns.push(pgColumnSpec(el.ColumnDef, ctx));
    else if (el.Constraint) {
      const c = el.Constraint;
      const keys = stringList(c.keys);
      const entry: Record<string, unknown> = { type: String(c.contype).replace(/^CONSTR_/, '').toLowerCase() };
      if (c.conname) entry.name = c.conname;
      if (c.contype === 'CONSTR_FOREIGN') {
        entry.columns = stringList(c.fk_attrs);
        entry.references = fkReferences(c);
      } else if (keys.length) entry.columns = keys;
      if (c.contype === 'CONSTR_CHECK') entry.expression = checkText(ctx, ctx.at(c.location));
      if (c.contype === 'CONSTR_PRIMARY' || c.contype === 'CONSTR_UNIQUE') {
        for (const col of columns) if (keys.includes(col.name)) {
          if (c.contype === 'CONSTR_PRIMARY') col.primary = true; else if (keys.length === 1) col.unique = true;
        }
      }
      constraints.push(entry);
    }
  }
  const details: Record<string, unknown> = {};
  if (constraints.length) details.constraints = constraints;
  if (s.partbound) details.partitionOf = rangeVarName(s.inhRelations?.[0]?.RangeVar).table;
  if (s.partspec) details.partitioned = true;
  if (s.relation?.relpersistence === 't') details.temporary = true;
  return ctx.b.op('createTable', ctx.start, ctx.end, {
    ...rangeVarName(s.relation), tableColumns: columns,
    ...(s.if_not_exists ? { guarded: true, ifNotExists: true } : {}),
    ...(Object.keys(details).length ? { details } : {}),
  });
}

function rename(s: PgNode, ctx: PgStatementContext): Operation {
  const target = rangeVarName(s.relation);
  const guard = s.missing_ok ? { guarded: true, ifExists: true } : {};
  const whole = (kind: OperationKind, fields: Partial<Operation>) => ctx.b.op(kind, ctx.start, ctx.end, { ...target, ...guard, ...fields });
  switch (s.renameType) {
    case 'OBJECT_COLUMN':
      if (s.relationType === 'OBJECT_TABLE') return whole('renameColumn', { column: s.subname, newName: s.newname });
      return whole('rawSql', { statement: 'RENAME COLUMN', column: s.subname, newName: s.newname, details: { of: String(s.relationType).replace(/^OBJECT_/, '').toLowerCase() } });
    case 'OBJECT_TABLE': return whole('renameTable', { newName: s.newname });
    case 'OBJECT_TABCONSTRAINT': return whole('rawSql', { statement: 'RENAME CONSTRAINT', constraint: s.subname, newName: s.newname });
    case 'OBJECT_INDEX': return ctx.b.op('rawSql', ctx.start, ctx.end, { ...guard, index: target.table, ...(target.schema ? { schema: target.schema } : {}), statement: 'RENAME INDEX', newName: s.newname });
    default: {
      const what = String(s.renameType).replace(/^OBJECT_/, '').replace(/_/g, ' ');
      const obj = s.object ? nameList(s.object) : {};
      return whole('rawSql', { statement: `RENAME ${what}`, newName: s.newname, ...(obj.name && !target.table ? { table: obj.name } : {}) });
    }
  }
}

function drop(s: PgNode, ctx: PgStatementContext): Operation[] {
  const guard = s.missing_ok ? { guarded: true, ifExists: true } : {};
  const cascade = s.behavior === 'DROP_CASCADE' ? { cascade: true } : {};
  const names = (s.objects ?? []).map((o: PgNode) => nameList(o));
  const each = (kind: OperationKind, f: (n: { name?: string; schema?: string }) => Partial<Operation>) =>
    names.map((n: { name?: string; schema?: string }) => ctx.b.op(kind, ctx.start, ctx.end, { ...(n.schema ? { schema: n.schema } : {}), ...f(n), ...guard, ...cascade }));
  switch (s.removeType) {
    case 'OBJECT_TABLE': return each('dropTable', (n) => ({ table: n.name }));
    case 'OBJECT_INDEX': return each('dropIndex', (n) => ({ index: n.name, ...(s.concurrent ? { concurrently: true } : {}) }));
    case 'OBJECT_VIEW': return each('dropView', (n) => ({ table: n.name }));
    case 'OBJECT_MATVIEW': return each('dropView', (n) => ({ table: n.name, details: { materialized: true } }));
    default: {
      const what = String(s.removeType).replace(/^OBJECT_/, '').replace(/_/g, ' ');
      const first = names[0] ?? {};
      return [ctx.b.op('rawSql', ctx.start, ctx.end, { statement: `DROP ${what}`, ...(first.name ? { table: first.name } : {}), ...guard, ...cascade })];
    }
  }
}

function createIndex(s: PgNode, ctx: PgStatementContext): Operation {
  const params: PgNode[] = (s.indexParams ?? []).map((p: PgNode) => p.IndexElem).filter(Boolean);
  const texts = indexElementTexts(s, ctx, params.length);
  const columns = params.map((p, i) => p.name ?? texts?.[i] ?? '(expression)');
  const fields: Partial<Operation> = {
    ...rangeVarName(s.relation), columns, indexMethod: s.accessMethod ?? 'btree',
    ...(s.idxname ? { index: s.idxname } : {}),
  };
  if (s.unique) fields.unique = true;
  if (s.concurrent) fields.concurrently = true;
  if (s.if_not_exists) { fields.guarded = true; fields.ifNotExists = true; }
  if (s.whereClause) {
    const where = afterWord(ctx, { start: ctx.start, end: ctx.end }, 'WHERE');
    if (where) fields.expression = stripOuterParens(where);
  }
  const include = (s.indexIncludingParams ?? []).map((p: PgNode) => p.IndexElem?.name).filter(Boolean);
  if (include.length) fields.details = { include };
  if (params.some((p) => !p.name)) fields.details = { ...fields.details, expressionIndex: true };
  return ctx.b.op('createIndex', ctx.start, ctx.end, fields);
}

/** Source text of each element in the index's column list. */
function indexElementTexts(s: PgNode, ctx: PgStatementContext, count: number): string[] | undefined {
  const relAt = ctx.at(s.relation?.location);
  if (relAt === undefined) return undefined;
  const tv = ctx.tokens;
  let i = tv.indexAt(relAt);
  while (i < tv.tokens.length && !tv.isPunct(i, '(')) i++;
  if (i >= tv.tokens.length) return undefined;
  const close = tv.closeParen(i);
  const parts = tv.splitTopLevel(i + 1, close - 1);
  return parts.length === count ? parts.map((p) => tv.slice(p.from, p.to)) : undefined;
}

function transaction(s: PgNode, ctx: PgStatementContext): Operation {
  const op = (t: Operation['transaction'], details?: Record<string, unknown>) =>
    ctx.b.op('transactionControl', ctx.start, ctx.end, { transaction: t, ...(details ? { details } : {}) });
  switch (s.kind) {
    case 'TRANS_STMT_BEGIN': case 'TRANS_STMT_START': return op('begin');
    case 'TRANS_STMT_COMMIT': return op('commit');
    case 'TRANS_STMT_ROLLBACK': return op('rollback');
    case 'TRANS_STMT_SAVEPOINT': return op('savepoint', { savepoint: s.savepoint_name });
    case 'TRANS_STMT_RELEASE': return op('release', { savepoint: s.savepoint_name });
    case 'TRANS_STMT_ROLLBACK_TO': return op('rollback', { savepoint: s.savepoint_name });
    default: return ctx.b.op('rawSql', ctx.start, ctx.end, { statement: String(s.kind).replace(/^TRANS_STMT_/, '').replace(/_/g, ' ') + ' TRANSACTION' });
  }
}

function setting(s: PgNode, ctx: PgStatementContext): Operation {
  const local = s.is_local ? { local: true } : {};
  const make = (name: string, value: string, details?: Record<string, unknown>) =>
    ctx.b.op('setting', ctx.start, ctx.end, { setting: { name, value, ...local }, ...(details ? { details } : {}) });
  switch (s.kind) {
    case 'VAR_SET_VALUE': return make(s.name, (s.args ?? []).map((a: PgNode) => constText(a, ctx)).join(', '));
    case 'VAR_SET_DEFAULT': return make(s.name, 'DEFAULT');
    case 'VAR_SET_CURRENT': return make(s.name, 'FROM CURRENT');
    case 'VAR_RESET': return make(s.name, 'DEFAULT', { reset: true });
    case 'VAR_RESET_ALL': return make('all', 'DEFAULT', { reset: true });
    default: return ctx.b.op('rawSql', ctx.start, ctx.end, { statement: s.name === 'TRANSACTION' || s.name === 'transaction' ? 'SET TRANSACTION' : 'SET', details: { name: s.name } });
  }
}

function constText(a: PgNode, ctx: PgStatementContext): string {
  const c = a?.A_Const;
  if (c?.sval) return c.sval.sval;
  if (c?.ival) return String(c.ival.ival ?? 0);
  if (c?.fval) return c.fval.fval;
  if (c?.boolval) return String(c.boolval.boolval ?? false);
  const at = ctx.at(c?.location ?? a?.TypeCast?.location);
  if (at === undefined) return '';
  const tv = ctx.tokens;
  const i = tv.indexAt(at);
  return tv.slice(i, tv.expressionEnd(i));
}

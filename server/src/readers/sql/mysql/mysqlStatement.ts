import type { ColumnSpec, Operation, OperationKind } from '../../../model/migration';
import { identifierName } from '../sqlLexer';
import { mysqlAlterTable } from './mysqlAlterTable';
import { readMysqlColumn, readReferentialActions } from './mysqlColumnDef';
import { astifyMysql } from './mysqlParser';
import type { MysqlStatementContext } from './mysqlStatementContext';
import { preparedIfBranches } from './mysqlPreparedSql';
import { readMysql } from './readMysql';
import { MysqlCursor } from './mysqlTokens';

const ROUTINES = new Set(['PROCEDURE', 'FUNCTION', 'TRIGGER', 'EVENT']);
const ALTERABLE = new Set(['DATABASE', 'SCHEMA', 'VIEW', 'PROCEDURE', 'FUNCTION', 'EVENT', 'USER', 'ROLE', 'SEQUENCE', 'SERVER', 'TABLESPACE', 'INSTANCE', 'LOGFILE']);

/**
 * Maps one MySQL/MariaDB statement to operations. The DDL and migration-relevant shapes are read
 * from tokens (positions and source text kept); anything else goes to node-sql-parser, and what
 * neither understands becomes `unknown`.
 */
export function mysqlStatementOps(ctx: MysqlStatementContext): Operation[] {
  const c = new MysqlCursor(ctx.tv, 0, ctx.tv.tokens.length);
  const whole = (kind: OperationKind, fields: Partial<Operation> = {}) => ctx.b.op(kind, ctx.start, ctx.end, fields);
  const named = (n: { name?: string; schema?: string }) => (n.schema ? { table: n.name, schema: n.schema } : { table: n.name });
  const first = c.word();

  switch (first) {
    case 'ALTER': {
      c.i++;
      c.accept('ONLINE'); c.accept('IGNORE');
      if (c.accept('TABLE')) return mysqlAlterTable(ctx, c);
      // ALTER DATABASE … CHARACTER SET, ALTER VIEW/EVENT/USER…: not table DDL, but a known statement.
      const what = c.word();
      if (ALTERABLE.has(what)) return [whole('rawSql', { statement: `ALTER ${what}` })];
      break;
    }
    case 'CREATE': {
      c.i++;
      c.accept('OR', 'REPLACE');
      skipViewAndRoutineOptions(c);
      const temporary = c.accept('TEMPORARY');
      if (c.accept('TABLE')) return [createTable(ctx, c, temporary)];
      c.accept('ONLINE'); c.accept('OFFLINE');
      const kind = c.accept('UNIQUE') ? 'UNIQUE' : c.accept('FULLTEXT') ? 'FULLTEXT' : c.accept('SPATIAL') ? 'SPATIAL' : undefined;
      if (c.accept('INDEX')) return [createIndex(ctx, c, kind)];
      if (c.accept('VIEW')) {
        const g = c.ifNotExists();
        return [whole('createView', { ...named(c.name()), ...(g ? { guarded: true, ifNotExists: true } : {}) })];
      }
      const what = c.word();
      if (ROUTINES.has(what) || what === 'DATABASE' || what === 'SCHEMA' || what === 'USER' || what === 'ROLE') {
        c.i++;
        const g = c.ifNotExists();
        return [whole('rawSql', { statement: `CREATE ${what}`, ...(g ? { guarded: true, ifNotExists: true } : {}), details: { name: c.name().name } })];
      }
      break;
    }
    case 'DROP': {
      c.i++;
      c.accept('TEMPORARY');
      const dropKind = c.accept('TABLE') || c.accept('TABLES') ? 'dropTable' : c.accept('VIEW') ? 'dropView' : undefined;
      if (dropKind) {
        const guarded = c.ifExists();
        const names = namesList(c);
        const flags = { ...(guarded ? { guarded: true, ifExists: true } : {}), ...(ctx.tv.findWord('CASCADE', c.i) >= 0 ? { cascade: true } : {}) };
        // A name this reader cannot take (SQLite's `'t'`) must not make the statement vanish.
        if (!names.length) return [whole(dropKind, flags)];
        return names.map((n) => whole(dropKind, { ...named(n), ...flags }));
      }
      c.accept('ONLINE'); c.accept('OFFLINE');
      if (c.accept('INDEX')) return [dropIndex(ctx, c)];
      const what = c.word();
      if (what) {
        c.i++;
        const g = c.ifExists();
        return [whole('rawSql', { statement: `DROP ${what}`, ...(g ? { guarded: true, ifExists: true } : {}), details: { name: c.name().name } })];
      }
      break;
    }
    case 'RENAME': {
      c.i++;
      if (!c.accept('TABLE') && !c.accept('TABLES')) break;
      return ctx.tv.splitTopLevel(c.i).map((p) => {
        const pc = new MysqlCursor(ctx.tv, p.from, p.to);
        const from = pc.name();
        pc.accept('TO');
        const to = pc.name();
        const span = ctx.tv.span(p.from, p.to);
        return ctx.b.op('renameTable', span.start, span.end, { ...named(from), newName: to.name }, { start: ctx.start, end: ctx.end });
      });
    }
    case 'SET': return settings(ctx, c);
    case 'START':
      if (c.accept('START', 'TRANSACTION')) return [whole('transactionControl', { transaction: 'begin' })];
      break;
    case 'BEGIN': return [whole('transactionControl', { transaction: 'begin' })];
    case 'COMMIT': return [whole('transactionControl', { transaction: 'commit' })];
    case 'ROLLBACK': {
      c.i++;
      c.accept('WORK');
      if (c.accept('TO')) { c.accept('SAVEPOINT'); return [whole('transactionControl', { transaction: 'rollback', details: { savepoint: c.name().name } })]; }
      return [whole('transactionControl', { transaction: 'rollback' })];
    }
    case 'SAVEPOINT': c.i++; return [whole('transactionControl', { transaction: 'savepoint', details: { savepoint: c.name().name } })];
    case 'RELEASE': c.i++; c.accept('SAVEPOINT'); return [whole('transactionControl', { transaction: 'release', details: { savepoint: c.name().name } })];
    case 'INSERT': case 'REPLACE': {
      c.i++;
      while (['LOW_PRIORITY', 'DELAYED', 'HIGH_PRIORITY', 'IGNORE'].includes(c.word())) c.i++;
      c.accept('INTO');
      return [whole('insert', { ...named(c.name()), ...(first === 'REPLACE' ? { details: { replace: true } } : {}) })];
    }
    case 'UPDATE': {
      c.i++;
      while (['LOW_PRIORITY', 'IGNORE'].includes(c.word())) c.i++;
      return [whole('update', { ...named(c.name()), hasWhere: ctx.tv.findWord('WHERE', c.i) >= 0 })];
    }
    case 'DELETE': {
      c.i++;
      while (['LOW_PRIORITY', 'QUICK', 'IGNORE'].includes(c.word())) c.i++;
      c.accept('FROM');
      return [whole('delete', { ...named(c.name()), hasWhere: ctx.tv.findWord('WHERE', c.i) >= 0 })];
    }
    case 'TRUNCATE': c.i++; c.accept('TABLE'); return [whole('rawSql', { ...named(c.name()), statement: 'TRUNCATE' })];
    case 'OPTIMIZE': case 'ANALYZE': case 'CHECK': case 'REPAIR': {
      c.i++;
      c.accept('NO_WRITE_TO_BINLOG'); c.accept('LOCAL');
      if (!c.accept('TABLE')) break;
      const tables = namesList(c);
      return [whole('rawSql', { ...named(tables[0] ?? {}), statement: `${first} TABLE`, details: { tables: tables.map((t) => t.name) } })];
    }
    case 'LOCK': case 'UNLOCK': return [whole('rawSql', { statement: `${first} TABLES` })];
    // Prepared statements: the SQL they run is read where it is written (preparedIfBranches).
    case 'PREPARE': c.i++; return [whole('rawSql', { statement: 'PREPARE', details: { name: c.name().name } })];
    case 'EXECUTE': c.i++; return [whole('rawSql', { statement: 'EXECUTE', details: { name: c.name().name } })];
    case 'DEALLOCATE': c.i++; c.accept('PREPARE'); return [whole('rawSql', { statement: 'DEALLOCATE PREPARE', details: { name: c.name().name } })];
  }
  return viaNodeSqlParser(ctx);
}

/** Statements the token reader does not know: node-sql-parser names them, or they stay unknown. */
function viaNodeSqlParser(ctx: MysqlStatementContext): Operation[] {
  const text = ctx.sql.slice(ctx.start, ctx.end);
  const parsed = astifyMysql(text, ctx.dialect);
  if (parsed.ast) {
    const ast = Array.isArray(parsed.ast) ? parsed.ast[0] : parsed.ast;
    const type = String(ast?.type ?? 'statement').toUpperCase();
    const keyword = typeof ast?.keyword === 'string' ? ` ${ast.keyword.toUpperCase()}` : '';
    const table = Array.isArray(ast?.table) ? ast.table[0]?.table : ast?.table?.table;
    return [ctx.b.op('rawSql', ctx.start, ctx.end, { statement: `${type}${keyword}`, ...(typeof table === 'string' ? { table } : {}) })];
  }
  ctx.unparsed(`MySQL statement not understood (${parsed.error ?? 'unknown shape'})`);
  return [ctx.b.op('unknown', ctx.start, ctx.end, { reason: `not understood by node-sql-parser or the token reader: ${parsed.error ?? ''}`.trim() })];
}

/** DEFINER = user@host, ALGORITHM = x, SQL SECURITY x before VIEW/PROCEDURE/TRIGGER. */
function skipViewAndRoutineOptions(c: MysqlCursor): void {
  for (;;) {
    if (c.accept('DEFINER')) {
      c.acceptPunct('=');
      c.i++;
      while (!c.done && (c.punct('@') || c.tv.tokens[c.i].start === c.tv.tokens[c.i - 1].end)) c.i++;
      continue;
    }
    if (c.word() === 'ALGORITHM' && c.punct('=', 1)) { c.i += 3; continue; }
    if (c.accept('SQL', 'SECURITY')) { c.i++; continue; }
    return;
  }
}

function namesList(c: MysqlCursor): { name?: string; schema?: string }[] {
  const out: { name?: string; schema?: string }[] = [];
  for (;;) {
    const n = c.name();
    if (!n.name) break;
    out.push(n);
    if (!c.acceptPunct(',')) break;
  }
  return out;
}

function createTable(ctx: MysqlStatementContext, c: MysqlCursor, temporary: boolean): Operation {
  const ifNotExists = c.ifNotExists();
  const n = c.name();
  const base: Partial<Operation> = { ...(n.schema ? { table: n.name, schema: n.schema } : { table: n.name }), ...(ifNotExists ? { guarded: true, ifNotExists: true } : {}) };
  const details: Record<string, unknown> = temporary ? { temporary: true } : {};
  if (!c.punct('(')) {
    details.from = c.word() === 'LIKE' ? 'LIKE' : 'SELECT';
    return ctx.b.op('rawSql', ctx.start, ctx.end, { ...base, statement: `CREATE TABLE ${details.from === 'LIKE' ? 'LIKE' : 'AS'}`, details });
  }
  const open = c.i;
  const close = Math.min(ctx.tv.closeParen(open), c.end);
  const columns: ColumnSpec[] = [];
  const constraints: Record<string, unknown>[] = [];
  for (const p of ctx.tv.splitTopLevel(open + 1, close - 1)) {
    const e = new MysqlCursor(ctx.tv, p.from, p.to);
    const element = tableElement(e);
    if (element) { constraints.push(element); continue; }
    const col = readMysqlColumn(e);
    if (col.details.inlineReferences) details.inlineReferences = true;
    if (col.details.charset) details.columnCharsets = { ...(details.columnCharsets as object), [col.spec.name]: col.details.charset };
    columns.push(col.spec);
  }
  for (const k of constraints) {
    const cols = (k.columns as string[] | undefined) ?? [];
    for (const col of columns) {
      if (!cols.includes(col.name)) continue;
      if (k.type === 'primary') col.primary = true;
      else if (k.type === 'unique' && cols.length === 1) col.unique = true;
    }
  }
  if (constraints.length) details.constraints = constraints;
  const options = readTableOptions(new MysqlCursor(ctx.tv, close, c.end));
  if (Object.keys(options).length) details.tableOptions = options;
  const charset = Object.entries(options).find(([k]) => /\b(CHARSET|CHARACTER SET)$/.test(k))?.[1];
  if (charset) details.charset = charset.toLowerCase();
  return ctx.b.op('createTable', ctx.start, ctx.end, { ...base, tableColumns: columns, ...(Object.keys(details).length ? { details } : {}) });
}

/** A key/index/constraint element of CREATE TABLE, or undefined when the element is a column. */
function tableElement(e: MysqlCursor): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  if (e.accept('CONSTRAINT')) { if (!['PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK'].includes(e.word())) out.name = e.name().name; }
  else if (!['PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK', 'KEY', 'INDEX', 'FULLTEXT', 'SPATIAL'].includes(e.word())) return undefined;
  if (e.accept('PRIMARY', 'KEY')) out.type = 'primary';
  else if (e.accept('FOREIGN', 'KEY')) out.type = 'foreign';
  else if (e.accept('CHECK')) { out.type = 'check'; const open = e.i; e.skipParens(); out.expression = e.tv.slice(open + 1, e.i - 1); return out; }
  else if (e.accept('UNIQUE')) out.type = 'unique';
  else if (e.accept('FULLTEXT') || e.accept('SPATIAL')) out.type = e.tv.word(e.i - 1).toLowerCase();
  else out.type = 'index';
  e.accept('INDEX'); e.accept('KEY');
  if (!e.punct('(') && e.word() !== 'USING') { const n = e.name().name; if (n) out.index = n; }
  if (e.accept('USING')) e.i++;
  out.columns = e.columnList();
  if (out.type === 'foreign' && e.accept('REFERENCES')) {
    const ref: Record<string, unknown> = { table: e.name().name, columns: e.columnList() };
    readReferentialActions(e, ref);
    out.references = ref;
  }
  return out;
}

/** ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 … → { ENGINE: 'INNODB', 'DEFAULT CHARSET': 'UTF8MB4' } */
function readTableOptions(c: MysqlCursor): Record<string, string> {
  const out: Record<string, string> = {};
  while (!c.done) {
    const key: string[] = [];
    while (!c.done && c.tv.tokens[c.i].kind === 'word' && !c.punct('=', 0)) {
      key.push(c.word());
      if (c.punct('=', 1) || c.tv.tokens[c.i + 1]?.kind !== 'word' || ['DEFAULT', 'CHARACTER'].indexOf(c.word()) < 0) { c.i++; break; }
      c.i++;
    }
    if (!key.length) { c.i++; continue; }
    if (key[key.length - 1] === 'CHARACTER' && c.accept('SET')) key.push('SET');
    c.acceptPunct('=');
    if (!c.done) out[key.join(' ')] = identifierName(c.tv.sql, c.tv.tokens[c.i++]);
    c.acceptPunct(',');
  }
  return out;
}

function createIndex(ctx: MysqlStatementContext, c: MysqlCursor, kind: string | undefined): Operation {
  const ifNotExists = c.ifNotExists();
  const index = c.name().name;
  let method = kind === 'FULLTEXT' || kind === 'SPATIAL' ? kind : undefined;
  if (c.accept('USING')) method = c.tv.word(c.i++);
  c.accept('ON');
  const t = c.name();
  const columns = c.columnList();
  const fields: Partial<Operation> = {
    ...(t.schema ? { table: t.name, schema: t.schema } : { table: t.name }), index, columns,
    ...(kind === 'UNIQUE' ? { unique: true } : {}), ...(ifNotExists ? { guarded: true, ifNotExists: true } : {}),
  };
  readAlgorithmLock(c, fields, (m) => { method = m; });
  if (method) fields.indexMethod = method;
  return ctx.b.op('createIndex', ctx.start, ctx.end, fields);
}

function dropIndex(ctx: MysqlStatementContext, c: MysqlCursor): Operation {
  const ifExists = c.ifExists();
  const index = c.name().name;
  c.accept('ON');
  const t = c.name();
  const fields: Partial<Operation> = { ...(t.schema ? { table: t.name, schema: t.schema } : { table: t.name }), index, ...(ifExists ? { guarded: true, ifExists: true } : {}) };
  readAlgorithmLock(c, fields);
  return ctx.b.op('dropIndex', ctx.start, ctx.end, fields);
}

function readAlgorithmLock(c: MysqlCursor, fields: Partial<Operation>, onUsing?: (m: string) => void): void {
  while (!c.done) {
    if (c.accept('ALGORITHM')) fields.algorithm = c.optionValue();
    else if (c.accept('LOCK')) fields.lock = c.optionValue();
    else if (c.accept('USING')) onUsing?.(c.done ? '' : c.tv.word(c.i++));
    else c.i++;
  }
}

/** SET [SESSION|GLOBAL] a = 1, @@session.b = 2 → one setting operation per assignment. */
function settings(ctx: MysqlStatementContext, c: MysqlCursor): Operation[] {
  c.i++;
  if (c.word() === 'TRANSACTION' || (['SESSION', 'GLOBAL'].includes(c.word()) && c.word(1) === 'TRANSACTION')) {
    return [ctx.b.op('rawSql', ctx.start, ctx.end, { statement: 'SET TRANSACTION' })];
  }
  let scope = c.accept('SESSION') || c.accept('LOCAL') ? 'session' : c.accept('GLOBAL') ? 'global' : c.accept('PERSIST') ? 'persist' : undefined;
  const parts = ctx.tv.splitTopLevel(c.i);
  return parts.map((p) => {
    const pc = new MysqlCursor(ctx.tv, p.from, p.to);
    if (pc.accept('SESSION') || pc.accept('LOCAL')) scope = 'session';
    else if (pc.accept('GLOBAL')) scope = 'global';
    let name = pc.done ? '' : pc.tv.text(pc.i++);
    while (pc.punct('.') && !pc.done) { name += '.' + pc.tv.text(pc.i + 1); pc.i += 2; }
    const m = /^@@(?:(session|global|local)\.)?(.*)$/i.exec(name);
    if (m) { if (m[1]) scope = m[1].toLowerCase() === 'global' ? 'global' : 'session'; name = m[2]; }
    let value = '';
    if (pc.acceptPunct('=') || (pc.punct(':') && pc.punct('=', 1) && (pc.i += 2) > 0)) value = pc.tv.slice(pc.i, pc.end);
    else if (name.toUpperCase() === 'NAMES' || name.toUpperCase() === 'CHARACTER') value = pc.tv.slice(pc.i, pc.end);
    const unquoted = /^'(.*)'$/s.test(value) ? value.slice(1, -1) : value;
    const span = ctx.tv.span(p.from, p.to);
    const whole = { start: ctx.start, end: ctx.end };
    const setting = ctx.b.op('setting', parts.length > 1 ? span.start : ctx.start, parts.length > 1 ? span.end : ctx.end,
      { setting: { name: name.replace(/^`|`$/g, ''), value: unquoted }, ...(scope ? { details: { scope } } : {}) }, whole);
    // `SET @sql = IF(cond, 'ALTER TABLE …', 'SELECT 1')`: the guarded DDL a later EXECUTE runs.
    const prepared = name.startsWith('@') && value ? preparedIfBranches(ctx, pc.i, pc.end, (inner) => { readMysql(inner, ctx.dialect); }) : [];
    return prepared.length ? prepared : [setting];
  }).flat();
}

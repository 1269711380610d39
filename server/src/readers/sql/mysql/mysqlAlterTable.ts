import type { Operation, OperationKind } from '../../../model/migration';
import { readMysqlColumn, readReferentialActions } from './mysqlColumnDef';
import type { MysqlStatementContext } from './mysqlStatementContext';
import { MysqlCursor } from './mysqlTokens';

/**
 * ALTER TABLE, read from tokens: node-sql-parser rejects common actions (ADD UNIQUE KEY, ADD
 * CONSTRAINT … FOREIGN KEY, ALTER COLUMN SET DEFAULT, MariaDB IF [NOT] EXISTS) and gives no positions.
 * One operation per action; ALGORITHM= / LOCK= apply to every operation of the statement.
 */
export function mysqlAlterTable(ctx: MysqlStatementContext, c: MysqlCursor): Operation[] {
  const tableIfExists = c.ifExists();
  const target = c.name();
  const where = target.schema ? { table: target.name, schema: target.schema } : { table: target.name };
  const parts = ctx.tv.splitTopLevel(c.i, c.end);
  const ops: Operation[] = [];
  let algorithm: string | undefined;
  let lock: string | undefined;
  const whole = { start: ctx.start, end: ctx.end };
  for (const part of parts) {
    const a = new MysqlCursor(ctx.tv, part.from, part.to);
    const span = ctx.tv.span(part.from, part.to);
    const op = (kind: OperationKind, fields: Partial<Operation> = {}) =>
      ctx.b.op(kind, span.start, span.end, { ...where, ...(tableIfExists ? { guarded: true } : {}), ...fields }, whole);
    // Table options may follow each other without commas (ALGORITHM=INPLACE LOCK=NONE).
    while (!a.done) {
      if (a.accept('ALGORITHM')) { algorithm = a.optionValue(); continue; }
      if (a.accept('LOCK')) { lock = a.optionValue(); continue; }
      break;
    }
    if (a.done) continue;
    const read = alterAction(a, op, ctx);
    ops.push(...read);
  }
  for (const o of ops) {
    if (algorithm) o.algorithm = algorithm;
    if (lock) o.lock = lock;
    if (ops.length > 1) o.details = { ...o.details, actionCount: ops.length };
  }
  if (!ops.length) ops.push(ctx.b.op('rawSql', ctx.start, ctx.end, { ...where, statement: 'ALTER TABLE', ...(algorithm ? { algorithm } : {}), ...(lock ? { lock } : {}) }));
  return ops;
}

type Make = (kind: OperationKind, fields?: Partial<Operation>) => Operation;

function alterAction(a: MysqlCursor, op: Make, ctx: MysqlStatementContext): Operation[] {
  const tv = a.tv;
  if (a.accept('ADD')) return addAction(a, op, ctx);
  if (a.accept('DROP')) {
    if (a.accept('PRIMARY', 'KEY')) return [op('dropConstraint', { constraint: 'PRIMARY', details: { primaryKey: true } })];
    if (a.accept('FOREIGN', 'KEY')) { const g = guard(a.ifExists(), 'ifExists'); return [op('dropForeignKey', { ...g, constraint: a.name().name })]; }
    if (a.accept('INDEX') || a.accept('KEY')) { const g = guard(a.ifExists(), 'ifExists'); return [op('dropIndex', { ...g, index: a.name().name })]; }
    if (a.accept('CONSTRAINT') || a.accept('CHECK')) { const g = guard(a.ifExists(), 'ifExists'); return [op('dropConstraint', { ...g, constraint: a.name().name })]; }
    if (a.accept('PARTITION')) return [op('rawSql', { statement: 'DROP PARTITION' })];
    a.accept('COLUMN');
    const g = guard(a.ifExists(), 'ifExists');
    const column = a.name().name;
    return [op('dropColumn', { ...g, column, ...(a.accept('CASCADE') ? { cascade: true } : {}) })];
  }
  if (a.accept('MODIFY')) {
    a.accept('COLUMN');
    const g = guard(a.ifExists(), 'ifExists');
    const col = readMysqlColumn(a);
    return [op('alterColumnType', { ...g, column: col.spec.name, columnSpec: col.spec, details: { mysqlModify: true, ...col.details } })];
  }
  if (a.accept('CHANGE')) {
    a.accept('COLUMN');
    const g = guard(a.ifExists(), 'ifExists');
    const old = a.name().name ?? '';
    const col = readMysqlColumn(a);
    const renamed = col.spec.name && col.spec.name !== old ? { newName: col.spec.name } : {};
    const ops = [op('alterColumnType', { ...g, column: old, ...renamed, columnSpec: col.spec, details: { mysqlModify: true, mysqlChange: true, ...col.details } })];
    if (col.spec.name && col.spec.name !== old) ops.push(op('renameColumn', { ...g, column: old, newName: col.spec.name, details: { mysqlChange: true } }));
    return ops;
  }
  if (a.accept('RENAME')) {
    if (a.accept('COLUMN')) {
      const from = a.name().name;
      a.accept('TO');
      return [op('renameColumn', { column: from, newName: a.name().name })];
    }
    if (a.accept('INDEX') || a.accept('KEY')) {
      const from = a.name().name;
      a.accept('TO');
      return [op('rawSql', { statement: 'RENAME INDEX', index: from, newName: a.name().name })];
    }
    if (!a.accept('TO')) a.accept('AS');
    const to = a.name();
    return [op('renameTable', { newName: to.name })];
  }
  if (a.accept('ALTER')) {
    if (a.accept('INDEX')) return [op('rawSql', { statement: 'ALTER INDEX', index: a.name().name })];
    if (a.accept('CHECK') || a.accept('CONSTRAINT')) return [op('rawSql', { statement: 'ALTER CONSTRAINT', constraint: a.name().name })];
    a.accept('COLUMN');
    const column = a.name().name;
    if (a.accept('SET', 'DEFAULT')) {
      const end = tv.expressionEnd(a.i, a.end);
      const text = tv.slice(a.i, end);
      return [op('setDefault', { column, columnSpec: { name: column ?? '', ...(text ? { default: text } : {}) } })];
    }
    if (a.accept('DROP', 'DEFAULT')) return [op('dropDefault', { column })];
    return [op('rawSql', { statement: `ALTER COLUMN ${a.word()}`.trim(), column })];
  }
  if (a.accept('FORCE')) return [op('rawSql', { statement: 'FORCE' })];
  if (a.accept('ENGINE')) return [op('rawSql', { statement: 'ENGINE', details: { engine: a.optionValue() } })];
  if (a.accept('CONVERT', 'TO')) return [op('rawSql', { statement: 'CONVERT TO CHARACTER SET' })];
  const option = a.word();
  if (TABLE_OPTIONS.has(option) || a.accept('DEFAULT')) return [op('rawSql', { statement: 'TABLE OPTION', details: { option: option || a.word() } })];
  if (option === 'ORDER' || option === 'DISCARD' || option === 'IMPORT' || option === 'DISABLE' || option === 'ENABLE' || /PARTITION/.test(option)) return [op('rawSql', { statement: `${option} ${a.word(1)}`.trim() })];
  const text = tv.slice(a.i, a.end);
  ctx.unparsed(`ALTER TABLE action not understood: ${text.slice(0, 80)}`, a);
  return [op('unknown', { reason: `ALTER TABLE action not understood: ${text.slice(0, 120)}` })];
}

const TABLE_OPTIONS = new Set([
  'AUTO_INCREMENT', 'AVG_ROW_LENGTH', 'CHARACTER', 'CHARSET', 'CHECKSUM', 'COLLATE', 'COMMENT', 'COMPRESSION',
  'CONNECTION', 'DATA', 'INDEX', 'DELAY_KEY_WRITE', 'ENCRYPTION', 'INSERT_METHOD', 'KEY_BLOCK_SIZE', 'MAX_ROWS',
  'MIN_ROWS', 'PACK_KEYS', 'PASSWORD', 'ROW_FORMAT', 'STATS_AUTO_RECALC', 'STATS_PERSISTENT', 'STATS_SAMPLE_PAGES',
  'TABLESPACE', 'UNION', 'PAGE_CHECKSUM', 'TRANSACTIONAL', 'WITH', 'WITHOUT',
]);

function addAction(a: MysqlCursor, op: Make, ctx: MysqlStatementContext): Operation[] {
  let constraint: string | undefined;
  // MariaDB: ADD CONSTRAINT IF NOT EXISTS name CHECK (…) / FOREIGN KEY …
  let constraintGuard: ReturnType<typeof guard> = {};
  if (a.accept('CONSTRAINT')) {
    constraintGuard = guard(a.ifNotExists(), 'ifNotExists');
    if (!['PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK'].includes(a.word())) constraint = a.name().name;
  }
  const named = { ...constraintGuard, ...(constraint ? { constraint } : {}) };
  if (a.accept('PRIMARY', 'KEY')) {
    skipIndexType(a);
    return [op('addPrimaryKey', { ...named, columns: a.columnList() })];
  }
  if (a.accept('FOREIGN', 'KEY')) {
    const g = { ...constraintGuard, ...guard(a.ifNotExists(), 'ifNotExists') };
    const fkName = a.punct('(') ? undefined : a.name().name;
    const columns = a.columnList();
    const references: NonNullable<Operation['references']> = { table: '', columns: [] };
    if (a.accept('REFERENCES')) {
      references.table = a.name().name ?? '';
      references.columns = a.columnList();
      readReferentialActions(a, references);
    }
    const name = constraint ?? fkName;
    return [op('addForeignKey', { ...g, ...(name ? { constraint: name } : {}), columns, references })];
  }
  if (a.accept('CHECK')) {
    let expression: string | undefined;
    if (a.punct('(')) { const open = a.i; a.skipParens(); expression = a.tv.slice(open + 1, a.i - 1); }
    const notEnforced = a.accept('NOT', 'ENFORCED');
    return [op('addCheck', { ...named, ...(expression !== undefined ? { expression } : {}), ...(notEnforced ? { notValid: true, details: { notEnforced: true } } : {}) })];
  }
  const unique = a.accept('UNIQUE');
  const special = !unique && (a.word() === 'FULLTEXT' || a.word() === 'SPATIAL') ? a.tv.word(a.i++) : undefined;
  const keyword = a.accept('INDEX') || a.accept('KEY');
  if (unique || special || keyword) {
    const g = guard(a.ifNotExists(), 'ifNotExists');
    const index = a.punct('(') || a.word() === 'USING' ? constraint : a.name().name;
    const method = skipIndexType(a) ?? special;
    const columns = a.columnList();
    const usingAfter = skipIndexType(a);
    return [op('createIndex', {
      ...g, ...named, ...(index ? { index } : {}), columns, ...(unique ? { unique: true } : {}),
      ...(usingAfter ?? method ? { indexMethod: usingAfter ?? method } : {}),
    })];
  }
  if (a.accept('PARTITION')) return [op('rawSql', { statement: 'ADD PARTITION' })];
  a.accept('COLUMN');
  const g = guard(a.ifNotExists(), 'ifNotExists');
  if (a.punct('(')) {
    // ADD COLUMN (a INT, b INT): several columns at once.
    const close = Math.min(a.tv.closeParen(a.i), a.end);
    return a.tv.splitTopLevel(a.i + 1, close - 1).map((p) => addColumn(new MysqlCursor(a.tv, p.from, p.to), op, g));
  }
  if (!a.isNameToken(a.i)) {
    ctx.unparsed('ADD action not understood', a);
    return [op('unknown', { reason: 'ADD action not understood' })];
  }
  return [addColumn(a, op, g)];
}

function addColumn(a: MysqlCursor, op: Make, g: Partial<Operation>): Operation {
  const col = readMysqlColumn(a);
  return op('addColumn', { ...g, column: col.spec.name, columnSpec: col.spec, ...(Object.keys(col.details).length ? { details: col.details } : {}) });
}

/** `USING BTREE|HASH` → the method, upper case. */
function skipIndexType(a: MysqlCursor): string | undefined {
  if (!a.accept('USING')) return undefined;
  return a.done ? undefined : a.tv.word(a.i++);
}

function guard(present: boolean, key: 'ifExists' | 'ifNotExists'): Partial<Operation> {
  return present ? { guarded: true, [key]: true } : {};
}

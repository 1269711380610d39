// Turns the operations of one migration into SQL statements for the target dialect. Within one
// dialect family a statement written as SQL is copied as written (nothing is lost); ORM API calls and
// statements crossing families are rebuilt from the schema replayed so far (sql definitions as
// written, see actions/down/schemaState.ts) through the rules of dialectMap.ts. Whatever has no
// equivalent is returned as `untranslated`, never dropped in silence.
import type { Dialect, FileModel, Migration, Operation, Range } from '../../model/migration';
import type { Guard, IndexChange, ScaffoldDialect } from '../../patterns/types';
import { type ColumnState, type ConstraintState, type IndexState, type SchemaState, type TableState, applyOperation, cloneSchema, columnFromSpec, constraintKey, emptySchema, findColumn, parseCreateIndex, sourceSql } from '../down/schemaState';
import { leadingIdentifier, matchingParen, parseColumnDefinition, splitTopLevel, stripLeading, unquoteIdentifier } from '../down/sqlText';
import { IF_EXISTS_FORMS, NO_EQUIVALENT, PORTABLE_FUNCTIONS, autoIncrementType, familyOf, mapDefault, mapType, quoteName, requote } from './dialectMap';
import { typeormConstraintName } from './typeormNames';

export interface Untranslated { source: string; message: string; range?: Range }

export interface PortStep {
  sql: string;
  ddl: boolean;
  guard?: Guard;
  comment?: string;
  /** PostgreSQL CONCURRENTLY: cannot run inside a transaction. */
  outsideTransaction?: boolean;
  index?: IndexChange;
}

export interface TranslateContext {
  /** Where the operations come from (file path as the user named it, for `untranslated`). */
  source: string;
  from: Dialect;
  to: ScaffoldDialect;
  sourceOrm: FileModel['orm'];
  fileText?: string;
  /** Schema in the source dialect, advanced as operations apply. */
  state: SchemaState;
  untranslated: Untranslated[];
  /** Known differences that are translated (a time zone dropped, a prefix index), for the header. */
  notes: string[];
  /** `table.column` (lower case) of every column some key or index of the history covers: text there becomes varchar(191) on MySQL. */
  keyed?: Set<string>;
}

/** Columns any index or key of these operations covers, as `table.column` in lower case. */
export function keyedColumnsOf(ops: Operation[]): Set<string> {
  const out = new Set<string>();
  for (const op of ops) {
    if (!op.table) continue;
    const cols = ['createIndex', 'addUnique', 'addPrimaryKey'].includes(op.kind) ? op.columns ?? [] : op.kind === 'createTable' ? (op.tableColumns ?? []).filter((c) => c.unique || c.primary).map((c) => c.name) : [];
    for (const c of cols) out.add(`${k(op.table)}.${k(c)}`);
  }
  return out;
}

const k = (s: string) => s.toLowerCase();
const cross = (ctx: TranslateContext) => familyOf(ctx.from) !== familyOf(ctx.to);
const isMysql = (d: ScaffoldDialect) => d !== 'postgres';

export function translateOperations(ops: Operation[], ctx: TranslateContext): PortStep[] {
  const out: PortStep[] = [];
  const seenSpans = new Set<string>();
  const seenStatements = new Set<string>();
  const script = ctx.sourceOrm === 'typeorm' || ctx.sourceOrm === 'sequelize';
  for (const op of ops) {
    const span = `${op.offset.start}:${op.offset.end}`;
    const repeat = seenSpans.has(span);
    seenSpans.add(span);
    const sql = sourceSql(op, ctx.fileText, script);
    const before = cloneSchema(ctx.state);
    // applyOperation keeps a createEnum's value list and appends to it on ALTER TYPE: hand it a copy, so the model stays as read.
    if (!repeat || op.via !== 'sql') applyOperation(ctx.state, op.kind === 'createEnum' ? { ...op, enumValues: [...(op.enumValues ?? [])] } : op, sql);
    if (op.kind === 'addForeignKey' && !op.constraint && op.table) rememberUnnamedKey(ctx.state, op, ctx.sourceOrm);
    if (repeat) continue;
    if (op.details?.inCreateTable || op.details?.inAddColumn) continue;
    if (!cross(ctx) && op.via === 'sql') {
      const statement = statementSpan(op);
      if (seenStatements.has(statement)) continue;
      seenStatements.add(statement);
      out.push(...verbatim(op, ops, ctx, before));
      continue;
    }
    const siblings = ops.filter((o) => o !== op && o.offset.start === op.offset.start && o.offset.end === op.offset.end);
    out.push(...rebuild(op, sql, siblings, ops, before, ctx));
  }
  return out;
}

/** An ORM's unnamed foreign key gets the name the database gives it (`<table>_<column>_fkey`, `<table>_ibfk_<n>`). */
function rememberUnnamedKey(state: SchemaState, op: Operation, orm: FileModel['orm']): void {
  const table = op.table!;
  const name = unnamedKeyName(state, op, orm);
  const c = apiConstraint(op, state.dialect);
  state.constraints.set(constraintKey(table, name), { ...c, name, referencedTable: op.references?.table });
}

function unnamedKeyName(state: SchemaState, op: Operation, orm: FileModel['orm']): string {
  const table = op.table!;
  const columns = op.columns ?? (op.column ? [op.column] : []);
  if (familyOf(state.dialect) === 'postgres') return `${table}_${columns.join('_')}_fkey`;
  // Sequelize's addColumn names the key on MySQL itself; a CREATE TABLE leaves it to the server (`<table>_ibfk_<n>`).
  if (orm === 'sequelize' && op.details?.inAddColumn) return `${table}_${columns.join('_')}_foreign_idx`;
  const n = [...state.constraints.values()].filter((c) => k(c.table) === k(table) && /_ibfk_\d+$/.test(c.name)).length + 1;
  return `${table}_ibfk_${n}`;
}

function statementSpan(op: Operation): string {
  const s = (op.details?.statementOffset as { start: number; end: number } | undefined) ?? op.offset;
  return `${s.start}:${s.end}`;
}

function mark(ctx: TranslateContext, op: Operation | undefined, message: string): PortStep {
  ctx.untranslated.push({ source: ctx.source, message, ...(op ? { range: op.range } : {}) });
  return { sql: '', ddl: false, comment: `UNTRANSLATED: ${message}${op ? ` — source: ${oneLine(op.text)}` : ''}` };
}

function oneLine(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 160 ? `${t.slice(0, 157)}…` : t;
}

/** Same family, SQL as written: the whole statement once, with a presence check where MySQL commits it on its own. */
function verbatim(op: Operation, ops: Operation[], ctx: TranslateContext, before: SchemaState): PortStep[] {
  const span = (op.details?.statementOffset as { start: number; end: number } | undefined) ?? op.offset;
  let sql = ctx.fileText?.slice(span.start, span.end) ?? op.text;
  // A span inside a JS string can stop at the backslash of an escaped closing quote: take the quote too.
  if (ctx.fileText && /(^|[^\\])(\\\\)*\\$/.test(sql)) sql = ctx.fileText.slice(span.start, span.end + 1);
  if (ctx.sourceOrm === 'typeorm' || ctx.sourceOrm === 'sequelize') sql = sql.replace(/\\([`'"\\])/g, '$1');
  // SQL assembled from constants in code has no single source span: the reader's evaluated text is the statement.
  if (/\$\{|^['"`]/.test(sql.trim())) sql = op.text;
  sql = sql.trim().replace(/;\s*$/, '');
  if (op.kind === 'transactionControl') return [];
  const shared = ops.filter((o) => statementSpan(o) === statementSpan(op) && !o.details?.inCreateTable && !o.details?.inAddColumn);
  const concurrently = ctx.to === 'postgres' && /\bCONCURRENTLY\b/i.test(sql);
  const step: PortStep = { sql, ddl: isDdl(op), outsideTransaction: concurrently || undefined };
  // One ALTER TABLE is atomic even with several actions: a guard on one of them tells whether the whole statement ran.
  if (isMysql(ctx.to) && !op.guarded && !/\bIF\s+(NOT\s+)?EXISTS\b/i.test(sql)) {
    step.guard = shared.map((o) => guardFor(o, before)).find((g) => g !== undefined);
  }
  if (concurrently && op.kind === 'createIndex' && op.index && op.table && op.columns?.length && !op.expression) {
    step.index = { op: 'create', table: op.table, name: op.index, columns: op.columns, unique: !!op.unique };
  }
  const dropTable = op.kind === 'dropIndex' && op.index ? op.table ?? before.indexes.get(k(op.index))?.table : undefined;
  if (concurrently && dropTable) step.index = { op: 'drop', table: dropTable, name: op.index!, columns: [], unique: false };
  return [step];
}

function isDdl(op: Operation): boolean {
  return !['insert', 'update', 'delete', 'setting', 'transactionControl'].includes(op.kind);
}

/** A MySQL/MariaDB step that commits on its own runs only while its object is (not) there: a re-run after a failure finishes the job. */
function guardFor(op: Operation, before: SchemaState): Guard | undefined {
  const table = op.table;
  if (!table) return undefined;
  switch (op.kind) {
    case 'createTable': return { present: false, object: 'table', table };
    case 'dropTable': return { present: true, object: 'table', table };
    case 'renameTable': return { present: true, object: 'table', table };
    case 'addColumn': { const name = op.column ?? op.columnSpec?.name; return name ? { present: false, object: 'column', table, name } : undefined; }
    case 'dropColumn': return op.column ? { present: true, object: 'column', table, name: op.column } : undefined;
    case 'renameColumn': return op.column ? { present: true, object: 'column', table, name: op.column } : undefined;
    case 'createIndex': return op.index ? { present: false, object: 'index', table, name: op.index } : undefined;
    case 'dropIndex': {
      const t = op.table ?? before.indexes.get(k(op.index ?? ''))?.table;
      return op.index && t ? { present: true, object: 'index', table: t, name: op.index } : undefined;
    }
    case 'addForeignKey': case 'addUnique': case 'addCheck':
      return op.constraint ? { present: false, object: 'constraint', table, name: op.constraint } : undefined;
    case 'dropForeignKey': case 'dropConstraint':
      return op.constraint ? { present: true, object: 'constraint', table, name: op.constraint } : undefined;
    default: return undefined;
  }
}

/** Rebuilt from the model and the replayed schema: ORM API calls, and every statement crossing families. */
function rebuild(op: Operation, sql: string, siblings: Operation[], ops: Operation[], before: SchemaState, ctx: TranslateContext): PortStep[] {
  const d = ctx.to;
  const q = (n: string) => quoteName(n, d);
  const t = op.table ? q(op.table) : '';
  const forms = IF_EXISTS_FORMS[d];
  const step = (text: string, guard?: Guard | false): PortStep => ({ sql: text, ddl: true, ...(guard && isMysql(d) ? { guard } : {}) });
  switch (op.kind) {
    case 'createTable': {
      if (!op.table) return [mark(ctx, op, 'CREATE TABLE without a table name')];
      const marked = ctx.untranslated.length;
      const parsed = tableOf(op, sql, ctx);
      // What tableOf took out of the table is marked where the table is created.
      const markers: PortStep[] = ctx.untranslated.slice(marked).map((u) => ({ sql: '', ddl: false, comment: `UNTRANSLATED: ${u.message}` }));
      const fks = ops.filter((o) => o.kind === 'addForeignKey' && o.details?.inCreateTable && o.via === 'api' && o.table === op.table && o.offset.start >= op.offset.start && o.offset.end <= op.offset.end);
      for (const fk of fks) parsed.constraints.push(apiConstraint(fk, ctx.from));
      const steps = renderTable(parsed.table, parsed.constraints, parsed.indexes, before, ctx, { ifNotExists: !!op.ifNotExists, op, foreignKeysInline: true });
      if (isMysql(d) && !op.ifNotExists) steps.filter((s) => /^CREATE TABLE/i.test(s.sql)).forEach((s) => { s.sql = s.sql.replace(/^CREATE TABLE/i, 'CREATE TABLE IF NOT EXISTS'); });
      return [...markers, ...steps];
    }
    case 'dropTable':
      return [step(`DROP TABLE${op.ifExists || isMysql(d) ? ' IF EXISTS' : ''} ${t}${op.cascade && d === 'postgres' ? ' CASCADE' : ''}`)];
    case 'renameTable':
      return [step(d === 'postgres' ? `ALTER TABLE ${t} RENAME TO ${q(op.newName!)}` : `RENAME TABLE ${t} TO ${q(op.newName!)}`, guardFor(op, before))];
    case 'addColumn': {
      const col = addedColumn(op, sql, ctx.from);
      if (!col || !op.table) return [mark(ctx, op, 'ADD COLUMN the reader could not take apart')];
      const r = renderColumn(col, op.table, before, ctx, op);
      const inline = isMysql(d) && forms.column ? ' IF NOT EXISTS' : d === 'postgres' && op.ifNotExists ? ' IF NOT EXISTS' : '';
      const place = isMysql(d) && familyOf(ctx.from) === 'mysql' ? placement(sql) : '';
      const steps = [...r.before, step(`ALTER TABLE ${t} ADD COLUMN${inline} ${r.definition}${place}`, !forms.column && guardFor(op, before))];
      const fk = siblings.find((o) => o.kind === 'addForeignKey');
      if (fk) steps.push(...renderConstraint({ ...apiConstraint(fk, ctx.from), name: fk.constraint ?? unnamedKeyName(before, fk, ctx.sourceOrm) }, ctx, fk));
      else if (r.references) steps.push(step(`ALTER TABLE ${t} ADD FOREIGN KEY (${q(col.name)}) ${r.references}`));
      return steps;
    }
    case 'dropColumn': {
      if (!op.column) return [mark(ctx, op, 'DROP COLUMN without a column name')];
      const inline = (op.ifExists || isMysql(d)) && forms.column ? ' IF EXISTS' : '';
      // MySQL refuses to drop a column a foreign key uses (PostgreSQL drops the key with it; Sequelize's removeColumn drops it first).
      const keys = isMysql(d) ? [...before.constraints.values()].filter((c) => c.kind === 'foreign' && k(c.table) === k(op.table!) && c.columns.some((x) => k(x) === k(op.column!))) : [];
      return [
        ...keys.map((c) => step(`ALTER TABLE ${t} DROP FOREIGN KEY ${q(c.name)}`, { present: true, object: 'constraint', table: op.table!, name: c.name })),
        step(`ALTER TABLE ${t} DROP COLUMN${inline} ${q(op.column)}`, !forms.column && guardFor(op, before)),
      ];
    }
    case 'renameColumn': case 'alterColumnType': case 'setNotNull': case 'dropNotNull': case 'setDefault': case 'dropDefault':
      return columnChange(op, siblings, before, ctx);
    case 'createIndex': {
      const index = op.via === 'sql' ? parseCreateIndex(sql, op) : op.index && op.table
        ? { name: op.index, table: op.table, unique: !!op.unique, keys: (op.columns ?? []).map((c) => quoteName(c, ctx.from)).join(', '), columns: op.columns ?? [], method: op.indexMethod, tail: op.expression ? `WHERE ${op.expression}` : undefined, exact: false }
        : undefined;
      if (!index) return [mark(ctx, op, 'an index the reader could not take apart (no name or no key list)')];
      const online = !!op.concurrently || op.lock === 'NONE' || op.algorithm === 'INPLACE';
      return renderIndex(index, before, ctx, { online, ifNotExists: !!op.ifNotExists || isMysql(d), op });
    }
    case 'dropIndex': {
      if (!op.index) return [mark(ctx, op, 'DROP INDEX without a name')];
      const table = op.table ?? before.indexes.get(k(op.index))?.table;
      if (d === 'postgres') {
        const online = !!op.concurrently || op.lock === 'NONE';
        return [{ sql: `DROP INDEX${online ? ' CONCURRENTLY' : ''} IF EXISTS ${q(op.index)}`, ddl: true, outsideTransaction: online || undefined, ...(online && table ? { index: { op: 'drop', table, name: op.index, columns: [], unique: false } as IndexChange } : {}) }];
      }
      if (!table) return [mark(ctx, op, `DROP INDEX ${op.index}: MySQL needs the table and no earlier migration says which`)];
      return [step(`DROP INDEX${forms.index ? ' IF EXISTS' : ''} ${q(op.index)} ON ${q(table)}`, !forms.index && guardFor({ ...op, table }, before))];
    }
    case 'addForeignKey': case 'addUnique': case 'addCheck': case 'addPrimaryKey': {
      const c = op.via === 'sql' ? sqlConstraint(op, sql, ctx.from) : apiConstraint(op, ctx.from);
      if (!c) return [mark(ctx, op, 'a constraint the reader could not take apart')];
      return renderConstraint(c, ctx, op);
    }
    case 'dropForeignKey': case 'dropConstraint': {
      const name = op.constraint ?? (/PRIMARY\s+KEY/i.test(sql) ? (familyOf(ctx.from) === 'postgres' ? `${op.table}_pkey` : 'PRIMARY') : undefined);
      if (!name || !op.table) return [mark(ctx, op, 'DROP CONSTRAINT without a name')];
      const known = before.constraints.get(constraintKey(op.table, name));
      const kind = known?.kind ?? (op.kind === 'dropForeignKey' ? 'foreign' : /PRIMARY\s+KEY/i.test(sql) ? 'primary' : undefined);
      if (d === 'postgres') return [step(`ALTER TABLE ${t} DROP CONSTRAINT${op.ifExists ? ' IF EXISTS' : ''} ${q(kind === 'primary' && familyOf(ctx.from) === 'mysql' ? `${op.table}_pkey` : name)}`)];
      const guard: Guard = { present: true, object: 'constraint', table: op.table, name };
      if (kind === 'foreign') return [step(`ALTER TABLE ${t} DROP FOREIGN KEY ${q(name)}`, guard)];
      if (kind === 'unique') return [step(`DROP INDEX ${q(name)} ON ${t}`, guard)];
      if (kind === 'primary') return [step(`ALTER TABLE ${t} DROP PRIMARY KEY`)];
      return [step(`ALTER TABLE ${t} DROP CONSTRAINT ${q(name)}`, guard)];
    }
    case 'validateConstraint':
      if (d === 'postgres') return [step(requote(sql, ctx.from, d))];
      ctx.notes.push(`VALIDATE CONSTRAINT ${op.constraint ?? ''}: MySQL/MariaDB check a constraint when it is added, so there is nothing left to validate`);
      return [];
    case 'createEnum':
      if (d === 'postgres') return [step(`CREATE TYPE ${q(op.table!)} AS ENUM (${(op.enumValues ?? []).map(literal).join(', ')})`)];
      // MySQL writes enums inline: the columns that use this type get its values.
      return [];
    case 'alterEnum': {
      if (!op.table) return [mark(ctx, op, 'ALTER TYPE without a type name')];
      if (d === 'postgres') return (op.enumValues ?? []).map((v) => step(`ALTER TYPE ${q(op.table!)} ADD VALUE IF NOT EXISTS ${literal(v)}`));
      const out: PortStep[] = [];
      for (const table of ctx.state.tables.values()) {
        for (const c of table.columns) if (enumOf(c.type, ctx.state)?.name === k(op.table)) out.push(step(`ALTER TABLE ${q(table.name)} MODIFY ${renderColumn(c, table.name, ctx.state, ctx, op).definition}`));
      }
      return out;
    }
    case 'createView': case 'dropView':
      if (op.kind === 'dropView' && op.table) return [step(`DROP VIEW IF EXISTS ${q(op.table)}`)];
      return [mark(ctx, op, NO_EQUIVALENT.view)];
    case 'insert': case 'update': case 'delete':
      return dataStatement(op, sql, ctx);
    case 'transactionControl':
      return [];
    case 'setting':
      if (d === 'postgres' && familyOf(ctx.from) === 'postgres') return [{ sql, ddl: false }];
      return [mark(ctx, op, `session setting ${op.setting?.name ?? ''}: no equivalent is applied on ${d}; set the lock wait on the migration connection`)];
    default: {
      if (op.kind === 'rawSql' && /^DROP\s+TYPE\b/i.test(sql)) return d === 'postgres' ? [step(requote(sql, ctx.from, d))] : [];
      if (op.kind === 'rawSql' && /^\s*SELECT\b/i.test(sql)) return [];
      const message = /^\s*DO\b/i.test(sql) ? NO_EQUIVALENT.doBlock : /^\s*CREATE\s+EXTENSION\b/i.test(sql) ? NO_EQUIVALENT.extension
        : /\bEXCLUDE\b/i.test(sql) ? NO_EQUIVALENT.exclusion : op.via === 'api' ? `${String(op.details?.call ?? 'this call')}: the porter has no translation for it` : `${op.statement ?? op.kind}: no translation to ${d}`;
      return [mark(ctx, op, message)];
    }
  }
}

const literal = (v: string) => `'${v.replace(/'/g, "''")}'`;

function placement(sql: string): string {
  const m = /\s(FIRST|AFTER\s+(?:`[^`]+`|\w+))\s*$/i.exec(sql);
  return m ? ` ${m[1]}` : '';
}

function addedColumn(op: Operation, sql: string, from: Dialect): ColumnState | undefined {
  if (op.via === 'sql') {
    const rest = stripLeading(sql, /^ADD\s+(COLUMN\s+)?(IF\s+NOT\s+EXISTS\s+)?/i);
    if (rest) return { ...parseColumnDefinition(rest.replace(/\s+(FIRST|AFTER\s+(?:`[^`]+`|"[^"]+"|\w+))\s*$/i, '')), exact: true };
  }
  return op.columnSpec ? columnFromSpec({ ...op.columnSpec, name: op.column ?? op.columnSpec.name }, from) : undefined;
}

function tableOf(op: Operation, sql: string, ctx: TranslateContext): { table: TableState; constraints: ConstraintState[]; indexes: IndexState[] } {
  const temp = emptySchema(ctx.from);
  applyOperation(temp, op, op.via === 'sql' ? withoutForeignElements(op, sql, ctx) : sql);
  const table = temp.tables.get(k(op.table!)) ?? { name: op.table!, columns: [], exact: false };
  return { table, constraints: [...temp.constraints.values()], indexes: [...temp.indexes.values()] };
}

/** CREATE TABLE elements with no equivalent on the target (EXCLUDE, LIKE) are marked and taken out before the table is read. */
function withoutForeignElements(op: Operation, sql: string, ctx: TranslateContext): string {
  const open = sql.indexOf('(');
  const close = open >= 0 ? matchingParen(sql, open) : -1;
  if (open < 0 || close < 0) return sql;
  const elements = splitTopLevel(sql.slice(open + 1, close), ',');
  const kept = elements.filter((e) => {
    const head = /^(?:CONSTRAINT\s+(?:"[^"]+"|`[^`]+`|\S+)\s+)?(EXCLUDE|LIKE)\b/i.exec(e)?.[1]?.toUpperCase();
    if (!head) return true;
    mark(ctx, op, head === 'EXCLUDE' ? NO_EQUIVALENT.exclusion : `${op.table}: LIKE ${oneLine(e.slice(4))}: copy that table's columns by hand`);
    return false;
  });
  return kept.length === elements.length ? sql : `${sql.slice(0, open + 1)}${kept.join(', ')}${sql.slice(close)}`;
}

/** `PRIMARY`,`KEY` → `PRIMARY KEY` (the definition reader stops a clause at KEY). */
export function columnExtras(c: { extra: string[] }): string[] {
  const out: string[] = [];
  for (const e of c.extra) {
    const prev = out[out.length - 1];
    if (/^KEY$/i.test(e) && prev && /^(PRIMARY|UNIQUE)$/i.test(prev)) out[out.length - 1] = `${prev.toUpperCase()} KEY`;
    else out.push(e);
  }
  return out.map((e) => (/^UNIQUE KEY$/i.test(e) ? 'UNIQUE' : e));
}

/** An enum type a PostgreSQL column refers to, or an inline MySQL enum. */
function enumOf(type: string, state: SchemaState): { name?: string; values: string[] } | undefined {
  const inline = /^enum\s*\(([\s\S]*)\)$/i.exec(type.trim());
  if (inline) return { values: splitTopLevel(inline[1], ',').map((v) => v.replace(/^'|'$/g, '').replace(/''/g, "'")) };
  const name = k(unquoteIdentifier(type.trim().replace(/^public\./i, '')));
  const values = state.enums.get(name);
  return values ? { name, values } : undefined;
}

interface RenderedColumn { definition: string; before: PortStep[]; references?: string; type: string }

/** One column definition in the target dialect. */
export function renderColumn(c: ColumnState, table: string, state: SchemaState, ctx: TranslateContext, op?: Operation, options: { keyed?: boolean } = {}): RenderedColumn {
  const s = ctx.from;
  const d = ctx.to;
  const sameFamily = familyOf(s) === familyOf(d);
  const extras = columnExtras(c);
  const auto = /serial/i.test(c.type) || extras.some((e) => /^AUTO_INCREMENT$|IDENTITY/i.test(e)) || !!c.spec?.autoIncrement;
  const out: RenderedColumn = { definition: '', before: [], type: c.type };
  let type: string;
  // An ORM spec's ENUM (Sequelize): MySQL writes it inline, PostgreSQL as a type named the way Sequelize names it.
  const en = c.spec?.enumValues?.length && /^enum\b/i.test(c.type) ? { values: c.spec.enumValues } : enumOf(c.type, state);
  const specEnumOnPostgres = !!c.spec?.enumValues?.length && d === 'postgres' && /^enum\b/i.test(c.type);
  if (specEnumOnPostgres) {
    const typeName = `enum_${table}_${c.name}`;
    out.before.push({ sql: `CREATE TYPE ${quoteName(typeName, d)} AS ENUM (${c.spec!.enumValues!.map(literal).join(', ')})`, ddl: true });
    type = quoteName(typeName, d);
  } else if (auto) type = sameFamily && c.exact ? c.type : autoIncrementType(c.type, s, d);
  else if (en && familyOf(d) === 'mysql' && (familyOf(s) === 'postgres' || c.spec?.enumValues)) type = `enum(${en.values.map(literal).join(',')})`;
  else if (en && !en.name && d === 'postgres' && familyOf(s) === 'mysql') {
    const typeName = `${table}_${c.name}`;
    out.before.push({ sql: `CREATE TYPE ${quoteName(typeName, d)} AS ENUM (${en.values.map(literal).join(', ')})`, ddl: true });
    type = quoteName(typeName, d);
  } else {
    const mapped = mapType(c.type, s, d);
    type = mapped.type;
    if (mapped.untranslated) ctx.untranslated.push({ source: ctx.source, message: `${table}.${c.name}: type ${c.type} has no mapping to ${d}; kept as written`, ...(op ? { range: op.range } : {}) });
    if (mapped.note) addNote(ctx, `${table}.${c.name}: ${mapped.note}`);
    // A key over TEXT needs a length on MySQL: an indexed text column becomes varchar(191), as Prisma maps String.
    if (!sameFamily && (options.keyed || ctx.keyed?.has(`${k(table)}.${k(c.name)}`)) && /^longtext$/.test(type)) { type = 'varchar(191)'; addNote(ctx, `${table}.${c.name}: text in a key becomes varchar(191) on MySQL`); }
  }
  out.type = type;
  const parts = [quoteName(c.name, d), type];
  if (c.notNull || (auto && isMysql(d))) parts.push('NOT NULL');
  else if (isMysql(d)) parts.push('NULL');
  if (c.default !== undefined && !auto) {
    const def = mapDefault(c.default, type, s, d);
    if (def.untranslated) ctx.untranslated.push({ source: ctx.source, message: `${table}.${c.name}: default ${c.default} has no known equivalent on ${d}; left out`, ...(op ? { range: op.range } : {}) });
    else if (def.expr !== undefined) parts.push(`DEFAULT ${def.expr}`);
  }
  if (auto && isMysql(d)) parts.push('AUTO_INCREMENT');
  for (const e of extras) {
    if (/^AUTO_INCREMENT$|IDENTITY/i.test(e)) continue;
    if (/^REFERENCES\b/i.test(e)) {
      // MySQL parses a column's REFERENCES and ignores it: it becomes a table-level FOREIGN KEY.
      const ref = requote(e, s, d);
      if (isMysql(d)) out.references = ref; else parts.push(ref);
      continue;
    }
    if (sameFamily || /^(PRIMARY\s+KEY|UNIQUE)$/i.test(e)) { parts.push(e); continue; }
    if (/^CHECK\b/i.test(e) && !/::/.test(e)) { parts.push(requote(e, s, d)); continue; }
    if (/^ON\s+UPDATE\b/i.test(e)) { ctx.untranslated.push({ source: ctx.source, message: `${table}.${c.name}: ${NO_EQUIVALENT.onUpdate}`, ...(op ? { range: op.range } : {}) }); continue; }
    if (/^(COLLATE|CHARACTER\s+SET|CHARSET|COMMENT)\b/i.test(e)) { addNote(ctx, `${table}.${c.name}: ${e.split(/\s/)[0]} left out (${d} defaults apply)`); continue; }
    ctx.untranslated.push({ source: ctx.source, message: `${table}.${c.name}: ${e} has no translation to ${d}; left out`, ...(op ? { range: op.range } : {}) });
  }
  out.definition = parts.join(' ');
  return out;
}

function addNote(ctx: TranslateContext, note: string): void {
  if (!ctx.notes.includes(note)) ctx.notes.push(note);
}

/** Columns in a key (primary, unique, index) of this table, lower case. */
function keyedColumns(table: string, constraints: ConstraintState[], indexes: IndexState[]): Set<string> {
  const out = new Set<string>();
  for (const c of constraints) if (k(c.table) === k(table) && c.kind !== 'check') c.columns.forEach((x) => out.add(k(x)));
  for (const i of indexes) if (k(i.table) === k(table)) i.columns.forEach((x) => out.add(k(x)));
  return out;
}

export interface RenderTableOptions { ifNotExists?: boolean; op?: Operation; foreignKeysInline: boolean }

/** CREATE TABLE with columns, keys and checks (and, inline or not, its foreign keys), then its indexes. */
export function renderTable(table: TableState, constraints: ConstraintState[], indexes: IndexState[], state: SchemaState, ctx: TranslateContext, options: RenderTableOptions): PortStep[] {
  const d = ctx.to;
  const s = ctx.from;
  const own = constraints.filter((c) => k(c.table) === k(table.name));
  const ownIndexes = indexes.filter((i) => k(i.table) === k(table.name) && !i.implicitForKey);
  const keyed = keyedColumns(table.name, own, ownIndexes);
  const before: PortStep[] = [];
  const elements: string[] = [];
  const typeormPg = ctx.sourceOrm === 'typeorm' && !table.exact && d === 'postgres';
  const inlinePrimary = table.columns.some((c) => columnExtras(c).some((e) => /^PRIMARY\s+KEY/i.test(e)));
  const apiPrimary = !table.exact ? table.columns.filter((c) => c.spec?.primary) : [];
  for (const c of table.columns) {
    // ORM specs: keys at table level, named the way the ORM names them (TypeORM's hashes, Sequelize leaves it to the database).
    const col = !table.exact && (apiPrimary.length > 1 || typeormPg) ? { ...c, extra: c.extra.filter((e) => !/^PRIMARY\s+KEY$/i.test(e) && !(typeormPg && /^UNIQUE$/i.test(e))) } : c;
    const r = renderColumn(col, table.name, state, ctx, options.op, { keyed: keyed.has(k(c.name)) || columnExtras(c).some((e) => /^(PRIMARY\s+KEY|UNIQUE)$/i.test(e)) });
    before.push(...r.before);
    elements.push(r.definition);
    if (r.references) elements.push(`FOREIGN KEY (${quoteName(c.name, d)}) ${r.references}`);
  }
  if (!table.exact && (apiPrimary.length > 1 || (typeormPg && apiPrimary.length))) {
    const cols = apiPrimary.map((c) => c.name);
    elements.push(`${typeormPg ? `CONSTRAINT ${quoteName(typeormConstraintName('PK', table.name, cols), d)} ` : ''}PRIMARY KEY (${cols.map((c) => quoteName(c, d)).join(', ')})`);
  }
  if (typeormPg) {
    for (const c of table.columns) if (c.spec?.unique) elements.push(`CONSTRAINT ${quoteName(typeormConstraintName('UQ', table.name, [c.name]), d)} UNIQUE (${quoteName(c.name, d)})`);
  }
  const after: PortStep[] = [];
  for (const c of own) {
    if (c.kind === 'primary' && (inlinePrimary || apiPrimary.length)) continue;
    if (c.kind === 'foreign' && !options.foreignKeysInline) continue;
    const body = constraintBody(c, ctx, options.op);
    if (body === undefined) continue;
    elements.push(body);
  }
  const tableOptions = familyOf(s) === familyOf(d) && table.options ? ` ${table.options}` : '';
  if (table.options && familyOf(s) !== familyOf(d)) addNote(ctx, `${table.name}: table options (${table.options}) left out`);
  if (!table.exact && table.columns.some((c) => !c.spec)) addNote(ctx, `${table.name}: some parts of the table were not read (LIKE, EXCLUDE…); check the definition`);
  const create: PortStep = { sql: `CREATE TABLE${options.ifNotExists ? ' IF NOT EXISTS' : ''} ${quoteName(table.name, d)} (\n    ${elements.join(',\n    ')}\n)${tableOptions}`, ddl: true };
  for (const i of ownIndexes) {
    // A MySQL inline UNIQUE KEY is a unique index; PostgreSQL writes it as a separate statement either way.
    if (own.some((c) => c.kind === 'unique' && k(c.name) === k(i.name))) continue;
    after.push(...renderIndex(i, state, ctx, { online: false, ifNotExists: isMysql(d), op: options.op }));
  }
  return [...before, create, ...after];
}

/** `CONSTRAINT name …` for inside a CREATE TABLE, in the target dialect; undefined (and marked) when it has no equivalent. */
function constraintBody(c: ConstraintState, ctx: TranslateContext, op?: Operation): string | undefined {
  const d = ctx.to;
  let def = requote(c.definition, ctx.from, d);
  if (familyOf(ctx.from) !== familyOf(d)) {
    if (/^EXCLUDE\b/i.test(def)) { mark(ctx, op, NO_EQUIVALENT.exclusion); return undefined; }
    if (c.kind === 'check' && /::/.test(def)) { mark(ctx, op, `check ${c.name}: ${def} uses PostgreSQL casts; port it by hand`); return undefined; }
    def = def.replace(/\s+DEFERRABLE(\s+INITIALLY\s+(DEFERRED|IMMEDIATE))?/gi, '').replace(/\s+NOT\s+VALID\b/gi, '');
  }
  if (c.kind === 'primary' && isMysql(d)) return def;
  const generated = !c.name || c.name === `${c.table}_${c.kind}` || (c.kind === 'primary' && /^(PRIMARY|.*_pkey)$/.test(c.name) && familyOf(ctx.from) !== familyOf(d));
  return `${generated ? '' : `CONSTRAINT ${quoteName(c.name, d)} `}${def}`;
}

function sqlConstraint(op: Operation, sql: string, from: Dialect): ConstraintState | undefined {
  let rest = sql.replace(/^ADD\s+/i, '');
  let name = op.constraint;
  if (/^CONSTRAINT\s/i.test(rest)) { const l = leadingIdentifier(rest.replace(/^CONSTRAINT\s+/i, '')); name = l.name; rest = l.rest; }
  if (!/^(PRIMARY\s+KEY|UNIQUE|FOREIGN\s+KEY|CHECK|EXCLUDE)\b/i.test(rest)) return undefined;
  const kind = op.kind === 'addForeignKey' ? 'foreign' : op.kind === 'addUnique' ? 'unique' : op.kind === 'addCheck' ? 'check' : 'primary';
  const notValid = /\sNOT\s+VALID\s*$/i.test(rest);
  return { name: name ?? (kind === 'primary' ? (familyOf(from) === 'postgres' ? `${op.table}_pkey` : 'PRIMARY') : ''), table: op.table!, kind, definition: rest.replace(/\s+NOT\s+VALID\s*$/i, '').trim(), columns: op.columns ?? [], notValid, exact: true };
}

function apiConstraint(op: Operation, from: Dialect): ConstraintState {
  const q = (n: string) => quoteName(n, from);
  const cols = (op.columns ?? (op.column ? [op.column] : [])).map(q).join(', ');
  const kind = op.kind === 'addForeignKey' ? 'foreign' : op.kind === 'addUnique' ? 'unique' : op.kind === 'addCheck' ? 'check' : 'primary';
  let definition = kind === 'check' ? `CHECK (${op.expression ?? ''})` : `${kind === 'primary' ? 'PRIMARY KEY' : kind === 'unique' ? 'UNIQUE' : 'FOREIGN KEY'} (${cols})`;
  const ref = op.references;
  if (kind === 'foreign' && ref) {
    definition += ` REFERENCES ${q(ref.table)} (${ref.columns.map(q).join(', ')})${ref.onDelete ? ` ON DELETE ${ref.onDelete.toUpperCase()}` : ''}${ref.onUpdate ? ` ON UPDATE ${ref.onUpdate.toUpperCase()}` : ''}`;
  }
  return { name: op.constraint ?? '', table: op.table!, kind, definition, columns: op.columns ?? [], exact: false };
}

/** ALTER TABLE … ADD a constraint in the target dialect (an unnamed one gets the database's own name). */
export function renderConstraint(c: ConstraintState, ctx: TranslateContext, op?: Operation): PortStep[] {
  const d = ctx.to;
  const t = quoteName(c.table, d);
  let def = requote(c.definition, ctx.from, d);
  if (familyOf(ctx.from) !== familyOf(d)) {
    if (/^EXCLUDE\b/i.test(def)) return [mark(ctx, op, NO_EQUIVALENT.exclusion)];
    if (c.kind === 'check' && /::/.test(def)) return [mark(ctx, op, `check ${c.name}: ${def} uses PostgreSQL casts; port it by hand`)];
    if (/DEFERRABLE/i.test(def)) addNote(ctx, `${c.name}: DEFERRABLE left out (MySQL checks keys at once)`);
    def = def.replace(/\s+DEFERRABLE(\s+INITIALLY\s+(DEFERRED|IMMEDIATE))?/gi, '');
  }
  const notValid = c.notValid && d === 'postgres' ? ' NOT VALID' : '';
  if (c.notValid && isMysql(d)) addNote(ctx, `${c.name}: NOT VALID left out (MySQL/MariaDB check existing rows when the constraint is added)`);
  if (c.kind === 'primary') {
    return [{ sql: `ALTER TABLE ${t} ADD ${d === 'postgres' && c.name && !/^PRIMARY$/.test(c.name) ? `CONSTRAINT ${quoteName(c.name, d)} ` : ''}${def}`, ddl: true }];
  }
  const named = c.name ? `CONSTRAINT ${quoteName(c.name, d)} ` : '';
  const guard: Guard | undefined = isMysql(d) && c.name ? { present: false, object: 'constraint', table: c.table, name: c.name } : undefined;
  return [{ sql: `ALTER TABLE ${t} ADD ${named}${def}${notValid}`, ddl: true, ...(guard ? { guard } : {}) }];
}

interface IndexOptions { online: boolean; ifNotExists: boolean; op?: Operation }

/** CREATE INDEX in the target dialect, or the reason it has no equivalent there. */
export function renderIndex(i: IndexState, state: SchemaState, ctx: TranslateContext, options: IndexOptions): PortStep[] {
  const d = ctx.to;
  const s = ctx.from;
  const q = (n: string) => quoteName(n, d);
  const crossing = familyOf(s) !== familyOf(d);
  let tail = i.tail ? requote(i.tail, s, d) : '';
  let method = i.method;
  if (crossing) {
    if (/\bWHERE\b/i.test(tail)) return [mark(ctx, options.op, `${i.name}: ${NO_EQUIVALENT.partialIndex}`)];
    if (method && /^(gin|gist|brin|spgist|hash)$/i.test(method)) return [mark(ctx, options.op, `${i.name}: ${NO_EQUIVALENT.indexMethod(method)}`)];
    if (method && /^FULLTEXT|SPATIAL$/i.test(method)) return [mark(ctx, options.op, `${i.name}: ${NO_EQUIVALENT.fulltext}`)];
    if (/\bINCLUDE\b/i.test(tail)) addNote(ctx, `${i.name}: INCLUDE columns left out (MySQL has no covering-index clause)`);
    tail = '';
    method = undefined;
  }
  const keys: string[] = [];
  for (const part of splitTopLevel(i.keys, ',')) {
    if (!crossing) { keys.push(part); continue; }
    const { name, rest } = leadingIdentifier(part);
    const prefix = /^\((\d+)\)/.exec(rest);
    const order = /\b(ASC|DESC)\b/i.exec(rest)?.[1]?.toUpperCase();
    if (!name || /[()]/.test(name) || (rest && !prefix && !/^(ASC|DESC)(\s+NULLS\s+(FIRST|LAST))?$/i.test(rest))) return [mark(ctx, options.op, `${i.name}: ${NO_EQUIVALENT.expressionIndex}`)];
    const column = findColumn(state.tables.get(k(i.table)), unquoteIdentifier(name));
    // TEXT keys need a prefix length on MySQL/MariaDB.
    const textKey = isMysql(d) && column && /^(text|citext|character varying|varchar)$/i.test(column.type.trim()) && !i.unique && !ctx.keyed?.has(`${k(i.table)}.${k(column.name)}`);
    if (textKey) addNote(ctx, `${i.name}: keys on ${name} use its first 191 characters (MySQL indexes TEXT by prefix)`);
    keys.push(`${q(unquoteIdentifier(name))}${textKey ? '(191)' : ''}${order ? ` ${order}` : ''}`);
  }
  if (d === 'postgres') {
    const using = method && method !== 'btree' ? ` USING ${method}` : '';
    const online = options.online;
    return [{
      sql: `CREATE ${i.unique ? 'UNIQUE ' : ''}INDEX${online ? ' CONCURRENTLY' : ''}${options.ifNotExists ? ' IF NOT EXISTS' : ''} ${q(i.name)} ON ${q(i.table)}${using} (${keys.join(', ')})${tail ? ` ${tail}` : ''}`,
      ddl: true, outsideTransaction: online || undefined,
      ...(online ? { index: { op: 'create', table: i.table, name: i.name, columns: i.columns, unique: i.unique } as IndexChange } : {}),
    }];
  }
  const kind = i.unique ? 'UNIQUE ' : method && /^(FULLTEXT|SPATIAL)$/i.test(method) ? `${method.toUpperCase()} ` : '';
  const inline = IF_EXISTS_FORMS[d].index && options.ifNotExists;
  const online = options.online ? ' ALGORITHM=INPLACE LOCK=NONE' : '';
  return [{
    sql: `CREATE ${kind}INDEX${inline ? ' IF NOT EXISTS' : ''} ${q(i.name)} ON ${q(i.table)} (${keys.join(', ')})${tail && !crossing ? ` ${tail}` : ''}${online}`,
    ddl: true, ...(inline ? {} : { guard: { present: false, object: 'index', table: i.table, name: i.name } as Guard }),
  }];
}

/** Rename, type, nullability and default of one column: PostgreSQL one ALTER COLUMN per change, MySQL one MODIFY/CHANGE. */
function columnChange(op: Operation, siblings: Operation[], before: SchemaState, ctx: TranslateContext): PortStep[] {
  const d = ctx.to;
  const q = (n: string) => quoteName(n, d);
  if (!op.table || !op.column) return [mark(ctx, op, `${op.kind} without a table or column`)];
  const t = q(op.table);
  const rename = [op, ...siblings].find((o) => o.kind === 'renameColumn');
  const newName = rename?.newName ?? op.column;
  const old = findColumn(before.tables.get(k(op.table)), op.column);
  const now = findColumn(ctx.state.tables.get(k(op.table)), newName) ?? statedColumn(op, newName, ctx);
  const changes = [op, ...siblings].filter((o) => o.kind !== 'renameColumn');
  const renameStep = (): PortStep => ({ sql: `ALTER TABLE ${t} RENAME COLUMN ${q(op.column!)} TO ${q(newName)}`, ddl: true, ...(isMysql(d) ? { guard: { present: true, object: 'column', table: op.table!, name: op.column! } as Guard } : {}) });
  if (!changes.length) return [renameStep()];
  if (!now) return [mark(ctx, op, `${op.table}.${op.column}: no earlier migration creates the column and this change does not state its whole definition (${ctx.to} needs it)`)];
  if (isMysql(d)) {
    const def = renderColumn(now, op.table, ctx.state, ctx, op).definition;
    // MODIFY can run again; CHANGE renames, so it runs only while the old name is there.
    return [{ sql: rename ? `ALTER TABLE ${t} CHANGE ${q(op.column)} ${def}` : `ALTER TABLE ${t} MODIFY ${def}`, ddl: true, ...(rename ? { guard: { present: true, object: 'column', table: op.table, name: op.column } as Guard } : {}) }];
  }
  const out: PortStep[] = rename ? [renameStep()] : [];
  const c = q(newName);
  const nowType = renderColumn(now, op.table, ctx.state, ctx, op).type;
  const oldType = old ? renderColumn(old, op.table, before, { ...ctx, untranslated: [], notes: [] }, op).type : undefined;
  if (nowType !== oldType) out.push({ sql: `ALTER TABLE ${t} ALTER COLUMN ${c} TYPE ${nowType}`, ddl: true });
  if (!old || old.notNull !== now.notNull) out.push({ sql: `ALTER TABLE ${t} ALTER COLUMN ${c} ${now.notNull ? 'SET' : 'DROP'} NOT NULL`, ddl: true });
  if (!old || old.default !== now.default) {
    const mapped = now.default === undefined ? undefined : mapDefault(now.default, nowType, ctx.from, d);
    if (mapped?.untranslated) ctx.untranslated.push({ source: ctx.source, message: `${op.table}.${newName}: default ${now.default} has no known equivalent on ${d}; left out`, range: op.range });
    const def = mapped?.untranslated ? undefined : mapped?.expr;
    if (def !== undefined || old?.default !== undefined) out.push({ sql: `ALTER TABLE ${t} ALTER COLUMN ${c} ${def !== undefined ? `SET DEFAULT ${def}` : 'DROP DEFAULT'}`, ddl: true });
  }
  return out;
}

/**
 * The column as this change states it, when no earlier migration created it (a history that starts
 * mid-way): a MySQL MODIFY/CHANGE or an ORM spec carries the whole definition; a PostgreSQL ALTER COLUMN does not.
 */
function statedColumn(op: Operation, name: string, ctx: TranslateContext): ColumnState | undefined {
  const sql = op.via === 'sql' ? sourceSql(op, ctx.fileText, ctx.sourceOrm === 'typeorm' || ctx.sourceOrm === 'sequelize') : '';
  const change = /^(MODIFY|CHANGE)(\s+COLUMN)?\s+/i.exec(sql);
  if (change) {
    const rest = /^CHANGE/i.test(change[1]) ? leadingIdentifier(sql.slice(change[0].length)).rest : sql.slice(change[0].length);
    return { ...parseColumnDefinition(rest), exact: true };
  }
  if (op.via === 'api' && op.columnSpec && op.kind === 'alterColumnType') return columnFromSpec({ ...op.columnSpec, name }, ctx.from);
  return undefined;
}

/** INSERT/UPDATE/DELETE across families: requoted when it uses nothing dialect-specific, else left to a person. */
function dataStatement(op: Operation, sql: string, ctx: TranslateContext): PortStep[] {
  const functions = [...sql.matchAll(/\b([a-z_][\w]*)\s*\(/gi)].map((m) => m[1].toLowerCase())
    .filter((f) => !['in', 'values', 'exists', 'set', 'and', 'or', 'not', 'where', 'select', 'from', 'on', 'as', 'when', 'then', 'else', 'into', 'any', 'all', 'is'].includes(f));
  const foreign = functions.filter((f) => !PORTABLE_FUNCTIONS.has(f));
  // Joins in UPDATE/DELETE are written differently (PostgreSQL UPDATE … FROM / DELETE … USING, MySQL UPDATE … JOIN).
  const specific = /::|\bRETURNING\b|\bILIKE\b|\bON\s+CONFLICT\b|\bON\s+DUPLICATE\b|\bLIMIT\b.*\bUPDATE\b|\$\d/i.test(sql)
    || (/^\s*(UPDATE|DELETE)\b/i.test(sql) && /\bJOIN\b|\bUSING\b/i.test(sql)) || (/^\s*UPDATE\b/i.test(sql) && /\bFROM\b/i.test(sql));
  if (foreign.length || specific) {
    return [mark(ctx, op, `data statement uses ${foreign.length ? `${foreign.join(', ')}()` : 'syntax'} specific to ${ctx.from}: port it by hand`)];
  }
  return [{ sql: requote(sql, ctx.from, ctx.to), ddl: false }];
}

/** Exported for the baseline: a clone-free view of one table's parts. */
export function tableParts(state: SchemaState, name: string): { constraints: ConstraintState[]; indexes: IndexState[] } {
  return {
    constraints: [...state.constraints.values()].filter((c) => k(c.table) === k(name)),
    indexes: [...state.indexes.values()].filter((i) => k(i.table) === k(name)),
  };
}


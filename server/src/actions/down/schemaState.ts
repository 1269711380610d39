// The schema as it stood before a migration, rebuilt by replaying the earlier migrations' `up`
// steps in order. Unlike the pickers' catalogue it keeps what a down must rebuild exactly: column
// definitions as written and in order, index keys, constraint definitions, enum values, views.
import type { ColumnSpec, Dialect, FileModel, Migration, Operation } from '../../model/migration';
import { type ColumnDefinition, leadingIdentifier, matchingParen, parseColumnDefinition, renameIdentifier, splitTopLevel, stripLeading, unquoteIdentifier } from './sqlText';

export interface ColumnState extends ColumnDefinition {
  /** False when the definition came from a normalised ORM spec rather than the SQL as written. */
  exact: boolean;
  /** Why it is not exact, for the notes. */
  inexact?: string;
  /** Only a rebuild of the column is inexact (its serial sequence): its type and nullability are known. */
  inexactWhenRebuilt?: boolean;
  /** The ORM spec (TypeORM/Sequelize API calls), for downs written with the same API. */
  spec?: ColumnSpec;
}

export interface TableState { name: string; columns: ColumnState[]; exact: boolean; options?: string }

export interface IndexState {
  name: string;
  table: string;
  unique: boolean;
  /** Key list as written, inside the parentheses: `"name" DESC`, `lower(email)`. */
  keys: string;
  columns: string[];
  /** PostgreSQL `USING gin`; MySQL FULLTEXT/SPATIAL. */
  method?: string;
  /** PostgreSQL: INCLUDE (…) / WITH (…) / WHERE … as written, after the key list. */
  tail?: string;
  /** MySQL created it for a foreign key that had no index: it goes when the key goes. */
  implicitForKey?: boolean;
  exact: boolean;
}

export interface ConstraintState {
  name: string;
  table: string;
  kind: 'primary' | 'unique' | 'foreign' | 'check';
  /** Definition as written after `CONSTRAINT name`: `FOREIGN KEY ("a") REFERENCES "b"("id") ON DELETE CASCADE`. */
  definition: string;
  columns: string[];
  referencedTable?: string;
  notValid?: boolean;
  exact: boolean;
}

export interface SchemaState {
  dialect: Dialect;
  tables: Map<string, TableState>;
  indexes: Map<string, IndexState>;
  constraints: Map<string, ConstraintState>;
  enums: Map<string, string[]>;
  views: Map<string, string>;
  /** Views whose statement no longer says what the server has (a column it reads was renamed): why. */
  inexactViews: Map<string, string>;
  /** PostgreSQL sequences by name: their data type (`AS …`), as a serial column or CREATE/ALTER SEQUENCE made it. */
  sequences: Map<string, string>;
  /** PostgreSQL functions by `name(argument list)` (lower case, spaces collapsed): the statement that made them. */
  functions: Map<string, string>;
  /** PostgreSQL triggers by `table.name`: the statement that made them, and their table. */
  triggers: Map<string, { table: string; sql: string }>;
  /** A trigger the history made that `triggers` does not follow (MySQL, or not parsed): any UPDATE may write more. */
  hasTriggers: boolean;
}

const k = (name: string) => name.toLowerCase();
export const constraintKey = (table: string, name: string) => `${k(table)}.${k(name)}`;

export function emptySchema(dialect: Dialect): SchemaState {
  return { dialect, tables: new Map(), indexes: new Map(), constraints: new Map(), enums: new Map(), views: new Map(), inexactViews: new Map(), sequences: new Map(), functions: new Map(), triggers: new Map(), hasTriggers: false };
}

export function cloneSchema(s: SchemaState): SchemaState {
  return {
    dialect: s.dialect,
    tables: new Map([...s.tables].map(([key, t]) => [key, { ...t, columns: t.columns.map((c) => ({ ...c, extra: [...c.extra] })) }])),
    indexes: new Map([...s.indexes].map(([key, i]) => [key, { ...i, columns: [...i.columns] }])),
    constraints: new Map([...s.constraints].map(([key, c]) => [key, { ...c, columns: [...c.columns] }])),
    enums: new Map([...s.enums].map(([key, v]) => [key, [...v]])),
    views: new Map(s.views),
    inexactViews: new Map(s.inexactViews),
    sequences: new Map(s.sequences),
    functions: new Map(s.functions),
    triggers: new Map([...s.triggers].map(([key, t]) => [key, { ...t }])),
    hasTriggers: s.hasTriggers,
  };
}

/** The SQL an operation came from: its own clause of a multi-action ALTER, or the whole statement. */
export function sourceSql(op: Operation, fileText: string | undefined, embeddedInScript: boolean): string {
  if (op.via !== 'sql' || fileText === undefined) return op.text;
  let sql = fileText.slice(op.offset.start, op.offset.end);
  // SQL inside a JS string: MySQL backticks and quotes come escaped in TypeORM's generated files.
  if (embeddedInScript) sql = sql.replace(/\\([`'"\\])/g, '$1');
  sql = sql.trim().replace(/;\s*$/, '');
  // A one-action ALTER TABLE: keep the action, as a clause of a multi-action one is kept.
  if (/^ALTER\s+TABLE\s/i.test(sql) && !['createTable', 'createIndex', 'createView', 'renameTable'].includes(op.kind)) {
    sql = sql.replace(/^ALTER\s+TABLE\s+(IF\s+EXISTS\s+)?(ONLY\s+)?(?:"[^"]+"|`[^`]+`|[\w$]+)(?:\.(?:"[^"]+"|`[^`]+`|[\w$]+))?\s+/i, '');
  }
  return sql;
}

export function findColumn(t: TableState | undefined, name: string | undefined): ColumnState | undefined {
  if (!t || !name) return undefined;
  return t.columns.find((c) => k(c.name) === k(name));
}

export function columnFromSpec(spec: ColumnSpec, dialect: Dialect): ColumnState {
  const extra: string[] = [];
  if (spec.autoIncrement && dialect !== 'postgres') extra.push('AUTO_INCREMENT');
  if (spec.primary) extra.push('PRIMARY KEY');
  if (spec.unique) extra.push('UNIQUE');
  return { name: spec.name, type: spec.type ?? 'unknown', notNull: spec.nullable === false || !!spec.primary, default: spec.default, extra, exact: false, inexact: 'definition rebuilt from an ORM spec', spec };
}

/** Types a Sequelize spec names exactly as the server stores them (no length, precision or time-zone default to guess). */
const EXACT_SPEC_TYPES = /^(varchar\(\d+\)|text|integer|bigint|boolean|uuid)$/;

/**
 * A column made by queryInterface.createTable/addColumn with nothing the spec could leave out (no key,
 * default, auto-increment or reference: those the ORM renders its own way) is what the ORM made.
 */
function withExactSpec(op: Operation, c: ColumnState): ColumnState {
  const s = c.spec;
  const plain = !!s && String(op.details?.call ?? '').startsWith('queryInterface.') && !!s.type && EXACT_SPEC_TYPES.test(s.type)
    && s.default === undefined && !s.primary && !s.unique && !s.autoIncrement && !s.generated && !s.references && !s.enumValues;
  return plain ? { ...c, exact: true, inexact: undefined } : c;
}

/** The schema after replaying the migrations (in history order) that come before `stop`. */
export function replayHistory(history: { file: FileModel; migration: Migration }[], dialect: Dialect, stop?: Migration): SchemaState {
  const state = emptySchema(dialect);
  for (const { file, migration } of history) {
    if (migration === stop) break;
    const script = file.orm === 'typeorm' || file.orm === 'sequelize' || file.orm === 'knex' || file.orm === 'node-pg-migrate';
    for (const op of migration.up) applyOperation(state, op, sourceSql(op, file.text, script));
  }
  return state;
}

function parseCreateTable(sql: string, dialect: Dialect, op: Operation): { table: TableState; indexes: IndexState[]; constraints: ConstraintState[] } | undefined {
  const open = sql.indexOf('(');
  const close = open >= 0 ? matchingParen(sql, open) : -1;
  if (open < 0 || close < 0) return undefined;
  const name = op.table!;
  const table: TableState = { name, columns: [], exact: true, options: sql.slice(close + 1).trim() || undefined };
  const indexes: IndexState[] = [];
  const constraints: ConstraintState[] = [];
  for (const element of splitTopLevel(sql.slice(open + 1, close), ',')) {
    const head = element.toUpperCase();
    const named = /^CONSTRAINT\s+/i.test(element) ? leadingIdentifier(element.replace(/^CONSTRAINT\s+/i, '')) : undefined;
    const body = named ? named.rest : element;
    const bodyHead = body.toUpperCase();
    if (/^(PRIMARY\s+KEY|UNIQUE|FOREIGN\s+KEY|CHECK)\b/.test(bodyHead) && (named || /^(PRIMARY|FOREIGN|CHECK)/.test(bodyHead) || (/^UNIQUE\s*\(/.test(bodyHead)))) {
      const kind = /^PRIMARY/.test(bodyHead) ? 'primary' : /^UNIQUE/.test(bodyHead) ? 'unique' : /^FOREIGN/.test(bodyHead) ? 'foreign' : 'check';
      const cname = named?.name ?? (kind === 'primary' ? (dialect === 'postgres' ? `${name}_pkey` : 'PRIMARY') : `${name}_${kind}`);
      constraints.push({ name: cname, table: name, kind, definition: body, columns: keyColumns(body), referencedTable: referenced(body), exact: true });
      continue;
    }
    const mysqlIndex = /^(UNIQUE\s+(?:INDEX|KEY)|INDEX|KEY|FULLTEXT(?:\s+(?:INDEX|KEY))?|SPATIAL(?:\s+(?:INDEX|KEY))?)\s+/i.exec(element);
    if (mysqlIndex) {
      const { name: iname, rest } = leadingIdentifier(element.slice(mysqlIndex[0].length));
      const p = rest.indexOf('(');
      const end = p >= 0 ? matchingParen(rest, p) : -1;
      if (p < 0 || end < 0) { table.exact = false; continue; }
      const keys = rest.slice(p + 1, end);
      const method = /^(FULLTEXT|SPATIAL)/i.exec(head)?.[1]?.toUpperCase();
      indexes.push({ name: iname, table: name, unique: /^UNIQUE/i.test(head), keys, columns: keyColumns(`(${keys})`), method, tail: rest.slice(end + 1).trim() || undefined, exact: true });
      continue;
    }
    if (/^(LIKE|EXCLUDE|PERIOD)\b/.test(head)) { table.exact = false; continue; }
    const col = parseColumnDefinition(element);
    table.columns.push({ ...col, exact: true });
  }
  return { table, indexes, constraints };
}

function keyColumns(body: string): string[] {
  const p = body.indexOf('(');
  const end = p >= 0 ? matchingParen(body, p) : -1;
  if (p < 0 || end < 0) return [];
  return splitTopLevel(body.slice(p + 1, end), ',').map((part) => unquoteIdentifier(leadingIdentifier(part).name.replace(/\(\d+\)$/, '')));
}

function referenced(body: string): string | undefined {
  const m = /REFERENCES\s+((?:"[^"]+"|`[^`]+`|[\w$]+)(?:\.(?:"[^"]+"|`[^`]+`|[\w$]+))?)/i.exec(body);
  if (!m) return undefined;
  const parts = m[1].split('.');
  return unquoteIdentifier(parts[parts.length - 1]);
}

/** `CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] name ON table [USING m] (keys) tail`. */
export function parseCreateIndex(sql: string, op: Operation): IndexState | undefined {
  const m = /^CREATE\s+(UNIQUE\s+|FULLTEXT\s+|SPATIAL\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?/i.exec(sql);
  if (!m || !op.index || !op.table) return undefined;
  const afterName = leadingIdentifier(sql.slice(m[0].length)).rest;
  const on = /^ON\s+(?:ONLY\s+)?/i.exec(afterName);
  if (!on) return undefined;
  let rest = leadingIdentifier(afterName.slice(on[0].length)).rest;
  // MySQL: `USING BTREE` may come before the key list; PostgreSQL: the method does.
  let method = /^(FULLTEXT|SPATIAL)/i.exec(m[1]?.trim() ?? '')?.[1]?.toUpperCase();
  const using = /^USING\s+(\w+)\s*/i.exec(rest);
  if (using) { method = using[1].toLowerCase(); rest = rest.slice(using[0].length); }
  if (rest[0] !== '(') return undefined;
  const end = matchingParen(rest, 0);
  if (end < 0) return undefined;
  const keys = rest.slice(1, end);
  const tail = rest.slice(end + 1).trim().replace(/\s*(ALGORITHM|LOCK)\s*=?\s*\w+/gi, '').trim();
  return { name: op.index, table: op.table, unique: !!m[1] && /UNIQUE/i.test(m[1]), keys, columns: op.columns ?? keyColumns(`(${keys})`), method, tail: tail || undefined, exact: true };
}

/** Applies one up step to the state, the way the database would. */
export function applyOperation(state: SchemaState, op: Operation, sql: string): void {
  applyStep(state, op, sql);
  // PostgreSQL makes a sequence for each serial column of a new table or column.
  if (state.dialect === 'postgres' && (op.kind === 'createTable' || op.kind === 'addColumn') && op.table) {
    for (const c of state.tables.get(k(op.table))?.columns ?? []) {
      const base = serialBase(c.type);
      if (base && !state.sequences.has(k(serialSequence(op.table, c.name)))) state.sequences.set(k(serialSequence(op.table, c.name)), base);
    }
  }
}

function applyStep(state: SchemaState, op: Operation, sql: string): void {
  const d = state.dialect;
  const table = op.table ? state.tables.get(k(op.table)) : undefined;
  const mysqlColumnChange = d !== 'postgres' && op.via === 'sql' ? /^(MODIFY|CHANGE)(\s+COLUMN)?\s+/i.exec(sql) : null;
  if (mysqlColumnChange && table) {
    let rest = sql.slice(mysqlColumnChange[0].length);
    let oldName = op.column;
    if (/^CHANGE/i.test(mysqlColumnChange[1])) { const l = leadingIdentifier(rest); oldName = l.name; rest = l.rest; }
    const next = parseColumnDefinition(rest);
    const i = table.columns.findIndex((c) => k(c.name) === k(oldName ?? next.name));
    if (i >= 0) {
      table.columns[i] = { ...next, exact: true };
      if (oldName && k(oldName) !== k(next.name)) renameColumnEverywhere(state, table.name, oldName, next.name);
    }
    return;
  }
  switch (op.kind) {
    case 'createTable': {
      if (!op.table) return;
      if (op.via === 'sql') {
        const parsed = parseCreateTable(sql, d, op);
        if (parsed) {
          if (op.ifNotExists && table) return;
          state.tables.set(k(op.table), parsed.table);
          for (const i of parsed.indexes) state.indexes.set(k(i.name), i);
          for (const c of parsed.constraints) state.constraints.set(constraintKey(c.table, c.name), c);
          for (const c of parsed.table.columns) inlineKeys(state, parsed.table.name, c);
          return;
        }
      }
      state.tables.set(k(op.table), { name: op.table, columns: (op.tableColumns ?? []).map((c) => withExactSpec(op, columnFromSpec(c, d))), exact: false });
      return;
    }
    case 'dropTable':
      if (!op.table) return;
      for (const c of table?.columns ?? []) state.sequences.delete(k(serialSequence(table!.name, c.name)));
      for (const [key, t] of state.triggers) if (k(t.table) === k(op.table)) state.triggers.delete(key);
      state.tables.delete(k(op.table));
      for (const [key, i] of state.indexes) if (k(i.table) === k(op.table)) state.indexes.delete(key);
      for (const [key, c] of state.constraints) if (k(c.table) === k(op.table) || (c.referencedTable && k(c.referencedTable) === k(op.table))) state.constraints.delete(key);
      return;
    case 'renameTable': {
      if (!op.table || !op.newName || !table) return;
      // The sequence behind a serial column keeps the old table's name: a rebuilt table would not.
      for (const c of table.columns) if (/serial/i.test(c.type)) { c.exact = false; c.inexactWhenRebuilt = true; c.inexact = `its sequence is still named after ${op.table}`; }
      state.tables.delete(k(op.table));
      for (const [key, t] of [...state.triggers]) {
        if (k(t.table) !== k(op.table)) continue;
        state.triggers.delete(key);
        const moved = { table: op.newName, sql: t.sql.replace(/\bON\s+("[^"]+"|[\w$]+)/i, `ON ${quoteId(op.newName, d)}`) };
        state.triggers.set(`${k(op.newName)}.${key.slice(key.indexOf('.') + 1)}`, moved);
      }
      // A view keeps reading the renamed table: its statement, re-run, must name the new one.
      for (const [key, v] of [...state.views]) {
        const renamed = renameIdentifier(v, op.table, op.newName, d);
        if (renamed === v) continue;
        if (d === 'postgres') state.views.set(key, renamed);
        // MySQL's view keeps the old name (and no longer works): what it was cannot be said from here.
        else state.inexactViews.set(key, `its table ${op.table} was renamed to ${op.newName} since it was made`);
      }
      table.name = op.newName;
      state.tables.set(k(op.newName), table);
      for (const i of state.indexes.values()) if (k(i.table) === k(op.table)) i.table = op.newName;
      for (const [key, c] of [...state.constraints]) {
        if (c.referencedTable && k(c.referencedTable) === k(op.table)) { c.referencedTable = op.newName; c.definition = renameIdentifier(c.definition, op.table, op.newName, d); }
        if (k(c.table) === k(op.table)) { state.constraints.delete(key); c.table = op.newName; state.constraints.set(constraintKey(c.table, c.name), c); }
      }
      return;
    }
    case 'addColumn': {
      if (!table) return;
      const col = op.via === 'sql' ? addedColumn(sql) : undefined;
      const state_ = col ? { ...col, exact: true } : op.columnSpec ? withExactSpec(op, columnFromSpec({ ...op.columnSpec, name: op.column ?? op.columnSpec.name }, d)) : undefined;
      if (!state_ || findColumn(table, state_.name)) return;
      const after = /\sAFTER\s+("[^"]+"|`[^`]+`|\w+)/i.exec(sql);
      const first = /\sFIRST\s*$/i.test(sql);
      const at = after ? table.columns.findIndex((c) => k(c.name) === k(unquoteIdentifier(after[1]))) + 1 : first ? 0 : table.columns.length;
      table.columns.splice(at <= 0 && !first ? table.columns.length : at, 0, state_);
      inlineKeys(state, table.name, state_);
      return;
    }
    case 'dropColumn': {
      if (!table || !op.column) return;
      state.sequences.delete(k(serialSequence(table.name, op.column)));
      table.columns = table.columns.filter((c) => k(c.name) !== k(op.column!));
      for (const [key, i] of state.indexes) {
        if (k(i.table) !== k(table.name) || !i.columns.some((c) => k(c) === k(op.column!))) continue;
        // PostgreSQL drops the whole index; MySQL/MariaDB take the column out of it.
        if (d === 'postgres' || i.columns.length === 1) state.indexes.delete(key);
        else { i.columns = i.columns.filter((c) => k(c) !== k(op.column!)); i.keys = splitTopLevel(i.keys, ',').filter((p) => k(unquoteIdentifier(leadingIdentifier(p).name)) !== k(op.column!)).join(', '); }
      }
      for (const [key, c] of state.constraints) if (k(c.table) === k(table.name) && c.columns.some((x) => k(x) === k(op.column!))) state.constraints.delete(key);
      return;
    }
    case 'renameColumn':
      if (table && op.column && op.newName) renameColumnEverywhere(state, table.name, op.column, op.newName);
      return;
    case 'alterColumnType': {
      const col = findColumn(table, op.column);
      if (!col) return;
      const type = op.via === 'sql' ? stripLeading(sql, /^ALTER\s+(COLUMN\s+)?("[^"]+"|\S+)\s+(SET\s+DATA\s+)?TYPE\s+/i)?.replace(/\s+USING\s[\s\S]*$/i, '').replace(/\s+COLLATE\s[\s\S]*$/i, '') : undefined;
      // A serial column keeps its sequence default under the new type: a column rebuilt from this state would not have it.
      if (type && d === 'postgres' && serialBase(col.type)) { col.exact = false; col.inexactWhenRebuilt = true; col.inexact = `it was ${col.type.toUpperCase()}: its sequence default is not rebuilt`; }
      if (type) col.type = type;
      else if (op.columnSpec) Object.assign(col, columnFromSpec({ ...col.spec, ...op.columnSpec, name: col.name }, d), { name: col.name });
      return;
    }
    case 'setNotNull': { const col = findColumn(table, op.column); if (col) col.notNull = true; return; }
    case 'dropNotNull': { const col = findColumn(table, op.column); if (col) col.notNull = false; return; }
    case 'setDefault': case 'dropDefault': {
      const col = findColumn(table, op.column);
      // A serial column without its nextval default is its integer type (the sequence it owns stays, and is not rebuilt from here).
      if (col && d === 'postgres' && serialBase(col.type)) { col.type = serialBase(col.type)!; col.exact = false; col.inexactWhenRebuilt = true; col.inexact = 'its default was its sequence (a serial column): the sequence is not rebuilt'; }
      if (op.kind === 'dropDefault') { if (col) col.default = undefined; return; }
      const expr = op.via === 'sql' ? /\bSET\s+DEFAULT\s+([\s\S]+)$/i.exec(sql)?.[1] : op.columnSpec?.default;
      if (col && expr !== undefined) col.default = expr.trim();
      return;
    }
    case 'createIndex': {
      const index = op.via === 'sql' ? parseCreateIndex(sql, op) : undefined;
      if (index) { if (!(op.ifNotExists && state.indexes.has(k(index.name)))) { state.indexes.set(k(index.name), index); dropSupersededKeyIndexes(state, index); } return; }
      if (op.index && op.table) state.indexes.set(k(op.index), { name: op.index, table: op.table, unique: !!op.unique, keys: (op.columns ?? []).map((c) => quoteId(c, d)).join(', '), columns: op.columns ?? [], method: op.indexMethod, tail: op.expression ? `WHERE ${op.expression}` : undefined, exact: fullySpecified(op) });
      return;
    }
    case 'dropIndex':
      if (op.index) state.indexes.delete(k(op.index));
      return;
    case 'addForeignKey': case 'addUnique': case 'addCheck': case 'addPrimaryKey': {
      if (!op.table) return;
      const kind = op.kind === 'addForeignKey' ? 'foreign' : op.kind === 'addUnique' ? 'unique' : op.kind === 'addCheck' ? 'check' : 'primary';
      const body = op.via === 'sql' ? constraintBody(sql) : undefined;
      const name = op.constraint ?? (kind === 'primary' ? (d === 'postgres' ? `${op.table}_pkey` : 'PRIMARY') : undefined);
      if (!name) return;
      const columns = op.columns ?? (body ? keyColumns(body) : []);
      const definition = body ?? synthesiseConstraint(op, kind, d);
      const notValid = /\sNOT\s+VALID\s*$/i.test(definition);
      state.constraints.set(constraintKey(op.table, name), { name, table: op.table, kind, definition: definition.replace(/\s+NOT\s+VALID\s*$/i, ''), columns, referencedTable: op.references?.table ?? referenced(definition), notValid, exact: !!body || fullySpecified(op) });
      // MySQL indexes a foreign key's columns itself when no index starts with them.
      if (kind === 'foreign' && d !== 'postgres' && !indexLeadingWith(state, op.table, columns)) {
        state.indexes.set(k(name), { name, table: op.table, unique: false, keys: columns.map((c) => quoteId(c, d)).join(', '), columns, implicitForKey: true, exact: true });
      }
      if (kind === 'unique' && d !== 'postgres') {
        const index: IndexState = { name, table: op.table, unique: true, keys: columns.map((c) => quoteId(c, d)).join(', '), columns, exact: true };
        state.indexes.set(k(name), index);
        dropSupersededKeyIndexes(state, index);
      }
      return;
    }
    case 'dropForeignKey': case 'dropConstraint': {
      if (!op.table) return;
      const name = op.constraint ?? (/PRIMARY\s+KEY/i.test(sql) ? (d === 'postgres' ? `${op.table}_pkey` : 'PRIMARY') : undefined);
      if (name) state.constraints.delete(constraintKey(op.table, name));
      return;
    }
    case 'validateConstraint': {
      const c = op.table && op.constraint ? state.constraints.get(constraintKey(op.table, op.constraint)) : undefined;
      if (c) c.notValid = false;
      return;
    }
    // A copy: ALTER TYPE … ADD VALUE later appends to the state's list, never to the model's (a second replay of the
    // same models would otherwise see the values twice).
    case 'createEnum': if (op.table) state.enums.set(k(op.table), [...(op.enumValues ?? [])]); return;
    case 'alterEnum': {
      const values = op.table ? state.enums.get(k(op.table)) : undefined;
      if (!values || !op.enumValues) return;
      // ADD VALUE 'x' BEFORE|AFTER 'y' puts it in that place: a type rebuilt from the list must list it there.
      const place = /\b(BEFORE|AFTER)\s+'((?:[^']|'')*)'\s*$/i.exec(sql);
      const at = place ? values.indexOf(place[2].replace(/''/g, "'")) : -1;
      if (at >= 0 && op.enumValues.length === 1) values.splice(place![1].toUpperCase() === 'BEFORE' ? at : at + 1, 0, op.enumValues[0]);
      else values.push(...op.enumValues);
      return;
    }
    case 'createView': if (op.table) { state.views.set(k(op.table), sql); state.inexactViews.delete(k(op.table)); } return;
    case 'dropView': if (op.table) { state.views.delete(k(op.table)); state.inexactViews.delete(k(op.table)); } return;
    default:
      if (op.kind === 'rawSql' && /^DROP\s+TYPE\b/i.test(sql) && op.table) state.enums.delete(k(op.table));
      if (op.kind === 'rawSql' && d === 'postgres') applySequenceStatement(state, sql);
      if (op.kind === 'rawSql') applyRename(state, op, sql);
      if (op.kind === 'rawSql' && d === 'postgres') applyRoutine(state, sql);
      if (op.kind === 'rawSql' && /^CREATE\s+(?:OR\s+REPLACE\s+)?(?:DEFINER\s*=\s*\S+\s+)?(?:CONSTRAINT\s+)?TRIGGER\b/i.test(sql) && (d !== 'postgres' || !parseTrigger(sql))) state.hasTriggers = true;
      if (op.kind === 'rawSql') for (const name of dropTypeNames(sql)) state.enums.delete(k(name));
  }
}

const ROUTINE_NAME = String.raw`((?:"[^"]+"|[\w$]+)(?:\.(?:"[^"]+"|[\w$]+))?)`;
const lastPart = (qualified: string) => { const parts = qualified.split('.'); return unquoteIdentifier(parts[parts.length - 1]); };

/** `CREATE [OR REPLACE] FUNCTION name(args) …`: its key (`name(args)`), name and argument list; undefined for anything else. */
export function parseCreateFunction(sql: string): { key: string; name: string; args: string; orReplace: boolean } | undefined {
  const m = new RegExp(String.raw`^CREATE\s+(OR\s+REPLACE\s+)?FUNCTION\s+${ROUTINE_NAME}\s*\(`, 'i').exec(sql.trim());
  if (!m) return undefined;
  const open = m[0].length - 1;
  const close = matchingParen(sql.trim(), open);
  if (close < 0) return undefined;
  const args = sql.trim().slice(open + 1, close);
  return { key: functionKey(lastPart(m[2]), args), name: lastPart(m[2]), args, orReplace: !!m[1] };
}

export function functionKey(name: string, args: string): string {
  return `${k(name)}(${args.replace(/\s+/g, ' ').trim().toLowerCase()})`;
}

/** `DROP FUNCTION [IF EXISTS] name(args)` (one, without CASCADE). */
export function parseDropFunction(sql: string): { key: string; name: string } | undefined {
  const m = new RegExp(String.raw`^DROP\s+FUNCTION\s+(?:IF\s+EXISTS\s+)?${ROUTINE_NAME}\s*\(([^()]*)\)\s*(RESTRICT)?\s*;?\s*$`, 'i').exec(sql.trim());
  return m ? { key: functionKey(lastPart(m[1]), m[2]), name: lastPart(m[1]) } : undefined;
}

/** `CREATE [OR REPLACE] TRIGGER name … ON table …` / `DROP TRIGGER [IF EXISTS] name ON table`. */
export function parseTrigger(sql: string): { create: boolean; orReplace: boolean; name: string; table: string } | undefined {
  const t = sql.trim();
  const c = new RegExp(String.raw`^CREATE\s+(OR\s+REPLACE\s+)?(?:CONSTRAINT\s+)?TRIGGER\s+${ROUTINE_NAME}\s[\s\S]*?\bON\s+${ROUTINE_NAME}`, 'i').exec(t);
  if (c) return { create: true, orReplace: !!c[1], name: lastPart(c[2]), table: lastPart(c[3]) };
  const d = new RegExp(String.raw`^DROP\s+TRIGGER\s+(?:IF\s+EXISTS\s+)?${ROUTINE_NAME}\s+ON\s+${ROUTINE_NAME}\s*(RESTRICT)?\s*;?\s*$`, 'i').exec(t);
  if (d) return { create: false, orReplace: false, name: lastPart(d[1]), table: lastPart(d[2]) };
  return undefined;
}

function applyRoutine(state: SchemaState, sql: string): void {
  const fn = parseCreateFunction(sql);
  if (fn) { state.functions.set(fn.key, sql.trim()); return; }
  const dropFn = parseDropFunction(sql);
  if (dropFn) { state.functions.delete(dropFn.key); return; }
  const trigger = parseTrigger(sql);
  if (trigger?.create) state.triggers.set(`${k(trigger.table)}.${k(trigger.name)}`, { table: trigger.table, sql: sql.trim() });
  else if (trigger) state.triggers.delete(`${k(trigger.table)}.${k(trigger.name)}`);
}

/** `ALTER INDEX a RENAME TO b`, `ALTER TABLE t RENAME INDEX a TO b` (MySQL), `RENAME CONSTRAINT`, `ALTER TYPE a RENAME TO b`. */
export function renameStatement(op: Operation, sql: string): { object: 'index' | 'constraint' | 'type'; from: string; to: string; table?: string } | undefined {
  if (op.kind !== 'rawSql' || !op.newName) return undefined;
  if (op.index && (/^ALTER\s+INDEX\s/i.test(sql) || /^(ALTER\s+TABLE\s+\S+\s+)?RENAME\s+(INDEX|KEY)\s/i.test(sql))) return { object: 'index', from: op.index, to: op.newName, table: op.table };
  if (op.constraint && op.table && /\bRENAME\s+CONSTRAINT\s/i.test(sql)) return { object: 'constraint', from: op.constraint, to: op.newName, table: op.table };
  if (op.table && /^ALTER\s+TYPE\s+\S+\s+RENAME\s+TO\s/i.test(sql)) return { object: 'type', from: op.table, to: op.newName };
  return undefined;
}

/** The types a `DROP TYPE` names (not when it cascades to what uses them). */
export function dropTypeNames(sql: string): string[] {
  const m = /^DROP\s+TYPE\s+(?:IF\s+EXISTS\s+)?([\s\S]+?)(\s+(?:CASCADE|RESTRICT))?\s*;?\s*$/i.exec(sql.trim());
  if (!m || /CASCADE/i.test(m[2] ?? '')) return [];
  return splitTopLevel(m[1], ',').map((n) => { const parts = n.trim().split('.'); return unquoteIdentifier(parts[parts.length - 1]); });
}

function applyRename(state: SchemaState, op: Operation, sql: string): void {
  const r = renameStatement(op, sql);
  if (!r) return;
  const renameIndex = () => {
    const i = state.indexes.get(k(r.from));
    if (i) { state.indexes.delete(k(r.from)); i.name = r.to; state.indexes.set(k(r.to), i); }
  };
  const renameConstraint = (table: string | undefined) => {
    for (const [key, c] of [...state.constraints]) {
      if (k(c.name) !== k(r.from) || (table && k(c.table) !== k(table))) continue;
      state.constraints.delete(key); c.name = r.to; state.constraints.set(constraintKey(c.table, c.name), c);
    }
  };
  if (r.object === 'index') {
    renameIndex();
    // PostgreSQL: the index of a primary key or unique constraint is the constraint's: both are renamed.
    if (state.dialect === 'postgres') renameConstraint(undefined);
  } else if (r.object === 'constraint') {
    renameConstraint(r.table);
    if (state.dialect === 'postgres') renameIndex();
  } else {
    const values = state.enums.get(k(r.from));
    if (values) { state.enums.delete(k(r.from)); state.enums.set(k(r.to), values); }
    const name = r.from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`^("${name}"|${name})(\\[\\])?$`, 'i');
    for (const t of state.tables.values()) for (const c of t.columns) {
      const m = pattern.exec(c.type.trim());
      if (m) c.type = `${quoteId(r.to, state.dialect)}${m[2] ?? ''}`;
    }
  }
}

/** The integer type behind a PostgreSQL serial pseudo-type (`SERIAL` → `integer`), or undefined. */
export function serialBase(type: string): string | undefined {
  const t = type.trim().toLowerCase();
  return t === 'serial' || t === 'serial4' ? 'integer' : t === 'bigserial' || t === 'serial8' ? 'bigint' : t === 'smallserial' || t === 'serial2' ? 'smallint' : undefined;
}

/** The sequence PostgreSQL makes for a serial column (names within the 63-byte limit). */
export function serialSequence(table: string, column: string): string {
  return `${table}_${column}_seq`;
}

const SEQUENCE_NAME = '((?:"[^"]+"|[\\w$]+)(?:\\.(?:"[^"]+"|[\\w$]+))?)';

/** `ALTER SEQUENCE [IF EXISTS] name AS type`: the name and the type, or undefined. */
export function parseAlterSequenceAs(sql: string): { name: string; type: string; ifExists: boolean } | undefined {
  const m = new RegExp(`^ALTER\\s+SEQUENCE\\s+(IF\\s+EXISTS\\s+)?${SEQUENCE_NAME}\\s+AS\\s+(\\w+(?:\\s+\\w+)?)\\s*;?\\s*$`, 'i').exec(sql.trim());
  if (!m) return undefined;
  const parts = m[2].split('.');
  return { name: unquoteIdentifier(parts[parts.length - 1]), type: m[3], ifExists: !!m[1] };
}

/** `ALTER SEQUENCE [IF EXISTS] name RENAME TO new`. */
export function parseRenameSequence(sql: string): { from: string; to: string } | undefined {
  const m = new RegExp(String.raw`^ALTER\s+SEQUENCE\s+(?:IF\s+EXISTS\s+)?${SEQUENCE_NAME}\s+RENAME\s+TO\s+("[^"]+"|[\w$]+)\s*;?\s*$`, 'i').exec(sql.trim());
  if (!m) return undefined;
  const parts = m[1].split('.');
  return { from: unquoteIdentifier(parts[parts.length - 1]), to: unquoteIdentifier(m[2]) };
}

function applySequenceStatement(state: SchemaState, sql: string): void {
  const rename = parseRenameSequence(sql);
  if (rename) {
    const type = state.sequences.get(k(rename.from));
    if (type !== undefined) { state.sequences.delete(k(rename.from)); state.sequences.set(k(rename.to), type); }
    // A serial column whose sequence is named after its table again is rebuilt exactly again.
    for (const t of state.tables.values()) for (const c of t.columns) {
      if (c.inexact?.startsWith('its sequence is still named after') && k(serialSequence(t.name, c.name)) === k(rename.to)) { c.exact = true; c.inexact = undefined; c.inexactWhenRebuilt = undefined; }
    }
    return;
  }
  const alter = parseAlterSequenceAs(sql);
  if (alter) { if (state.sequences.has(k(alter.name))) state.sequences.set(k(alter.name), alter.type); return; }
  const create = new RegExp(`^CREATE\\s+(?:(?:TEMP|TEMPORARY|UNLOGGED)\\s+)?SEQUENCE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?${SEQUENCE_NAME}([\\s\\S]*)$`, 'i').exec(sql.trim());
  if (create) {
    const parts = create[1].split('.');
    const name = k(unquoteIdentifier(parts[parts.length - 1]));
    if (!state.sequences.has(name)) state.sequences.set(name, /\bAS\s+(\w+)/i.exec(create[2])?.[1] ?? 'bigint');
    return;
  }
  const drop = /^DROP\s+SEQUENCE\s+(?:IF\s+EXISTS\s+)?([\s\S]+?)(?:\s+(?:CASCADE|RESTRICT))?\s*;?\s*$/i.exec(sql.trim());
  if (drop) for (const n of splitTopLevel(drop[1], ',')) { const parts = n.trim().split('.'); state.sequences.delete(k(unquoteIdentifier(parts[parts.length - 1]))); }
}

/** The indexes MySQL made for foreign keys that `index` can serve as well: MySQL drops them silently when it is added. */
export function supersededKeyIndexes(state: SchemaState, index: Pick<IndexState, 'name' | 'table' | 'columns'>): IndexState[] {
  if (state.dialect === 'postgres') return [];
  return [...state.indexes.values()].filter((i) => i.implicitForKey && k(i.table) === k(index.table) && k(i.name) !== k(index.name)
    && i.columns.every((c, n) => index.columns[n] && k(index.columns[n]) === k(c)));
}

function dropSupersededKeyIndexes(state: SchemaState, index: IndexState): void {
  for (const i of supersededKeyIndexes(state, index)) state.indexes.delete(k(i.name));
}

/** The options of the API calls whose every one the model keeps (an unknown option could change what the ORM made). */
const KEPT_OPTIONS: Record<string, ReadonlySet<string>> = {
  'queryInterface.addIndex': new Set(['name', 'unique', 'transaction', 'concurrently']),
  'queryInterface.addConstraint': new Set(['fields', 'type', 'name', 'references', 'onDelete', 'onUpdate', 'transaction']),
};

/** An index or key made by an API call whose options are all kept, on plain column names: rebuilt, it is what the ORM made. */
function fullySpecified(op: Operation): boolean {
  const call = op.details?.call;
  const options = op.details?.options;
  const kept = typeof call === 'string' ? KEPT_OPTIONS[call] : undefined;
  return !!kept && Array.isArray(options) && options.every((o) => kept.has(String(o))) && !!op.columns?.length && op.columns.every((c) => /^[\w$]+$/.test(c));
}

const quoteId = (name: string, d: Dialect) => (d === 'postgres' ? `"${name}"` : `\`${name}\``);

function indexLeadingWith(state: SchemaState, table: string, columns: string[]): boolean {
  for (const i of state.indexes.values()) {
    if (k(i.table) !== k(table)) continue;
    if (columns.every((c, n) => i.columns[n] && k(i.columns[n]) === k(c))) return true;
  }
  for (const c of state.constraints.values()) if (c.kind === 'primary' && k(c.table) === k(table) && columns.every((col, n) => c.columns[n] && k(c.columns[n]) === k(col))) return true;
  return false;
}

/** A column's inline PRIMARY KEY / UNIQUE / REFERENCES become the constraints the database names itself. */
function inlineKeys(state: SchemaState, table: string, c: ColumnState): void {
  const d = state.dialect;
  if (c.extra.some((e) => /^PRIMARY\s+KEY/i.test(e))) {
    const name = d === 'postgres' ? `${table}_pkey` : 'PRIMARY';
    state.constraints.set(constraintKey(table, name), { name, table, kind: 'primary', definition: `PRIMARY KEY (${quoteId(c.name, d)})`, columns: [c.name], exact: true });
  }
}

function addedColumn(sql: string): ColumnDefinition | undefined {
  const rest = stripLeading(sql, /^ADD\s+(COLUMN\s+)?(IF\s+NOT\s+EXISTS\s+)?/i);
  return rest ? parseColumnDefinition(rest) : undefined;
}

function constraintBody(sql: string): string | undefined {
  const m = /^(?:ADD\s+)?(?:CONSTRAINT\s+)?/i.exec(sql);
  let rest = sql.slice(m![0].length);
  if (/^ADD\s+CONSTRAINT\s/i.test(sql)) rest = leadingIdentifier(rest).rest;
  if (!/^(PRIMARY\s+KEY|UNIQUE|FOREIGN\s+KEY|CHECK)\b/i.test(rest)) return undefined;
  return rest.trim();
}

function synthesiseConstraint(op: Operation, kind: ConstraintState['kind'], d: Dialect): string {
  const cols = (op.columns ?? []).map((c) => quoteId(c, d)).join(', ');
  if (kind === 'foreign' && op.references) {
    const ref = `REFERENCES ${quoteId(op.references.table, d)} (${op.references.columns.map((c) => quoteId(c, d)).join(', ')})`;
    return `FOREIGN KEY (${cols}) ${ref}${op.references.onDelete ? ` ON DELETE ${op.references.onDelete}` : ''}${op.references.onUpdate ? ` ON UPDATE ${op.references.onUpdate}` : ''}`;
  }
  if (kind === 'check') return `CHECK (${op.expression ?? ''})`;
  return `${kind === 'primary' ? 'PRIMARY KEY' : 'UNIQUE'} (${cols})`;
}

function renameColumnEverywhere(state: SchemaState, table: string, from: string, to: string): void {
  const d = state.dialect;
  // A view reading the column keeps its own column names: its statement can no longer rebuild it as it is.
  const word = new RegExp(`(^|[^\\w$])"?${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?([^\\w$]|$)`, 'i');
  for (const [key, v] of state.views) if (word.test(v)) state.inexactViews.set(key, `a column it reads (${table}.${from}) was renamed to ${to} since it was made`);
  const col = findColumn(state.tables.get(k(table)), from);
  if (col) { col.name = to; if (/serial/i.test(col.type)) { col.exact = false; col.inexactWhenRebuilt = true; col.inexact = `its sequence is still named after ${from}`; } }
  for (const i of state.indexes.values()) {
    if (k(i.table) !== k(table)) continue;
    i.columns = i.columns.map((c) => (k(c) === k(from) ? to : c));
    i.keys = renameIdentifier(i.keys, from, to, d);
    if (i.tail) i.tail = renameIdentifier(i.tail, from, to, d);
  }
  for (const c of state.constraints.values()) {
    if (k(c.table) === k(table)) {
      c.columns = c.columns.map((x) => (k(x) === k(from) ? to : x));
      // Only the local key list: the referenced side names another table's columns.
      const ref = c.definition.search(/\sREFERENCES\s/i);
      c.definition = ref >= 0 ? renameIdentifier(c.definition.slice(0, ref), from, to, d) + c.definition.slice(ref) : renameIdentifier(c.definition, from, to, d);
    } else if (c.referencedTable && k(c.referencedTable) === k(table)) {
      const ref = c.definition.search(/\sREFERENCES\s/i);
      if (ref >= 0) c.definition = c.definition.slice(0, ref) + renameIdentifier(c.definition.slice(ref), from, to, d);
    }
  }
}

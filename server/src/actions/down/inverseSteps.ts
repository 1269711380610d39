// The inverse of one up step, as SQL for the file's dialect, rebuilt from the schema as it stood
// just before the step. Says what it cannot undo instead of hiding it.
import type { Dialect, Operation } from '../../model/migration';
import { type ColumnState, type ConstraintState, type IndexState, type SchemaState, constraintKey, dropTypeNames, findColumn, parseAlterSequenceAs, parseCreateFunction, parseDropFunction, parseRenameSequence, parseTrigger, renameStatement, serialBase, supersededKeyIndexes } from './schemaState';
import { leadingIdentifier, parseColumnDefinition, quoteIdentifier as q, renderColumnDefinition, splitTopLevel, unquoteIdentifier } from './sqlText';
import type { Guard } from '../../patterns/types';
import { isNarrowing } from '../../knowledge/typeWidth';
import { createDomainOf } from '../../knowledge/operationFacts';

/** One statement of the down, with what an API-style renderer needs to write it as a call. */
export interface DownStep {
  sql: string;
  /** PostgreSQL CONCURRENTLY: must run outside a transaction. */
  outsideTransaction?: boolean;
  /** CONCURRENTLY was the down's own choice (a rebuilt index), not the up's: a down that must stay in a transaction drops it. */
  optionalConcurrently?: boolean;
  api?: ApiStep;
  /** How the up step it undoes was written: API-style downs keep calls for calls. */
  via?: 'sql' | 'api';
  /** MySQL, which has no IF [NOT] EXISTS for it: run the step only when the catalogue says so. */
  runIf?: Guard;
}

export type ApiStep =
  | { call: 'dropTable'; table: string }
  | { call: 'dropColumn'; table: string; column: string }
  /** MySQL/MariaDB: `after` the column it followed, or `first`; absent = last (PostgreSQL always). */
  | { call: 'addColumn'; table: string; column: ColumnState; after?: string; first?: boolean }
  | { call: 'renameColumn'; table: string; from: string; to: string }
  | { call: 'renameTable'; from: string; to: string }
  | { call: 'dropIndex'; table: string; index: string }
  | { call: 'dropForeignKey'; table: string; constraint: string }
  | { call: 'dropConstraint'; table: string; constraint: string };

export interface InverseResult {
  steps: DownStep[];
  /** Why the down cannot give back everything (data, irreversible changes). */
  losses: string[];
  /** The schema still comes back exactly (false when a definition had to be guessed or is unknown). */
  schemaExact: boolean;
  /** Why the schema may not come back exactly. */
  gaps: string[];
}

const k = (s: string) => s.toLowerCase();

export function inverseOf(op: Operation, sql: string, before: SchemaState): InverseResult {
  const r = inverseStepsOf(op, sql, before);
  if (before.dialect === 'mysql') for (const s of r.steps) s.runIf ??= mysqlPresence(s.sql);
  return r;
}

const ID = '(`(?:[^`]|``)+`)';
/** What must (not) be there for a generated MySQL statement to run, as the idempotency guards check it. */
const MYSQL_PRESENCE: [RegExp, Omit<Guard, 'table' | 'name'>, number, number][] = [
  [new RegExp(`^DROP INDEX ${ID} ON ${ID}`, 'i'), { present: true, object: 'index' }, 2, 1],
  [new RegExp(`^CREATE (?:UNIQUE |FULLTEXT |SPATIAL )?INDEX ${ID} ON ${ID}`, 'i'), { present: false, object: 'index' }, 2, 1],
  [new RegExp(`^ALTER TABLE ${ID} DROP (?:FOREIGN KEY|CONSTRAINT|CHECK) ${ID}`, 'i'), { present: true, object: 'constraint' }, 1, 2],
  [new RegExp(`^ALTER TABLE ${ID} ADD CONSTRAINT ${ID}`, 'i'), { present: false, object: 'constraint' }, 1, 2],
  [new RegExp(`^ALTER TABLE ${ID} DROP COLUMN ${ID}`, 'i'), { present: true, object: 'column' }, 1, 2],
  [new RegExp(`^ALTER TABLE ${ID} ADD COLUMN ${ID}`, 'i'), { present: false, object: 'column' }, 1, 2],
];

function mysqlPresence(sql: string): Guard | undefined {
  for (const [pattern, guard, table, name] of MYSQL_PRESENCE) {
    const m = pattern.exec(sql);
    if (m) return { ...guard, table: unquoteIdentifier(m[table]), name: unquoteIdentifier(m[name]) };
  }
  return undefined;
}

function inverseStepsOf(op: Operation, sql: string, before: SchemaState): InverseResult {
  const d = before.dialect;
  const r: InverseResult = { steps: [], losses: [], schemaExact: true, gaps: [] };
  const gap = (why: string) => { r.schemaExact = false; r.gaps.push(why); };
  const ifExists = d === 'postgres' || d === 'mariadb' ? ' IF EXISTS' : '';
  const ifNotExists = d === 'postgres' || d === 'mariadb' ? ' IF NOT EXISTS' : '';
  const t = op.table ? q(op.table, d) : '';
  const table = op.table ? before.tables.get(k(op.table)) : undefined;
  const column = findColumn(table, op.column);
  const mysqlColumnChange = d !== 'postgres' && op.via === 'sql' && /^(MODIFY|CHANGE)\b/i.test(sql);

  if (mysqlColumnChange) {
    if (!column || !op.table) { gap(`${op.table}.${op.column}: its definition before this migration is unknown (no earlier migration creates it)`); return r; }
    const newName = /^CHANGE/i.test(sql) ? op.newName ?? op.column : op.column;
    const restored = `ALTER TABLE ${t} ${newName && k(newName) !== k(column.name) ? `CHANGE ${q(newName, d)}` : 'MODIFY'} ${renderColumnDefinition(column, d)}`;
    r.steps.push({ sql: restored });
    const changed = parseColumnDefinition(/^CHANGE/i.test(sql) ? leadingIdentifier(sql.replace(/^CHANGE(\s+COLUMN)?\s+/i, '')).rest : sql.replace(/^MODIFY(\s+COLUMN)?\s+/i, ''));
    narrowing(r, op.table, column, changed.type);
    if (!column.exact) gap(`${op.table}.${column.name}: ${column.inexact ?? 'definition rebuilt from an ORM spec'}`);
    return r;
  }

  switch (op.kind) {
    case 'createTable':
      if (op.ifNotExists && table) { r.steps.push({ sql: `-- ${op.table} existed before this migration: left in place` }); return r; }
      // Every dialect has DROP TABLE IF EXISTS (MySQL too, unlike for columns and indexes).
      r.steps.push({ sql: `DROP TABLE IF EXISTS ${t}`, api: { call: 'dropTable', table: op.table! } });
      return r;
    case 'dropTable': {
      if (!table) { gap(`table ${op.table}: no earlier migration creates it, its definition is unknown`); return r; }
      r.losses.push(`the rows of ${op.table} (DROP TABLE): the down recreates the table empty`);
      r.steps.push(...recreateTable(before, table.name));
      if (!table.exact) gap(`table ${op.table}: definition rebuilt from an ORM spec or with parts the reader does not keep`);
      for (const c of table.columns) if (!c.exact) gap(`${op.table}.${c.name}: ${c.inexact ?? 'definition rebuilt from an ORM spec'}`);
      return r;
    }
    case 'renameTable':
      r.steps.push({ sql: d === 'postgres' ? `ALTER TABLE ${q(op.newName!, d)} RENAME TO ${t}` : `RENAME TABLE ${q(op.newName!, d)} TO ${t}`, api: { call: 'renameTable', from: op.newName!, to: op.table! } });
      return r;
    case 'addColumn': {
      const name = op.column ?? op.columnSpec?.name;
      if (!name) { gap('a column with no name'); return r; }
      if (op.ifNotExists && findColumn(table, name)) { r.steps.push({ sql: `-- ${op.table}.${name} existed before this migration: left in place` }); return r; }
      r.steps.push({ sql: `ALTER TABLE ${t} DROP COLUMN${ifExists} ${q(name, d)}`, api: { call: 'dropColumn', table: op.table!, column: name } });
      return r;
    }
    case 'dropColumn': {
      if (!column || !table) { gap(`${op.table}.${op.column}: no earlier migration creates it, its definition is unknown`); return r; }
      r.losses.push(`the values of ${op.table}.${column.name} (DROP COLUMN): the down adds the column back ${column.default !== undefined ? 'with its default' : 'empty'}`);
      if (column.notNull && column.default === undefined && !isSerial(column)) r.losses.push(`${op.table}.${column.name} is NOT NULL without a default: adding it back fails while the table has rows`);
      const pos = table.columns.findIndex((c) => k(c.name) === k(column.name));
      const place = d === 'postgres' ? '' : pos === 0 ? ' FIRST' : ` AFTER ${q(table.columns[pos - 1].name, d)}`;
      if (d === 'postgres' && pos < table.columns.length - 1) r.gaps.push(`PostgreSQL adds ${column.name} back as the last column (column order is not part of the schema it compares)`);
      r.steps.push({ sql: `ALTER TABLE ${t} ADD COLUMN${ifNotExists} ${renderColumnDefinition(column, d)}${place}`, api: { call: 'addColumn', table: table.name, column, ...(d === 'postgres' || pos === table.columns.length - 1 ? {} : pos === 0 ? { first: true } : { after: table.columns[pos - 1].name }) } });
      // The indexes and keys that went with the column.
      for (const i of before.indexes.values()) {
        if (k(i.table) !== k(table.name) || !i.columns.some((c) => k(c) === k(column.name)) || i.implicitForKey) continue;
        if (d !== 'postgres' && i.columns.length > 1) r.steps.push({ sql: `DROP INDEX ${q(i.name, d)} ON ${t}` });
        r.steps.push(createIndex(i, d, false));
        if (!i.exact) gap(`index ${i.name}: rebuilt from its columns`);
      }
      for (const c of before.constraints.values()) {
        if (k(c.table) !== k(table.name) || !c.columns.some((x) => k(x) === k(column.name))) continue;
        if (c.kind === 'primary' && column.extra.some((e) => /^PRIMARY\s+KEY/i.test(e))) continue;
        r.steps.push(...addConstraint(c, d));
      }
      if (!column.exact) gap(`${op.table}.${column.name}: ${column.inexact ?? 'definition rebuilt from an ORM spec'}`);
      return r;
    }
    case 'renameColumn':
      r.steps.push({ sql: `ALTER TABLE ${t} RENAME COLUMN ${q(op.newName!, d)} TO ${q(op.column!, d)}`, api: { call: 'renameColumn', table: op.table!, from: op.newName!, to: op.column! } });
      return r;
    case 'alterColumnType': case 'setNotNull': case 'dropNotNull': case 'setDefault': case 'dropDefault': {
      if (!column) { gap(`${op.table}.${op.column}: its definition before this migration is unknown (no earlier migration creates it)`); return r; }
      if (op.kind === 'alterColumnType') narrowing(r, op.table, column, op.columnSpec?.type);
      if (d !== 'postgres') {
        r.steps.push({ sql: `ALTER TABLE ${t} MODIFY ${renderColumnDefinition(column, d)}` });
      } else if (op.kind === 'alterColumnType') {
        // SERIAL is no type ALTER … TYPE accepts: the column was its integer type with the sequence as default (which stays).
        const type = serialBase(column.type) ?? column.type;
        const now = op.columnSpec?.type ?? '';
        // Between two enums there is no cast: through text. Back to an enum that has every value of the current one nothing can fail.
        const enums = [enumValues(before, now), enumValues(before, type)] as const;
        const cast = enums[0] && enums[1] ? ` USING ${q(column.name, d)}::text::${type}` : needsUsing(now, type) ? ` USING ${q(column.name, d)}::${type}` : '';
        r.steps.push({ sql: `ALTER TABLE ${t} ALTER COLUMN ${q(column.name, d)} TYPE ${type}${cast}` });
        const lossless = !!enums[0] && !!enums[1] && enums[0].every((v) => enums[1]!.includes(v));
        if ((/\bUSING\b/i.test(sql) || cast) && !lossless) r.losses.push(`${op.table}.${column.name}: values converted back to ${column.type} may fail or lose precision`);
      } else if (op.kind === 'setNotNull' || op.kind === 'dropNotNull') {
        if (column.notNull === (op.kind === 'setNotNull')) { r.steps.push({ sql: `-- ${op.table}.${column.name} was already ${column.notNull ? 'NOT NULL' : 'nullable'}` }); return r; }
        r.steps.push({ sql: `ALTER TABLE ${t} ALTER COLUMN ${q(column.name, d)} ${column.notNull ? 'SET' : 'DROP'} NOT NULL` });
        // Like a narrowed type: the schema comes back exactly, and a down run after NULLs were written fails rather than lose anything.
        if (column.notNull) r.gaps.push(`${op.table}.${column.name}: the down makes it NOT NULL again; NULLs written since make the rollback fail (fill them first)`);
      } else {
        // A serial column's default is its sequence's nextval, which the definition does not spell out.
        const serial = d === 'postgres' && column.default === undefined && serialBase(column.type) ? `nextval('${q(`${table!.name}_${column.name}_seq`, d).replace(/'/g, "''")}'::regclass)` : undefined;
        const was = column.default ?? serial;
        r.steps.push({ sql: `ALTER TABLE ${t} ALTER COLUMN ${q(column.name, d)} ${was !== undefined ? `SET DEFAULT ${was}` : 'DROP DEFAULT'}` });
      }
      // A default may be the sequence's nextval: only there does the serial's history matter.
      if (!column.exact && (!column.inexactWhenRebuilt || op.kind === 'setDefault' || op.kind === 'dropDefault')) gap(`${op.table}.${column.name}: ${column.inexact ?? 'definition rebuilt from an ORM spec'}`);
      return r;
    }
    case 'createIndex': {
      if (!op.index) { gap('an index with no name cannot be dropped by name'); return r; }
      if (op.ifNotExists && before.indexes.has(k(op.index))) { r.steps.push({ sql: `-- index ${op.index} existed before this migration: left in place` }); return r; }
      r.steps.push(...restoreKeyIndexes(before, op.index, op.table, op.columns));
      r.steps.push(dropIndex(op.index, op.table, d, !!op.concurrently));
      return r;
    }
    case 'dropIndex': {
      const index = op.index ? before.indexes.get(k(op.index)) : undefined;
      if (!index) { gap(`index ${op.index}: no earlier migration creates it, its definition is unknown`); return r; }
      // PostgreSQL: the rebuild blocks writes for its whole length unless it is concurrent (the renderers
      // take it out of the transaction, or drop CONCURRENTLY where the down cannot leave one).
      r.steps.push({ ...createIndex(index, d, !!op.concurrently || d === 'postgres'), optionalConcurrently: !op.concurrently || undefined });
      if (!index.exact) gap(`index ${index.name}: rebuilt from its columns`);
      return r;
    }
    case 'addForeignKey': case 'addUnique': case 'addCheck': case 'addPrimaryKey': {
      const name = op.constraint ?? (op.kind === 'addPrimaryKey' ? (d === 'postgres' ? `${op.table}_pkey` : 'PRIMARY') : undefined);
      if (!name || !op.table) { gap('a constraint with no name cannot be dropped by name'); return r; }
      if (op.kind === 'addUnique') r.steps.push(...restoreKeyIndexes(before, name, op.table, op.columns));
      r.steps.push(...dropConstraint({ name, table: op.table, kind: op.kind === 'addForeignKey' ? 'foreign' : op.kind === 'addUnique' ? 'unique' : op.kind === 'addCheck' ? 'check' : 'primary', definition: '', columns: op.columns ?? [], exact: true }, d, ifExists));
      // MySQL created an index for the key: it stays behind DROP FOREIGN KEY.
      if (op.kind === 'addForeignKey' && d !== 'postgres' && !before.indexes.has(k(name)) && !indexLeading(before, op.table, op.columns ?? [])) r.steps.push({ sql: `DROP INDEX${ifExists} ${q(name, d)} ON ${t}` });
      return r;
    }
    case 'dropForeignKey': case 'dropConstraint': {
      const name = op.constraint ?? (/PRIMARY\s+KEY/i.test(sql) ? (d === 'postgres' ? `${op.table}_pkey` : 'PRIMARY') : undefined);
      const c = name && op.table ? before.constraints.get(constraintKey(op.table, name)) : undefined;
      if (!c) { gap(`constraint ${name ?? '(unnamed)'} on ${op.table}: no earlier migration creates it, its definition is unknown`); return r; }
      r.steps.push(...addConstraint(c, d));
      if (!c.exact) gap(`constraint ${c.name}: rebuilt from its columns`);
      return r;
    }
    case 'validateConstraint': {
      const c = op.table && op.constraint ? before.constraints.get(constraintKey(op.table, op.constraint)) : undefined;
      if (!c || !c.notValid) return r;
      // Validation cannot be switched off: drop and add the constraint back NOT VALID.
      r.steps.push(...dropConstraint(c, d, ''), ...addConstraint(c, d));
      return r;
    }
    case 'createEnum':
      r.steps.push({ sql: d === 'postgres' ? `DROP TYPE${ifExists} ${q(op.table!, d)}` : `-- enum ${op.table}` });
      return r;
    case 'alterEnum':
      r.losses.push(`enum ${op.table}: PostgreSQL cannot remove the value${(op.enumValues?.length ?? 0) > 1 ? 's' : ''} ${(op.enumValues ?? []).map((v) => `'${v}'`).join(', ')} (ALTER TYPE … ADD VALUE has no inverse); it stays`);
      gap(`enum ${op.table} keeps the added value`);
      return r;
    case 'createView':
      r.steps.push({ sql: `DROP VIEW${ifExists} ${q(op.table!, d)}` });
      return r;
    case 'dropView': {
      const view = op.table ? before.views.get(k(op.table)) : undefined;
      if (!view) { gap(`view ${op.table}: no earlier migration creates it, its definition is unknown`); return r; }
      r.steps.push({ sql: view });
      const why = before.inexactViews.get(k(op.table!));
      if (why) gap(`view ${op.table}: ${why}`);
      return r;
    }
    case 'insert': r.losses.push(`data change on ${op.table ?? 'a table'}: INSERT — the inserted rows are not deleted (the down cannot tell them from rows written since)`); return r;
    case 'update': r.losses.push(`data change on ${op.table ?? 'a table'}: UPDATE — the previous values are not kept`); return r;
    case 'delete': r.losses.push(`data change on ${op.table ?? 'a table'}: DELETE — the deleted rows are gone`); return r;
    case 'transactionControl': case 'setting': return r;
    default: {
      const renamedSequence = d === 'postgres' ? parseRenameSequence(sql) : undefined;
      if (renamedSequence) { r.steps.push({ sql: `ALTER SEQUENCE IF EXISTS ${q(renamedSequence.to, d)} RENAME TO ${q(renamedSequence.from, d)}` }); return r; }
      const sequence = d === 'postgres' ? parseAlterSequenceAs(sql) : undefined;
      if (sequence) {
        const was = before.sequences.get(k(sequence.name));
        if (!was) { gap(`sequence ${sequence.name}: no earlier migration creates it, its type is unknown`); return r; }
        r.steps.push({ sql: `ALTER SEQUENCE${ifExists} ${q(sequence.name, d)} AS ${was}` });
        return r;
      }
      // A rename needs no definition: it is renamed back.
      const rename = renameStatement(op, sql);
      if (rename?.object === 'index' && d === 'postgres') { r.steps.push({ sql: `ALTER INDEX IF EXISTS ${q(rename.to, d)} RENAME TO ${q(rename.from, d)}` }); return r; }
      if (rename?.object === 'index' && rename.table) {
        r.steps.push({ sql: `ALTER TABLE ${q(rename.table, d)} RENAME INDEX ${q(rename.to, d)} TO ${q(rename.from, d)}`, runIf: d === 'mysql' ? { present: true, object: 'index', table: rename.table, name: rename.to } : undefined });
        return r;
      }
      if (rename?.object === 'constraint' && d === 'postgres') { r.steps.push({ sql: `ALTER TABLE ${q(rename.table!, d)} RENAME CONSTRAINT ${q(rename.to, d)} TO ${q(rename.from, d)}` }); return r; }
      if (rename?.object === 'type' && d === 'postgres') { r.steps.push({ sql: `ALTER TYPE ${q(rename.to, d)} RENAME TO ${q(rename.from, d)}` }); return r; }
      const routine = d === 'postgres' ? routineInverse(sql, before) : undefined;
      if (routine) { r.steps.push(...routine.steps); for (const g of routine.gaps) gap(g); return r; }
      const droppedSequences = d === 'postgres' ? /^DROP\s+SEQUENCE\s+(?:IF\s+EXISTS\s+)?([\s\S]+?)(\s+(?:CASCADE|RESTRICT))?\s*$/i.exec(sql.trim()) : null;
      if (droppedSequences) {
        if (/CASCADE/i.test(droppedSequences[2] ?? '')) { gap(`no inverse is known for: ${oneLine(sql)} (CASCADE drops what uses it)`); return r; }
        for (const part of splitTopLevel(droppedSequences[1], ',')) {
          const pieces = part.trim().split('.');
          const name = unquoteIdentifier(pieces[pieces.length - 1]);
          const was = before.sequences.get(k(name));
          // Only a serial column's sequence is known whole (its type, and the column owning it).
          const owner = [...before.tables.values()].flatMap((t) => t.columns.map((c) => ({ t, c }))).find(({ t, c }) => k(`${t.name}_${c.name}_seq`) === k(name));
          if (!was || !owner) { gap(`sequence ${name}: no earlier serial column makes it, its definition is unknown`); continue; }
          r.losses.push(`sequence ${name} (DROP SEQUENCE): it comes back at its start; set it past ${owner.t.name}.${owner.c.name}'s highest value (setval) before inserting`);
          r.steps.push({ sql: `CREATE SEQUENCE IF NOT EXISTS ${q(name, d)} AS ${was}` }, { sql: `ALTER SEQUENCE ${q(name, d)} OWNED BY ${q(owner.t.name, d)}.${q(owner.c.name, d)}` });
        }
        return r;
      }
      const droppedTypes = d === 'postgres' ? dropTypeNames(sql) : [];
      if (droppedTypes.length) {
        // A type still used by a column cannot be dropped (no CASCADE): an enum comes back with its values in order.
        for (const name of droppedTypes) {
          const values = before.enums.get(k(name));
          if (!values) { gap(`type ${name}: no earlier migration creates it as an enum, its definition is unknown`); continue; }
          r.steps.push({ sql: `CREATE TYPE ${q(name, d)} AS ENUM (${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})` });
        }
        return r;
      }
    }
      if (/^\s*(SELECT|DO|CALL|ANALYZE|VACUUM|COMMENT\s+ON\s)/i.test(sql) && !/^\s*COMMENT/i.test(sql)) return r;
      if (/^\s*TRUNCATE\b/i.test(sql)) { r.losses.push(`TRUNCATE ${op.table ?? ''}: every row is gone`); return r; }
      // Data statements the reader did not take apart (`DELETE * FROM …`, MySQL-isms inside an ORM's raw query).
      const data = /^\s*(DELETE|UPDATE|INSERT|REPLACE)\b/i.exec(sql)?.[1]?.toUpperCase();
      if (data) { r.losses.push(`data change${op.table ? ` on ${op.table}` : ''}: ${data} — ${data === 'DELETE' ? 'the deleted rows are gone' : data === 'UPDATE' ? 'the previous values are not kept' : 'the written rows are not removed'}`); return r; }
      // CREATE DOMAIN has no OR REPLACE / IF NOT EXISTS: the domain is new, and nothing made before uses it.
      const domain = d === 'postgres' ? createDomainOf(sql) : undefined;
      if (domain) { r.steps.push({ sql: `DROP DOMAIN IF EXISTS ${domain.name}` }); return r; }
      gap(`no inverse is known for: ${oneLine(sql)}`);
      return r;
  }
}

/**
 * Going back to a narrower type (varchar(300) → varchar(200)) gives the schema back exactly, but fails on
 * (or, without strict mode, truncates) values written since that do not fit: said, as the lossy-rollback rule says it.
 */
function narrowing(r: InverseResult, table: string | undefined, column: ColumnState, now: string | undefined): void {
  if (isNarrowing(now, column.type)) r.gaps.push(`${table}.${column.name}: the down narrows it from ${now} back to ${column.type}; values written since that do not fit make the rollback fail (or are truncated without strict mode)`);
}

/**
 * PostgreSQL functions and triggers: a new one is dropped, a replaced or dropped one comes back as the
 * history made it (a `CREATE FUNCTION` re-run as `CREATE OR REPLACE`).
 */
function routineInverse(sql: string, before: SchemaState): { steps: DownStep[]; gaps: string[] } | undefined {
  const d = before.dialect;
  const fn = parseCreateFunction(sql);
  if (fn) {
    const was = before.functions.get(fn.key);
    if (was) return { steps: [{ sql: orReplace(was, 'FUNCTION') }], gaps: [] };
    // DROP FUNCTION takes the argument types (names too), not their defaults.
    if (/\bDEFAULT\b|=/i.test(fn.args)) return { steps: [], gaps: [`function ${fn.name}: its arguments have defaults, DROP FUNCTION is not written for it`] };
    return { steps: [{ sql: `DROP FUNCTION IF EXISTS ${q(fn.name, d)}(${fn.args.replace(/\s+/g, ' ').trim()})` }], gaps: [] };
  }
  const dropFn = parseDropFunction(sql);
  if (dropFn) {
    const was = before.functions.get(dropFn.key);
    return was ? { steps: [{ sql: orReplace(was, 'FUNCTION') }], gaps: [] } : { steps: [], gaps: [`function ${dropFn.name}: no earlier migration creates it, its definition is unknown`] };
  }
  const trigger = parseTrigger(sql);
  if (!trigger) return undefined;
  const was = before.triggers.get(`${k(trigger.table)}.${k(trigger.name)}`);
  if (trigger.create) {
    const drop: DownStep = { sql: `DROP TRIGGER IF EXISTS ${q(trigger.name, d)} ON ${q(trigger.table, d)}` };
    return { steps: was ? [drop, { sql: was.sql }] : [drop], gaps: [] };
  }
  return was ? { steps: [{ sql: was.sql }], gaps: [] } : { steps: [], gaps: [`trigger ${trigger.name} on ${trigger.table}: no earlier migration creates it, its definition is unknown`] };
}

function orReplace(sql: string, what: 'FUNCTION'): string {
  return sql.replace(new RegExp(`^CREATE\\s+(OR\\s+REPLACE\\s+)?${what}\\b`, 'i'), `CREATE OR REPLACE ${what}`);
}

/** The values of the enum a column type names (`"Role"`, `role`), when the history made it. */
function enumValues(s: SchemaState, type: string): string[] | undefined {
  const name = unquoteIdentifier(type.trim().replace(/\[\]$/, ''));
  return name ? s.enums.get(k(name)) : undefined;
}

function oneLine(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 80 ? `${t.slice(0, 77)}…` : t;
}

function isSerial(c: ColumnState): boolean {
  return /serial\b/i.test(c.type) || c.extra.some((e) => /AUTO_INCREMENT|IDENTITY/i.test(e));
}

/** Type families between which PostgreSQL has no assignment cast, so `USING` is needed. */
function family(type: string): string {
  const t = type.toLowerCase().replace(/"/g, '');
  if (/^(small|big)?int|^integer|^serial|^bigserial|^smallserial|^int[248]/.test(t)) return 'integer';
  if (/^(numeric|decimal|real|double|float)/.test(t)) return 'number';
  if (/^(varchar|character|char|text|citext|bpchar)/.test(t)) return 'text';
  if (/^(timestamp|date|time)/.test(t)) return 'time';
  if (/^bool/.test(t)) return 'boolean';
  if (/^(json|jsonb)/.test(t)) return 'json';
  if (/^uuid/.test(t)) return 'uuid';
  return `other:${t.replace(/\(.*$/, '')}`;
}

function needsUsing(from: string, to: string): boolean {
  const a = family(from);
  const b = family(to);
  if (a === b) return false;
  // integer ↔ numeric have assignment casts; everything else across families needs an explicit cast.
  return !((a === 'integer' && b === 'number') || (a === 'number' && b === 'integer'));
}

function indexLeading(s: SchemaState, table: string, columns: string[]): boolean {
  for (const i of s.indexes.values()) if (k(i.table) === k(table) && columns.every((c, n) => i.columns[n] && k(i.columns[n]) === k(c))) return true;
  return false;
}

/**
 * MySQL dropped the index it had made for a foreign key when this index (which serves the key too)
 * was added, and refuses to drop this one while the key needs it: make the key's index again first.
 */
function restoreKeyIndexes(before: SchemaState, name: string, table: string | undefined, columns: string[] | undefined): DownStep[] {
  if (!table || !columns?.length) return [];
  return supersededKeyIndexes(before, { name, table, columns }).map((i) => createIndex(i, before.dialect, false));
}

function dropIndex(name: string, table: string | undefined, d: Dialect, concurrently: boolean): DownStep {
  if (d === 'postgres') return { sql: `DROP INDEX${concurrently ? ' CONCURRENTLY' : ''} IF EXISTS ${q(name, d)}`, outsideTransaction: concurrently || undefined, api: table ? { call: 'dropIndex', table, index: name } : undefined };
  return { sql: `DROP INDEX${d === 'mariadb' ? ' IF EXISTS' : ''} ${q(name, d)} ON ${q(table ?? '', d)}`, api: table ? { call: 'dropIndex', table, index: name } : undefined };
}

export function createIndex(i: IndexState, d: Dialect, concurrently: boolean): DownStep {
  if (d === 'postgres') {
    const using = i.method && i.method !== 'btree' ? ` USING ${i.method}` : '';
    return { sql: `CREATE ${i.unique ? 'UNIQUE ' : ''}INDEX${concurrently ? ' CONCURRENTLY' : ''} IF NOT EXISTS ${q(i.name, d)} ON ${q(i.table, d)}${using} (${i.keys})${i.tail ? ` ${i.tail}` : ''}`, outsideTransaction: concurrently || undefined };
  }
  const kind = i.unique ? 'UNIQUE ' : i.method === 'FULLTEXT' || i.method === 'SPATIAL' ? `${i.method} ` : '';
  const using = i.method && /^(btree|hash)$/i.test(i.method) ? ` USING ${i.method.toUpperCase()}` : '';
  return { sql: `CREATE ${kind}INDEX${d === 'mariadb' ? ' IF NOT EXISTS' : ''} ${q(i.name, d)} ON ${q(i.table, d)}(${i.keys})${using}` };
}

function addConstraint(c: ConstraintState, d: Dialect): DownStep[] {
  const t = q(c.table, d);
  if (d !== 'postgres' && c.kind === 'unique') return [createIndex({ name: c.name, table: c.table, unique: true, keys: c.columns.map((x) => q(x, d)).join(', '), columns: c.columns, exact: true }, d, false)];
  if (c.kind === 'primary' && d !== 'postgres') return [{ sql: `ALTER TABLE ${t} ADD ${c.definition}` }];
  return [{ sql: `ALTER TABLE ${t} ADD CONSTRAINT ${q(c.name, d)} ${c.definition}${c.notValid ? ' NOT VALID' : ''}` }];
}

function dropConstraint(c: ConstraintState, d: Dialect, ifExists: string): DownStep[] {
  const t = q(c.table, d);
  if (d === 'postgres') return [{ sql: `ALTER TABLE ${t} DROP CONSTRAINT${ifExists} ${q(c.name, d)}`, api: c.kind === 'foreign' ? { call: 'dropForeignKey', table: c.table, constraint: c.name } : { call: 'dropConstraint', table: c.table, constraint: c.name } }];
  if (c.kind === 'foreign') return [{ sql: `ALTER TABLE ${t} DROP FOREIGN KEY${ifExists} ${q(c.name, d)}`, api: { call: 'dropForeignKey', table: c.table, constraint: c.name } }];
  if (c.kind === 'unique') return [{ sql: `DROP INDEX${ifExists} ${q(c.name, d)} ON ${t}`, api: { call: 'dropIndex', table: c.table, index: c.name } }];
  if (c.kind === 'primary') return [{ sql: `ALTER TABLE ${t} DROP PRIMARY KEY` }];
  return [{ sql: `ALTER TABLE ${t} DROP CONSTRAINT${ifExists} ${q(c.name, d)}`, api: { call: 'dropConstraint', table: c.table, constraint: c.name } }];
}

/** CREATE TABLE with its columns, keys and checks, then its indexes and foreign keys (its own and those pointing at it). */
function recreateTable(s: SchemaState, name: string): DownStep[] {
  const d = s.dialect;
  const table = s.tables.get(k(name))!;
  const elements = table.columns.map((c) => `    ${renderColumnDefinition(c, d)}`);
  const own = [...s.constraints.values()].filter((c) => k(c.table) === k(name));
  const inline = own.filter((c) => c.kind !== 'foreign' && !(c.kind === 'primary' && table.columns.some((col) => col.extra.some((e) => /^PRIMARY\s+KEY/i.test(e)))));
  for (const c of inline) elements.push(c.kind === 'primary' && d !== 'postgres' ? `    ${c.definition}` : `    CONSTRAINT ${q(c.name, d)} ${c.definition}`);
  const steps: DownStep[] = [{ sql: `CREATE TABLE IF NOT EXISTS ${q(table.name, d)} (\n${elements.join(',\n')}\n)${table.options ? ` ${table.options}` : ''}` }];
  for (const i of s.indexes.values()) if (k(i.table) === k(name) && !i.implicitForKey && !inline.some((c) => c.kind === 'unique' && k(c.name) === k(i.name))) steps.push(createIndex(i, d, false));
  for (const c of s.constraints.values()) {
    if (c.kind !== 'foreign') continue;
    if (k(c.table) === k(name) || (c.referencedTable && k(c.referencedTable) === k(name))) steps.push(...addConstraint(c, d));
  }
  for (const t of s.triggers.values()) if (k(t.table) === k(name)) steps.push({ sql: t.sql });
  return steps;
}

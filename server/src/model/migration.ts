// The ORM-neutral migration model: every reader produces it, every consumer (rules, hovers,
// scaffolds, CLI, LSP) reads it. Pure data: no vscode, no LSP, no file system.

/** The migration tool whose conventions a file follows (Knex, Drizzle and node-pg-migrate are migration tools, not ORMs, but play the same part). */
export type Orm = 'typeorm' | 'sequelize' | 'prisma' | 'sql' | 'knex' | 'drizzle' | 'node-pg-migrate';
export type Dialect = 'postgres' | 'mysql' | 'mariadb' | 'sqlite' | 'unknown';

/** 0-based, as in LSP. `character` counts UTF-16 code units, as JS strings and LSP do. */
export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export const OPERATION_KINDS = [
  'createTable', 'dropTable', 'renameTable',
  'addColumn', 'dropColumn', 'renameColumn', 'alterColumnType',
  'setNotNull', 'dropNotNull', 'setDefault', 'dropDefault',
  'createIndex', 'dropIndex',
  'addForeignKey', 'dropForeignKey', 'addUnique', 'addCheck', 'addPrimaryKey', 'dropConstraint', 'validateConstraint',
  'createEnum', 'alterEnum', 'createView', 'dropView',
  'insert', 'update', 'delete',
  'transactionControl', 'setting',
  'rawSql', 'unknown',
] as const;
export type OperationKind = typeof OPERATION_KINDS[number];

/** A column as a migration states it. Fields are absent when the source does not say. */
export interface ColumnSpec {
  name: string;
  /** Type as written, normalised to lower case (`varchar(255)`, `integer`, `timestamptz`). */
  type?: string;
  nullable?: boolean;
  /** Default expression as source text (`0`, `'x'`, `now()`), or undefined when none. */
  default?: string;
  primary?: boolean;
  unique?: boolean;
  autoIncrement?: boolean;
  generated?: 'stored' | 'virtual' | 'identity';
  references?: { table: string; columns: string[] };
  /** Values of an enum column (Sequelize `ENUM('a', 'b')`, MySQL `ENUM(...)`). */
  enumValues?: string[];
}

export interface Operation {
  kind: OperationKind;
  /** Table (or view/type for createView/createEnum) the operation touches, unquoted. */
  table?: string;
  schema?: string;
  column?: string;
  /** Target name of a rename (renameTable/renameColumn). */
  newName?: string;
  /** Index name for createIndex/dropIndex. */
  index?: string;
  /** Constraint name for constraint operations. */
  constraint?: string;
  /** Columns of an index/constraint/key. */
  columns?: string[];
  /** The column definition for addColumn / alterColumnType / setDefault (type, default, nullability). */
  columnSpec?: ColumnSpec;
  /** Columns of a createTable. */
  tableColumns?: ColumnSpec[];
  /** IF [NOT] EXISTS, or wrapped in a hasTable/hasColumn/describeTable/information_schema check. */
  guarded: boolean;
  /** Where in the file: the SQL statement, or the ORM call expression. */
  range: Range;
  /** Same as range, as 0-based UTF-16 offsets into the file text. */
  offset: { start: number; end: number };
  /** How the operation was written: raw SQL (alone or inside queryRunner.query / sequelize.query) or an ORM API call. */
  via: 'sql' | 'api';
  /** The SQL statement text or the call's source text (trimmed, at most a few hundred chars). */
  text: string;
  /** Dialect-specific facts a rule or hover needs. Absent = not stated in the source. */
  concurrently?: boolean;
  notValid?: boolean;
  unique?: boolean;
  ifExists?: boolean;
  ifNotExists?: boolean;
  cascade?: boolean;
  /** MySQL/MariaDB ALGORITHM= / LOCK= clauses, upper case. */
  algorithm?: string;
  lock?: string;
  /** update/delete: whether a WHERE clause (or Sequelize where object) restricts it. */
  hasWhere?: boolean;
  /** FK target. */
  references?: { table: string; columns: string[]; onDelete?: string; onUpdate?: string };
  /** Enum values (createEnum), or the value added (alterEnum). */
  enumValues?: string[];
  /** For alterEnum in PostgreSQL: BEFORE/AFTER placement stated. */
  enumPosition?: 'before' | 'after';
  /** CHECK expression, USING expression of a type change, or a partial index WHERE, as source text. */
  expression?: string;
  /** Index method (btree, gin, …) or index type (FULLTEXT, SPATIAL). */
  indexMethod?: string;
  /** transactionControl: which one. */
  transaction?: 'begin' | 'commit' | 'rollback' | 'savepoint' | 'release';
  /** setting: `SET lock_timeout = '2s'` → name lock_timeout, value '2s'. */
  setting?: { name: string; value: string; local?: boolean };
  /** rawSql: the statement's type as the parser names it (e.g. `VacuumStmt`, `REINDEX`, `TRUNCATE`). */
  statement?: string;
  /** The operation runs inside a transaction the migration code opened itself (Sequelize `transaction: t`, BEGIN…COMMIT). */
  inTransaction?: boolean;
  /** unknown: why the reader could not classify it. */
  reason?: string;
  /** Extra reader-specific facts (ORM call name, options object keys, …). */
  details?: Record<string, unknown>;
}

export interface Problem {
  message: string;
  range: Range;
  severity: 'error' | 'warning' | 'info';
  /** Stable id for the kind of problem, e.g. `sql-syntax`, `unresolved-sql`, `no-migration-found`. */
  code: string;
}

export interface Migration {
  name: string;
  orm: Orm;
  dialect: Dialect;
  /** Will the runner wrap this migration in a transaction? null when it depends on config we could not see. */
  transactional: boolean | null;
  /** Why `transactional` is what it is, for hovers and the status output. */
  transactionalReason?: string;
  /** Will the runner wrap `down` in a transaction, when that differs from `transactional` (TypeORM's revert does unless the mode is 'none', even with `transaction = false`)? Absent = same as transactional. */
  downTransactional?: boolean | null;
  up: Operation[];
  down: Operation[];
  /** Whether a down method/file exists at all, and whether it has a body that does anything. */
  hasDown: boolean;
  /** The down method throws (an explicit irreversible marker). */
  downThrows?: boolean;
  /** Range of the whole migration (class, module.exports object, or file). */
  range: Range;
  /** The migration's name where the source states it (class name, `module.exports =`, first line of a SQL file): findings about the whole migration sit here. */
  nameRange?: Range;
  upRange?: Range;
  downRange?: Range;
  /** Path of a separate down file (Prisma down.sql), when the down lives elsewhere. */
  downPath?: string;
  /** Timestamp/ordering key parsed from the file or class name, when present. */
  timestamp?: string;
  /** Names an up/down body uses that no enclosing scope declares (`DataTypes` without its import): a ReferenceError at run time. */
  undeclared?: { phase: 'up' | 'down'; name: string; range: Range; offset: { start: number; end: number } }[];
}

export interface DialectInfo {
  dialect: Dialect;
  /** Where the dialect came from, most trusted first. */
  source: 'flag' | 'setting' | 'project' | 'folder' | 'content' | 'unknown';
  reason: string;
}

export interface FileModel {
  path: string;
  orm: Orm;
  dialect: Dialect;
  dialectInfo: DialectInfo;
  migrations: Migration[];
  problems: Problem[];
  /** The file's text, when the engine has it: rules read ignore comments and build fixes from it. */
  text?: string;
  /**
   * Syntax errors the TypeScript/JavaScript parser reported (a half-typed file); absent when none.
   * They are not repeated as problems (the editor's TypeScript shows them); rollback rules skip such a file.
   */
  syntaxErrors?: number;
}

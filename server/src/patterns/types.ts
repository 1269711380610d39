// What a pattern is: metadata (read by the CLI list, the command palette, snippets) plus a
// function that turns validated parameters into ORM-neutral phases of steps. Emitters render them.

export type ScaffoldOrm = 'typeorm' | 'sequelize' | 'prisma';
export type ScaffoldDialect = 'postgres' | 'mysql' | 'mariadb';
export type ScaffoldExtension = '.ts' | '.js' | '.cjs' | '.mjs';

export type ParamKind = 'table' | 'column' | 'newName' | 'type' | 'expression' | 'string' | 'number' | 'columns';

/** One question the command palette (or `--table`, `--param k=v` on the CLI) answers. */
export interface ParamSpec {
  name: string;
  kind: ParamKind;
  prompt: string;
  required: boolean;
  /** Default as text; `{table}`/`{column}` are replaced by those parameters' values. */
  default?: string;
  /** A value stored in a column: the parameter holding that column's type, to check the value against it. */
  valueOfType?: string;
}

export interface PatternInfo {
  id: string;
  title: string;
  description: string;
  orms: ScaffoldOrm[];
  dialects: ScaffoldDialect[];
  params: ParamSpec[];
}

export interface ScaffoldTarget {
  orm: ScaffoldOrm;
  dialect: ScaffoldDialect;
  /** Folder the files go in; returned paths are inside it. */
  dir: string;
  extension?: ScaffoldExtension;
  now?: Date;
  mysqlVersion?: string;
  mariadbVersion?: string;
}

export interface ScaffoldFile { path: string; text: string }
export interface ScaffoldResult { files: ScaffoldFile[]; notes: string[] }

/** Run a step only when an object is (present: true) or is not (present: false) there. */
export interface Guard {
  present: boolean;
  /** invalidIndex: a PostgreSQL index left INVALID by a failed CONCURRENTLY build. */
  object: 'table' | 'column' | 'index' | 'constraint' | 'invalidIndex';
  table: string;
  /** Column, index or constraint name (absent for table guards). */
  name?: string;
}

/** Set on PostgreSQL CONCURRENTLY steps, so an emitter can use the ORM's own call (Sequelize addIndex/removeIndex). */
export interface IndexChange { op: 'create' | 'drop'; table: string; name: string; columns: string[]; unique: boolean }

export type Step =
  /** One SQL statement, no trailing semicolon. `runIf` is set only where the dialect has no IF [NOT] EXISTS for it. */
  | { kind: 'sql'; sql: string; ddl: boolean; runIf?: Guard; comment?: string; index?: IndexChange; /** Only where the code can check first (not in plain SQL files). */ ormOnly?: boolean; /** A session setting the emitters may drop where a file must hold one statement. */ setting?: 'lockTimeout' }
  /** Batched UPDATE walking the key in order; `pending` keeps re-runs from redoing finished rows. */
  | { kind: 'backfill'; table: string; key: string; assignments: string; pending: string; batchSize: number; comment?: string }
  /** A SELECT returning one row with column `n`; the migration fails with `message` unless n = 0. */
  | { kind: 'assertZero'; sql: string; message: string; comment?: string };

export interface Phase {
  /** Words added to the migration name for this phase (e.g. ['expand']). */
  slug: string[];
  title: string;
  /** The application deploy that must be live before this migration runs. */
  before?: string;
  up: Step[];
  down: Step[];
  /** false: must run outside a transaction (CREATE INDEX CONCURRENTLY, batched backfills). */
  transactional: boolean;
  notes?: string[];
  /** Rules whose warning is this phase's intended trade-off (stated in `reason`): rendered as ignore directives. */
  ignore?: { rules: string[]; reason: string }[];
}

export type Params = Record<string, string>;

export interface BuildContext {
  dialect: ScaffoldDialect;
  mysqlVersion: string;
  mariadbVersion: string;
}

export interface PatternDefinition extends PatternInfo {
  /** Words of the migration name (before phase words), from the resolved params. */
  name(params: Params): string[];
  build(params: Params, ctx: BuildContext): { phases: Phase[]; notes: string[] };
}

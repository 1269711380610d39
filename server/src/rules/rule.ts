// A rule is metadata (data, read by docs, hovers, the CLI and config) plus one `check` over a migration phase.
import type { SafeMigrationsConfig } from '../config/types';
import type { Fix, Severity } from '../model/finding';
import type { FileModel, Migration, Operation, Orm, Range } from '../model/migration';
import type { ColumnHistory } from './schemaHistory';

export type RuleDialect = 'postgres' | 'mysql' | 'mariadb';
export const RULE_DIALECTS: RuleDialect[] = ['postgres', 'mysql', 'mariadb'];

export type RuleSet = 'recommended' | 'strict';
export const RULE_SETS: RuleSet[] = ['recommended', 'strict'];

export type RuleCategory = 'locks' | 'mysql' | 'compatibility' | 'rollback' | 'transactions' | 'types' | 'size' | 'coverage';

export interface OrmSnippets { sql?: string; typeorm?: string; sequelize?: string }

export interface RuleEquivalents { squawk: string[]; strong_migrations: string[]; atlas: string[]; eugene: string[] }

export interface Rule {
  /** kebab-case, stable: used in config, ignore comments and the docs file name. */
  id: string;
  category: RuleCategory;
  /**
   * `recommended` (the default set): findings a senior reviewer acts on. `strict`: style and policy
   * (type preferences, timeouts on every migration…), on only with `"extends": "strict"` or an explicit severity.
   */
  set?: RuleSet;
  severity: Severity;
  dialects: RuleDialect[];
  /** Server versions the rule applies to, per dialect (`min` inclusive, `below` exclusive). Absent = all. */
  versions?: Partial<Record<RuleDialect, { min?: string; below?: string }>>;
  /** Which phases it inspects (default: up only). */
  phases?: ('up' | 'down')[];
  summary: string;
  why: string;
  safeAlternative: { text: string; snippets: OrmSnippets };
  equivalents: RuleEquivalents;
  /** Docs examples, checked by test/unit/rules/examples.test.ts (tables `orders` and `accounts` already exist). */
  examples: Partial<Record<RuleDialect, RuleExample>>;
  /** A lock/rewrite rule: lowered to info on tables listed in `smallTables`. */
  lockRule?: boolean;
  /** Some findings carry quick fixes. */
  fixable?: boolean;
  check(ctx: RuleContext): RuleFinding[];
}

export interface RuleExample {
  bad: string;
  good: string;
  /** How the example is written (default: a plain SQL migration). */
  orm?: 'sql' | 'typeorm' | 'sequelize' | 'prisma';
  /** Config the example assumes (e.g. an older server version). */
  config?: { postgresVersion?: number; mysqlVersion?: string; mariadbVersion?: string };
}

export interface RuleFinding {
  message: string;
  /** The operation it is about; its range and offsets become the finding's. */
  op?: Operation;
  /** Used when there is no op (a missing down, a whole migration). */
  range?: Range;
  offset?: { start: number; end: number };
  /** The table it concerns, for smallTables. */
  table?: string;
  /** Overrides the rule's default severity for this finding only. */
  severity?: Severity;
  fixes?: Fix[];
}

export interface RuleContext {
  file: FileModel;
  /** Every file of the run, for cross-migration facts. */
  files: FileModel[];
  migration: Migration;
  phase: 'up' | 'down';
  ops: Operation[];
  config: SafeMigrationsConfig;
  dialect: RuleDialect | 'unknown';
  orm: Orm;
  /** The file text when the engine provided it (fixes and ignore comments need it). */
  text?: string;
  /** Created by an earlier operation of this phase, or by a recent (unshipped) earlier migration of the file set. */
  isTableCreatedEarlier(op: Operation | string): boolean;
  isSmallTable(table: string | undefined): boolean;
  versionAtLeast(min: string): boolean;
  /** The op runs inside a transaction: the runner's (migration.transactional), the code's own, or BEGIN…COMMIT. */
  inTransaction(op: Operation): boolean;
  /** Transaction opened explicitly (BEGIN or a code-managed transaction), not the runner's. */
  inExplicitTransaction(op: Operation): boolean;
  /** What earlier operations say about a column (its type, nullability). */
  columnHistory(table: string | undefined, column: string | undefined, before: Operation): ColumnHistory;
  /** Offsets → range in this file. */
  rangeOf(start: number, end: number): Range;
  /** Where a finding about the whole migration goes: its name, else the first line of the migration (never the whole file). */
  migrationNameRange(): Range;
  /** The first line of a range, trailing blanks trimmed (a method head instead of its whole body). */
  firstLineOf(range: Range): Range;
  /** Offsets of a migration-level range (the migration, its up or its down). */
  offsetsOf(range: Range): { start: number; end: number };
}

/** Declares a rule; the identity function keeps the literal types checked. */
export function defineRule(rule: Rule): Rule { return rule; }

export const NO_EQUIVALENTS: RuleEquivalents = { squawk: [], strong_migrations: [], atlas: [], eugene: [] };
export function eq(e: Partial<RuleEquivalents>): RuleEquivalents { return { ...NO_EQUIVALENTS, ...e }; }

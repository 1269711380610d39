// The rule registry and the runner: every rule over every migration phase, then severity overrides and ignore comments.
import type { SafeMigrationsConfig } from '../config/types';
import type { Finding, Severity } from '../model/finding';
import type { FileModel } from '../model/migration';
import { LineIndex } from '../model/text';
import { compareVersions, serverVersion } from '../knowledge/versions';
import { buildContext, type RunState } from './context';
import { isIgnored, parseIgnoreDirectives, type IgnoreDirectives } from './ignoreComments';
import type { Rule, RuleContext } from './rule';
import { SchemaHistory, orderedMigrations } from './schemaHistory';
import { ruleMetadata, rulesConfigSchema, type RuleMetadata } from './metadata';
import { gradeBySize } from '../stats/sizeGrading';
import addRequiredColumn from './compatibility/add-required-column';
import addUniqueOnExistingData from './compatibility/add-unique-on-existing-data';
import backfillInDdlTransaction from './compatibility/backfill-in-ddl-transaction';
import dmlWithoutWhere from './compatibility/dml-without-where';
import dropColumn from './compatibility/drop-column';
import dropForeignKey from './compatibility/drop-foreign-key';
import dropNotNull from './compatibility/drop-not-null';
import dropSchemaDatabase from './compatibility/drop-schema-database';
import dropTable from './compatibility/drop-table';
import invalidSqlForDialect from './compatibility/invalid-sql-for-dialect';
import modifyDropsNotNull from './compatibility/modify-drops-not-null';
import sequelizeChangecolumnPrimaryKey from './compatibility/sequelize-changecolumn-primary-key';
import renameColumn from './compatibility/rename-column';
import renameTable from './compatibility/rename-table';
import truncate from './compatibility/truncate';
import truncateCascade from './compatibility/truncate-cascade';
import uninspectableSql from './coverage/uninspectable-sql';
import addSerialColumn from './locks/add-serial-column';
import addStoredGeneratedColumn from './locks/add-stored-generated-column';
import addVolatileDefault from './locks/add-volatile-default';
import changeColumnType from './locks/change-column-type';
import checkWithoutNotValid from './locks/check-without-not-valid';
import concurrentIndexGuardHidesInvalid from './locks/concurrent-index-guard-hides-invalid';
import concurrentlyInTransaction from './locks/concurrently-in-transaction';
import detachPartitionNotConcurrent from './locks/detach-partition-not-concurrent';
import enumChange from './locks/enum-change';
import fkMissingIndex from './locks/fk-missing-index';
import fkWithoutNotValid from './locks/fk-without-not-valid';
import indexCreateNotConcurrent from './locks/index-create-not-concurrent';
import indexDropNotConcurrent from './locks/index-drop-not-concurrent';
import missingLockTimeout from './locks/missing-lock-timeout';
import missingStatementTimeout from './locks/missing-statement-timeout';
import multipleAlterSameTable from './locks/multiple-alter-same-table';
import primaryKeyWithoutIndex from './locks/primary-key-without-index';
import refreshMatviewBlocking from './locks/refresh-matview-blocking';
import reindexNotConcurrent from './locks/reindex-not-concurrent';
import setNotNullExisting from './locks/set-not-null-existing';
import statementAfterExclusiveLock from './locks/statement-after-exclusive-lock';
import tableRewriteMaintenance from './locks/table-rewrite-maintenance';
import uniqueConstraintWithoutIndex from './locks/unique-constraint-without-index';
import validateInSameTransaction from './locks/validate-in-same-transaction';
import mysqlAddForeignKey from './mysql/mysql-add-foreign-key';
import mysqlBlockingAlter from './mysql/mysql-blocking-alter';
import mysqlCopyAlgorithmOrLock from './mysql/mysql-copy-algorithm-or-lock';
import mysqlDdlInTransaction from './mysql/mysql-ddl-in-transaction';
import mysqlIfExistsUnsupported from './mysql/mysql-if-exists-unsupported';
import mysqlInlineReferencesIgnored from './mysql/mysql-inline-references-ignored';
import mysqlInstantForfeited from './mysql/mysql-instant-forfeited';
import mysqlNotNullWithoutStrictMode from './mysql/mysql-not-null-without-strict-mode';
import mysqlRenameColumnUnsupported from './mysql/mysql-rename-column-unsupported';
import mysqlVarcharLengthBoundary from './mysql/mysql-varchar-length-boundary';
import asymmetricDown from './rollback/asymmetric-down';
import downOrderFails from './rollback/down-order-fails';
import downThrows from './rollback/down-throws';
import emptyDown from './rollback/empty-down';
import irreversibleWithoutCheckpoint from './rollback/irreversible-without-checkpoint';
import lossyRollback from './rollback/lossy-rollback';
import missingDown from './rollback/missing-down';
import undefinedVariable from './rollback/undefined-variable';
import migrationDoesTooMuch from './size/migration-does-too-much';
import missingIdempotencyGuard from './transactions/missing-idempotency-guard';
import mixedTransactionModes from './transactions/mixed-transaction-modes';
import sequelizePostgresWithoutTransaction from './transactions/sequelize-postgres-without-transaction';
import sequelizeTransactionOptionMissing from './transactions/sequelize-transaction-option-missing';
import transactionNesting from './transactions/transaction-nesting';
import unawaitedQuery from './transactions/unawaited-query';
import tryCatchInTransaction from './transactions/try-catch-in-transaction';
import parallelDdl from './transactions/parallel-ddl';
import banCharType from './types/ban-char-type';
import banMoneyType from './types/ban-money-type';
import identifierTooLong from './types/identifier-too-long';
import preferBigint from './types/prefer-bigint';
import preferBigintIds from './types/prefer-bigint-ids';
import preferIdentity from './types/prefer-identity';
import preferJsonb from './types/prefer-jsonb';
import preferTextField from './types/prefer-text-field';
import preferTimestamptz from './types/prefer-timestamptz';

export const allRules: Rule[] = [
  addRequiredColumn,
  addUniqueOnExistingData,
  backfillInDdlTransaction,
  dmlWithoutWhere,
  dropColumn,
  dropForeignKey,
  dropNotNull,
  dropSchemaDatabase,
  dropTable,
  invalidSqlForDialect,
  modifyDropsNotNull,
  sequelizeChangecolumnPrimaryKey,
  renameColumn,
  renameTable,
  truncate,
  truncateCascade,
  uninspectableSql,
  addSerialColumn,
  addStoredGeneratedColumn,
  addVolatileDefault,
  changeColumnType,
  checkWithoutNotValid,
  concurrentIndexGuardHidesInvalid,
  concurrentlyInTransaction,
  detachPartitionNotConcurrent,
  enumChange,
  fkMissingIndex,
  fkWithoutNotValid,
  indexCreateNotConcurrent,
  indexDropNotConcurrent,
  missingLockTimeout,
  missingStatementTimeout,
  multipleAlterSameTable,
  primaryKeyWithoutIndex,
  refreshMatviewBlocking,
  reindexNotConcurrent,
  setNotNullExisting,
  statementAfterExclusiveLock,
  tableRewriteMaintenance,
  uniqueConstraintWithoutIndex,
  validateInSameTransaction,
  mysqlAddForeignKey,
  mysqlBlockingAlter,
  mysqlCopyAlgorithmOrLock,
  mysqlDdlInTransaction,
  mysqlIfExistsUnsupported,
  mysqlInlineReferencesIgnored,
  mysqlInstantForfeited,
  mysqlNotNullWithoutStrictMode,
  mysqlRenameColumnUnsupported,
  mysqlVarcharLengthBoundary,
  asymmetricDown,
  downOrderFails,
  downThrows,
  emptyDown,
  irreversibleWithoutCheckpoint,
  lossyRollback,
  missingDown,
  undefinedVariable,
  migrationDoesTooMuch,
  missingIdempotencyGuard,
  mixedTransactionModes,
  sequelizePostgresWithoutTransaction,
  unawaitedQuery,
  tryCatchInTransaction,
  parallelDdl,
  sequelizeTransactionOptionMissing,
  transactionNesting,
  banCharType,
  banMoneyType,
  identifierTooLong,
  preferBigint,
  preferBigintIds,
  preferIdentity,
  preferJsonb,
  preferTextField,
  preferTimestamptz,
];

const BY_ID = new Map(allRules.map((r) => [r.id, r]));
export type { RuleMetadata };
export function ruleById(id: string): Rule | undefined { return BY_ID.get(id); }

const DIALECT_NEUTRAL = new Set<Rule['category']>(['rollback', 'compatibility', 'size', 'coverage']);

/** The rule runs under this config's rule set: recommended rules always, strict ones on `"extends": "strict"` or an explicit severity. */
export function ruleEnabled(rule: Rule, config: Pick<SafeMigrationsConfig, 'extends' | 'rules'>): boolean {
  const override = config.rules[rule.id];
  if (override === 'off') return false;
  return (rule.set ?? 'recommended') === 'recommended' || config.extends === 'strict' || override !== undefined;
}

/** Rule applies to this dialect and configured server version. Unknown dialect: only the dialect-neutral rules. */
export function ruleApplies(rule: Rule, ctx: Pick<RuleContext, 'dialect' | 'config'>): boolean {
  // Unknown dialect: no dialect-specific advice at all (locks, MySQL, transactions and types depend on the engine);
  // what would make it known is said once, in the status bar and the project details.
  if (ctx.dialect === 'unknown') return rule.dialects.length === 3 && DIALECT_NEUTRAL.has(rule.category);
  if (!rule.dialects.includes(ctx.dialect)) return false;
  const range = rule.versions?.[ctx.dialect];
  const v = serverVersion(ctx.dialect, ctx.config);
  if (!range || !v) return true;
  if (range.min && compareVersions(v, range.min) < 0) return false;
  if (range.below && compareVersions(v, range.below) >= 0) return false;
  return true;
}

/**
 * Runs every enabled rule over the files (one file, or a whole migration folder for cross-migration facts).
 * `onlyPaths`: report findings for these files only; the others are context (what earlier migrations created).
 * Findings come sorted by file, then position.
 */
export function runRules(input: FileModel[] | FileModel, config: SafeMigrationsConfig, rules: Rule[] = allRules, onlyPaths?: string[]): Finding[] {
  const files = Array.isArray(input) ? input : [input];
  const ordered = orderedMigrations(files);
  const state: RunState = { files, config, ordered, history: new SchemaHistory(ordered.map((e) => e.migration)), lineIndexes: new Map() };
  const ignores = new Map<FileModel, IgnoreDirectives | undefined>();
  const small = new Set(config.smallTables.map((t) => t.toLowerCase()));
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const only = onlyPaths ? new Set(onlyPaths) : undefined;
  const enabled = rules.filter((r) => ruleEnabled(r, config));
  const baselined = baselineIndex(ordered.map((e) => e.migration), config.startAfter);
  for (let i = 0; i < ordered.length; i++) {
    if (only && !only.has(ordered[i].file.path)) continue;
    if (i <= baselined) continue;
    for (const phase of ['up', 'down'] as const) {
      const ctx = buildContext(state, i, phase);
      if (phase === 'down' && ctx.ops.length === 0) continue;
      for (const rule of enabled) {
        const override = config.rules[rule.id];
        if (!(rule.phases ?? ['up']).includes(phase) || !ruleApplies(rule, ctx)) continue;
        // A half-typed file (parser errors) has no reliable down yet: no rollback findings on it.
        if (rule.category === 'rollback' && ctx.file.syntaxErrors) continue;
        let produced;
        try { produced = rule.check(ctx); } catch { continue; }
        for (const f of produced) {
          const range = f.op?.range ?? f.range ?? ctx.migrationNameRange();
          const offset = f.op?.offset ?? f.offset ?? ctx.offsetsOf(range);
          const inOtherFile = phase === 'down' && !!ctx.migration.downPath;
          if (!inOtherFile && ignoredAt(ignores, ctx.file, rule.id, range.start.line)) continue;
          let severity: Severity = (override as Severity | undefined) ?? f.severity ?? rule.severity;
          if (!override && rule.lockRule && f.table && small.has(f.table.toLowerCase())) severity = 'info';
          // Table statistics (stats file or --database) grade what smallTables does not already.
          const graded = rule.lockRule && !(f.table && small.has(f.table.toLowerCase())) ? gradeBySize(rule.id, { severity, message: f.message }, f.table, ctx.dialect, config, !!override) : { severity, message: f.message };
          severity = graded.severity;
          const key = `${rule.id}|${ctx.file.path}|${offset.start}|${offset.end}|${f.message}`;
          if (seen.has(key)) continue;
          seen.add(key);
          findings.push({ rule: rule.id, severity, message: graded.message, range, offset, migration: ctx.migration.name, phase, path: inOtherFile ? ctx.migration.downPath : ctx.file.path, ...(f.fixes?.length ? { fixes: f.fixes } : {}), ...(graded.tableSize ? { tableSize: graded.tableSize } : {}) });
        }
      }
    }
  }
  return findings.sort((a, b) => (a.path ?? '').localeCompare(b.path ?? '') || a.offset.start - b.offset.start || a.rule.localeCompare(b.rule));
}

/**
 * Position (in run order) of the last migration at or before `startAfter`, or -1. A value that starts with
 * 8+ digits is a timestamp (TypeORM epoch ms, sequelize-cli / Prisma YYYYMMDDHHmmss); otherwise a name.
 */
export function baselineIndex(migrations: { name: string; timestamp?: string }[], startAfter: string | undefined): number {
  if (!startAfter) return -1;
  const digits = /^(\d{8,})/.exec(startAfter)?.[1];
  if (digits) {
    const limit = sortableTimestamp(digits);
    let last = -1;
    migrations.forEach((m, i) => { if (m.timestamp && /^\d{8,}$/.test(m.timestamp) && sortableTimestamp(m.timestamp) <= limit) last = i; });
    return last;
  }
  // The last migration of that name: per-dialect folders (mysql/, postgresql/) repeat their names.
  const wanted = startAfter.toLowerCase();
  return migrations.map((m) => m.name.toLowerCase()).lastIndexOf(wanted);
}

/** YYYYMMDDHHmmssSSS, so epoch-millisecond and calendar timestamps compare with each other. */
export function sortableTimestamp(ts: string): string {
  if (ts.length === 13 || ts.length === 10) {
    const d = new Date(Number(ts) * (ts.length === 10 ? 1000 : 1));
    if (!Number.isNaN(d.getTime())) return d.toISOString().replace(/\D/g, '').slice(0, 17);
  }
  return ts.slice(0, 17).padEnd(17, '0');
}

function ignoredAt(cache: Map<FileModel, IgnoreDirectives | undefined>, file: FileModel, rule: string, line: number): boolean {
  if (file.text === undefined) return false;
  let d = cache.get(file);
  if (!cache.has(file)) {
    d = parseIgnoreDirectives(file.text, new LineIndex(file.text));
    cache.set(file, d);
  }
  return !!d && isIgnored(d, rule, line);
}

/** Every rule's metadata in registry order; `safe-migrations rules --format json` prints it as `{ "rules": [...] }`. */
export function rulesMetadata(): RuleMetadata[] {
  return allRules.map(ruleMetadata);
}

/** JSON schema for the `rules` config key: every rule id → error | warning | info | off. */
export function rulesSchema(): ReturnType<typeof rulesConfigSchema> {
  return rulesConfigSchema(allRules);
}

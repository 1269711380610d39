// The pattern catalogue and the one scaffolding entry point used by the CLI, the VS Code commands and snippets.
// Pure: returns file contents, never touches the disk.
import { emitPrisma } from '../emitters/prismaEmitter';
import { emitSequelize } from '../emitters/sequelizeEmitter';
import { emitTypeorm } from '../emitters/typeormEmitter';
import { nameWords } from '../emitters/naming';
import type { EmitInput } from '../emitters/emitInput';
import { addColumnNotNullSafe } from './addColumnNotNullSafe';
import { addColumnNullable } from './addColumnNullable';
import { addColumnWithDefault } from './addColumnWithDefault';
import { addForeignKeySafe } from './addForeignKeySafe';
import { addIndexOnline } from './addIndexOnline';
import { batchedBackfill } from './batchedBackfill';
import { changeColumnTypeExpandContract } from './changeColumnTypeExpandContract';
import { checkpointTable } from './checkpointTable';
import { createTable } from './createTable';
import { dropColumnWithCheckpoint } from './dropColumnWithCheckpoint';
import { dropIndexOnline } from './dropIndexOnline';
import { dropTableWithCheckpoint } from './dropTableWithCheckpoint';
import { emptyMigration } from './emptyMigration';
import { ScaffoldError, dialectLabel } from './identifiers';
import { resolveParams } from './params';
import { renameColumnExpandContract } from './renameColumnExpandContract';
import { splitColumn } from './splitColumn';
import { DialectSql } from './dialectSql';
import type { Params, PatternDefinition, PatternInfo, Phase, ScaffoldResult, ScaffoldTarget, Step } from './types';

export type { ParamSpec, PatternInfo, ScaffoldFile, ScaffoldResult, ScaffoldTarget, ScaffoldOrm, ScaffoldDialect } from './types';
export { ScaffoldError } from './identifiers';

export const PATTERNS: readonly PatternDefinition[] = [
  emptyMigration, createTable, dropTableWithCheckpoint,
  addColumnNullable, addColumnWithDefault, addColumnNotNullSafe,
  renameColumnExpandContract, changeColumnTypeExpandContract, splitColumn,
  addIndexOnline, dropIndexOnline, addForeignKeySafe,
  dropColumnWithCheckpoint, checkpointTable, batchedBackfill,
];

export function listPatterns(): PatternInfo[] {
  return PATTERNS.map(({ id, title, description, orms, dialects, params }) => ({ id, title, description, orms, dialects, params: params.map((p) => ({ ...p })) }));
}

export function getPattern(id: string): PatternDefinition | undefined {
  return PATTERNS.find((p) => p.id === id);
}

/** Patterns and their phases, built for a dialect, before any ORM renders them (used by snippets and tests). */
export function buildPhases(id: string, rawParams: Params, target: Pick<ScaffoldTarget, 'dialect' | 'mysqlVersion' | 'mariadbVersion'>): { pattern: PatternDefinition; params: Params; phases: Phase[]; notes: string[] } {
  const pattern = getPattern(id);
  if (!pattern) throw new ScaffoldError(`Unknown pattern "${id}". Known: ${PATTERNS.map((p) => p.id).join(', ')}.`);
  if (!pattern.dialects.includes(target.dialect)) throw new ScaffoldError(`Pattern ${id} does not support ${dialectLabel(target.dialect)}.`);
  const params = resolveParams(pattern, rawParams, target.dialect);
  const ctx = { dialect: target.dialect, mysqlVersion: target.mysqlVersion ?? '8.4', mariadbVersion: target.mariadbVersion ?? '11.4' };
  const built = pattern.build(params, ctx);
  return { pattern, params, notes: built.notes, phases: built.phases.map((phase) => withLockTimeouts(phase, new DialectSql(ctx))) };
}

/**
 * Every up/down that waits for a table lock starts with a short lock timeout, so a statement queued behind a
 * long query fails fast instead of blocking every query behind it. On MySQL/MariaDB the metadata lock wait
 * also covers the backfill and check statements (and the procedures plain SQL wraps them in).
 */
function withLockTimeouts(phase: Phase, d: DialectSql): Phase {
  const add = (steps: Step[]): Step[] => {
    const waits = d.mysqlFamily ? steps.length > 0 : steps.some((s) => s.kind === 'sql' && s.ddl);
    if (!waits) return steps;
    const local = d.postgres && phase.transactional;
    return [d.lockTimeout(local), ...steps, ...(local ? [] : [d.lockTimeoutReset()])];
  };
  return { ...phase, up: add(phase.up), down: add(phase.down) };
}

/** Renders pattern `id` as migration files for the target ORM, dialect and folder. Throws ScaffoldError on bad input. */
export function scaffold(id: string, rawParams: Params, target: ScaffoldTarget): ScaffoldResult {
  const { pattern, params, phases, notes } = buildPhases(id, rawParams, target);
  if (!pattern.orms.includes(target.orm)) throw new ScaffoldError(`Pattern ${id} does not support ${target.orm}.`);
  if (target.orm === 'prisma' && target.extension) throw new ScaffoldError('Prisma migrations are SQL files; --extension does not apply.');
  const input: EmitInput = {
    patternId: pattern.id, patternTitle: pattern.title, phases,
    words: nameWords(pattern.name(params)),
    dialect: target.dialect, dir: target.dir, extension: target.extension, now: target.now ?? new Date(),
  };
  const files = target.orm === 'typeorm' ? emitTypeorm(input) : target.orm === 'sequelize' ? emitSequelize(input) : emitPrisma(input);
  const allNotes = [...notes];
  if (target.orm === 'typeorm' && phases.some((p) => !p.transactional)) {
    allNotes.push('Some of these migrations set `transaction = false`: the DataSource needs migrationsTransactionMode \'each\' or \'none\' (TypeORM refuses them under \'all\', its default).');
  }
  if (phases.length > 1) {
    allNotes.push(`${phases.length} migrations, one per phase: run them in order, each after the deploy its header names.`);
  }
  return { files, notes: allNotes };
}

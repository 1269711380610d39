// Ports one migration to another ORM and/or dialect family: its up and down become neutral SQL steps
// (translateOperations.ts) that the scaffolds' emitters render in the target ORM's format and naming.
// Pure: returns file contents, never writes.
import type { Dialect, FileModel, Migration } from '../../model/migration';
import type { IndexChange, Phase, ScaffoldDialect, ScaffoldExtension, ScaffoldFile, ScaffoldOrm, Step } from '../../patterns/types';
import { dialectLabel } from '../../patterns/identifiers';
import { emitPrisma } from '../../emitters/prismaEmitter';
import { emitSequelize } from '../../emitters/sequelizeEmitter';
import { emitTypeorm } from '../../emitters/typeormEmitter';
import type { EmitInput } from '../../emitters/emitInput';
import { nameWords } from '../../emitters/naming';
import { type SchemaState, cloneSchema, emptySchema } from '../down/schemaState';
import { type PortStep, type TranslateContext, type Untranslated, keyedColumnsOf, translateOperations } from './translateOperations';
import { invertMigration } from '../down/generateDown';
import { familyOf } from './dialectMap';

export type { Untranslated } from './translateOperations';

export interface PortTarget {
  to: ScaffoldOrm;
  /** Target dialect; defaults to the source's (PostgreSQL when the source's is unknown). */
  dialect?: ScaffoldDialect;
  /** Folder the returned paths are in. */
  dir?: string;
  extension?: ScaffoldExtension;
  /** Date for migrations whose source name carries no timestamp (and for a baseline). */
  now?: Date;
}

export interface PortOptions extends PortTarget {
  migrationIndex?: number;
  /** Schema before this migration (source dialect), replayed from the history; empty when absent. */
  before?: SchemaState;
  /** Text of a separate down file (Prisma down.sql), whose statements the model points into. */
  downText?: string;
  /** How `untranslated` names the source (defaults to the file's path). */
  source?: string;
  /** Columns a key or index covers anywhere in the history (`table.column`, lower case): see TranslateContext.keyed. */
  keyed?: Set<string>;
}

export interface PortResult {
  files: ScaffoldFile[];
  untranslated: Untranslated[];
  /** Translated with a known difference (time zone dropped, prefix index…): also in the files' headers. */
  notes: string[];
  /** Schema after this migration's up (source dialect): the next migration's `before`. */
  after: SchemaState;
}

export function targetDialect(source: Dialect, wanted?: ScaffoldDialect): ScaffoldDialect {
  return wanted ?? (source === 'mysql' || source === 'mariadb' ? source : 'postgres');
}

export function portMigration(file: FileModel, options: PortOptions): PortResult {
  const migration = file.migrations[options.migrationIndex ?? 0];
  const dialect = targetDialect(file.dialect, options.dialect);
  const sourceDialect: Dialect = file.dialect === 'unknown' || file.dialect === 'sqlite' ? 'postgres' : file.dialect;
  const before = options.before ? cloneSchema(options.before) : emptySchema(sourceDialect);
  const keyed = new Set([...(options.keyed ?? []), ...keyedColumnsOf(file.migrations.flatMap((m) => m.up))]);
  const base: Omit<TranslateContext, 'state' | 'fileText'> = { source: options.source ?? file.path, from: sourceDialect, to: dialect, sourceOrm: file.orm, untranslated: [], notes: [], keyed };
  if (!migration) return { files: [], untranslated: [{ source: base.source, message: 'no migration found in this file' }], notes: [], after: before };
  const upCtx: TranslateContext = { ...base, state: before, fileText: file.text };
  const up = translateOperations(migration.up, upCtx);
  const after = cloneSchema(upCtx.state);
  const downCtx: TranslateContext = { ...base, untranslated: upCtx.untranslated, notes: upCtx.notes, state: cloneSchema(after), fileText: migration.downPath ? options.downText : file.text };
  const sourceHasDown = (migration.hasDown || migration.down.length > 0) && !migration.downThrows;
  const down = sourceHasDown ? translateOperations(migration.down, downCtx)
    : familyOf(sourceDialect) === familyOf(dialect) ? generatedDown(file, migration, options.before ?? emptySchema(sourceDialect), upCtx.notes) : [];
  const notes = upCtx.notes;
  const phase = buildPhase(file, migration, up, down, dialect, options.to, upCtx.untranslated, notes);
  const input: EmitInput = {
    patternId: 'port',
    patternTitle: `${migration.name} (${file.orm}, ${dialectLabel(targetDialect(sourceDialect))}) ported to ${options.to} on ${dialectLabel(dialect)}`,
    phases: [phase],
    words: migrationWords(migration),
    dialect,
    dir: options.dir ?? '.',
    extension: options.extension,
    now: migrationDate(migration) ?? options.now ?? new Date(),
  };
  return { files: emit(options.to, input), untranslated: upCtx.untranslated, notes, after };
}

export function emit(to: ScaffoldOrm, input: EmitInput): ScaffoldFile[] {
  return to === 'typeorm' ? emitTypeorm(input) : to === 'sequelize' ? emitSequelize(input) : emitPrisma(input);
}

/** Name words without the source's timestamp or class suffix: `CreateUsers1700000000000` → create users. */
export function migrationWords(migration: Migration): string[] {
  const name = migration.name.replace(/\.(sql|[cm]?[jt]s)$/i, '').replace(/^\d{8,}[-_]?/, '').replace(/\d{10,}$/, '');
  return nameWords([name]).length ? nameWords([name]) : ['migration'];
}

/** The source's own time: TypeORM's millisecond timestamp, or sequelize-cli/Prisma's YYYYMMDDHHmmss. */
export function migrationDate(migration: Migration): Date | undefined {
  const t = migration.timestamp ?? /(\d{13,14})/.exec(migration.name)?.[1];
  if (!t) return undefined;
  if (/^\d{13}$/.test(t)) return new Date(Number(t));
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(t);
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])) : undefined;
}

/** Marker steps (untranslated constructs) become the comment of the next statement, so they sit where the construct was. */
export function toSteps(steps: PortStep[]): Step[] {
  const out: Step[] = [];
  let pending: string[] = [];
  for (const s of steps) {
    if (!s.sql) { if (s.comment) pending.push(s.comment); continue; }
    const comment = [...pending, ...(s.comment ? [s.comment] : [])].join(' | ') || undefined;
    pending = [];
    out.push({ kind: 'sql', sql: s.sql, ddl: s.ddl, ...(s.guard ? { runIf: s.guard } : {}), ...(comment ? { comment } : {}), ...(s.index ? { index: s.index } : {}) });
  }
  if (pending.length && out.length) {
    const last = out[out.length - 1];
    last.comment = [last.comment, ...pending.map((p) => `after this statement: ${p}`)].filter(Boolean).join(' | ');
  }
  return out;
}

function buildPhase(file: FileModel, migration: Migration, upSteps: PortStep[], downSteps: PortStep[], dialect: ScaffoldDialect, to: ScaffoldOrm, untranslated: Untranslated[], notes: string[]): Phase {
  const phaseNotes: string[] = [];
  let up = upSteps;
  let down = downSteps;
  // Prisma sends a file as one script, which PostgreSQL runs as one transaction: CONCURRENTLY only works alone.
  if (to === 'prisma' && dialect === 'postgres') {
    for (const which of ['up', 'down'] as const) {
      const steps = which === 'up' ? up : down;
      if (steps.filter((s) => s.sql).length > 1 && steps.some((s) => s.outsideTransaction)) {
        const plain = steps.map((s) => (s.outsideTransaction ? { ...s, sql: s.sql.replace(/\s+CONCURRENTLY\b/i, ''), outsideTransaction: undefined, index: undefined } : s));
        if (which === 'up') up = plain; else down = plain;
        phaseNotes.push(`CONCURRENTLY dropped in ${which}: Prisma runs this file as one transaction, so the index is built under a lock (split it into a migration of its own to keep it online).`);
      }
    }
  }
  const upOnline = up.some((s) => s.outsideTransaction);
  if (dialect !== 'postgres') {
    const ddl = up.filter((s) => s.sql && s.ddl);
    // MODIFY and ALTER COLUMN … SET/DROP DEFAULT give the same result when run again.
    const unguarded = ddl.filter((s) => !s.guard && !/\bIF\s+(NOT\s+)?EXISTS\b/i.test(s.sql) && !/^ALTER\s+TABLE\s+\S+\s+(MODIFY|ALTER\s+COLUMN)\b/i.test(s.sql));
    phaseNotes.push(`Implicit-commit plan: ${dialectLabel(dialect)} commits ${ddl.length === 1 ? 'the one DDL statement' : `each of the ${ddl.length} DDL statements`} on its own, so a failure leaves the earlier ones applied. `
      + (unguarded.length ? `${unguarded.length} cannot be guarded (${unguarded.map((s) => oneLine(s.sql)).join('; ')}): after a failure, check them before running again.` : 'Each is guarded or repeatable, so running the migration again after a failure finishes the job.'));
  }
  for (const u of untranslated) phaseNotes.push(`UNTRANSLATED: ${u.message}`);
  for (const n of notes) phaseNotes.push(`Translated with a difference: ${n}`);
  if (!migration.hasDown && !migration.down.length || migration.downThrows) {
    phaseNotes.push(downSteps.length ? 'The source has no down: this one is generated from the up (as safe-migrations down does).' : 'The source has no down: neither has this one.');
  }
  return {
    slug: [],
    title: `Ported from ${file.orm} (${file.dialect}) by safe-migrations port`,
    up: toSteps(up),
    down: toSteps(down),
    transactional: !(dialect === 'postgres' && upOnline),
    notes: phaseNotes,
  };
}

/** The source has no down: the down generator's inverse of each up step (source dialect, so same family only). */
function generatedDown(file: FileModel, migration: Migration, before: SchemaState, notes: string[]): PortStep[] {
  const inverses = invertMigration(file, migration, before).reverse();
  for (const { inverse } of inverses) for (const m of [...inverse.losses, ...inverse.gaps]) if (!notes.includes(`generated down: ${m}`)) notes.push(`generated down: ${m}`);
  return inverses.flatMap(({ inverse }) => inverse.steps.map((s): PortStep => (s.sql.startsWith('--')
    ? { sql: '', ddl: false, comment: s.sql.slice(3) }
    : { sql: s.sql, ddl: true, outsideTransaction: s.outsideTransaction, index: s.outsideTransaction ? onlineIndex(s.sql, s.api) : undefined })));
}

/** A CONCURRENTLY step of the generated down, as the emitters' IndexChange (TypeORM steps out of migration:revert's transaction for it). */
function onlineIndex(sql: string, api: { call: string; table?: string; index?: string } | undefined): IndexChange | undefined {
  if (api?.call === 'dropIndex' && api.table && api.index) return { op: 'drop', table: api.table, name: api.index, columns: [], unique: false };
  const m = /^CREATE\s+(UNIQUE\s+)?INDEX\s+CONCURRENTLY\s+(?:IF\s+NOT\s+EXISTS\s+)?"([^"]+)"\s+ON\s+"([^"]+)"\s*\(([^()]*)\)\s*$/i.exec(sql);
  return m ? { op: 'create', table: m[3], name: m[2], columns: m[4].split(',').map((c) => c.trim().replace(/^"|"$/g, '')), unique: !!m[1] } : undefined;
}

function oneLine(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

// Splits a migration that does several jobs into one migration per job, in the project's naming,
// each with its own part of the original down. Pure: returns file contents, never writes.
import * as path from 'node:path';
import ts from 'typescript';
import type { FileModel, Migration, Operation } from '../../model/migration';
import { LineIndex } from '../../model/text';
import type { ProjectInfo } from '../../project/types';
import { projectTransactionMode } from '../../readers/typeorm/transactionMode';
import { type Chunk, type ChunksResult, type PieceOf, lineAt } from './chunks';
import { matchDownOps } from './matchDown';
import { type PieceBases, type SplitNaming, describePiece, parseOriginalName, pieceBases } from './pieceNames';
import { type PlannedPiece, planPieces } from './planPieces';
import { type TransactionWrapper, blockInside, scriptChunks, transactionWrapper, wrappedBlockInside } from './scriptChunks';
import { sqlChunks, sqlText } from './sqlChunks';
import { pascalName } from '../../emitters/naming';
import { readMigrationText } from '../../engine/engine';
import { generateDown } from '../down/generateDown';
import { downEdit } from '../down/downEdit';

export interface SplitInput {
  file: FileModel;
  /** The migration file's text (TypeORM/Sequelize file, Prisma migration.sql). */
  text: string;
  /** Prisma: the text of down.sql beside migration.sql, when there is one. */
  downText?: string;
  project?: ProjectInfo;
  /** The other migrations in the same folder: file paths (TypeORM, Sequelize) or folder paths (Prisma). */
  neighbours: string[];
}

export interface SplitFile { path: string; text: string }

export interface SplitResult {
  migration: string;
  /** In the order they run. */
  files: SplitFile[];
  /** The original's file (TypeORM, Sequelize) or folder (Prisma). */
  removes: string[];
  /** What the user should know: a piece without its own down, a transaction setting that changed. */
  notes: string[];
}

export interface SplitRefusal { migration: string; refused: string }

const NOT_UNDONE = 'Nothing in the original down undoes this step.';

export function splitMigration(input: SplitInput): SplitResult | SplitRefusal {
  const { file } = input;
  const migration = file.migrations[0];
  const name = migration?.name ?? path.basename(file.path);
  const refuse = (reason: string): SplitRefusal => ({ migration: name, refused: reason });
  if (file.migrations.length !== 1) return refuse(file.migrations.length ? 'the file holds several migrations; split works on a file with one' : 'no migration was found in this file');
  if (file.orm !== 'typeorm' && file.orm !== 'sequelize' && file.orm !== 'prisma') return refuse(`${file.orm === 'sql' ? 'plain SQL' : file.orm} migration files are not split yet (TypeORM, Sequelize and Prisma are)`);
  const naming: SplitNaming = file.orm;

  const blocker = notAttributable(migration.up, input.text) ?? notAttributable(migration.down, input.downText ?? input.text);
  if (blocker) return refuse(blocker);
  const steps = migration.up.filter((o) => o.kind !== 'setting');
  const pieces = planPieces(steps, { oneOnlineStepPerPiece: naming === 'prisma' });
  if (pieces.length < 2) return refuse('it does one job (one table, one kind of change): there is nothing to split');

  const notes: string[] = [];
  const onlineNeedsNoTransaction = file.dialect === 'postgres' && pieces.some((p) => p.kind === 'online');
  let typeormMode: ReturnType<typeof projectTransactionMode> | undefined;
  if (naming === 'typeorm' && onlineNeedsNoTransaction) {
    typeormMode = projectTransactionMode(input.project, file.path);
    if (typeormMode.mode === 'all' || typeormMode.conflict) {
      return refuse(`the CONCURRENTLY step needs a migration with transaction = false, which TypeORM refuses under migrationsTransactionMode 'all' (${typeormMode.source}); set it to 'each' first`);
    }
    if (!typeormMode.mode) notes.push(`The CONCURRENTLY piece sets transaction = false; TypeORM allows that only under migrationsTransactionMode 'each' or 'none' (${typeormMode.source}).`);
  }

  const pieceIndex = new Map<Operation, number>();
  pieces.forEach((p, i) => p.ops.forEach((o) => pieceIndex.set(o, i)));
  const upOf: PieceOf = (o) => o.kind === 'setting' ? 'all' : pieceIndex.get(o);
  let downOf: PieceOf = () => undefined;
  if (migration.down.length) {
    const matched = matchDownOps(migration.down, pieces);
    if ('unmatched' in matched) return refuse(`the down step at line ${lineAt(input.downText ?? input.text, matched.unmatched.offset.start)} (${matched.unmatched.text.slice(0, 80)}) undoes nothing a piece does, so it cannot be given to one`);
    downOf = (o) => o.kind === 'setting' ? 'all' : matched.pieceOf.get(o);
  }

  const names = pieceBases(naming, file.path, input.neighbours, pieces.map(describePiece));
  if ('refused' in names) return refuse(names.refused);

  const built = naming === 'prisma'
    ? prismaFiles(input, migration, pieces, names, upOf, downOf)
    : scriptFiles(input, migration, pieces, names, upOf, downOf, onlineNeedsNoTransaction, notes);
  if ('refused' in built) return refuse(built.refused);
  const hadDown = naming === 'prisma' ? input.downText !== undefined : !!migration.downRange;
  if (hadDown) {
    const missing = pieces.map((_, i) => i).filter((i) => pieces[i].kind !== 'data' && !migration.down.some((o) => downOf(o) === i));
    fillMissingDowns(built.files, missing, pieces, file, notes);
  }
  return { migration: name, files: built.files, removes: [naming === 'prisma' ? path.dirname(file.path) : file.path], notes };
}

/**
 * A piece the original down did not undo gets a generated down when that one restores the schema
 * exactly; otherwise it keeps the comment and the user is told.
 */
function fillMissingDowns(files: SplitFile[], missing: number[], pieces: PlannedPiece[], file: FileModel, notes: string[]): void {
  const prisma = file.orm === 'prisma';
  for (const i of missing) {
    const upFile = files[prisma ? 2 * i : i];
    const model = readMigrationText(upFile.path, upFile.text, { dialect: file.dialect });
    const generated = model.migrations.length === 1 ? generateDown(model) : undefined;
    const label = `Piece ${i + 1} (${describePiece(pieces[i]).join(' ')})`;
    if (!generated?.complete) {
      notes.push(`${label} has no part of the original down, and a generated one would not restore the schema exactly${generated?.notes.length ? ` (${generated.notes.map((n) => n.message).join('; ')})` : ''}: its down is empty.`);
      continue;
    }
    if (prisma) { files[2 * i + 1] = { ...files[2 * i + 1], text: generated.text }; }
    else {
      const edit = downEdit(model, model.migrations[0], generated.text, { force: true });
      if (edit.kind !== 'edit') { notes.push(`${label} has no part of the original down: its down is empty.`); continue; }
      files[i] = { ...upFile, text: upFile.text.slice(0, edit.start) + edit.text + upFile.text.slice(edit.end) };
    }
    notes.push(`${label} had no part of the original down: its down is generated.`);
  }
}

/** Steps the split cannot place: SQL it could not read, or a transaction the migration opens itself. */
function notAttributable(ops: Operation[], text: string): string | undefined {
  const unknown = ops.find((o) => o.kind === 'unknown');
  if (unknown) return `the step at line ${lineAt(text, unknown.offset.start)} could not be read (${unknown.reason ?? 'dynamic SQL'}), so it cannot be attributed to a piece`;
  // A Sequelize transaction callback wrapping the whole body is kept around each piece; other shapes are refused where they span pieces.
  const tx = ops.find((o) => o.kind === 'transactionControl');
  if (tx) return `the migration runs its steps in a transaction it opens itself (line ${lineAt(text, tx.offset.start)}); splitting would change what commits together`;
  return undefined;
}

function prismaFiles(input: SplitInput, migration: Migration, pieces: PlannedPiece[], names: PieceBases, upOf: PieceOf, downOf: PieceOf): { files: SplitFile[] } | { refused: string } {
  const up = sqlChunks(input.text, migration.up, upOf);
  if ('refused' in up) return up;
  let down: ChunksResult | undefined;
  if (input.downText !== undefined) {
    down = sqlChunks(input.downText, migration.down, downOf);
    if ('refused' in down) return down;
  }
  const root = path.dirname(path.dirname(input.file.path));
  const files: SplitFile[] = [];
  pieces.forEach((p, i) => {
    const folder = path.join(root, names.bases[i]);
    // A CONCURRENTLY statement must be alone in its file: Prisma then sends it outside a transaction.
    const shared = p.kind !== 'online';
    files.push({ path: path.join(folder, 'migration.sql'), text: sqlText(up.chunks, i, shared, 'empty') });
    if (down && 'chunks' in down) files.push({ path: path.join(folder, 'down.sql'), text: sqlText(down.chunks, i, shared, NOT_UNDONE) });
  });
  return { files };
}

interface MethodBodies { up?: ts.Block; down?: ts.Block }

/** The up and down bodies: the outermost function inside each range the reader reported. */
function methodBodies(sf: ts.SourceFile, lines: LineIndex, migration: Migration): MethodBodies {
  const span = (r: Migration['upRange']) => r && { start: lines.offsetAt(r.start), end: lines.offsetAt(r.end) };
  const want = { up: span(migration.upRange), down: span(migration.downRange) };
  const out: MethodBodies = {};
  const visit = (n: ts.Node) => {
    if ((ts.isMethodDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) || ts.isFunctionDeclaration(n)) && n.body && ts.isBlock(n.body)) {
      for (const key of ['up', 'down'] as const) {
        const r = want[key];
        if (r && !out[key] && n.getStart() >= r.start && n.end <= r.end) { out[key] = n.body; return; }
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

function scriptFiles(input: SplitInput, migration: Migration, pieces: PlannedPiece[], names: PieceBases, upOf: PieceOf, downOf: PieceOf, onlineNeedsNoTransaction: boolean, notes: string[]): { files: SplitFile[] } | { refused: string } {
  const { text, file } = input;
  const sf = ts.createSourceFile(file.path, text, ts.ScriptTarget.Latest, true, /\.m?[jc]?js$/.test(file.path) ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const bodies = methodBodies(sf, new LineIndex(text), migration);
  if (!bodies.up) return { refused: 'the up function has no block body to split' };
  const upWrapper = transactionWrapper(text, bodies.up);
  const downWrapper = bodies.down && transactionWrapper(text, bodies.down);
  const up = scriptChunks(text, upWrapper?.inner ?? bodies.up, migration.up, upOf);
  if ('refused' in up) return up;
  let down: ChunksResult | undefined;
  if (bodies.down) {
    down = scriptChunks(text, downWrapper ? downWrapper.inner : bodies.down, migration.down, downOf);
    if ('refused' in down) return down;
  }
  if (upWrapper) notes.push('Each piece keeps the original\'s transaction around its own steps: a piece commits on its own.');
  const inside = (block: ts.Block, wrapper: TransactionWrapper | undefined, chunks: Chunk[], i: number, note: string) =>
    wrapper ? wrappedBlockInside(text, block, wrapper, chunks, i, note) : blockInside(text, block, chunks, i, note);
  const typeormClass = file.orm === 'typeorm' ? sf.statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && !!s.name) : undefined;
  const transactionProperty = typeormClass?.members.find((m) => ts.isPropertyDeclaration(m) && m.name.getText() === 'transaction');
  const original = parseOriginalName(file.orm as SplitNaming, file.path);
  const ext = path.extname(file.path);
  const files: SplitFile[] = [];
  for (const [i, piece] of pieces.entries()) {
    const edits: { start: number; end: number; text: string }[] = [];
    edits.push({ start: bodies.up.getStart() + 1, end: bodies.up.end - 1, text: inside(bodies.up, upWrapper, up.chunks, i, 'empty') });
    if (bodies.down && down && 'chunks' in down) edits.push({ start: bodies.down.getStart() + 1, end: bodies.down.end - 1, text: inside(bodies.down, downWrapper || undefined, down.chunks, i, NOT_UNDONE) });
    if (typeormClass && onlineNeedsNoTransaction) {
      const online = piece.kind === 'online';
      if (online && !transactionProperty) {
        const first = typeormClass.members[0];
        const at = first ? statementLineEnd(text, first.end) : typeormClass.members.pos;
        const indent = first ? /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', first.getStart()) + 1))![0] : '    ';
        edits.push({ start: at, end: at, text: `\n${indent}// CREATE/DROP INDEX CONCURRENTLY cannot run inside a transaction.\n${indent}transaction = false;` });
      } else if (!online && transactionProperty && /=\s*false\b/.test(transactionProperty.getText())) {
        // The original ran outside a transaction only for its CONCURRENTLY step; the other pieces get theirs back.
        const start = text.lastIndexOf('\n', transactionProperty.getStart());
        edits.push({ start, end: statementLineEnd(text, transactionProperty.end), text: '' });
        if (!notes.some((n) => n.startsWith('Only the CONCURRENTLY'))) notes.push('Only the CONCURRENTLY piece keeps transaction = false; the other pieces run in a transaction again.');
      }
    }
    let out = applyEdits(text, edits);
    if (typeormClass?.name && original && names.stamps) {
      const oldClass = typeormClass.name.text;
      const name = names.bases[i].slice(names.stamps[i].length + 1);
      const newClass = pascalName(name.split(/[-_]|(?=[A-Z])/).filter(Boolean).map((w) => w.toLowerCase())) + (oldClass.endsWith(original.stamp) ? names.stamps[i] : '');
      out = out.replace(new RegExp(`\\b${oldClass}\\b`, 'g'), newClass);
    }
    files.push({ path: path.join(path.dirname(file.path), `${names.bases[i]}${ext}`), text: out });
  }
  return { files };
}

function statementLineEnd(text: string, offset: number): number {
  const trailing = ts.getTrailingCommentRanges(text, offset) ?? [];
  return trailing.length ? trailing[trailing.length - 1].end : offset;
}

function applyEdits(text: string, edits: { start: number; end: number; text: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

export type { Chunk };

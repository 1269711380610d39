// Cuts a SQL script (Prisma's migration.sql / down.sql) into one chunk per statement, each with the
// comments above it (Prisma writes `-- AlterTable` before each).
import type { Operation } from '../../model/migration';
import { groupSteps } from './planPieces';
import { type Chunk, type ChunksResult, type PieceOf, lineAt, ownerOfOps } from './chunks';

export function sqlChunks(text: string, ops: Operation[], pieceOf: PieceOf): ChunksResult {
  const chunks: Chunk[] = [];
  let start = 0;
  for (const step of groupSteps([...ops].sort((a, b) => a.offset.start - b.offset.start))) {
    const owner = ownerOfOps(step, pieceOf);
    if (!owner) return { refused: `the statement at line ${lineAt(text, step[0].offset.start)} does steps that belong to different migrations` };
    let end = Math.max(...step.map((o) => o.offset.end));
    const semicolon = /^\s*;/.exec(text.slice(end));
    if (semicolon) end += semicolon[0].length;
    const restOfLine = /^[^\S\n]*(--[^\n]*)?/.exec(text.slice(end));
    if (restOfLine) end += restOfLine[0].length;
    chunks.push({ text: text.slice(start, end).replace(/^\s*\n/, '').trimEnd(), owner });
    start = end;
  }
  const tail = text.slice(start).trim();
  if (tail && chunks.length) chunks[chunks.length - 1].text += `\n${tail}`;
  return { chunks };
}

/** A piece's script: its chunks (and the shared ones, unless it must stay a single statement). */
export function sqlText(chunks: Chunk[], piece: number, sharedToo: boolean, emptyNote: string): string {
  const own = chunks.filter((c) => c.owner === 'all' ? sharedToo : c.owner.includes(piece));
  if (!own.some((c) => c.owner !== 'all')) return `-- ${emptyNote}\n`;
  return own.map((c) => c.text).join('\n\n') + '\n';
}

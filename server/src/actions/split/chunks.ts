// A migration body cut into chunks of source text, each owned by one or more pieces (or shared by
// all, like `SET lock_timeout`), so each piece's body is the original's own text for its steps.
import type { Operation } from '../../model/migration';

export type Owner = number[] | 'all';

export interface Chunk { text: string; owner: Owner }

export type ChunksResult = { chunks: Chunk[] } | { refused: string };

/** The piece of each op; 'all' for session settings every piece needs. */
export type PieceOf = (op: Operation) => number | 'all' | undefined;

/** The owner of a group of ops, or undefined when they belong to different pieces. */
export function ownerOfOps(ops: Operation[], pieceOf: PieceOf): Owner | undefined {
  const owners = new Set(ops.map(pieceOf));
  if (owners.size !== 1) {
    owners.delete('all');
    if (owners.size !== 1) return undefined;
  }
  const only = [...owners][0];
  return only === 'all' ? 'all' : only === undefined ? undefined : [only];
}

export function owns(owner: Owner, piece: number, sharedToo: boolean): boolean {
  return owner === 'all' ? sharedToo : owner.includes(piece);
}

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

import type { EmitInput } from './emitInput';

/** What an empty up/down says instead of nothing, so a reviewer sees it is empty on purpose. */
export function emptyBodyComment(input: EmitInput, index: number, which: 'up' | 'down'): string {
  if (input.patternId === 'emptyMigration') {
    return which === 'up' ? 'Write the change here; guard each step (IF [NOT] EXISTS) so a re-run is harmless.' : 'Undo exactly what up does, in reverse order.';
  }
  if (which === 'up') return 'Nothing to do.';
  if (input.patternId === 'port') return 'Nothing to undo here: the ported migration has no down (see the header).';
  const phase = input.phases[index];
  return phase.up.some((s) => s.kind === 'backfill')
    ? 'Nothing to undo here: the values written by up go away with the column in an earlier phase\'s down.'
    : 'Nothing to undo: up only checks data.';
}

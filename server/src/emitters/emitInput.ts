import type { Phase, ScaffoldDialect, ScaffoldExtension } from '../patterns/types';

/** Everything an emitter needs: the phases of one pattern, already built for the dialect. */
export interface EmitInput {
  patternId: string;
  patternTitle: string;
  phases: Phase[];
  /** Words of the migration name; phase words are appended when there are several phases. */
  words: string[];
  dialect: ScaffoldDialect;
  dir: string;
  extension?: ScaffoldExtension;
  now: Date;
}

/** Name words of phase i: `<words> p<i+1> <slug>` when the pattern has several phases. */
export function phaseWords(input: EmitInput, index: number): string[] {
  if (input.phases.length === 1) return input.words;
  return [...input.words, `p${index + 1}`, ...input.phases[index].slug];
}

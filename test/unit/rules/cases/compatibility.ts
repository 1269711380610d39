import type { RuleCase } from '../harness';
export const compatibilityCases: RuleCase[] = [];

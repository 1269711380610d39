import type { RuleCase } from '../harness';
export const rollbackCases: RuleCase[] = [];

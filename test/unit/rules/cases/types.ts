import type { RuleCase } from '../harness';
export const typeCases: RuleCase[] = [];

import type { RuleCase } from '../harness';
export const transactionCases: RuleCase[] = [];

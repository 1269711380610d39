import type { RuleCase } from '../harness';
export const mysqlCases: RuleCase[] = [];

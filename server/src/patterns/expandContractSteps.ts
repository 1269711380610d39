// Steps shared by the expand-contract patterns (rename, change type, split, drop with checkpoint).
import type { DialectSql } from './dialectSql';
import type { Step } from './types';

/** Rows where `column` differs from `expected` (NULL-safe), as an assertion that must find none. */
export function assertColumnMatches(d: DialectSql, table: string, column: string, expected: string, message: string): Step {
  const differs = d.postgres ? `${d.q(column)} IS DISTINCT FROM ${expected}` : `NOT (${d.q(column)} <=> ${expected})`;
  return { kind: 'assertZero', sql: `SELECT COUNT(*) AS n FROM ${d.q(table)} WHERE ${differs}`, message };
}

/** Copies `column` back from a (key, column) checkpoint table, matching rows by key. */
export function restoreColumnFromCheckpoint(d: DialectSql, table: string, column: string, checkpoint: string, key: string): Step {
  const [t, b] = ['sm_target', 'sm_checkpoint'];
  const sql = d.postgres
    ? `UPDATE ${d.q(table)} AS ${t} SET ${d.q(column)} = ${b}.${d.q(column)} FROM ${d.q(checkpoint)} AS ${b} WHERE ${t}.${d.q(key)} = ${b}.${d.q(key)}`
    : `UPDATE ${d.q(table)} AS ${t} JOIN ${d.q(checkpoint)} AS ${b} ON ${t}.${d.q(key)} = ${b}.${d.q(key)} SET ${t}.${d.q(column)} = ${b}.${d.q(column)}`;
  return d.raw(sql);
}

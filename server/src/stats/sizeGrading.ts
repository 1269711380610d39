// Grades a lock or rewrite finding by the size of its table: below the threshold it is a hint (a
// short lock on a small table is not worth a reviewer's stop), above it the message says how large.
import type { Dialect } from '../model/migration';
import type { Severity } from '../model/finding';
import type { SafeMigrationsConfig } from '../config/types';
import { DEFAULT_LARGE_TABLE_ROWS, describeTableSize, lookupTableSize, type TableSize } from './tableStats';

/** Lock-queue rules: a missing timeout blocks traffic behind any long transaction, whatever the table's size. */
const SIZE_INDEPENDENT = new Set(['missing-lock-timeout', 'missing-statement-timeout']);

export interface Graded {
  severity: Severity;
  message: string;
  /** Set when the statistics know the table. */
  tableSize?: TableSize & { table: string };
}

/**
 * `explicitSeverity`: the user set the rule's severity in the config; it is kept, only the size is added.
 * No statistics, an unknown table or a size-independent rule: the finding is returned unchanged.
 */
export function gradeBySize(ruleId: string, finding: { severity: Severity; message: string }, table: string | undefined, dialect: Dialect, config: Pick<SafeMigrationsConfig, 'tableStats' | 'largeTableRows'>, explicitSeverity: boolean): Graded {
  if (SIZE_INDEPENDENT.has(ruleId)) return finding;
  const hit = lookupTableSize(config.tableStats, table, dialect);
  if (!hit) return finding;
  const tableSize = { table: hit.name, ...hit.size };
  const threshold = config.largeTableRows ?? DEFAULT_LARGE_TABLE_ROWS;
  const described = describeTableSize(hit.name, hit.size);
  if (hit.size.rows !== null && hit.size.rows < threshold) {
    return { severity: explicitSeverity ? finding.severity : 'hint', message: `${finding.message} (${described}; below the ${threshold.toLocaleString('en-US')}-row threshold)`, tableSize };
  }
  return { severity: finding.severity, message: `${finding.message} (${described})`, tableSize };
}

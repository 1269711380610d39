// Contract for the SQL readers (PostgreSQL via libpg-query, MySQL/MariaDB via node-sql-parser).
import type { Dialect, DialectInfo, Operation, Problem } from '../../model/migration';
import type { LineIndex } from '../../model/text';

export interface SqlReadOptions {
  /** postgres | mysql | mariadb; 'unknown' or 'sqlite' → guessed from the SQL per file (guessSqlDialect). */
  dialect: Dialect;
  /** The file's line index: ranges are computed in file coordinates. */
  lines: LineIndex;
  /** Maps an offset in `sql` to an offset in the file (SQL embedded in TS/JS). Identity when absent. */
  mapOffset?: (sqlOffset: number) => number;
  /** Marks every operation as inside a transaction the code opened (Sequelize `{ transaction: t }`). */
  inTransaction?: boolean;
}

export interface SqlReadResult { operations: Operation[]; problems: Problem[]; dialect: Dialect }

/** Loads libpg-query's WASM. Must be awaited once before readSql. */
export async function initSqlParsers(): Promise<void> { /* implemented by the SQL readers */ }

/** Splits and parses SQL, one Operation per action (an ALTER TABLE with 3 actions → 3 operations). Never throws. */
export function readSql(sql: string, options: SqlReadOptions): SqlReadResult {
  void sql;
  return { operations: [], problems: [], dialect: options.dialect };
}

/** Best guess of the dialect from SQL text alone (backticks, ENGINE=, AUTO_INCREMENT → mysql; "quoted", ::, SERIAL, CONCURRENTLY → postgres). */
export function guessSqlDialect(sql: string): DialectInfo | undefined { void sql; return undefined; }

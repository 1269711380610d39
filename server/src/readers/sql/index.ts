// The SQL readers: PostgreSQL through libpg-query, MySQL/MariaDB through node-sql-parser plus a
// token reader for the DDL shapes it misses. Both produce the ORM-neutral operations of the model.
import type { Dialect, DialectInfo, Operation, Problem } from '../../model/migration';
import type { LineIndex } from '../../model/text';
import { guessSqlDialect as guess } from './guessSqlDialect';
import { readMysql } from './mysql/readMysql';
import { OperationBuilder } from './operationBuilder';
import { loadPostgresParser, postgresParserReady, readPostgres } from './postgres/readPostgres';

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
export async function initSqlParsers(): Promise<void> { await loadPostgresParser(); }

/** Splits and parses SQL, one Operation per action (an ALTER TABLE with 3 actions → 3 operations). Never throws. */
export function readSql(sql: string, options: SqlReadOptions): SqlReadResult {
  // SQLite (Prisma's sqlite provider, dbmate on SQLite) is read with the PostgreSQL/MySQL readers, but
  // must not be reported as either: their lock and rewrite rules do not apply to it.
  if ((options.dialect !== 'unknown' && options.dialect !== 'sqlite') || !SQLITE_ONLY.test(sql)) return readSqlAs(sql, options);
  // Blank out the SQLite-only clauses (same length, so offsets hold) so the other readers take the rest.
  const masked = sql.replace(SQLITE_CLAUSES, (m) => ' '.repeat(m.length));
  return { ...readSqlAs(masked, options), dialect: 'sqlite' };
}

const SQLITE_CLAUSES = /\bAUTOINCREMENT\b|\bWITHOUT\s+ROWID\b/gi;

/** What only SQLite writes: PRAGMA statements, AUTOINCREMENT (MySQL spells it AUTO_INCREMENT), WITHOUT ROWID. */
const SQLITE_ONLY = /^[ \t]*PRAGMA\s+\w+|\bAUTOINCREMENT\b|\bWITHOUT\s+ROWID\b/im;

function readSqlAs(sql: string, options: SqlReadOptions): SqlReadResult {
  let dialect = options.dialect;
  if (dialect === 'unknown' || dialect === 'sqlite') dialect = guess(sql)?.dialect ?? 'unknown';
  const builder = (d: Dialect) => new OperationBuilder(sql, options.lines, options.mapOffset, !!options.inTransaction, d);
  try {
    if (dialect === 'mysql' || dialect === 'mariadb') return asResult(readWithMysql(builder(dialect), dialect));
    if (!postgresParserReady()) {
      const b = builder(dialect);
      b.problem('sql-parser-not-loaded', 'error', 'The PostgreSQL parser is not loaded (initSqlParsers was not awaited).', 0, 0);
      return asResult({ b, failed: 0 });
    }
    const pg = builder(dialect === 'unknown' ? 'postgres' : dialect);
    const pgRead = readPostgres(pg);
    if (dialect === 'postgres') return asResult({ b: pg, failed: 0 });
    // SQL without dialect clues that PostgreSQL reads is read as PostgreSQL, but the dialect stays
    // unknown: a clean parse is not proof (most portable DDL parses).
    if (pgRead.failed === 0) return { ...asResult({ b: pg, failed: 0 }), dialect: 'unknown' };
    // Unknown dialect and PostgreSQL failed on most statements: MySQL, if it reads more. A few
    // failures stay PostgreSQL syntax errors (MySQL's token reader would accept many typos).
    if (pgRead.failed * 2 <= pgRead.statements) return { ...asResult({ b: pg, failed: pgRead.failed }), dialect: 'unknown' };
    const my = readWithMysql(builder('mysql'), 'mysql');
    return asResult(my.failed < pgRead.failed ? my : { b: pg, failed: pgRead.failed });
  } catch (e) {
    const b = builder(dialect);
    b.problem('sql-reader-failed', 'error', `The SQL reader failed: ${(e as Error).message}`, 0, sql.length);
    return asResult({ b, failed: 1 });
  }
}

function readWithMysql(b: OperationBuilder, dialect: 'mysql' | 'mariadb'): { b: OperationBuilder; failed: number } {
  return { b, failed: readMysql(b, dialect).failed };
}

function asResult(r: { b: OperationBuilder; failed?: number }): SqlReadResult {
  return { operations: withTableForeignKeys(r.b.operations), problems: r.b.problems, dialect: r.b.dialect };
}

/**
 * Foreign keys declared inside CREATE TABLE (column `REFERENCES`, table-level `FOREIGN KEY`) also
 * become addForeignKey operations flagged `details.inCreateTable`, right after their createTable:
 * the shape the TypeORM and Sequelize readers give `new Table({ foreignKeys })` and `references`,
 * so rules such as fk-missing-index see every foreign key the same way.
 */
function withTableForeignKeys(ops: Operation[]): Operation[] {
  if (!ops.some((o) => o.kind === 'createTable')) return ops;
  const out: Operation[] = [];
  for (const o of ops) {
    out.push(o);
    if (o.kind !== 'createTable') continue;
    const fk = (columns: string[], references: NonNullable<Operation['references']>, constraint?: string): Operation => ({
      kind: 'addForeignKey', table: o.table, ...(o.schema ? { schema: o.schema } : {}), columns, ...(columns.length === 1 ? { column: columns[0] } : {}),
      ...(constraint ? { constraint } : {}), references, guarded: o.guarded, range: o.range, offset: o.offset, via: o.via, text: o.text,
      ...(o.inTransaction ? { inTransaction: true } : {}), details: { inCreateTable: true, ...(o.details?.statementOffset ? { statementOffset: o.details.statementOffset } : {}) },
    });
    for (const c of o.tableColumns ?? []) if (c.references) out.push(fk([c.name], { ...c.references }));
    const constraints = Array.isArray(o.details?.constraints) ? o.details.constraints as { type?: string; name?: string; columns?: string[]; references?: Operation['references'] }[] : [];
    // SQLite (dbmate) also quotes names with single quotes, which the MySQL token reader keeps.
    const bare = (names: string[]) => names.map((n) => n.replace(/^'(.*)'$/, '$1'));
    for (const c of constraints) {
      if (c.type === 'foreign' && c.columns?.length && c.references?.table) out.push(fk(bare(c.columns), { ...c.references, columns: bare(c.references.columns) }, c.name));
    }
  }
  return out;
}

/** Best guess of the dialect from SQL text alone (backticks, ENGINE=, AUTO_INCREMENT → mysql; "quoted", ::, SERIAL, CONCURRENTLY → postgres). */
export function guessSqlDialect(sql: string): DialectInfo | undefined { return guess(sql); }

/** The first non-blank line of a SQL file (its comment header or first statement): where findings about the whole migration sit. */
export function firstLineRange(text: string, lines: LineIndex): ReturnType<LineIndex['range']> {
  const start = text.search(/\S/);
  if (start < 0) return lines.range(0, 0);
  const eol = text.indexOf('\n', start);
  return lines.range(start, (eol < 0 ? text.length : eol) - (text[eol - 1] === '\r' ? 1 : 0));
}

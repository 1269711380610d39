// Builds dialect-correct steps. Guards: PostgreSQL and MariaDB say IF [NOT] EXISTS in the statement;
// MySQL has no such clause for columns, indexes and constraints, so the step carries a `runIf`
// that each emitter turns into a presence check (ORM API or information_schema).
import { quoteIdentifier, quoteLiteral } from './identifiers';
import type { BuildContext, Guard, ScaffoldDialect, Step } from './types';

function versionAtLeast(version: string, min: string): boolean {
  const a = version.split('.').map((p) => Number.parseInt(p, 10) || 0);
  const b = min.split('.').map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

export class DialectSql {
  readonly dialect: ScaffoldDialect;
  constructor(readonly ctx: BuildContext) { this.dialect = ctx.dialect; }

  get postgres(): boolean { return this.dialect === 'postgres'; }
  get mysqlFamily(): boolean { return this.dialect !== 'postgres'; }
  /** PostgreSQL and MariaDB: IF [NOT] EXISTS on columns and indexes. MySQL 8: no. */
  get nativeGuards(): boolean { return this.dialect !== 'mysql'; }

  q(name: string): string { return quoteIdentifier(name, this.dialect); }
  lit(value: string): string { return quoteLiteral(value, this.dialect); }
  cols(names: string[]): string { return names.map((n) => this.q(n)).join(', '); }

  /** ADD COLUMN online: INSTANT where the server has it (MySQL 8.0.12+, MariaDB 10.3.2+), else INPLACE without locks. */
  private get addColumnAlgorithm(): string {
    if (this.dialect === 'mysql') return versionAtLeast(this.ctx.mysqlVersion, '8.0.12') ? ', ALGORITHM=INSTANT' : ', ALGORITHM=INPLACE, LOCK=NONE';
    return versionAtLeast(this.ctx.mariadbVersion, '10.3.2') ? ', ALGORITHM=INSTANT' : ', ALGORITHM=INPLACE, LOCK=NONE';
  }

  private guarded(sql: string, ddl: boolean, guard: Guard): Step {
    return this.nativeGuards ? { kind: 'sql', sql, ddl } : { kind: 'sql', sql, ddl, runIf: guard };
  }

  /** A short lock wait: a DDL statement queued behind a long query would otherwise block every query behind it. */
  lockTimeout(transactional: boolean): Step {
    const sql = this.postgres ? `SET ${transactional ? 'LOCAL ' : ''}lock_timeout = '5s'` : 'SET SESSION lock_wait_timeout = 5';
    return { ...this.raw(sql), setting: 'lockTimeout' };
  }

  /** Session settings outlive the migration on a pooled connection: put the server default back. */
  lockTimeoutReset(): Step {
    return { ...this.raw(this.postgres ? 'RESET lock_timeout' : 'SET SESSION lock_wait_timeout = DEFAULT'), setting: 'lockTimeout' };
  }

  raw(sql: string, ddl = false): Extract<Step, { kind: 'sql' }> { return { kind: 'sql', sql, ddl }; }

  createTable(table: string, body: string): Step {
    return this.raw(`CREATE TABLE IF NOT EXISTS ${this.q(table)} (\n  ${body}\n)`, true);
  }

  dropTable(table: string): Step { return this.raw(`DROP TABLE IF EXISTS ${this.q(table)}`, true); }

  /** A copy of the rows (CREATE TABLE … AS SELECT): no indexes or constraints, just the data to verify and restore from. */
  copyTable(backup: string, selectList: string, from: string): Step {
    return this.raw(`CREATE TABLE IF NOT EXISTS ${this.q(backup)} AS SELECT ${selectList} FROM ${this.q(from)}`, true);
  }

  renameTable(from: string, to: string): Step {
    if (this.dialect === 'mysql') return { kind: 'sql', sql: `RENAME TABLE ${this.q(from)} TO ${this.q(to)}`, ddl: true, runIf: { present: true, object: 'table', table: from } };
    return this.raw(`ALTER TABLE IF EXISTS ${this.q(from)} RENAME TO ${this.q(to)}`, true);
  }

  /** `definition` is everything after the column name: type, NULL/NOT NULL, DEFAULT. */
  addColumn(table: string, column: string, definition: string): Step {
    const algorithm = this.mysqlFamily ? this.addColumnAlgorithm : '';
    const ifNotExists = this.nativeGuards ? 'IF NOT EXISTS ' : '';
    return this.guarded(`ALTER TABLE ${this.q(table)} ADD COLUMN ${ifNotExists}${this.q(column)} ${definition}${algorithm}`, true,
      { present: false, object: 'column', table, name: column });
  }

  /** Several columns in one statement: one ALTER is all-or-nothing even on MySQL. MySQL guards on the first column. */
  addColumns(table: string, columns: { name: string; definition: string }[]): Step {
    const algorithm = this.mysqlFamily ? this.addColumnAlgorithm : '';
    const ifNotExists = this.nativeGuards ? 'IF NOT EXISTS ' : '';
    const adds = columns.map((c) => `ADD COLUMN ${ifNotExists}${this.q(c.name)} ${c.definition}`).join(', ');
    return this.guarded(`ALTER TABLE ${this.q(table)} ${adds}${algorithm}`, true, { present: false, object: 'column', table, name: columns[0].name });
  }

  dropColumn(table: string, column: string): Step {
    const ifExists = this.nativeGuards ? 'IF EXISTS ' : '';
    return this.guarded(`ALTER TABLE ${this.q(table)} DROP COLUMN ${ifExists}${this.q(column)}`, true, { present: true, object: 'column', table, name: column });
  }

  dropColumns(table: string, columns: string[]): Step {
    const ifExists = this.nativeGuards ? 'IF EXISTS ' : '';
    const drops = columns.map((c) => `DROP COLUMN ${ifExists}${this.q(c)}`).join(', ');
    return this.guarded(`ALTER TABLE ${this.q(table)} ${drops}`, true, { present: true, object: 'column', table, name: columns[0] });
  }

  setDefault(table: string, column: string, expression: string): Step {
    return this.raw(`ALTER TABLE ${this.q(table)} ALTER COLUMN ${this.q(column)} SET DEFAULT ${expression}`, true);
  }

  dropDefault(table: string, column: string): Step {
    return this.raw(`ALTER TABLE ${this.q(table)} ALTER COLUMN ${this.q(column)} DROP DEFAULT`, true);
  }

  /** MySQL/MariaDB MODIFY restates the whole column; INPLACE + LOCK=NONE keeps writes flowing while the table is rebuilt. */
  modifyColumn(table: string, column: string, definition: string): Step {
    return this.raw(`ALTER TABLE ${this.q(table)} MODIFY ${this.q(column)} ${definition}, ALGORITHM=INPLACE, LOCK=NONE`, true);
  }

  /** PostgreSQL: CONCURRENTLY (must run outside a transaction). MySQL/MariaDB: INPLACE without locks. */
  createIndex(table: string, index: string, columns: string[], unique: boolean): Step {
    const u = unique ? 'UNIQUE ' : '';
    if (this.postgres) {
      return { ...this.raw(`CREATE ${u}INDEX CONCURRENTLY IF NOT EXISTS ${this.q(index)} ON ${this.q(table)} (${this.cols(columns)})`, true),
        index: { op: 'create', table, name: index, columns, unique } };
    }
    const ifNotExists = this.nativeGuards ? 'IF NOT EXISTS ' : '';
    return this.guarded(`ALTER TABLE ${this.q(table)} ADD ${u}INDEX ${ifNotExists}${this.q(index)} (${this.cols(columns)}), ALGORITHM=INPLACE, LOCK=NONE`, true,
      { present: false, object: 'index', table, name: index });
  }

  /** PostgreSQL: a failed CONCURRENTLY build leaves an INVALID index that IF NOT EXISTS would keep; drop it first. */
  dropInvalidIndex(table: string, index: string): Step {
    return { kind: 'sql', sql: `DROP INDEX CONCURRENTLY IF EXISTS ${this.q(index)}`, ddl: true, ormOnly: true,
      runIf: { present: true, object: 'invalidIndex', table, name: index } };
  }

  dropIndex(table: string, index: string): Step {
    if (this.postgres) return { ...this.raw(`DROP INDEX CONCURRENTLY IF EXISTS ${this.q(index)}`, true), index: { op: 'drop', table, name: index, columns: [], unique: false } };
    const ifExists = this.nativeGuards ? 'IF EXISTS ' : '';
    return this.guarded(`ALTER TABLE ${this.q(table)} DROP INDEX ${ifExists}${this.q(index)}, ALGORITHM=INPLACE, LOCK=NONE`, true,
      { present: true, object: 'index', table, name: index });
  }

  /** PostgreSQL has no ADD CONSTRAINT IF NOT EXISTS: guarded through pg_constraint. MariaDB has it; MySQL does not. */
  addCheck(table: string, name: string, condition: string, notValid: boolean): Step {
    const guard: Guard = { present: false, object: 'constraint', table, name };
    if (this.dialect === 'mariadb') return this.raw(`ALTER TABLE ${this.q(table)} ADD CONSTRAINT IF NOT EXISTS ${this.q(name)} CHECK (${condition})`, true);
    const nv = notValid && this.postgres ? ' NOT VALID' : '';
    return { kind: 'sql', sql: `ALTER TABLE ${this.q(table)} ADD CONSTRAINT ${this.q(name)} CHECK (${condition})${nv}`, ddl: true, runIf: guard };
  }

  addForeignKey(table: string, name: string, columns: string[], refTable: string, refColumns: string[], notValid: boolean): Step {
    const refs = `REFERENCES ${this.q(refTable)} (${this.cols(refColumns)})`;
    if (this.dialect === 'mariadb') return this.raw(`ALTER TABLE ${this.q(table)} ADD CONSTRAINT ${this.q(name)} FOREIGN KEY IF NOT EXISTS (${this.cols(columns)}) ${refs}`, true);
    const nv = notValid && this.postgres ? ' NOT VALID' : '';
    return { kind: 'sql', sql: `ALTER TABLE ${this.q(table)} ADD CONSTRAINT ${this.q(name)} FOREIGN KEY (${this.cols(columns)}) ${refs}${nv}`, ddl: true,
      runIf: { present: false, object: 'constraint', table, name } };
  }

  /** Guarded: after a re-run, a later step of the same migration may already have dropped the constraint. */
  validateConstraint(table: string, name: string): Step {
    return { kind: 'sql', sql: `ALTER TABLE ${this.q(table)} VALIDATE CONSTRAINT ${this.q(name)}`, ddl: true, runIf: { present: true, object: 'constraint', table, name } };
  }

  dropConstraint(table: string, name: string, kind: 'check' | 'foreignKey'): Step {
    if (this.postgres) return this.raw(`ALTER TABLE ${this.q(table)} DROP CONSTRAINT IF EXISTS ${this.q(name)}`, true);
    const what = kind === 'foreignKey' ? 'FOREIGN KEY' : 'CONSTRAINT';
    if (this.dialect === 'mariadb') return this.raw(`ALTER TABLE ${this.q(table)} DROP ${what} IF EXISTS ${this.q(name)}`, true);
    return { kind: 'sql', sql: `ALTER TABLE ${this.q(table)} DROP ${kind === 'foreignKey' ? 'FOREIGN KEY' : 'CHECK'} ${this.q(name)}`, ddl: true,
      runIf: { present: true, object: 'constraint', table, name } };
  }

  backfill(table: string, key: string, assignments: { column: string; expression: string }[], pending: string, batchSize: number): Step {
    return {
      kind: 'backfill', table, key, pending, batchSize,
      assignments: assignments.map((a) => `${this.q(a.column)} = ${a.expression}`).join(', '),
    };
  }

  /** Fails the migration unless both tables hold the same number of rows. */
  assertSameCount(table: string, copy: string): Step {
    return {
      kind: 'assertZero',
      sql: `SELECT (SELECT COUNT(*) FROM ${this.q(table)}) - (SELECT COUNT(*) FROM ${this.q(copy)}) AS n`,
      message: `Checkpoint ${copy} does not hold the same number of rows as ${table}; not continuing.`,
    };
  }

  /** Replace the `{value}` placeholder of a user expression with a column reference. */
  expression(template: string, column: string): string {
    return template.split('{value}').join(this.q(column));
  }

  /** `a || ' ' || b` is PostgreSQL; MySQL/MariaDB treat || as OR unless PIPES_AS_CONCAT, so CONCAT. */
  concat(parts: string[]): string {
    return this.postgres ? parts.join(' || ') : `CONCAT(${parts.join(', ')})`;
  }

  /** 1-based position of `needle` in `haystack` (0 when absent). */
  position(needle: string, haystack: string): string {
    return this.postgres ? `strpos(${haystack}, ${needle})` : `LOCATE(${needle}, ${haystack})`;
  }
}

// InnoDB online DDL on MySQL 8 and MariaDB: which ALGORITHM each ALTER can use and whether DML continues.
// Source: MySQL 8.0 reference manual "Online DDL Operations", MariaDB KB "InnoDB Online DDL Operations with the
// INSTANT/INPLACE/NOCOPY Alter Algorithm"; the MariaDB column is checked on a real server by test/db/locks/mariadb.test.ts.
import type { Dialect, Operation } from '../model/migration';
import { baseType, isVarchar, rawStatementKind, typeLength } from './operationFacts';
import { compareVersions } from './versions';

export interface EngineSupport {
  /** Minimum server version where ALGORITHM=INSTANT works, or false. */
  instant: string | false;
  /** Minimum server version where ALGORITHM=INPLACE works, or false (COPY only). */
  inplace: string | false;
  /** Concurrent DML continues under the best in-place algorithm (LOCK=NONE accepted). */
  concurrentDml: boolean;
  rebuilds: boolean;
  note?: string;
}

export interface OnlineDdlRow {
  key: string;
  operation: string;
  mysql: EngineSupport;
  mariadb: EngineSupport;
  /** ALTER TABLE t … clause run by the MariaDB test against its fixture table `t`. */
  example?: string;
}

const R = (r: OnlineDdlRow): OnlineDdlRow => r;
const ALWAYS = '0';

export const MYSQL_ONLINE_DDL: OnlineDdlRow[] = [
  R({ key: 'addColumn', operation: 'ADD COLUMN (last)', example: 'ADD COLUMN z int',
    mysql: { instant: '8.0.12', inplace: ALWAYS, concurrentDml: true, rebuilds: false },
    mariadb: { instant: '10.3.2', inplace: ALWAYS, concurrentDml: true, rebuilds: false } }),
  R({ key: 'addColumnNotLast', operation: 'ADD COLUMN … FIRST / AFTER', example: 'ADD COLUMN z int AFTER id',
    mysql: { instant: '8.0.29', inplace: ALWAYS, concurrentDml: true, rebuilds: true, note: 'before 8.0.29 only a last-position column is instant; otherwise the table is rebuilt' },
    mariadb: { instant: '10.4.0', inplace: ALWAYS, concurrentDml: true, rebuilds: true } }),
  R({ key: 'dropColumn', operation: 'DROP COLUMN', example: 'DROP COLUMN c',
    mysql: { instant: '8.0.29', inplace: ALWAYS, concurrentDml: true, rebuilds: true },
    mariadb: { instant: '10.4.0', inplace: ALWAYS, concurrentDml: true, rebuilds: true, note: 'INSTANT only for a column in no index: an indexed column is dropped INPLACE' } }),
  // Measured on MariaDB 10.11.19: INSTANT is refused ("Reason: DROP INDEX" for a column with an index of its own,
  // "Try ALGORITHM=INPLACE" for one inside a multi-column index); INPLACE with LOCK=NONE is accepted. MySQL not measured here.
  R({ key: 'dropIndexedColumn', operation: 'DROP COLUMN (indexed column)', example: 'DROP COLUMN a',
    mysql: { instant: '8.0.29', inplace: ALWAYS, concurrentDml: true, rebuilds: true },
    mariadb: { instant: false, inplace: ALWAYS, concurrentDml: true, rebuilds: true, note: 'not INSTANT: its index is dropped or rebuilt with it; writes continue (LOCK=NONE)' } }),
  R({ key: 'renameColumn', operation: 'RENAME COLUMN / CHANGE old new (same type)', example: 'CHANGE c c_renamed int',
    mysql: { instant: '8.0.28', inplace: ALWAYS, concurrentDml: true, rebuilds: false },
    mariadb: { instant: '10.3.0', inplace: ALWAYS, concurrentDml: true, rebuilds: false } }),
  R({ key: 'setDefault', operation: 'SET / DROP DEFAULT', example: 'ALTER COLUMN a SET DEFAULT 1',
    mysql: { instant: ALWAYS, inplace: ALWAYS, concurrentDml: true, rebuilds: false },
    mariadb: { instant: ALWAYS, inplace: ALWAYS, concurrentDml: true, rebuilds: false } }),
  R({ key: 'changeType', operation: 'change column data type (MODIFY/CHANGE)', example: 'MODIFY a bigint',
    mysql: { instant: false, inplace: false, concurrentDml: false, rebuilds: true, note: 'COPY: the table is copied and writes wait' },
    mariadb: { instant: false, inplace: false, concurrentDml: false, rebuilds: true, note: 'COPY: the table is copied and writes wait' } }),
  R({ key: 'extendVarchar', operation: 'extend VARCHAR within its length-byte class', example: 'MODIFY b varchar(20)',
    mysql: { instant: false, inplace: ALWAYS, concurrentDml: true, rebuilds: false, note: 'only while the byte length stays on the same side of 255 (1 vs 2 length bytes)' },
    mariadb: { instant: '10.2.2', inplace: ALWAYS, concurrentDml: true, rebuilds: false, note: 'only while the byte length stays on the same side of 255 (1 vs 2 length bytes)' } }),
  R({ key: 'varcharCrossesLengthBytes', operation: 'VARCHAR growth past 255 bytes, or any shrink', example: 'MODIFY v varchar(70)',
    mysql: { instant: false, inplace: false, concurrentDml: false, rebuilds: true, note: 'COPY: the length prefix grows from 1 to 2 bytes' },
    mariadb: { instant: false, inplace: false, concurrentDml: false, rebuilds: true, note: 'COPY: the length prefix grows from 1 to 2 bytes' } }),
  R({ key: 'setNotNull', operation: 'make column NOT NULL', example: 'MODIFY n int NOT NULL',
    mysql: { instant: false, inplace: ALWAYS, concurrentDml: true, rebuilds: true, note: 'in place only in strict SQL mode; fails if a NULL exists' },
    mariadb: { instant: false, inplace: ALWAYS, concurrentDml: true, rebuilds: true, note: 'in place only in strict SQL mode; fails if a NULL exists' } }),
  R({ key: 'dropNotNull', operation: 'make column NULL', example: 'MODIFY k int NULL',
    mysql: { instant: false, inplace: ALWAYS, concurrentDml: true, rebuilds: true },
    mariadb: { instant: false, inplace: ALWAYS, concurrentDml: true, rebuilds: true } }),
  R({ key: 'enumAppend', operation: 'ENUM/SET: append values at the end', example: "MODIFY e enum('x','y','z')",
    mysql: { instant: ALWAYS, inplace: ALWAYS, concurrentDml: true, rebuilds: false, note: 'while the member count stays within the same storage size (≤ 255 for ENUM)' },
    mariadb: { instant: ALWAYS, inplace: ALWAYS, concurrentDml: true, rebuilds: false } }),
  R({ key: 'enumReorder', operation: 'ENUM/SET: insert, remove or reorder values', example: "MODIFY e enum('z','x','y')",
    mysql: { instant: false, inplace: false, concurrentDml: false, rebuilds: true },
    mariadb: { instant: false, inplace: false, concurrentDml: false, rebuilds: true } }),
  R({ key: 'addIndex', operation: 'ADD INDEX / ADD UNIQUE', example: 'ADD INDEX ib (b)',
    mysql: { instant: false, inplace: ALWAYS, concurrentDml: true, rebuilds: false },
    mariadb: { instant: false, inplace: ALWAYS, concurrentDml: true, rebuilds: false } }),
  R({ key: 'dropIndex', operation: 'DROP INDEX', example: 'DROP INDEX ia',
    mysql: { instant: false, inplace: ALWAYS, concurrentDml: true, rebuilds: false },
    mariadb: { instant: false, inplace: ALWAYS, concurrentDml: true, rebuilds: false } }),
  R({ key: 'renameIndex', operation: 'RENAME INDEX', example: 'RENAME INDEX ia TO ia2',
    mysql: { instant: false, inplace: ALWAYS, concurrentDml: true, rebuilds: false },
    mariadb: { instant: ALWAYS, inplace: ALWAYS, concurrentDml: true, rebuilds: false } }),
  R({ key: 'addFulltextIndex', operation: 'ADD FULLTEXT / SPATIAL INDEX', example: 'ADD FULLTEXT INDEX fb (b)',
    mysql: { instant: false, inplace: ALWAYS, concurrentDml: false, rebuilds: false, note: 'in place, but LOCK=SHARED: writes wait for the build' },
    mariadb: { instant: false, inplace: ALWAYS, concurrentDml: false, rebuilds: false, note: 'in place, but LOCK=SHARED: writes wait for the build' } }),
  R({ key: 'addForeignKey', operation: 'ADD FOREIGN KEY', example: 'ADD CONSTRAINT fk_a FOREIGN KEY (a) REFERENCES p (id)',
    mysql: { instant: false, inplace: false, concurrentDml: false, rebuilds: true, note: 'COPY unless foreign_key_checks=0 (then in place, no validation)' },
    mariadb: { instant: false, inplace: false, concurrentDml: false, rebuilds: true, note: 'COPY unless foreign_key_checks=0 (then in place, no validation)' } }),
  R({ key: 'dropForeignKey', operation: 'DROP FOREIGN KEY', example: 'DROP FOREIGN KEY fk_p',
    mysql: { instant: false, inplace: ALWAYS, concurrentDml: true, rebuilds: false },
    mariadb: { instant: ALWAYS, inplace: ALWAYS, concurrentDml: true, rebuilds: false } }),
  R({ key: 'addPrimaryKey', operation: 'ADD PRIMARY KEY', example: 'ADD PRIMARY KEY (id)',
    mysql: { instant: false, inplace: ALWAYS, concurrentDml: true, rebuilds: true, note: 'rebuilds the table and every secondary index; COPY if a column must be made NOT NULL' },
    mariadb: { instant: false, inplace: ALWAYS, concurrentDml: true, rebuilds: true, note: 'rebuilds the table and every secondary index' } }),
  R({ key: 'replacePrimaryKey', operation: 'DROP PRIMARY KEY and ADD PRIMARY KEY in one ALTER', example: 'DROP PRIMARY KEY, ADD PRIMARY KEY (k)',
    mysql: { instant: false, inplace: ALWAYS, concurrentDml: true, rebuilds: true, note: 'rebuilds the table and every secondary index' },
    mariadb: { instant: false, inplace: ALWAYS, concurrentDml: true, rebuilds: true, note: 'rebuilds the table and every secondary index' } }),
  R({ key: 'dropPrimaryKey', operation: 'DROP PRIMARY KEY (without adding one)', example: 'DROP PRIMARY KEY',
    mysql: { instant: false, inplace: false, concurrentDml: false, rebuilds: true },
    mariadb: { instant: false, inplace: false, concurrentDml: false, rebuilds: true } }),
  R({ key: 'addStoredGenerated', operation: 'ADD STORED generated column', example: 'ADD COLUMN g int AS (a * 2) STORED',
    mysql: { instant: false, inplace: false, concurrentDml: false, rebuilds: true },
    mariadb: { instant: false, inplace: false, concurrentDml: false, rebuilds: true } }),
  R({ key: 'addVirtualGenerated', operation: 'ADD VIRTUAL generated column', example: 'ADD COLUMN g int AS (a * 2) VIRTUAL',
    mysql: { instant: ALWAYS, inplace: ALWAYS, concurrentDml: true, rebuilds: false },
    mariadb: { instant: ALWAYS, inplace: ALWAYS, concurrentDml: true, rebuilds: false } }),
  R({ key: 'addAutoIncrementColumn', operation: 'ADD AUTO_INCREMENT column', example: 'ADD COLUMN ai int AUTO_INCREMENT UNIQUE',
    mysql: { instant: false, inplace: ALWAYS, concurrentDml: false, rebuilds: true, note: 'in place, but writes wait (LOCK=SHARED)' },
    mariadb: { instant: false, inplace: ALWAYS, concurrentDml: false, rebuilds: true, note: 'in place, but writes wait (LOCK=SHARED)' } }),
  R({ key: 'addCheck', operation: 'ADD CHECK constraint', example: 'ADD CONSTRAINT ck2 CHECK (n > 0)',
    mysql: { instant: false, inplace: false, concurrentDml: false, rebuilds: true, note: 'COPY: every row is checked while writes wait' },
    mariadb: { instant: false, inplace: false, concurrentDml: false, rebuilds: true, note: 'COPY: every row is checked while writes wait' } }),
  R({ key: 'dropConstraint', operation: 'DROP CHECK / CONSTRAINT', example: 'DROP CONSTRAINT ck',
    mysql: { instant: ALWAYS, inplace: ALWAYS, concurrentDml: true, rebuilds: false },
    mariadb: { instant: ALWAYS, inplace: ALWAYS, concurrentDml: true, rebuilds: false } }),
  R({ key: 'renameTable', operation: 'RENAME TABLE', example: 'RENAME TO t_renamed',
    mysql: { instant: ALWAYS, inplace: ALWAYS, concurrentDml: true, rebuilds: false },
    mariadb: { instant: ALWAYS, inplace: ALWAYS, concurrentDml: true, rebuilds: false } }),
  R({ key: 'convertCharset', operation: 'CONVERT TO CHARACTER SET', example: 'CONVERT TO CHARACTER SET latin1',
    mysql: { instant: false, inplace: false, concurrentDml: false, rebuilds: true },
    mariadb: { instant: false, inplace: false, concurrentDml: false, rebuilds: true } }),
  R({ key: 'rebuildTable', operation: 'OPTIMIZE TABLE / ALTER … FORCE / ROW_FORMAT', example: 'FORCE',
    mysql: { instant: false, inplace: ALWAYS, concurrentDml: true, rebuilds: true, note: 'rebuilds the whole table: long, I/O heavy, replica lag' },
    mariadb: { instant: false, inplace: ALWAYS, concurrentDml: true, rebuilds: true, note: 'rebuilds the whole table: long, I/O heavy, replica lag' } }),
];

const BY_KEY = new Map(MYSQL_ONLINE_DDL.map((r) => [r.key, r]));
export function onlineDdlRow(key: string): OnlineDdlRow | undefined { return BY_KEY.get(key); }

/** Bytes per character of a charset name (utf8mb4 unless the migration says otherwise). */
export function charsetBytes(charset: string | undefined): number {
  const c = (charset ?? 'utf8mb4').toLowerCase();
  if (c.startsWith('utf8mb4')) return 4;
  if (c.startsWith('utf8') || c.startsWith('utf8mb3')) return 3;
  if (c.startsWith('utf16') || c.startsWith('ucs2')) return 4;
  if (c.startsWith('utf32')) return 4;
  return 1;
}

/** 1 or 2: the length prefix InnoDB stores for a VARCHAR of this many bytes. */
export function varcharLengthBytes(chars: number, bytesPerChar: number): 1 | 2 {
  return chars * bytesPerChar > 255 ? 2 : 1;
}

function enumMembers(type: string | undefined): string[] | undefined {
  const m = /^\s*(enum|set)\s*\(([\s\S]*)\)\s*$/i.exec(type ?? '');
  return m ? m[2].split(',').map((s) => s.trim()) : undefined;
}

export interface MysqlColumnHistory {
  previousType?: string; previousNullable?: boolean; charset?: string;
  /** The column is in an index (a DROP COLUMN takes the index with it, which MariaDB cannot do INSTANT). */
  indexed?: boolean;
}

/** The online-DDL row an operation falls under, or undefined when none applies (CREATE TABLE, DML…). */
export function mysqlDdlKey(op: Operation, history: MysqlColumnHistory = {}): string | undefined {
  const raw = rawStatementKind(op);
  if (raw === 'optimizeTable') return 'rebuildTable';
  if (/\bCONVERT\s+TO\s+CHARACTER\s+SET\b/i.test(op.text)) return 'convertCharset';
  const spec = op.columnSpec;
  switch (op.kind) {
    case 'addColumn': {
      if (spec?.generated === 'stored') return 'addStoredGenerated';
      if (spec?.generated === 'virtual') return 'addVirtualGenerated';
      if (spec?.autoIncrement) return 'addAutoIncrementColumn';
      const position = op.details?.position ?? op.details?.after ?? op.details?.first;
      if (position || /\b(FIRST|AFTER\s+[`"\w]+)\s*(,|;|$|ALGORITHM|LOCK)/i.test(op.text)) return 'addColumnNotLast';
      return 'addColumn';
    }
    case 'dropColumn': return history.indexed ? 'dropIndexedColumn' : 'dropColumn';
    case 'renameColumn': return 'renameColumn';
    case 'setDefault': case 'dropDefault': return 'setDefault';
    case 'setNotNull': return 'setNotNull';
    case 'dropNotNull': return 'dropNotNull';
    case 'alterColumnType': return columnChangeKey(op, history);
    case 'createIndex': case 'addUnique': return /fulltext|spatial/i.test(op.indexMethod ?? '') ? 'addFulltextIndex' : 'addIndex';
    case 'dropIndex': return 'dropIndex';
    case 'addForeignKey': return 'addForeignKey';
    case 'dropForeignKey': return 'dropForeignKey';
    case 'addPrimaryKey': return 'addPrimaryKey';
    case 'dropConstraint': {
      if (!/^primary$/i.test(op.constraint ?? '') && !/DROP\s+PRIMARY\s+KEY/i.test(op.text)) return 'dropConstraint';
      // The op's text is its whole ALTER statement: adding a key in the same statement replaces it in place.
      return /\bADD\s+(?:CONSTRAINT\s+\S+\s+)?PRIMARY\s+KEY\b/i.test(op.text) ? 'replacePrimaryKey' : 'dropPrimaryKey';
    }
    case 'addCheck': return 'addCheck';
    case 'renameTable': return 'renameTable';
    default: return undefined;
  }
}

/**
 * The same stored type: integer display widths (`tinyint(1)` vs `tinyint`, `int(11)` vs `int`) and the
 * `boolean`/`integer` spellings are metadata only (deprecated since MySQL 8.0.19, never stored differently).
 */
export function sameMysqlType(a: string, b: string): boolean {
  const norm = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').trim()
    .replace(/^(bool|boolean)$/, 'tinyint')
    .replace(/^integer\b/, 'int')
    .replace(/^(tinyint|smallint|mediumint|int|bigint)\s*\(\s*\d+\s*\)/, '$1')
    .replace(/\s+/g, '');
  return norm(a) === norm(b);
}

function columnChangeKey(op: Operation, history: MysqlColumnHistory): string {
  const to = op.columnSpec?.type;
  const from = history.previousType;
  if (!to || !from) return 'changeType';
  if (sameMysqlType(to, from)) {
    if (op.columnSpec?.nullable === false && history.previousNullable !== false) return 'setNotNull';
    if (op.columnSpec?.nullable !== false && history.previousNullable === false) return 'dropNotNull';
    return op.newName ? 'renameColumn' : 'setDefault';
  }
  if (isVarchar(to) && isVarchar(from)) {
    const a = typeLength(from), b = typeLength(to);
    if (a === undefined || b === undefined || b < a) return 'varcharCrossesLengthBytes';
    const bytes = charsetBytes(op.columnSpec && (op.details?.charset as string | undefined) || history.charset);
    return varcharLengthBytes(a, bytes) === varcharLengthBytes(b, bytes) ? 'extendVarchar' : 'varcharCrossesLengthBytes';
  }
  const fe = enumMembers(from), te = enumMembers(to);
  if (fe && te && baseType(from) === baseType(to)) {
    const appended = te.length >= fe.length && fe.every((v, i) => te[i] === v);
    return appended ? 'enumAppend' : 'enumReorder';
  }
  return 'changeType';
}

export interface OnlineDdlVerdict {
  row: OnlineDdlRow;
  support: EngineSupport;
  /** The cheapest algorithm the server accepts. */
  algorithm: 'INSTANT' | 'INPLACE' | 'COPY';
  /** The LOCK clause to request with it (INSTANT takes none). */
  lock: 'NONE' | 'SHARED' | 'DEFAULT';
  dmlContinues: boolean;
}

/** What the server will do for this row on this dialect and version. */
export function onlineDdlVerdict(key: string, dialect: Dialect, version: string): OnlineDdlVerdict | undefined {
  const row = BY_KEY.get(key);
  if (!row) return undefined;
  const support = dialect === 'mariadb' ? row.mariadb : row.mysql;
  const at = (v: string | false) => v !== false && compareVersions(version, v) >= 0;
  if (at(support.instant)) return { row, support, algorithm: 'INSTANT', lock: 'DEFAULT', dmlContinues: true };
  if (at(support.inplace)) return { row, support, algorithm: 'INPLACE', lock: support.concurrentDml ? 'NONE' : 'SHARED', dmlContinues: support.concurrentDml };
  return { row, support, algorithm: 'COPY', lock: 'SHARED', dmlContinues: false };
}

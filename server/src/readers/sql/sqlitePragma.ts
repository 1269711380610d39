import type { Operation } from '../../model/migration';
import type { OperationBuilder } from './operationBuilder';

// Prisma's SQLite migrations (`-- RedefineTables`) wrap the table rebuild in `PRAGMA foreign_keys=OFF`
// … `=ON`. Neither PostgreSQL nor MySQL parses PRAGMA, but it is a plain connection setting, not a
// syntax error: read it as one.
const PRAGMA = /^PRAGMA\s+([A-Za-z_][\w.]*)\s*(?:=\s*([^;]*?)|\(\s*([^;]*?)\s*\))?\s*;?\s*$/i;

/** A `setting` operation for a SQLite PRAGMA statement in sql[start, end), or undefined when it is not one. */
export function sqlitePragmaOp(b: OperationBuilder, start: number, end: number): Operation | undefined {
  const m = PRAGMA.exec(b.sql.slice(start, end).trim());
  if (!m) return undefined;
  return b.op('setting', start, end, { setting: { name: m[1].toLowerCase(), value: (m[2] ?? m[3] ?? '').trim() }, statement: 'PRAGMA' });
}

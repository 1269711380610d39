import { snippet } from '../../../model/text';
import type { OperationBuilder } from '../operationBuilder';
import { splitStatements } from '../splitStatements';
import { sqlitePragmaOp } from '../sqlitePragma';
import { mysqlStatementOps } from './mysqlStatement';
import { MysqlStatementContext } from './mysqlStatementContext';

/** Reads a MySQL/MariaDB script statement by statement; returns how many statements were not (fully) understood. */
export function readMysql(b: OperationBuilder, dialect: 'mysql' | 'mariadb'): { failed: number } {
  const split = splitStatements(b.sql, 'mysql');
  for (const issue of split.issues) b.problem('sql-syntax', 'error', issue.message, issue.start, issue.end);
  let failed = 0;
  for (const stmt of split.statements) {
    if (stmt.unterminated) {
      failed++;
      b.push(b.op('unknown', stmt.start, stmt.end, { reason: `${stmt.unterminated}: ${snippet(b.sql.slice(stmt.start, Math.min(stmt.end, stmt.start + 200)), 80)}` }));
      continue;
    }
    const pragma = sqlitePragmaOp(b, stmt.start, stmt.end);
    if (pragma) { b.push(pragma); continue; }
    const ctx = new MysqlStatementContext(b, stmt.start, stmt.end, dialect);
    try {
      b.push(...mysqlStatementOps(ctx));
    } catch (e) {
      // An unexpected shape loses only its own statement.
      ctx.unreadable++;
      b.push(b.op('unknown', stmt.start, stmt.end, { reason: `reader error: ${(e as Error).message}` }));
    }
    if (ctx.unreadable) failed++;
  }
  return { failed };
}

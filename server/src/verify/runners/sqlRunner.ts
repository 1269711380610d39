// Prisma `migration.sql` / `down.sql` and plain SQL files, sent as `prisma migrate deploy` sends them:
// one script per file. On PostgreSQL a multi-statement script runs as one implicit transaction, so
// the statements are sent one by one inside an explicit one (the same all-or-nothing) to measure each.
import * as fs from 'node:fs';
import { LineIndex } from '../../model/text';
import { splitStatements } from '../../readers/sql/splitStatements';
import type { ScratchDatabase } from '../scratchDatabase';
import type { StatementTracer } from '../statementTracer';
import type { HistoryMigration, MigrationRunner } from './types';

const OWN_TRANSACTION = /^\s*(BEGIN|START\s+TRANSACTION|COMMIT|ROLLBACK|END)\b|\bCONCURRENTLY\b/i;

export function sqlRunner(db: ScratchDatabase, tracer: StatementTracer): MigrationRunner {
  const send = tracer.wrap((sql, params) => db.query(sql, params));
  const runScript = async (sql: string) => {
    const flavor = db.dialect === 'postgres' ? 'postgres' : 'mysql';
    const statements = splitStatements(sql, flavor).statements.map((s) => sql.slice(s.start, s.end)).filter((s) => s.trim());
    // A script that manages its own transactions, or holds one statement that cannot run in one, is sent as written.
    const implicitTransaction = db.dialect === 'postgres' && statements.length > 1 && !statements.some((s) => OWN_TRANSACTION.test(s));
    if (!implicitTransaction) { for (const s of statements) await send(s); return; }
    await db.query('BEGIN');
    try {
      for (const s of statements) await send(s);
      await db.query('COMMIT');
    } catch (e) {
      await db.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  };
  return {
    up: (m) => runScript(upSql(m)),
    down: async (m) => {
      const sql = downSql(m);
      if (sql === undefined) throw new NoDownError(m);
      await runScript(sql);
    },
    close: async () => undefined,
  };
}

export class NoDownError extends Error {
  constructor(m: HistoryMigration) {
    super(m.file.orm === 'prisma' ? `${m.migration.name} has no down.sql: there is no rollback to verify` : `${m.migration.name} has no down section or .down.sql file: there is no rollback to verify`);
  }
}

function fileText(m: HistoryMigration): string { return m.file.text ?? fs.readFileSync(m.file.path, 'utf8'); }

function slice(text: string, range: HistoryMigration['migration']['upRange']): string {
  if (!range) return text;
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

export function upSql(m: HistoryMigration): string {
  return slice(fileText(m), m.migration.upRange);
}

export function downSql(m: HistoryMigration): string | undefined {
  if (!m.migration.hasDown) return undefined;
  if (m.migration.downPath) return fs.readFileSync(m.migration.downPath, 'utf8');
  return m.migration.downRange ? slice(fileText(m), m.migration.downRange) : undefined;
}

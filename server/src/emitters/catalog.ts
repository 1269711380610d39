// Presence checks as catalog queries returning one row with column n (count of matches).
import { quoteIdentifier, quoteLiteral } from '../patterns/identifiers';
import type { Guard, ScaffoldDialect } from '../patterns/types';

export function presenceQuery(guard: Guard, dialect: ScaffoldDialect): string {
  const lit = (v: string) => quoteLiteral(v, dialect);
  const name = guard.name ?? '';
  if (dialect === 'postgres') {
    switch (guard.object) {
      case 'table': return `SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ${lit(guard.table)}`;
      case 'column': return `SELECT COUNT(*) AS n FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${lit(guard.table)} AND column_name = ${lit(name)}`;
      case 'index': return `SELECT COUNT(*) AS n FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ${lit(guard.table)} AND indexname = ${lit(name)}`;
      case 'constraint': return `SELECT COUNT(*) AS n FROM pg_constraint WHERE conrelid = to_regclass(${lit(quoteIdentifier(guard.table, dialect))}) AND conname = ${lit(name)}`;
      case 'invalidIndex': return `SELECT COUNT(*) AS n FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace ns ON ns.oid = c.relnamespace WHERE ns.nspname = current_schema() AND c.relname = ${lit(name)} AND NOT i.indisvalid`;
    }
  }
  switch (guard.object) {
    case 'table': return `SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ${lit(guard.table)}`;
    case 'column': return `SELECT COUNT(*) AS n FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ${lit(guard.table)} AND COLUMN_NAME = ${lit(name)}`;
    case 'index': return `SELECT COUNT(*) AS n FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ${lit(guard.table)} AND INDEX_NAME = ${lit(name)}`;
    case 'constraint': return `SELECT COUNT(*) AS n FROM information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = ${lit(guard.table)} AND CONSTRAINT_NAME = ${lit(name)}`;
    // MySQL/MariaDB build indexes atomically: there is no invalid leftover.
    case 'invalidIndex': return 'SELECT 0 AS n';
  }
}

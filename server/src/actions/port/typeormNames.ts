// TypeORM names the keys of a table it creates through its API itself (DefaultNamingStrategy):
// `PK_`/`UQ_` and the first 27 hex digits of sha1("<table>_<sorted columns>"). A ported createTable
// keeps those names so the schema is the one the TypeORM history gave.
import { createHash } from 'node:crypto';

export function typeormConstraintName(prefix: 'PK' | 'UQ' | 'FK' | 'IDX', table: string, columns: string[]): string {
  const key = `${table.replace('.', '_')}_${[...columns].sort().join('_')}`;
  return `${prefix}_${createHash('sha1').update(key).digest('hex').slice(0, 27)}`;
}

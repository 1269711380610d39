// Knex's column builders (`table.string('name', 100)`) → the SQL type Knex emits per dialect, as the
// model's ColumnSpec wants it (lower case). Knex's defaults (string 255, decimal 8,2, timestamps with
// time zone on PostgreSQL) are spelled out, because that is what reaches the database.
import type { ColumnSpec, Dialect } from '../../model/migration';

/** What a column builder call states, before its modifier chain (`.notNullable()`, `.defaultTo()`…). */
export interface KnexColumnArgs {
  /** Literal arguments after the column name (numbers, strings, string arrays, option objects as key → literal). */
  args: (string | number | boolean | string[] | Record<string, unknown> | undefined)[];
}

type Spec = Pick<ColumnSpec, 'type' | 'autoIncrement' | 'primary' | 'enumValues' | 'nullable'>;

const num = (v: unknown, fallback: number | null): number | null => (typeof v === 'number' ? v : v === null ? null : fallback);
const opts = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : {});

/**
 * The spec of `table.<method>(name, ...args)`, or undefined when `method` is not a column builder.
 * `dialect` unknown reads as PostgreSQL's spelling (the type name only matters to dialect-specific rules).
 */
export function knexColumnType(method: string, { args }: KnexColumnArgs, dialect: Dialect): Spec | undefined {
  const my = dialect === 'mysql' || dialect === 'mariadb';
  switch (method) {
    case 'increments': return { type: my ? 'int unsigned' : 'serial', autoIncrement: true, primary: opts(args[0]).primaryKey !== false, nullable: false };
    case 'bigIncrements': return { type: my ? 'bigint unsigned' : 'bigserial', autoIncrement: true, primary: opts(args[0]).primaryKey !== false, nullable: false };
    case 'integer': case 'int': return { type: my ? 'int' : 'integer' };
    case 'bigInteger': case 'bigint': case 'biginteger': return { type: 'bigint' };
    case 'tinyint': return { type: my ? 'tinyint' : 'smallint' };
    case 'smallint': return { type: 'smallint' };
    case 'mediumint': return { type: my ? 'mediumint' : 'integer' };
    case 'text': return { type: my && typeof args[0] === 'string' ? args[0].toLowerCase() : 'text' };
    case 'string': {
      const length = num(args[0], 255);
      return { type: length === null ? 'varchar' : `varchar(${length})` };
    }
    case 'float': return { type: my ? sized('float', args) : 'real' };
    case 'double': return { type: my ? sized('double', args) : 'double precision' };
    case 'decimal': return { type: sized('decimal', args) };
    case 'boolean': case 'bool': return { type: 'boolean' };
    case 'date': return { type: 'date' };
    case 'time': return { type: 'time' };
    case 'datetime': case 'dateTime': return { type: my ? 'datetime' : timestampType(args[0]) };
    case 'timestamp': return { type: my ? 'timestamp' : timestampType(args[0]) };
    case 'binary': return { type: my ? (typeof args[0] === 'number' ? `varbinary(${args[0]})` : 'blob') : 'bytea' };
    case 'json': return { type: 'json' };
    case 'jsonb': return { type: my ? 'json' : 'jsonb' };
    case 'uuid': return { type: my ? 'char(36)' : 'uuid' };
    case 'enu': case 'enum': {
      const values = Array.isArray(args[0]) ? args[0] : undefined;
      const o = opts(args[1]);
      const native = !my && o.useNative === true && typeof o.enumName === 'string' ? o.enumName.toLowerCase() : undefined;
      // Knex writes a PostgreSQL "enum" as text with a CHECK constraint unless useNative is set.
      return { type: native ?? (my ? `enum(${(values ?? []).map((v) => `'${v}'`).join(', ')})` : 'text'), ...(values ? { enumValues: values } : {}) };
    }
    case 'specificType': return typeof args[0] === 'string' ? { type: args[0].toLowerCase() } : {};
    case 'geometry': case 'geography': case 'point': return { type: method.toLowerCase() };
    default: return undefined;
  }
}

/** Column builders whose first argument is the column name. */
export const COLUMN_BUILDERS = new Set([
  'increments', 'bigIncrements', 'integer', 'int', 'bigInteger', 'bigint', 'biginteger', 'tinyint', 'smallint', 'mediumint',
  'text', 'string', 'float', 'double', 'decimal', 'boolean', 'bool', 'date', 'time', 'datetime', 'dateTime', 'timestamp',
  'binary', 'json', 'jsonb', 'uuid', 'enu', 'enum', 'specificType', 'geometry', 'geography', 'point',
]);

function sized(name: string, args: KnexColumnArgs['args']): string {
  const precision = num(args[0], 8);
  const scale = num(args[1], 2);
  if (precision === null) return name;
  return `${name}(${precision}, ${scale ?? 0})`;
}

/** PostgreSQL: `timestamp with time zone` unless `{ useTz: false }` (or the old boolean `withoutTz`). */
function timestampType(options: unknown): string {
  if (options === true) return 'timestamp';
  return opts(options).useTz === false ? 'timestamp' : 'timestamptz';
}

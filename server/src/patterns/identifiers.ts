// Identifier rules per dialect: length limits, characters that cannot be quoted, reserved words.
import type { ScaffoldDialect } from './types';

export class ScaffoldError extends Error {}

/** PostgreSQL silently truncates names past 63 bytes (NAMEDATALEN - 1); MySQL/MariaDB reject past 64 characters. */
const MAX_BYTES: Record<ScaffoldDialect, number> = { postgres: 63, mysql: 64, mariadb: 64 };

const POSTGRES_RESERVED = new Set(`all analyse analyze and any array as asc asymmetric authorization binary both case cast check
collate collation column concurrently constraint create cross current_catalog current_date current_role current_schema
current_time current_timestamp current_user default deferrable desc distinct do else end except false fetch for foreign
freeze from full grant group having ilike in initially inner intersect into is isnull join lateral leading left like limit
localtime localtimestamp natural not notnull null offset on only or order outer overlaps placing primary references
returning right select session_user similar some symmetric system_user table tablesample then to trailing true union
unique user using variadic verbose when where window with`.split(/\s+/));

const MYSQL_RESERVED = new Set(`accessible add all alter analyze and as asc asensitive before between bigint binary blob both
by call cascade case change char character check collate column condition constraint continue convert create cross cube
cume_dist current_date current_time current_timestamp current_user cursor database databases day_hour day_microsecond
day_minute day_second dec decimal declare default delayed delete dense_rank desc describe deterministic distinct
distinctrow div double drop dual each else elseif empty enclosed escaped except exists exit explain false fetch
first_value float float4 float8 for force foreign from fulltext function generated get grant group grouping groups having
high_priority hour_microsecond hour_minute hour_second if ignore in index infile inner inout insensitive insert int int1
int2 int3 int4 int8 integer intersect interval into is iterate join json_table key keys kill lag last_value lateral lead
leading leave left like limit linear lines load localtime localtimestamp lock long longblob longtext loop low_priority
match maxvalue mediumblob mediumint mediumtext middleint minute_microsecond minute_second mod modifies natural not
no_write_to_binlog nth_value ntile null numeric of on optimize option optionally or order out outer outfile over partition
percent_rank precision primary procedure purge range rank read reads read_write real recursive references regexp release
rename repeat replace require resignal restrict return revoke right rlike row rows row_number schema schemas
second_microsecond select sensitive separator set show signal smallint spatial specific sql sqlexception sqlstate
sqlwarning ssl starting stored straight_join system table terminated then tinyblob tinyint tinytext to trailing trigger
true undo union unique unlock unsigned update usage use using utc_date utc_time utc_timestamp values varbinary varchar
varcharacter varying virtual when where while window with write xor year_month zerofill`.split(/\s+/));

export function dialectLabel(dialect: ScaffoldDialect): string {
  return dialect === 'postgres' ? 'PostgreSQL' : dialect === 'mysql' ? 'MySQL' : 'MariaDB';
}

export function isReservedWord(name: string, dialect: ScaffoldDialect): boolean {
  return (dialect === 'postgres' ? POSTGRES_RESERVED : MYSQL_RESERVED).has(name.toLowerCase());
}

/**
 * Throws a ScaffoldError naming the rule broken. `isNew`: the scaffold creates this name, so reserved
 * words are refused (they would need quoting in every hand-written query); existing names are only quoted.
 */
export function validateIdentifier(name: string, dialect: ScaffoldDialect, what: string, isNew: boolean): void {
  const label = dialectLabel(dialect);
  if (name.length === 0) throw new ScaffoldError(`${what} is empty.`);
  const bytes = Buffer.byteLength(name, 'utf8');
  const max = MAX_BYTES[dialect];
  if (dialect === 'postgres' ? bytes > max : [...name].length > max) {
    throw new ScaffoldError(`${what} "${name}" is ${dialect === 'postgres' ? `${bytes} bytes` : `${[...name].length} characters`}; ${label} allows at most ${max}${dialect === 'postgres' ? ' bytes (longer names are silently truncated)' : ''}.`);
  }
  if (name.includes('\0')) throw new ScaffoldError(`${what} contains a NUL character.`);
  const quote = dialect === 'postgres' ? '"' : '`';
  if (name.includes(quote)) throw new ScaffoldError(`${what} "${name}" contains ${quote}, the ${label} identifier quote; pick a name without it.`);
  if (dialect !== 'postgres' && /\s$/.test(name)) throw new ScaffoldError(`${what} "${name}" ends with a space, which ${label} does not allow.`);
  if (!isNew) return;
  if (!/^[A-Za-z_][A-Za-z0-9_$]*$/.test(name)) {
    throw new ScaffoldError(`${what} "${name}" must start with a letter or underscore and contain only letters, digits, _ and $, so that it never needs quoting.`);
  }
  if (isReservedWord(name, dialect)) {
    throw new ScaffoldError(`${what} "${name}" is a reserved word in ${label}; every query would have to quote it. Pick another name.`);
  }
  if (dialect === 'postgres' && name !== name.toLowerCase()) {
    throw new ScaffoldError(`${what} "${name}" has upper-case letters; PostgreSQL folds unquoted names to lower case, so queries would have to quote it. Use "${name.toLowerCase()}" or snake_case.`);
  }
}

export function quoteIdentifier(name: string, dialect: ScaffoldDialect): string {
  return dialect === 'postgres' ? `"${name}"` : `\`${name}\``;
}

/** A SQL string literal (for catalog lookups and error messages). MySQL also treats backslash as an escape. */
export function quoteLiteral(value: string, dialect: ScaffoldDialect): string {
  const escaped = dialect === 'postgres' ? value : value.replace(/\\/g, '\\\\');
  return `'${escaped.replace(/'/g, "''")}'`;
}

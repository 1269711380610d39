import type { PgNode } from './pgNode';

// libpg-query gives types as catalog names (pg_catalog.int4); users wrote `integer`. Rebuild what
// they wrote, lower case, so rules and hovers compare `varchar(255)` with `varchar(255)`.

const CATALOG_NAMES: Record<string, string> = {
  int2: 'smallint', int4: 'integer', int8: 'bigint',
  float4: 'real', float8: 'double precision',
  bool: 'boolean', bpchar: 'char', varchar: 'varchar', varbit: 'bit varying',
  numeric: 'numeric', timestamp: 'timestamp', timestamptz: 'timestamptz',
  time: 'time', timetz: 'timetz', interval: 'interval', bit: 'bit',
};

/** Internal names users also write unqualified (`bool`, `int8`): shown under their SQL name. */
const SHORT_ALIASES = new Set(['bool', 'int2', 'int4', 'int8', 'float4', 'float8']);

/** Types whose typmods are not a plain `(n[, m])` (interval field masks). */
const NO_TYPMODS = new Set(['interval']);

export function pgTypeName(typeName: PgNode): string | undefined {
  if (!typeName || !Array.isArray(typeName.names)) return undefined;
  const names: string[] = typeName.names.map((n: PgNode) => n?.String?.sval ?? '').filter(Boolean);
  if (!names.length) return undefined;
  let base: string;
  if (names.length === 2 && names[0] === 'pg_catalog') base = CATALOG_NAMES[names[1]] ?? names[1];
  else if (names.length === 1 && SHORT_ALIASES.has(names[0])) base = CATALOG_NAMES[names[0]];
  else base = names.join('.');
  base = base.toLowerCase();
  if (typeName.pct_type) base += '%type';
  const mods = Array.isArray(typeName.typmods) && !NO_TYPMODS.has(base)
    ? typeName.typmods.map(typmodText).filter((m: string | undefined): m is string => m !== undefined)
    : [];
  let out = mods.length ? `${base}(${mods.join(',')})` : base;
  if (Array.isArray(typeName.arrayBounds)) {
    for (const b of typeName.arrayBounds) {
      const n = b?.Integer?.ival;
      out += typeof n === 'number' && n >= 0 ? `[${n}]` : '[]';
    }
  }
  return out;
}

function typmodText(m: PgNode): string | undefined {
  const c = m?.A_Const;
  if (!c) return m?.ColumnRef?.fields?.[0]?.String?.sval;
  if (c.ival) return String(c.ival.ival ?? 0);
  if (c.sval) return c.sval.sval;
  if (c.fval) return c.fval.fval;
  return undefined;
}

/** serial, bigserial, smallserial (and serial4/8/2) are auto-incrementing pseudo-types. */
export function isSerialType(type: string | undefined): boolean {
  return !!type && /^(small|big)?serial[248]?$/.test(type);
}

// PostgreSQL type changes that keep the on-disk format (no rewrite): the binary-coercible widenings.
import { baseType, typeLength } from './operationFacts';

const VARCHAR = new Set(['varchar', 'character varying']);
const TEXTLIKE = new Set(['text', 'varchar', 'character varying', 'citext']);

function numericArgs(type: string): [number, number] | undefined {
  const m = /\(\s*(\d+)\s*(?:,\s*(\d+))?\s*\)/.exec(type);
  return m ? [parseInt(m[1], 10), m[2] ? parseInt(m[2], 10) : 0] : undefined;
}

/**
 * Whether changing `from` to `to` rewrites the table. undefined when `from` is unknown
 * (the migration does not say what the column was) — callers treat that as "may rewrite".
 */
export function pgTypeChangeRewrites(from: string | undefined, to: string): boolean | undefined {
  const t = to.toLowerCase().trim();
  if (!from) return undefined;
  const f = from.toLowerCase().trim();
  if (f.replace(/\s+/g, '') === t.replace(/\s+/g, '')) return false;
  const fb = baseType(f), tb = baseType(t);
  if (VARCHAR.has(fb) && VARCHAR.has(tb)) {
    const fl = typeLength(f), tl = typeLength(t);
    if (tl === undefined) return false;
    return fl === undefined || tl < fl;
  }
  if (VARCHAR.has(fb) && tb === 'text') return false;
  if (fb === 'text' && VARCHAR.has(tb) && typeLength(t) === undefined) return false;
  if (TEXTLIKE.has(fb) && tb === 'citext') return true;
  if ((fb === 'numeric' || fb === 'decimal') && (tb === 'numeric' || tb === 'decimal')) {
    const fa = numericArgs(f), ta = numericArgs(t);
    if (!ta) return false;
    if (!fa) return true;
    return !(ta[1] === fa[1] && ta[0] >= fa[0]);
  }
  if (fb === 'cidr' && tb === 'inet') return false;
  if ((fb === 'bit varying' || fb === 'varbit') && (tb === 'bit varying' || tb === 'varbit')) {
    const fl = typeLength(f), tl = typeLength(t);
    return !(tl === undefined || (fl !== undefined && tl >= fl));
  }
  return true;
}

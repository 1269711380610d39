// Which type changes hold fewer values than before (a narrowing loses or rejects data written since).
import { baseType, typeLength } from './operationFacts';

const INT_RANK: Record<string, number> = { tinyint: 1, smallint: 2, int2: 2, mediumint: 3, int: 4, integer: 4, int4: 4, bigint: 8, int8: 8 };
const TEXT_RANK: Record<string, number> = { tinytext: 1, text: 2, mediumtext: 3, longtext: 4, tinyblob: 1, blob: 2, mediumblob: 3, longblob: 4 };

/** The new type holds fewer values than the old one. */
export function isNarrowing(from: string | undefined, to: string | undefined): boolean {
  if (!from || !to) return false;
  const fb = baseType(from), tb = baseType(to);
  const fl = typeLength(from), tl = typeLength(to);
  if (/char/.test(tb) && (TEXT_RANK[fb] || /char/.test(fb))) return tl !== undefined && (fl === undefined || tl < fl);
  if (TEXT_RANK[fb] && TEXT_RANK[tb] && /blob/.test(fb) === /blob/.test(tb)) return TEXT_RANK[tb] < TEXT_RANK[fb];
  if (INT_RANK[fb] && INT_RANK[tb]) return INT_RANK[tb] < INT_RANK[fb];
  if ((fb === 'numeric' || fb === 'decimal') && INT_RANK[tb]) return true;
  if ((fb === 'numeric' || fb === 'decimal') && fb === tb) return tl !== undefined && (fl === undefined || tl < fl);
  if ((fb === 'timestamptz' || fb.startsWith('timestamp') || fb === 'datetime') && tb === 'date') return true;
  // Free text back to a structured type (varchar → uuid, text → integer): not every string written since parses.
  if ((/char|^citext$/.test(fb) || (TEXT_RANK[fb] && !/blob/.test(fb))) && STRUCTURED.test(tb)) return true;
  return false;
}

const STRUCTURED = /^(uuid|tinyint|smallint|mediumint|int|integer|int[248]|bigint|serial|bigserial|numeric|decimal|real|double( precision)?|float[48]?|bool(ean)?|date|time(stamp)?(tz)?( with(out)? time zone)?|datetime|jsonb?|inet|cidr|macaddr|interval|money|bit)$/;

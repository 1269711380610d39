import { validateIdentifier } from './identifiers';
import { listParam } from './params';
import type { Params, ParamSpec, ScaffoldDialect } from './types';

export const uniqueParam: ParamSpec = { name: 'unique', kind: 'string', prompt: 'Unique index? (yes/no)', required: false, default: 'no' };

export function isYes(value: string | undefined): boolean { return /^(y|yes|true|1)$/i.test(value ?? ''); }

/** The given index name, or `<table>_<columns>_idx` cut to the dialect's limit. */
export function indexName(p: Params, dialect: ScaffoldDialect): string {
  if (p.index) { validateIdentifier(p.index, dialect, 'Index name (index)', false); return p.index; }
  let name = `${p.table}_${listParam(p.columns).join('_')}_idx`;
  while (Buffer.byteLength(name, 'utf8') > (dialect === 'postgres' ? 63 : 64)) name = name.slice(0, -1);
  return name;
}

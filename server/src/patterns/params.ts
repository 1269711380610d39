// Parameter specs shared by several patterns, and the one place parameters are defaulted and validated.
import { ScaffoldError, validateIdentifier } from './identifiers';
import type { Params, ParamSpec, PatternDefinition, ScaffoldDialect } from './types';

export const tableParam: ParamSpec = { name: 'table', kind: 'table', prompt: 'Table', required: true };
export const columnParam: ParamSpec = { name: 'column', kind: 'column', prompt: 'Column', required: true };
export const newColumnParam: ParamSpec = { name: 'column', kind: 'newName', prompt: 'New column name', required: true };
export const typeParam: ParamSpec = { name: 'type', kind: 'type', prompt: 'Column type as the database spells it (e.g. varchar(255), integer)', required: true };
export const keyParam: ParamSpec = { name: 'key', kind: 'column', prompt: 'Key column batches walk in order (unique and indexed, usually the primary key)', required: false, default: 'id' };
export const batchSizeParam: ParamSpec = { name: 'batchSize', kind: 'number', prompt: 'Rows per batch', required: false, default: '1000' };

/** Splits a comma-separated list, ignoring commas inside parentheses (`numeric(10,2)`). */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) { parts.push(current.trim()); current = ''; continue; }
    current += ch;
  }
  if (current.trim()) parts.push(current.trim());
  return parts.filter((p) => p.length > 0);
}

export function listParam(value: string): string[] { return splitTopLevel(value); }

function checkSqlFragment(value: string, what: string): void {
  let quote: string | null = null;
  let depth = 0;
  for (const ch of value) {
    if (quote) { if (ch === quote) quote = null; continue; }
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ';') throw new ScaffoldError(`${what} must be one SQL fragment, without ';'.`);
    if (depth < 0) throw new ScaffoldError(`${what} "${value}" has an unbalanced ')'.`);
  }
  if (quote) throw new ScaffoldError(`${what} "${value}" has an unclosed ${quote}.`);
  if (depth !== 0) throw new ScaffoldError(`${what} "${value}" has an unclosed '('.`);
}

/** A default name built from others may be too long: cut it to the dialect's limit rather than refuse it. */
function shortenGeneratedName(name: string, dialect: ScaffoldDialect): string {
  const max = dialect === 'postgres' ? 63 : 64;
  let out = name;
  while (Buffer.byteLength(out, 'utf8') > max) out = out.slice(0, -1);
  return out;
}

/** Fills defaults (`{table}`, `{column}` substituted), checks required ones and validates by kind. */
export function resolveParams(pattern: PatternDefinition, raw: Params, dialect: ScaffoldDialect): Params {
  const known = new Set(pattern.params.map((p) => p.name));
  for (const name of Object.keys(raw)) {
    if (!known.has(name)) throw new ScaffoldError(`Pattern ${pattern.id} has no parameter "${name}" (it takes: ${[...known].join(', ') || 'none'}).`);
  }
  const out: Params = {};
  for (const spec of pattern.params) {
    let value = spec.kind === 'string' ? raw[spec.name] : raw[spec.name]?.trim();
    if ((value === undefined || value === '') && spec.default !== undefined) {
      value = spec.default.replace(/\{(\w+)\}/g, (m, name: string) => known.has(name) ? out[name] ?? raw[name] ?? '' : m);
      if (spec.kind === 'newName') value = shortenGeneratedName(value, dialect);
    }
    if (value === undefined || value === '') {
      if (spec.required) throw new ScaffoldError(`Pattern ${pattern.id} needs --${spec.name} (${spec.prompt}).`);
      continue;
    }
    const what = `${spec.prompt} (${spec.name})`;
    switch (spec.kind) {
      case 'table': case 'column': validateIdentifier(value, dialect, what, false); break;
      case 'newName': validateIdentifier(value, dialect, what, true); break;
      case 'columns': for (const c of listParam(value)) validateIdentifier(c, dialect, what, false); break;
      case 'number':
        if (!/^[1-9][0-9]*$/.test(value)) throw new ScaffoldError(`${what} must be a positive whole number, got "${value}".`);
        break;
      case 'type': case 'expression': checkSqlFragment(value, what); break;
      case 'string': break;
    }
    out[spec.name] = value;
  }
  return out;
}

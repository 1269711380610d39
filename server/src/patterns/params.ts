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

/** SQL words that are values (or value functions) on their own, not column names. */
const VALUE_WORDS = new Set(['null', 'true', 'false', 'default', 'current_timestamp', 'current_date', 'current_time', 'localtimestamp', 'localtime', 'current_user', 'session_user', 'user', 'unknown']);
const NUMERIC_TYPE = /^(tiny|small|medium|big)?int(eger)?\b|^int[248]\b|^(numeric|decimal|real|float|double|money)\b|^(small|big)?serial\b/i;
const BOOLEAN_TYPE = /^bool(ean)?\b/i;
/** Types whose values are written as quoted literals: a bare word there is never the value meant. */
const QUOTED_TYPE = /^(text|citext|(var)?char|character|nvarchar|nchar|(tiny|medium|long)text|string|enum|set|uuid|jsonb?|date|time|timestamp|timestamptz|datetime|year|interval|inet|cidr|macaddr|bytea|(var)?binary|(tiny|medium|long)?blob)\b/i;

/** The SQL string literal for `text` (quotes doubled). */
export function sqlStringLiteral(text: string): string { return `'${text.replace(/'/g, "''")}'`; }

/**
 * Why `value` cannot be stored in a column of `type` (undefined when it can, or when the type is not one we know):
 * a bare word is read as a column reference, not as text; a number column takes no words; a boolean takes true/false.
 * `suggestion` is the form that means what was probably meant (the quoted text).
 */
export function checkValueForType(value: string, type: string | undefined): { problem: string; suggestion?: string } | undefined {
  const v = value.trim();
  const t = (type ?? '').trim().toLowerCase();
  const bareWord = /^[A-Za-z_][A-Za-z0-9_$]*$/.test(v) && !VALUE_WORDS.has(v.toLowerCase());
  if (BOOLEAN_TYPE.test(t)) {
    if (bareWord || /^'/.test(v) && !/^'(t|f|true|false|yes|no|on|off|1|0)'$/i.test(v)) return { problem: `${v} is not a boolean: use true or false.` };
    return undefined;
  }
  if (NUMERIC_TYPE.test(t)) {
    if (bareWord) return { problem: `${v} would be read as a column name, not a number: give a number (e.g. 0).` };
    if (/^'.*'$/s.test(v) && !/^'\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*'$/.test(v)) return { problem: `${v} is not a number: give a number (e.g. 0).` };
    return undefined;
  }
  if (bareWord && QUOTED_TYPE.test(t)) {
    return { problem: `${v} would be read as a column name, not as a value${t ? ` for ${t}` : ''}. For the text, quote it: ${sqlStringLiteral(v)}.`, suggestion: sqlStringLiteral(v) };
  }
  return undefined;
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
    if (spec.valueOfType) {
      const wrong = checkValueForType(value, out[spec.valueOfType] ?? raw[spec.valueOfType]);
      if (wrong) throw new ScaffoldError(`${what}: ${wrong.problem}`);
    }
    out[spec.name] = value;
  }
  return out;
}

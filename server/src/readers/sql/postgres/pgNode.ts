import type { OperationBuilder } from '../operationBuilder';
import { TokenView } from '../sqlSource';

/** A node of libpg-query's JSON parse tree; its shapes are many and loosely typed, so kept as any. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PgNode = any;

/** One statement being mapped: its span in the SQL text and how node locations map into it. */
export class PgStatementContext {
  private view: TokenView | undefined;

  constructor(readonly b: OperationBuilder, readonly start: number, readonly end: number,
    /** Node `location` (UTF-8 bytes, relative to what was parsed) → offset in the SQL text. */
    readonly loc: (byteLocation: number) => number) {}

  get sql(): string { return this.b.sql; }

  /** Tokens of the statement, computed on first use. */
  get tokens(): TokenView {
    return this.view ??= new TokenView(this.b.sql, this.start, this.end, 'postgres');
  }

  /** Offset of a node location, or undefined when the parser gave none (-1). */
  at(location: number | undefined): number | undefined {
    return typeof location === 'number' && location >= 0 ? this.loc(location) : undefined;
  }
}

/** `schema.name` parts of a RangeVar. */
export function rangeVarName(rv: PgNode): { table?: string; schema?: string } {
  if (!rv) return {};
  return rv.schemaname ? { table: rv.relname, schema: rv.schemaname } : { table: rv.relname };
}

/** A qualified name given as a list of String nodes (`{items:[...]}` or a plain array). */
export function nameList(list: PgNode): { name?: string; schema?: string } {
  const items: PgNode[] = Array.isArray(list) ? list : list?.List?.items ?? list?.items ?? [];
  const parts = items.map((i) => i?.String?.sval).filter((s): s is string => typeof s === 'string');
  if (!parts.length) return {};
  return parts.length > 1 ? { name: parts[parts.length - 1], schema: parts[parts.length - 2] } : { name: parts[0] };
}

export function stringList(list: PgNode): string[] {
  return Array.isArray(list) ? list.map((i: PgNode) => i?.String?.sval).filter((s: unknown): s is string => typeof s === 'string') : [];
}

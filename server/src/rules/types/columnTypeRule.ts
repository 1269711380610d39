// Shared shape of the PostgreSQL type best-practice rules: find columns of a type, offer a replacement.
import type { ColumnSpec, Operation } from '../../model/migration';
import type { RuleContext, RuleFinding } from '../rule';
import { findOn, introducedColumns } from '../helpers';
import { editableSql, fix } from '../fixes';

export interface TypeMatch { spec: ColumnSpec; op: Operation }

/** Columns whose type (for an array, its element type: `int[]`, `varchar(50)[3][4]`) passes the test. */
export function columnsOfType(ctx: RuleContext, test: (type: string, spec: ColumnSpec) => boolean): TypeMatch[] {
  return ctx.ops.flatMap(introducedColumns).filter(({ spec }) => !!spec.type && test(elementType(spec.type), spec));
}

export function elementType(type: string): string {
  return type.toLowerCase().trim().replace(/(\s*\[\s*\d*\s*\])+$/, '').replace(/\s+array$/, '');
}

/** A finding on the column's op, with a fix replacing the type right after the column name (SQL only). */
export function typeFinding(ctx: RuleContext, m: TypeMatch, message: string, typePattern: RegExp, replacement: string, title: string): RuleFinding {
  const name = m.spec.name.replace(/[^\w$]/g, '');
  const re = new RegExp(`([\`"]?\\b${name}\\b[\`"]?\\s+)(${typePattern.source})`, 'i');
  const sql = editableSql(ctx, m.op);
  const mm = sql ? re.exec(sql.text) : null;
  // Prisma and TypeORM derive migrations from schema.prisma / the entities: a type changed only here drifts from them.
  const derived = ctx.orm === 'prisma' || ctx.orm === 'typeorm';
  const fixes = sql && mm && !derived
    ? fix(title, false, { start: sql.start + mm.index, end: sql.start + mm.index + mm[0].length, newText: mm[1] + mm[2].replace(typePattern, replacement) })
    : [];
  return findOn(m.op, message, { fixes });
}

// schema.prisma for a baseline: one model per table (with @@map, @id, @unique, @default, @@index and
// relation fields for foreign keys), one enum per enum type, so `prisma migrate` can take over the schema.
import type { ScaffoldDialect } from '../../patterns/types';
import type { ColumnState, SchemaState } from '../down/schemaState';
import { pascalName, nameWords } from '../../emitters/naming';
import { unquoteIdentifier } from '../down/sqlText';
import { mapDefault, mapType } from './dialectMap';
import { columnExtras } from './translateOperations';

const k = (s: string) => s.toLowerCase();
const ident = (s: string) => /^[A-Za-z][A-Za-z0-9_]*$/.test(s);

interface Field { name: string; line: string }

function scalar(c: ColumnState, state: SchemaState, d: ScaffoldDialect): { type: string; native?: string; enumName?: string } {
  const auto = /serial/i.test(c.type) || c.extra.some((e) => /AUTO_INCREMENT|IDENTITY/i.test(e)) || !!c.spec?.autoIncrement;
  const raw = unquoteIdentifier(c.type.trim());
  if (state.enums.has(k(raw))) return { type: enumModelName(raw), enumName: raw };
  const t = mapType(c.type, state.dialect, d).type.toLowerCase();
  if (auto) return { type: /big/.test(t) ? 'BigInt' : 'Int' };
  if (/^(int|integer|smallint|mediumint|tinyint\((?!1\))\d+\))/.test(t)) return { type: 'Int' };
  if (/^bigint/.test(t)) return { type: 'BigInt' };
  if (/^(boolean|bool|tinyint\(1\))$/.test(t)) return { type: 'Boolean' };
  if (/^(varchar|character varying)\((\d+)\)$/.test(t)) return { type: 'String', native: `@db.VarChar(${/\((\d+)\)/.exec(t)![1]})` };
  if (/^(char|character)\((\d+)\)$/.test(t)) return { type: 'String', native: `@db.Char(${/\((\d+)\)/.exec(t)![1]})` };
  if (/^(text|longtext|mediumtext|citext|character varying|varchar)$/.test(t)) return { type: 'String', native: d === 'postgres' ? undefined : '@db.LongText' };
  if (/^uuid$/.test(t)) return { type: 'String', native: '@db.Uuid' };
  if (/^(timestamp|datetime|timestamptz|timestamp with time zone)/.test(t)) {
    const p = /\((\d)\)/.exec(t)?.[1];
    const tz = /tz|with time zone/.test(t);
    return { type: 'DateTime', native: d === 'postgres' ? `@db.${tz ? 'Timestamptz' : 'Timestamp'}(${p ?? 6})` : `@db.DateTime(${p ?? 0})` };
  }
  if (/^date$/.test(t)) return { type: 'DateTime', native: '@db.Date' };
  if (/^jsonb?$/.test(t)) return { type: 'Json' };
  if (/^(numeric|decimal)/.test(t)) return { type: 'Decimal' };
  if (/^(real|float|double)/.test(t)) return { type: 'Float' };
  if (/^(bytea|.*blob)$/.test(t)) return { type: 'Bytes' };
  const inline = /^enum\s*\((.*)\)$/i.exec(c.type.trim());
  if (inline) return { type: 'String', enumName: '', native: inline[1] };
  return { type: `Unsupported("${t}")` };
}

function enumModelName(name: string): string {
  return ident(name) ? name : pascalName(nameWords([name]));
}

function defaultAttr(c: ColumnState, type: string, state: SchemaState, d: ScaffoldDialect, isEnum: boolean): string | undefined {
  const auto = /serial/i.test(c.type) || c.extra.some((e) => /AUTO_INCREMENT|IDENTITY/i.test(e)) || !!c.spec?.autoIncrement;
  if (auto) return '@default(autoincrement())';
  if (c.default === undefined) return undefined;
  const e = mapDefault(c.default, type, state.dialect, d).expr ?? c.default;
  const bare = e.replace(/::[\w\s"]+(\([\d,\s]*\))?/g, '').trim();
  if (/^(now\(\)|current_timestamp(\(\d\))?)$/i.test(bare)) return '@default(now())';
  if (/^gen_random_uuid\(\)$|^\(?uuid\(\)\)?$/i.test(bare)) return '@default(dbgenerated("gen_random_uuid()"))';
  if (/^-?\d+(\.\d+)?$/.test(bare)) return type === 'Boolean' ? `@default(${bare === '1' ? 'true' : 'false'})` : `@default(${bare})`;
  if (/^(true|false)$/i.test(bare)) return `@default(${bare.toLowerCase()})`;
  const lit = /^'((?:[^']|'')*)'$/.exec(bare);
  if (lit) {
    const v = lit[1].replace(/''/g, "'");
    if (type === 'Int' || type === 'BigInt' || type === 'Float' || type === 'Decimal') return `@default(${v})`;
    if (isEnum && ident(v)) return `@default(${v})`;
    return `@default(${JSON.stringify(v)})`;
  }
  return `@default(dbgenerated(${JSON.stringify(bare)}))`;
}

export function prismaSchema(state: SchemaState, d: ScaffoldDialect): string {
  const models = new Map<string, string>();
  for (const t of state.tables.values()) models.set(k(t.name), ident(t.name) ? t.name : pascalName(nameWords([t.name])));
  const fields = new Map<string, Field[]>();
  const inlineEnums = new Map<string, { values: string[]; mapped?: string }>();
  const blockLines = new Map<string, string[]>();
  for (const t of state.tables.values()) {
    const list: Field[] = [];
    const block: string[] = [];
    const pk = [...state.constraints.values()].find((c) => k(c.table) === k(t.name) && c.kind === 'primary');
    const inlinePk = t.columns.filter((c) => columnExtras(c).some((e) => /^PRIMARY\s+KEY/i.test(e)) || c.spec?.primary);
    const pkCols = pk?.columns.length ? pk.columns : inlinePk.map((c) => c.name);
    const keyed = new Set([...pkCols, ...[...state.constraints.values()].filter((x) => k(x.table) === k(t.name) && x.kind !== 'check').flatMap((x) => x.columns),
      ...[...state.indexes.values()].filter((i) => k(i.table) === k(t.name)).flatMap((i) => i.columns), ...t.columns.filter((c) => columnExtras(c).some((e) => /^UNIQUE$/i.test(e))).map((c) => c.name)].map(k));
    for (const c of t.columns) {
      const s = scalar(c, state, d);
      // A key over text needs a length on MySQL: the porter makes such a column varchar(191), as Prisma maps String.
      if (d !== 'postgres' && s.native === '@db.LongText' && keyed.has(k(c.name))) s.native = '@db.VarChar(191)';
      // A MySQL inline enum becomes an enum of its own, named after model and column.
      if (s.enumName === '' && s.native) {
        const name = pascalName(nameWords([t.name, c.name]));
        // On PostgreSQL the porter creates it as the type <table>_<column>.
        inlineEnums.set(name, { values: s.native.split(',').map((v) => v.trim().replace(/^'|'$/g, '')), mapped: d === 'postgres' ? `${t.name}_${c.name}` : undefined });
        s.type = name; s.native = undefined; s.enumName = name;
      }
      const attrs: string[] = [];
      if (pkCols.length === 1 && k(pkCols[0]) === k(c.name)) attrs.push('@id');
      const def = defaultAttr(c, s.type, state, d, s.enumName !== undefined);
      if (def) attrs.push(def);
      const uniqueInline = columnExtras(c).some((e) => /^UNIQUE$/i.test(e)) || c.spec?.unique;
      if (uniqueInline) attrs.push('@unique');
      if (s.native) attrs.push(s.native);
      const name = ident(c.name) ? c.name : c.name.replace(/\W+/g, '_');
      if (name !== c.name) attrs.push(`@map(${JSON.stringify(c.name)})`);
      list.push({ name, line: `  ${name} ${s.type}${c.notNull || pkCols.some((p) => k(p) === k(c.name)) ? '' : '?'}${attrs.length ? ` ${attrs.join(' ')}` : ''}` });
    }
    if (pkCols.length > 1) block.push(`  @@id([${pkCols.join(', ')}])`);
    for (const c of state.constraints.values()) {
      if (k(c.table) !== k(t.name) || c.kind !== 'unique') continue;
      block.push(`  @@unique([${c.columns.join(', ')}], map: ${JSON.stringify(c.name)})`);
    }
    for (const i of state.indexes.values()) {
      if (k(i.table) !== k(t.name) || i.implicitForKey) continue;
      if ([...state.constraints.values()].some((c) => c.kind === 'unique' && k(c.name) === k(i.name))) continue;
      if (i.unique && i.columns.length === 1) {
        const f = list.find((x) => k(x.name) === k(i.columns[0]));
        if (f && !/@unique/.test(f.line)) { f.line += ` @unique(map: ${JSON.stringify(i.name)})`; continue; }
      }
      block.push(`  @@${i.unique ? 'unique' : 'index'}([${i.columns.join(', ')}], map: ${JSON.stringify(i.name)})`);
    }
    if (models.get(k(t.name)) !== t.name) block.push(`  @@map(${JSON.stringify(t.name)})`);
    fields.set(k(t.name), list);
    blockLines.set(k(t.name), block);
  }
  // Relations: the field on the referencing model, and the list (or optional) field on the referenced one.
  for (const c of state.constraints.values()) {
    if (c.kind !== 'foreign' || !c.referencedTable) continue;
    const from = fields.get(k(c.table));
    const to = fields.get(k(c.referencedTable));
    if (!from || !to) continue;
    const refCols = /REFERENCES\s+\S+\s*\(([^)]*)\)/i.exec(c.definition)?.[1]?.split(',').map((x) => unquoteIdentifier(x.trim())) ?? ['id'];
    const onDelete = /ON DELETE (CASCADE|SET NULL|RESTRICT|NO ACTION|SET DEFAULT)/i.exec(c.definition)?.[1];
    const onUpdate = /ON UPDATE (CASCADE|SET NULL|RESTRICT|NO ACTION|SET DEFAULT)/i.exec(c.definition)?.[1];
    const action = (a: string) => a.toLowerCase().split(/\s+/).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
    const relation = `${c.name}`;
    const toModel = models.get(k(c.referencedTable))!;
    const fromModel = models.get(k(c.table))!;
    const optional = c.columns.some((col) => /\?/.test(from.find((f) => k(f.name) === k(col))?.line.split(' ').slice(0, 4).join(' ') ?? ''));
    const free = (list: Field[], base: string) => { let n = base; let i = 2; while (list.some((f) => k(f.name) === k(n))) n = `${base}${i++}`; return n; };
    const fieldName = free(from, `${toModel[0].toLowerCase()}${toModel.slice(1)}`.replace(/\W/g, '_'));
    from.push({ name: fieldName, line: `  ${fieldName} ${toModel}${optional ? '?' : ''} @relation(${JSON.stringify(relation)}, fields: [${c.columns.join(', ')}], references: [${refCols.join(', ')}]${onDelete ? `, onDelete: ${action(onDelete)}` : ''}${onUpdate ? `, onUpdate: ${action(onUpdate)}` : ''}, map: ${JSON.stringify(c.name)})` });
    const backName = free(to, `${fromModel[0].toLowerCase()}${fromModel.slice(1)}`.replace(/\W/g, '_') + (to === from ? 'Children' : ''));
    to.push({ name: backName, line: `  ${backName} ${fromModel}[] @relation(${JSON.stringify(relation)})` });
  }
  const out: string[] = [
    '// Generated by safe-migrations port --baseline: one model per table of the schema the history ends with.',
    '// The connection URL lives in prisma.config.ts (Prisma 7).',
    '',
    'generator client {',
    '  provider = "prisma-client-js"',
    '}',
    '',
    'datasource db {',
    `  provider = "${d === 'postgres' ? 'postgresql' : 'mysql'}"`,
    '}',
  ];
  for (const t of state.tables.values()) {
    out.push('', `model ${models.get(k(t.name))} {`, ...fields.get(k(t.name))!.map((f) => f.line), ...blockLines.get(k(t.name))!, '}');
  }
  const enumBlock = (name: string, values: string[], mapped?: string) => ['', `enum ${name} {`, ...values.map((v) => `  ${ident(v) ? v : `${v.replace(/\W/g, '_')} @map(${JSON.stringify(v)})`}`), ...(mapped ? [`  @@map(${JSON.stringify(mapped)})`] : []), '}'];
  for (const [name, e] of inlineEnums) out.push(...enumBlock(name, e.values, e.mapped));
  {
    for (const [name, values] of state.enums) {
      const original = [...state.tables.values()].flatMap((t) => t.columns).map((c) => unquoteIdentifier(c.type.trim())).find((n) => k(n) === name) ?? name;
      out.push(...enumBlock(enumModelName(original), values, enumModelName(original) !== original ? original : undefined));
    }
  }
  return out.join('\n') + '\n';
}

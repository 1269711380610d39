import type { ColumnSpec } from '../../../model/migration';
import { identifierName } from '../sqlLexer';
import type { MysqlCursor } from './mysqlTokens';

/** Words that end a column's type and start its attributes. */
const ATTRIBUTE_WORDS = new Set([
  'NOT', 'NULL', 'DEFAULT', 'AUTO_INCREMENT', 'PRIMARY', 'UNIQUE', 'KEY', 'COMMENT', 'COLLATE', 'REFERENCES',
  'CHECK', 'ON', 'GENERATED', 'AS', 'CONSTRAINT', 'FIRST', 'AFTER', 'INVISIBLE', 'VISIBLE', 'COLUMN_FORMAT',
  'STORAGE', 'SRID', 'CHARACTER', 'CHARSET', 'VIRTUAL', 'STORED', 'PERSISTENT', 'ENGINE_ATTRIBUTE',
]);

export interface MysqlColumn {
  spec: ColumnSpec;
  /** Facts that do not fit ColumnSpec: FIRST/AFTER, ON UPDATE, COMMENT, inline REFERENCES, CHECK. */
  details: Record<string, unknown>;
}

/** Reads `name type [attributes…]` up to the cursor's end (one element of a comma list). */
export function readMysqlColumn(c: MysqlCursor): MysqlColumn {
  const tv = c.tv;
  // A column definition starts with its name; SQLite also quotes it as a 'string'.
  const spec: ColumnSpec = { name: c.isNameToken(c.i) || tv.tokens[c.i]?.kind === 'string' ? identifierName(tv.sql, tv.tokens[c.i++]) : '' };
  const details: Record<string, unknown> = {};
  const typeStart = c.i;
  let depth = 0;
  while (!c.done) {
    if (c.punct('(')) depth++;
    else if (c.punct(')')) depth--;
    else if (depth === 0 && ATTRIBUTE_WORDS.has(c.word())) break;
    c.i++;
  }
  if (c.i > typeStart) spec.type = normaliseType(c, typeStart, c.i);
  while (!c.done) {
    const w = c.word();
    if (c.accept('NOT', 'NULL')) spec.nullable = false;
    else if (c.accept('NULL')) spec.nullable = true;
    else if (c.accept('DEFAULT')) {
      const end = tv.expressionEnd(c.i, c.end, ATTRIBUTE_WORDS);
      if (end > c.i) spec.default = tv.slice(c.i, end);
      c.i = end;
    } else if (c.accept('AUTO_INCREMENT')) spec.autoIncrement = true;
    else if (c.accept('PRIMARY', 'KEY') || c.accept('KEY')) spec.primary = true;
    else if (c.accept('UNIQUE')) { c.accept('KEY'); spec.unique = true; }
    else if (c.accept('ON', 'UPDATE')) {
      const end = tv.expressionEnd(c.i, c.end, ATTRIBUTE_WORDS);
      details.onUpdate = tv.slice(c.i, end);
      c.i = end;
    } else if (c.accept('COMMENT') || c.accept('COLLATE') || c.accept('COLUMN_FORMAT') || c.accept('STORAGE') || c.accept('SRID') || c.accept('CHARSET') || c.accept('CHARACTER', 'SET')) {
      c.acceptPunct('=');
      if (!c.done) {
        const value = identifierName(tv.sql, tv.tokens[c.i]);
        if (w === 'COMMENT') details.comment = value;
        else if (w === 'CHARSET' || w === 'CHARACTER') details.charset = value.toLowerCase();
        else if (w === 'COLLATE') details.collate = value.toLowerCase();
      }
      c.i++;
    } else if (c.accept('REFERENCES')) {
      const t = c.name();
      const columns = c.columnList();
      if (t.name) spec.references = { table: t.name, columns };
      details.inlineReferences = true;
      readReferentialActions(c, details);
    } else if (c.accept('CONSTRAINT')) { if (!c.punct('(') && c.word() !== 'CHECK') c.i++; }
    else if (c.accept('CHECK')) {
      if (c.punct('(')) { const open = c.i; c.skipParens(); details.check = tv.slice(open + 1, c.i - 1); }
    } else if (c.accept('GENERATED', 'ALWAYS', 'AS') || c.accept('AS')) {
      c.skipParens();
      spec.generated = 'virtual';
    } else if (c.accept('STORED') || c.accept('PERSISTENT')) spec.generated = 'stored';
    else if (c.accept('VIRTUAL')) spec.generated = 'virtual';
    else if (c.accept('FIRST')) details.position = 'FIRST';
    else if (c.accept('AFTER')) { details.position = `AFTER ${c.done ? '' : identifierName(tv.sql, tv.tokens[c.i])}`; c.i++; }
    else if (c.accept('INVISIBLE')) details.invisible = true;
    else c.i++;
  }
  return { spec, details };
}

/** ON DELETE / ON UPDATE after REFERENCES, into `into.onDelete` / `into.onUpdate`. */
export function readReferentialActions(c: MysqlCursor, into: { onDelete?: unknown; onUpdate?: unknown }): void {
  if (c.accept('MATCH')) c.i++;
  for (;;) {
    const key = c.accept('ON', 'DELETE') ? 'onDelete' : c.accept('ON', 'UPDATE') ? 'onUpdate' : undefined;
    if (!key) return;
    const action = c.accept('SET', 'NULL') ? 'SET NULL' : c.accept('SET', 'DEFAULT') ? 'SET DEFAULT'
      : c.accept('NO', 'ACTION') ? 'NO ACTION' : c.accept('CASCADE') ? 'CASCADE' : c.accept('RESTRICT') ? 'RESTRICT' : undefined;
    if (action) into[key] = action;
  }
}

/** `INT UNSIGNED`, `varchar (255)`, `DECIMAL(10, 2)` → `int unsigned`, `varchar(255)`, `decimal(10,2)`; quoted enum values kept. */
function normaliseType(c: MysqlCursor, from: number, to: number): string {
  const tv = c.tv;
  let out = '';
  for (let i = from; i < to; i++) {
    const t = tv.tokens[i];
    const raw = tv.sql.slice(t.start, t.end);
    const piece = t.kind === 'string' || t.kind === 'quoted' ? raw : raw.toLowerCase();
    const tight = raw === '(' || raw === ')' || raw === ',' || out.endsWith('(') || out.endsWith(',') || out === '';
    out += tight ? piece : ' ' + piece;
  }
  return out;
}

// Every fixture history ported to the other dialect family, with each target ORM, and run there with
// that ORM: the same tables, the same columns with the mapped types and nullability, the same
// primary keys, indexes (unique or not, same columns) and foreign keys. What could not be translated
// is listed, and only data statements may be (the schema must come out whole).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { portBaseline, portHistory } from '../../../server/src/actions/port/portHistory';
import type { SchemaSnapshot } from '../../../server/src/verify/schemaSnapshot';
import { HISTORIES, downTextsOf, readHistory, replayUp, root, writePorted } from './portHarness';

const ORMS = ['typeorm', 'sequelize', 'prisma'] as const;

/** A type's family, written independently of the porter's map: what "the mapped type" must preserve. */
function family(type: string, enums: Map<string, string[]>): string {
  const t = type.toLowerCase().replace(/ auto_increment| unsigned/g, '').trim();
  if (/^tinyint\(1\)$|^boolean$/.test(t)) return 'boolean';
  if (/^bigint\b/.test(t)) return 'bigint';
  if (/^(smallint|tinyint)\b/.test(t)) return 'smallint';
  if (/^(integer|int|mediumint)\b/.test(t)) return 'integer';
  const varchar = /^(?:varchar|character varying)\((\d+)\)$/.exec(t);
  if (varchar) return varchar[1] === '191' ? 'text' : `varchar(${varchar[1]})`;
  if (/^(text|longtext|mediumtext)$/.test(t)) return 'text';
  if (/^(timestamp|datetime)/.test(t)) return 'timestamp';
  if (/^jsonb?$|^longtext$/.test(t)) return 'json';
  const inline = /^enum\((.*)\)$/.exec(t);
  if (inline) return `enum(${inline[1].replace(/'/g, '').replace(/,\s*/g, ',')})`;
  const named = enums.get(t.replace(/"/g, ''));
  if (named) return `enum(${named.join(',').toLowerCase()})`;
  if (/^(char|character)\((\d+)\)$/.test(t)) return t.replace('character', 'char');
  if (/^(numeric|decimal)/.test(t)) return 'decimal';
  return t;
}

interface Shape { tables: string[]; columns: Record<string, string>; indexes: string[]; foreignKeys: string[]; primaryKeys: string[] }

function columnsIn(def: string): string {
  const m = /\(([^()]*(?:\(\d+\))?[^()]*)\)\s*(?:WHERE.*)?$/.exec(def.replace(/ (ASC|DESC)\b/g, ''));
  return (m?.[1] ?? '').split(',').map((c) => c.trim().replace(/["`]/g, '').replace(/\(\d+\)$/, '')).join(',');
}

/** What must be the same on both families; names the servers choose themselves are left out. */
function shape(s: SchemaSnapshot): Shape {
  const enums = new Map(Object.entries(s.enums).map(([e, v]) => [e.toLowerCase(), v]));
  const tableOf = (key: string) => key.slice(0, key.lastIndexOf('.'));
  const foreign = Object.entries(s.constraints).filter(([, d]) => /^FOREIGN KEY/.test(d));
  const fkNames = new Set(foreign.map(([k]) => k));
  const primary = Object.entries(s.constraints).filter(([, d]) => /^PRIMARY KEY/.test(d));
  const pkIndex = (key: string, def: string) => /_pkey$|\.PK_|\.PRIMARY$/.test(key) || (/UNIQUE/.test(def) && primary.some(([k, d]) => tableOf(k) === tableOf(key) && columnsIn(d) === columnsIn(def) && /_pkey$|PK_/.test(key)));
  return {
    tables: [...s.tables].sort(),
    columns: Object.fromEntries(Object.entries(s.columns).map(([k, c]) => [k, `${family(c.type, enums)}${c.nullable ? ' null' : ''}`])),
    // MySQL indexes a foreign key's columns itself, under the key's name: not an index the history made.
    indexes: Object.entries(s.indexes).filter(([k, d]) => !pkIndex(k, d) && !fkNames.has(k)).map(([k, d]) => `${tableOf(k)} ${/UNIQUE/.test(d) ? 'unique ' : ''}(${columnsIn(d)})`).sort(),
    foreignKeys: foreign.map(([k, d]) => `${tableOf(k)} (${columnsIn(d.split(/REFERENCES/)[0])}) → ${/REFERENCES\s+(?:public\.)?["`]?([^"`(\s]+)/.exec(d)?.[1]}`).sort(),
    primaryKeys: primary.map(([k, d]) => `${tableOf(k)} (${columnsIn(d)})`).sort(),
  };
}

for (const h of HISTORIES.filter((x) => !process.env.ONLY || x.name === process.env.ONLY)) {
  const to = h.server === 'postgres' ? 'mariadb' : 'postgres';
  test(`${h.name} ported to ${to} with every ORM, and its baseline: an equivalent schema, only data statements left untranslated`, async () => {
    const expected = shape(await replayUp(path.join(root, h.dir), h.server));
    const files = await readHistory(h.dir);
    for (const orm of ORMS) {
      const ported = portHistory(files, { to: orm, dialect: to, dir: 'migrations', now: new Date(Date.UTC(2026, 0, 1)), downTexts: downTextsOf(files) });
      for (const u of ported.untranslated) assert.match(u.message, /^data statement/, `${h.name} → ${orm}/${to}: ${u.message}`);
      const out = writePorted(ported.files);
      try {
        const actual = shape(await replayUp(path.join(out.dir, 'migrations'), to, { dialect: to }));
        assert.deepEqual(actual, expected, `${h.name} → ${orm} on ${to}`);
      } finally { out.remove(); }
    }
    if (to === 'mariadb') {
      // MySQL's form (presence checks over information_schema instead of IF [NOT] EXISTS), each up run twice: the implicit-commit plan holds.
      for (const orm of ['prisma', 'sequelize'] as const) {
        const mysql = portHistory(files, { to: orm, dialect: 'mysql', dir: 'migrations', now: new Date(Date.UTC(2026, 0, 1)), downTexts: downTextsOf(files) });
        const out = writePorted(mysql.files);
        try {
          assert.deepEqual(shape(await replayUp(path.join(out.dir, 'migrations'), 'mariadb', { dialect: 'mariadb', twice: true })), expected, `${h.name} → ${orm} in MySQL's form, every up twice`);
        } finally { out.remove(); }
      }
    }
    const baseline = portBaseline(files, { to: 'prisma', dialect: to, dir: 'migrations', now: new Date(Date.UTC(2026, 0, 1)) });
    assert.deepEqual(baseline.untranslated, [], `${h.name} baseline for ${to}`);
    const out = writePorted(baseline.files.filter((f) => !f.path.endsWith('schema.prisma')));
    try {
      assert.deepEqual(shape(await replayUp(path.join(out.dir, 'migrations'), to, { dialect: to })), expected, `${h.name} baseline on ${to}`);
    } finally { out.remove(); }
  });
}

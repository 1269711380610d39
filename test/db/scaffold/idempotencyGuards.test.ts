// "Add idempotency guards" on the real servers: a migration that failed half-way, guarded, then run twice, gives
// exactly the schema the original gives on a fresh database (PostgreSQL, MariaDB, and the MySQL form on MariaDB).
import * as assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { initEngine, readMigrationText } from '../../../server/src/engine/engine';
import { guardFileFix } from '../../../server/src/actions/guards/idempotencyGuards';
import type { Dialect } from '../../../server/src/model/migration';
import { createCellDatabase, type DbDialect } from './cellDatabase';
import { snapshot } from './schemaSnapshot';

before(initEngine);

const SETUP = 'CREATE TABLE accounts (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint NOT NULL, note varchar(20));\n';
const STEPS = [
  'ALTER TABLE orders ADD COLUMN flag int;',
  'CREATE INDEX orders_flag_idx ON orders (flag);',
  'ALTER TABLE orders ADD CONSTRAINT orders_flag_check CHECK (flag >= 0);',
  'ALTER TABLE orders DROP COLUMN note;',
  'ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);',
];

const COLUMNS: { render: Dialect; server: DbDialect }[] = [
  { render: 'postgres', server: 'postgres' },
  { render: 'mariadb', server: 'mariadb' },
  { render: 'mysql', server: 'mariadb' },
];

for (const { render, server } of COLUMNS) {
  test(`guards rendered for ${render} on ${server}: half-applied, then the guarded file twice, equals the original once`, async () => {
    const original = STEPS.join('\n') + '\n';
    const file = readMigrationText('db/migrations/20240102000000_flag.sql', original, { dialect: render });
    const fix = guardFileFix({ ...file, text: original });
    assert.ok(fix, 'guards are offered');
    let guarded = original;
    for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) guarded = guarded.slice(0, e.start) + e.newText + guarded.slice(e.end);

    const reference = await createCellDatabase(server, 'sm_e2');
    const db = await createCellDatabase(server, 'sm_e2');
    try {
      await reference.script(SETUP);
      await reference.script(original);
      await db.script(SETUP);
      // The failed deploy: its first two steps went through (MariaDB commits each DDL statement).
      await db.script(STEPS.slice(0, 2).join('\n'));
      await db.script(guarded);
      await db.script(guarded);
      // PostgreSQL index definitions name the schema, which differs between the two cells.
      const normalised = async (d: typeof db) => JSON.parse(JSON.stringify(await snapshot(d)).split(d.name).join('<schema>'));
      assert.deepEqual(await normalised(db), await normalised(reference));
    } finally {
      for (const d of [reference, db]) { await d.close(); await d.drop(); }
    }
  });
}

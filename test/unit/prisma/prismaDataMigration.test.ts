// A TypeScript data migration beside Prisma's SQL (`<timestamp>_name/migration.ts`), as projects write
// them with the Prisma client: read as a Prisma migration, its writes as operations.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { initEngine, readMigrationText } from '../../../server/src/engine/engine';
import { detectProjects } from '../../../server/src/project/detect';

const PROJECT = path.join(__dirname, '..', '..', 'fixtures', 'projects', 'prisma-data-migration');

before(() => initEngine());

test('migration.ts: updateMany on the model maps to its table (@@map), $executeRaw SQL is parsed; name, timestamp and first line from the folder', () => {
  const file = path.join(PROJECT, 'prisma', 'migrations', '20240201000000_backfill_display_names', 'migration.ts');
  const text = fs.readFileSync(file, 'utf8');
  const model = readMigrationText(file, text, { projects: detectProjects([PROJECT]) });
  assert.equal(model.orm, 'prisma');
  assert.equal(model.dialect, 'postgres');
  const [m] = model.migrations;
  assert.equal(m.name, '20240201000000_backfill_display_names');
  assert.equal(m.timestamp, '20240201000000');
  assert.deepEqual(m.nameRange, { start: { line: 0, character: 0 }, end: { line: 0, character: 46 } });
  assert.deepEqual(m.up.map((o) => [o.kind, o.table, o.hasWhere, o.details?.call]), [
    ['update', 'users', true, 'user.updateMany'],
    ['update', 'users', true, '$executeRaw'],
  ]);
});

test('a data migration with nothing readable says so once, as info, and is still a migration', () => {
  const file = '/p/prisma/migrations/20240301000000_copy_settings/migration.ts';
  const text = "import { run } from '../../../scripts/copySettings';\n\nrun().then(() => process.exit(0));\n";
  const model = readMigrationText(file, text, { dialect: 'postgres' });
  assert.equal(model.orm, 'prisma');
  assert.equal(model.migrations.length, 1);
  assert.deepEqual(model.migrations[0].up, []);
  assert.deepEqual(model.problems.map((p) => [p.code, p.severity]), [['unread-data-migration', 'info']]);
});

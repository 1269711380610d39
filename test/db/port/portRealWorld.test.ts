// A real project that keeps a PostgreSQL history and a MySQL history by hand (boxyhq/jackson, TypeORM):
// its PostgreSQL history ported to MariaDB gives the schema its own MySQL history gives, but for the
// choices the dialect map makes on purpose (text → longtext, timestamp → datetime). Both run on
// MariaDB with the real TypeORM, in a latin1 database: the project's varchar(1500) keys exceed
// InnoDB's 3072-byte key limit under utf8mb4, in its own MySQL history too.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { portHistory } from '../../../server/src/actions/port/portHistory';
import { diffSnapshots } from '../../../server/src/verify/schemaDiff';
import { downTextsOf, readHistory, replayUp, root, writePorted } from './portHarness';

const JACKSON = 'test/realworld/boxyhq__jackson/npm/migration';

/**
 * jackson's MySQL Initial checks for its foreign key in pg_catalog, which MySQL does not have (the
 * migration fails on a fresh database): a copy asks information_schema instead; nothing else changes.
 */
function handHistoryCopy(): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-port-hand-'));
  const src = path.join(root, JACKSON, 'mysql');
  for (const f of fs.readdirSync(src)) {
    const text = fs.readFileSync(path.join(src, f), 'utf8');
    fs.writeFileSync(path.join(dir, f), text.replace(/SELECT \* FROM pg_catalog\.pg_constraint con WHERE conname = /g, 'SELECT * FROM information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND CONSTRAINT_NAME = '));
  }
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

test('boxyhq/jackson: the PostgreSQL history ported to MariaDB equals the hand-kept MySQL history but for the map\'s deliberate choices', async () => {
  const files = await readHistory(`${JACKSON}/postgres`);
  const ported = portHistory(files, { to: 'typeorm', dialect: 'mariadb', dir: 'migrations', now: new Date(Date.UTC(2026, 0, 1)), downTexts: downTextsOf(files) });
  assert.deepEqual(ported.untranslated, []);
  const out = writePorted(ported.files);
  const hand = handHistoryCopy();
  const setup = ['ALTER DATABASE CHARACTER SET latin1'];
  try {
    const expected = await replayUp(hand.dir, 'mariadb', { dialect: 'mariadb', setup });
    const actual = await replayUp(path.join(out.dir, 'migrations'), 'mariadb', { dialect: 'mariadb', setup });
    assert.deepEqual(diffSnapshots(expected, actual, 'reup'), [
      'column jackson_store.value comes back as longtext, the first up made text',
      'column jackson_store.createdAt comes back as datetime(6), the first up made timestamp(6)',
      'column jackson_store.modifiedAt comes back as datetime(6), the first up made timestamp(6)',
    ]);
  } finally { out.remove(); hand.remove(); }
});

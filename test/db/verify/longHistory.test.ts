// A 60-migration Prisma history replays on PGlite and its newest migration verifies (the issue's ≥50 proof;
// the README's timing is this history through the CLI).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { verifyPaths } from '../../../server/src/verify/verify';
import { writeLongPrismaHistory } from './longHistory';

test('60 Prisma migrations: 59 replay on PGlite, the newest verifies up → down → up', { timeout: 300_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm_verify_long_'));
  try {
    const folder = writeLongPrismaHistory(dir, 60);
    const newest = fs.readdirSync(folder).filter((f) => /^\d/.test(f)).sort().pop()!;
    const run = await verifyPaths([path.join(folder, newest)], { database: 'pglite' });
    assert.deepEqual(run.setupErrors, []);
    assert.equal(run.histories[0].replay.migrations, 59);
    assert.equal(run.histories[0].replay.failed, undefined);
    assert.deepEqual(run.results.map((r) => [r.migration, r.ok, r.differences]), [[newest, true, []]]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// Every fixture history, ported to each other ORM on the same server and run there with that ORM,
// gives exactly the schema the original history gives; a baseline of it gives that schema too.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { portBaseline, portHistory } from '../../../server/src/actions/port/portHistory';
import { diffSnapshots } from '../../../server/src/verify/schemaDiff';
import { HISTORIES, downTextsOf, readHistory, replayUp, root, writePorted } from './portHarness';

const ORMS = ['typeorm', 'sequelize', 'prisma'] as const;
const now = new Date(Date.UTC(2026, 0, 1));

for (const h of HISTORIES) {
  test(`${h.name}: ported to every other ORM on ${h.server}, the history gives the original's schema`, async () => {
    const original = await replayUp(path.join(root, h.dir), h.server);
    const files = await readHistory(h.dir);
    for (const to of ORMS.filter((o) => o !== h.orm)) {
      const ported = portHistory(files, { to, dialect: h.server === 'postgres' ? 'postgres' : 'mariadb', dir: 'migrations', now, downTexts: downTextsOf(files) });
      assert.deepEqual(ported.untranslated, [], `${h.name} → ${to}: nothing is untranslated within one dialect`);
      const out = writePorted(ported.files);
      try {
        // On MariaDB every up runs twice (Prisma and Sequelize have no record that stops it): guarded steps make that harmless.
        const twice = h.server === 'mariadb' && to !== 'typeorm';
        const schema = await replayUp(path.join(out.dir, 'migrations'), h.server, { dialect: h.server, twice });
        assert.deepEqual(diffSnapshots(original, schema, 'reup'), [], `${h.name} → ${to}${twice ? ', every up twice' : ''}`);
      } finally { out.remove(); }
    }
  });

  test(`${h.name}: the baseline, in every ORM, gives the history's schema on ${h.server}`, async () => {
    const original = await replayUp(path.join(root, h.dir), h.server);
    const files = await readHistory(h.dir);
    for (const to of ORMS) {
      const baseline = portBaseline(files, { to, dialect: h.server === 'postgres' ? 'postgres' : 'mariadb', dir: 'migrations', now });
      if (to === 'prisma') {
        assert.ok(baseline.files.some((f) => f.path === 'schema.prisma'));
        assert.match(baseline.hints.join('\n'), /prisma migrate resolve --applied 20260101000000_baseline/);
      }
      const out = writePorted(baseline.files.filter((f) => !f.path.endsWith('schema.prisma')));
      try {
        const schema = await replayUp(path.join(out.dir, 'migrations'), h.server, { dialect: h.server });
        assert.deepEqual(diffSnapshots(original, schema, 'reup'), [], `${h.name} baseline for ${to}`);
      } finally { out.remove(); }
    }
  });
}

// The ported downs, run with the target ORM newest first after the whole history: each gives back the
// schema from before its up, except where the source's own down cannot (listed below, with why).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { portHistory } from '../../../server/src/actions/port/portHistory';
import { diffSnapshots } from '../../../server/src/verify/schemaDiff';
import type { SchemaSnapshot } from '../../../server/src/verify/schemaSnapshot';
import { HISTORIES, downTextsOf, readHistory, replayUpDown, writePorted } from './portHarness';

const EMPTY: SchemaSnapshot = { tables: [], columns: {}, indexes: {}, constraints: {}, enums: {}, views: {} };

/** What the source history itself cannot undo, so neither can its port. */
const SOURCE_LOSSES: Record<string, RegExp> = {
  // 20240201100000_add_product_stock has no down.sql; the generated one cannot remove an enum value (PostgreSQL has no DROP VALUE).
  'prisma-postgres': /^enum type OrderStatus comes back with values \(PENDING, PAID, SHIPPED, CANCELLED\), was \(PENDING, PAID, SHIPPED\)$/,
  // 20240320120000-add-product-weight drops price_cents and its down does not add it back.
  'sequelize-mysql': /^column products\.price_cents is missing after down \(it existed before up\)$/,
};

for (const h of HISTORIES) {
  test(`${h.name}: ported to every other ORM, every down gives back the schema before its up`, async () => {
    const files = await readHistory(h.dir);
    for (const to of (['typeorm', 'sequelize', 'prisma'] as const).filter((o) => o !== h.orm)) {
      const ported = portHistory(files, { to, dialect: h.server === 'postgres' ? 'postgres' : 'mariadb', dir: 'migrations', now: new Date(Date.UTC(2026, 0, 1)), downTexts: downTextsOf(files) });
      const out = writePorted(ported.files);
      try {
        const run = await replayUpDown(path.join(out.dir, 'migrations'), h.server, { dialect: h.server });
        run.names.forEach((name, i) => {
          const left = diffSnapshots(i === 0 ? EMPTY : run.afterUp[i - 1], run.afterDown[i], 'down').filter((m) => !SOURCE_LOSSES[h.name]?.test(m));
          assert.deepEqual(left, [], `${h.name} → ${to}: down of ${name}`);
        });
      } finally { out.remove(); }
    }
  });
}

// The schema.prisma of every fixture history's baseline is one Prisma itself accepts (prisma-schema-wasm's
// get_dmmf, the parser and validator `prisma validate` uses), with a model per table of the final schema.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { inspectPaths } from '../../../server/src/engine/inspect';
import { portBaseline } from '../../../server/src/actions/port/portHistory';
import { prismaSchemaWasm, prismaWasmErrorMessage } from '../../../server/src/readers/prisma/prismaWasm';

const root = path.resolve(__dirname, '../../..');
const HISTORIES: [string, number][] = [
  ['test/fixtures/projects/typeorm-postgres/src/migrations', 3],
  ['test/fixtures/projects/sequelize-postgres/db/migrations', 2],
  ['test/fixtures/projects/prisma-postgres/prisma/migrations', 3],
  ['test/fixtures/projects/typeorm-mysql/src/migrations', 2],
  ['test/fixtures/projects/sequelize-mysql/migrations', 2],
  ['test/fixtures/projects/prisma-mysql/prisma/migrations', 3],
];

for (const [dir, tables] of HISTORIES) {
  for (const target of ['postgres', 'mariadb'] as const) {
    test(`${dir.split('/')[3]} baseline for Prisma on ${target}: schema.prisma validates, one model per table`, async () => {
      const files = (await inspectPaths([path.join(root, dir)])).files.filter((f) => f.migrations.length);
      const r = portBaseline(files, { to: 'prisma', dialect: target, dir: 'prisma/migrations', now: new Date(Date.UTC(2026, 0, 1)) });
      const schema = r.files.find((f) => f.path === 'prisma/schema.prisma')!.text;
      assert.equal((schema.match(/^model /gm) ?? []).length, tables);
      const wasm = prismaSchemaWasm();
      assert.ok(wasm, 'prisma-schema-wasm loads');
      try {
        const dmmf = JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: schema }))) as { datamodel: { models: unknown[] } };
        assert.equal(dmmf.datamodel.models.length, tables);
      } catch (e) {
        assert.fail(`${prismaWasmErrorMessage(e)}\n${schema}`);
      }
    });
  }
}

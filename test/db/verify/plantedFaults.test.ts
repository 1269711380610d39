// Each planted rollback fault, written as a TypeORM, Sequelize and Prisma migration, is caught with the right
// message by `verifyPaths` on PGlite, on the local PostgreSQL and on the local MariaDB; the good one verifies.
import { after, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { verifyPaths } from '../../../server/src/verify/verify';
import { CASES, writeProject, type Family, type Orm, type WrittenProject } from './plantedFaults';

const DATABASES: { label: string; database: string; family: Family; dialect: 'postgres' | 'mariadb' }[] = [
  { label: 'PGlite', database: 'pglite', family: 'postgres', dialect: 'postgres' },
  { label: 'PostgreSQL 15', database: 'postgres://postgres@127.0.0.1:5432/test', family: 'postgres', dialect: 'postgres' },
  { label: 'MariaDB 10.11', database: 'mariadb://root@127.0.0.1:3306', family: 'mysql', dialect: 'mariadb' },
];
const ORMS: Orm[] = ['prisma', 'typeorm', 'sequelize'];

const written: WrittenProject[] = [];
after(() => { for (const w of written) w.remove(); });

// VERIFY_DATABASES=PGlite,MariaDB runs a subset while working on one of them.
const only = process.env.VERIFY_DATABASES?.split(',');
for (const db of DATABASES.filter((d) => !only || only.some((o) => d.label.startsWith(o)))) {
  describe(`planted rollback faults on ${db.label}`, () => {
    for (const orm of ORMS) {
      for (const c of CASES) {
        if (c.postgresOnly && db.family !== 'postgres') continue;
        test(`${orm}: ${c.name} ${c.expect.length ? 'is caught' : 'verifies'}`, async () => {
          const project = writeProject(orm, db.family, c, __dirname);
          written.push(project);
          const run = await verifyPaths([project.target], { database: db.database, dialect: db.dialect, scratchPrefix: 'sm_f_' })
            .finally(() => project.remove());
          assert.deepEqual(run.setupErrors, []);
          assert.equal(run.histories[0]?.replay.migrations, 1, 'the base migration is replayed first');
          const result = run.results.find((r) => r.source === project.target);
          assert.ok(result, `no result for ${path.basename(project.target)}`);
          const messages = result.differences.map((d) => d.message);
          if (!c.expect.length) {
            assert.deepEqual(messages, []);
            assert.equal(result.ok, true);
            return;
          }
          assert.equal(result.ok, false, 'a planted fault must fail the verification');
          for (const re of c.expect) assert.ok(messages.some((m) => re.test(m)), `expected ${re} among:\n${messages.join('\n')}`);
        });
      }
    }
  });
}

// Every pattern × {TypeORM, Sequelize, Prisma SQL} × {PostgreSQL, MariaDB (+ MySQL syntax on MariaDB)} on the real servers and
// runners: seed → up, each phase failing once (MariaDB: right after its first DDL statement) and run again, so the
// guards must make the re-run finish the job → check → down → schema and data equal the seed state → up (MariaDB:
// failing once after all steps) → check → down again.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { scaffold } from '../../../server/src/patterns/index';
import type { ScaffoldDialect, ScaffoldExtension, ScaffoldOrm } from '../../../server/src/patterns/types';
import { createCellDatabase, type DbDialect } from './cellDatabase';
import { type MigrationRunner, prismaRunner, sequelizeRunner, typeormRunner } from './migrationRunners';
import { CASES, seedSql } from './scaffoldCases';
import { snapshot } from './schemaSnapshot';

/**
 * Columns of the matrix: the dialect the files are rendered for, the server they run on, and the file
 * extensions used (so the .js/.ts/.cjs variants are loaded by the real runners too). The third column runs
 * files rendered for MySQL 8 (no IF [NOT] EXISTS: ORM presence checks and information_schema guards) on
 * MariaDB, which accepts that syntax, so the MySQL guard code is proven on a real server as well.
 */
const COLUMNS: { render: ScaffoldDialect; server: DbDialect; label: string; typeorm: ScaffoldExtension; sequelize: ScaffoldExtension }[] = [
  { render: 'postgres', server: 'postgres', label: 'postgres', typeorm: '.ts', sequelize: '.js' },
  { render: 'mariadb', server: 'mariadb', label: 'mariadb', typeorm: '.js', sequelize: '.ts' },
  { render: 'mysql', server: 'mariadb', label: 'mysql-syntax on mariadb', typeorm: '.cjs', sequelize: '.cjs' },
];
const ORMS: ScaffoldOrm[] = ['typeorm', 'sequelize', 'prisma'];
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-scaffold-matrix-'));
const tally = { ran: 0, passed: 0, byPattern: new Map<string, number>(), byColumn: new Map<string, number>() };

after(() => {
  fs.rmSync(tmpRoot, { recursive: true, force: true });
  console.log(`scaffold matrix: ${tally.ran} cells ran, ${tally.passed} passed (${CASES.length} patterns × ${ORMS.length} ORMs × ${COLUMNS.length} columns: ${COLUMNS.map((c) => c.label).join(', ')})`);
  for (const [column, n] of tally.byColumn) console.log(`  ${column}: ${n}/${CASES.length * ORMS.length}`);
  for (const [pattern, n] of tally.byPattern) console.log(`  ${pattern}: ${n}/${ORMS.length * COLUMNS.length}`);
});

const RUNNERS: Record<ScaffoldOrm, typeof typeormRunner> = { typeorm: typeormRunner, sequelize: sequelizeRunner, prisma: prismaRunner };

for (const column of COLUMNS) {
  const dialect = column.server;
  for (const c of CASES) {
    for (const orm of ORMS) {
      test(`${c.pattern} × ${orm} × ${column.label}: up failing once per phase, re-run → down restores schema and data → up → down`, async () => {
        tally.ran++;
        const db = await createCellDatabase(dialect);
        let runner: MigrationRunner | undefined;
        try {
          for (const sql of seedSql(dialect)) await db.query(sql);
          const before = await snapshot(db);
          const dir = path.join(tmpRoot, db.name);
          const { files } = scaffold(c.pattern, c.params(dialect), {
            orm, dialect: column.render, dir, now: new Date('2026-03-04T05:06:07Z'), extension: orm === 'prisma' ? undefined : column[orm],
          });
          for (const f of files) { fs.mkdirSync(path.dirname(f.path), { recursive: true }); fs.writeFileSync(f.path, f.text); }
          runner = await RUNNERS[orm](db, files);

          // MariaDB keeps DDL that ran before a failure: the first round fails each phase right after its first
          // DDL statement, the second after all of it. PostgreSQL rolls a failed transaction back, so there only
          // the failure after a committed phase (or a non-transactional one) leaves work behind.
          await runner.upAll(dialect === 'mariadb' ? 'afterFirstDdl' : 'end');
          await c.afterUp(db);
          await runner.downAll();
          assert.deepEqual(await snapshot(db), before, 'down restores the schema and the seed data');

          await runner.upAll(dialect === 'mariadb' ? 'end' : 'none');
          await c.afterUp(db);
          await runner.downAll();
          assert.deepEqual(await snapshot(db), before, 'second down restores them too');
          tally.passed++;
          tally.byPattern.set(c.pattern, (tally.byPattern.get(c.pattern) ?? 0) + 1);
          tally.byColumn.set(column.label, (tally.byColumn.get(column.label) ?? 0) + 1);
        } finally {
          await runner?.close();
          await db.close();
          await db.drop();
        }
      });
    }
  }
}

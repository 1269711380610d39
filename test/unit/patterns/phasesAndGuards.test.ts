// Multi-phase ordering, transaction handling per dialect, and guards per dialect and ORM.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildPhases, listPatterns, scaffold } from '../../../server/src/patterns/index';
import type { ScaffoldDialect } from '../../../server/src/patterns/types';
import { CASES } from '../../db/scaffold/scaffoldCases';

const NOW = new Date('2026-03-04T05:06:07Z');
const params = (id: string, dialect: ScaffoldDialect) => CASES.find((c) => c.pattern === id)!.params(dialect === 'postgres' ? 'postgres' : 'mariadb');

test('renameColumnExpandContract: five migrations in blue-green order, each naming the deploy before it', () => {
  const { files } = scaffold('renameColumnExpandContract', params('renameColumnExpandContract', 'postgres'), { orm: 'sequelize', dialect: 'postgres', dir: 'm', now: NOW });
  assert.deepEqual(files.map((f) => f.path.replace(/^m\/\d{14}-rename-people-amount-to-amount-text-/, '')),
    ['p1-expand.js', 'p2-backfill.js', 'p3-writes-both.js', 'p4-reads-new.js', 'p5-contract.js']);
  assert.deepEqual([...files.map((f) => f.path)].sort(), files.map((f) => f.path), 'names sort in phase order');
  assert.match(files[2].text, /BEFORE RUNNING: Deploy the application version that writes both amount and amount_text/);
  assert.match(files[3].text, /BEFORE RUNNING: Deploy the application version that reads amount_text/);
  assert.match(files[4].text, /BEFORE RUNNING: Deploy the application version that no longer reads or writes amount/);
  assert.match(files[1].text, /Next phase only after: Deploy the application version that writes both/);
});

test('on MySQL and MariaDB every migration\'s up holds at most one DDL statement', () => {
  for (const dialect of ['mysql', 'mariadb'] as const) {
    for (const p of listPatterns()) {
      for (const phase of buildPhases(p.id, params(p.id, dialect), { dialect }).phases) {
        const ddl = phase.up.filter((s) => s.kind === 'sql' && s.ddl).length;
        assert.ok(ddl <= 1, `${p.id} ${phase.slug.join('-')} on ${dialect}: ${ddl} DDL statements`);
      }
    }
  }
});

test('PostgreSQL: only CONCURRENTLY and batched backfills run outside a transaction, and TypeORM says so the TypeORM way', () => {
  for (const p of listPatterns()) {
    const { files, notes } = scaffold(p.id, params(p.id, 'postgres'), { orm: 'typeorm', dialect: 'postgres', dir: 'm', now: NOW });
    const { phases } = buildPhases(p.id, params(p.id, 'postgres'), { dialect: 'postgres' });
    phases.forEach((phase, i) => {
      const concurrent = phase.up.some((s) => s.kind === 'sql' && /CONCURRENTLY/.test(s.sql));
      const backfill = phase.up.some((s) => s.kind === 'backfill');
      assert.equal(phase.transactional, !(concurrent || backfill), `${p.id} phase ${i + 1}`);
      assert.equal(/\n  transaction = false;/.test(files[i].text), !phase.transactional);
      if (!phase.transactional) assert.match(files[i].text, /migrationsTransactionMode 'each' or 'none'/);
    });
    if (phases.some((ph) => !ph.transactional)) assert.ok(notes.some((n) => /migrationsTransactionMode 'each' or 'none'/.test(n)));
  }
});

test('addIndexOnline: CONCURRENTLY the ORM\'s way on PostgreSQL, INPLACE/LOCK=NONE on MySQL', () => {
  const p = { table: 'people', columns: 'team_id' };
  const seq = scaffold('addIndexOnline', p, { orm: 'sequelize', dialect: 'postgres', dir: 'm', now: NOW }).files[0].text;
  assert.match(seq, /queryInterface\.addIndex\('people', \['team_id'\], \{ name: 'people_team_id_idx', concurrently: true \}\)/);
  assert.match(seq, /queryInterface\.removeIndex\('people', 'people_team_id_idx', \{ concurrently: true \}\)/);
  assert.doesNotMatch(seq, /sequelize\.transaction/);
  const prisma = scaffold('addIndexOnline', p, { orm: 'prisma', dialect: 'postgres', dir: 'm', now: NOW }).files[0].text;
  const statements = prisma.split('\n').filter((l) => l.trim() && !l.startsWith('--'));
  assert.deepEqual(statements, ['CREATE INDEX CONCURRENTLY IF NOT EXISTS "people_team_id_idx" ON "people" ("team_id");'], 'only that statement');
  const my = scaffold('addIndexOnline', p, { orm: 'typeorm', dialect: 'mariadb', dir: 'm', now: NOW }).files[0].text;
  assert.match(my, /ALTER TABLE `people` ADD INDEX IF NOT EXISTS `people_team_id_idx` \(`team_id`\), ALGORITHM=INPLACE, LOCK=NONE/);
});

test('guards: IF [NOT] EXISTS on PostgreSQL and MariaDB, presence checks on MySQL through each ORM', () => {
  const p = { table: 'people', column: 'nickname', type: 'varchar(50)' };
  const render = (orm: 'typeorm' | 'sequelize' | 'prisma', dialect: ScaffoldDialect) => scaffold('addColumnNullable', p, { orm, dialect, dir: 'm', now: NOW }).files.map((f) => f.text).join('\n');
  assert.match(render('typeorm', 'postgres'), /ADD COLUMN IF NOT EXISTS "nickname"/);
  assert.match(render('sequelize', 'mariadb'), /ADD COLUMN IF NOT EXISTS `nickname`/);
  const typeormMysql = render('typeorm', 'mysql');
  assert.match(typeormMysql, /if \(!\(await queryRunner\.hasColumn\('people', 'nickname'\)\)\) \{/);
  assert.match(typeormMysql, /if \(await queryRunner\.hasColumn\('people', 'nickname'\)\) \{/);
  assert.doesNotMatch(typeormMysql, /IF (NOT )?EXISTS `/);
  assert.match(render('sequelize', 'mysql'), /if \(!\('nickname' in \(await queryInterface\.describeTable\('people'\)\)\)\) \{/);
  const prismaMysql = render('prisma', 'mysql');
  assert.match(prismaMysql, /SET @sm_sql = IF\(\(SELECT COUNT\(\*\) AS n FROM information_schema\.COLUMNS WHERE TABLE_SCHEMA = DATABASE\(\) AND TABLE_NAME = 'people' AND COLUMN_NAME = 'nickname'\) = 0, 'ALTER TABLE `people` ADD COLUMN `nickname` varchar\(50\) NULL, ALGORITHM=INSTANT', 'DO 0'\);\nPREPARE sm_stmt FROM @sm_sql;/);
  const idx = scaffold('dropIndexOnline', { table: 'people', index: 'people_email_idx', columns: 'email' }, { orm: 'sequelize', dialect: 'mysql', dir: 'm', now: NOW }).files[0].text;
  assert.match(idx, /\(await queryInterface\.showIndex\('people'\)\)\)\.some\(\(index\) => index\.name === 'people_email_idx'\)/);
});

test('older servers: no INSTANT before MySQL 8.0.12 / MariaDB 10.3.2', () => {
  const p = { table: 'people', column: 'nickname', type: 'int' };
  assert.match(scaffold('addColumnNullable', p, { orm: 'prisma', dialect: 'mysql', dir: 'm', now: NOW, mysqlVersion: '5.7' }).files[0].text, /ALGORITHM=INPLACE, LOCK=NONE/);
  assert.match(scaffold('addColumnNullable', p, { orm: 'prisma', dialect: 'mariadb', dir: 'm', now: NOW, mariadbVersion: '10.2' }).files[0].text, /ALGORITHM=INPLACE, LOCK=NONE/);
  assert.match(scaffold('addColumnNullable', p, { orm: 'prisma', dialect: 'mariadb', dir: 'm', now: NOW }).files[0].text, /ALGORITHM=INSTANT/);
});

test('no comment promises atomicity MySQL does not give', () => {
  for (const p of listPatterns()) for (const dialect of ['mysql', 'mariadb'] as const) for (const orm of ['typeorm', 'sequelize', 'prisma'] as const) {
    for (const f of scaffold(p.id, params(p.id, dialect), { orm, dialect, dir: 'm', now: NOW }).files) {
      assert.doesNotMatch(f.text, /nothing is applied|(?<!not )atomic|in one transaction/i, `${p.id} ${orm} ${dialect} ${f.path}`);
    }
  }
});

test('changeColumnTypeExpandContract: default conversions use MySQL\'s CAST names there, the type itself on PostgreSQL', () => {
  const p = { table: 'people', column: 'amount', type: 'bigint', oldType: 'varchar(20)' };
  const my = scaffold('changeColumnTypeExpandContract', p, { orm: 'prisma', dialect: 'mysql', dir: 'm', now: NOW }).files.map((f) => f.text).join('\n');
  assert.match(my, /`amount_new` = CAST\(`amount` AS SIGNED\)/);
  assert.match(my, /SET `amount` = CAST\(`amount_new` AS CHAR\(20\)\)/);
  const pg = scaffold('changeColumnTypeExpandContract', p, { orm: 'prisma', dialect: 'postgres', dir: 'm', now: NOW }).files.map((f) => f.text).join('\n');
  assert.match(pg, /"amount_new" = CAST\("amount" AS bigint\)/);
  assert.match(pg, /SET "amount" = CAST\("amount_new" AS varchar\(20\)\)/);
  const custom = scaffold('changeColumnTypeExpandContract', { ...p, expression: 'CONVERT({value}, SIGNED)' }, { orm: 'prisma', dialect: 'mysql', dir: 'm', now: NOW }).files.map((f) => f.text).join('\n');
  assert.match(custom, /CONVERT\(`amount`, SIGNED\)/);
});

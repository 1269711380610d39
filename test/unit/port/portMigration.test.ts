// Porting one migration: the target ORM's format and naming, the dialect map, and what is marked untranslated.
import * as assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { initEngine, readMigrationText } from '../../../server/src/engine/engine';
import { portMigration } from '../../../server/src/actions/port/portMigration';
import { portBaseline } from '../../../server/src/actions/port/portHistory';
import { mapType, requote } from '../../../server/src/actions/port/dialectMap';

before(async () => { await initEngine(); });

const PRISMA_PG = `CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'USER',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "meta" JSONB,
    "token" UUID NOT NULL DEFAULT gen_random_uuid(),
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX CONCURRENTLY "User_active_idx" ON "User"("createdAt") WHERE "active";
CREATE EXTENSION IF NOT EXISTS pg_trgm;
`;

function prismaFile(text: string, name = '20240101000000_init') {
  return readMigrationText(`/p/prisma/migrations/${name}/migration.sql`, text, { dialect: 'postgres' });
}

test('PostgreSQL → MariaDB: types, defaults and quoting from the map; partial index and extension listed and marked', () => {
  const r = portMigration(prismaFile(PRISMA_PG), { to: 'prisma', dialect: 'mariadb', dir: 'prisma/migrations' });
  const up = r.files[0].text;
  assert.equal(r.files[0].path, 'prisma/migrations/20240101000000_init/migration.sql');
  assert.match(up, /`id` int NOT NULL AUTO_INCREMENT/);
  assert.match(up, /`role` enum\('USER','ADMIN'\) NOT NULL DEFAULT 'USER'/);
  assert.match(up, /`active` tinyint\(1\) NOT NULL DEFAULT 1/);
  assert.match(up, /`meta` json NULL/);
  assert.match(up, /`token` char\(36\) NOT NULL DEFAULT \(UUID\(\)\)/);
  assert.match(up, /`createdAt` datetime\(3\) NOT NULL DEFAULT CURRENT_TIMESTAMP\(3\)/);
  assert.match(up, /PRIMARY KEY \(`id`\)/);
  const statements = up.split('\n').filter((l) => !l.startsWith('--')).join('\n');
  assert.doesNotMatch(statements, /CREATE TYPE|"User"/);
  assert.match(up, /Implicit-commit plan: MariaDB commits each of the \d+ DDL statements on its own/);
  const messages = r.untranslated.map((u) => u.message).join('\n');
  assert.match(messages, /User_active_idx: partial index/);
  assert.match(messages, /extension/);
  assert.equal(r.untranslated.length, 2);
  assert.match(up, /UNTRANSLATED: User_active_idx: partial index/);
  assert.ok(r.untranslated.every((u) => u.range && u.source.endsWith('migration.sql')));
});

test('PostgreSQL CONCURRENTLY ↔ MySQL ALGORITHM=INPLACE, LOCK=NONE', () => {
  const toMy = portMigration(prismaFile('CREATE INDEX CONCURRENTLY "a_b_idx" ON "a"("b");', '20240102000000_idx'), { to: 'sequelize', dialect: 'mysql' });
  assert.match(toMy.files[0].text, /CREATE INDEX `a_b_idx` ON `a` \(`b`\) ALGORITHM=INPLACE LOCK=NONE/);
  // MySQL has no CREATE INDEX IF NOT EXISTS: the emitter checks information_schema first.
  assert.match(toMy.files[0].text, /showIndex\('a'\)/);
  const my = readMigrationText('/p/prisma/migrations/20240102000000_idx/migration.sql', 'CREATE INDEX `a_b_idx` ON `a` (`b`) ALGORITHM=INPLACE LOCK=NONE;', { dialect: 'mysql' });
  const toPg = portMigration(my, { to: 'typeorm', dialect: 'postgres' });
  assert.match(toPg.files[0].text, /CREATE INDEX CONCURRENTLY "a_b_idx" ON "a" \("b"\)/);
  assert.match(toPg.files[0].text, /transaction = false;/);
});

test('same dialect: SQL is copied as written, in the target ORM\'s naming', () => {
  const r = portMigration(prismaFile(PRISMA_PG), { to: 'typeorm', dir: 'src/migrations' });
  assert.equal(r.files.length, 1);
  assert.match(r.files[0].path, /^src\/migrations\/1704067200000-Init\.ts$/);
  assert.match(r.files[0].text, /export class Init1704067200000 implements MigrationInterface/);
  assert.match(r.files[0].text, /CREATE TYPE "Role" AS ENUM \('USER', 'ADMIN'\)/);
  assert.match(r.files[0].text, /CREATE INDEX CONCURRENTLY "User_active_idx" ON "User"\("createdAt"\) WHERE "active"/);
  assert.deepEqual(r.untranslated, []);
  const seq = portMigration(prismaFile(PRISMA_PG), { to: 'sequelize', dir: 'migrations' });
  assert.match(seq.files[0].path, /^migrations\/20240101000000-init\.js$/);
});

test('Sequelize API calls become SQL with the names the ORM would have given', () => {
  const text = `module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('Users', {
      id: { allowNull: false, autoIncrement: true, primaryKey: true, type: Sequelize.INTEGER },
      email: { type: Sequelize.STRING, allowNull: false, unique: true },
    });
    await queryInterface.addIndex('Users', ['email', 'id']);
  },
  async down(queryInterface) { await queryInterface.dropTable('Users'); },
};`;
  const file = readMigrationText('/p/migrations/20240105120000-create-user.js', text, { dialect: 'postgres' });
  const r = portMigration(file, { to: 'prisma' });
  assert.match(r.files[0].text, /"id" serial NOT NULL PRIMARY KEY/);
  assert.match(r.files[0].text, /"email" varchar\(255\) NOT NULL UNIQUE/);
  assert.match(r.files[0].text, /CREATE INDEX "users_email_id" ON "Users" \("email", "id"\)/);
  assert.match(r.files[1].text, /DROP TABLE IF EXISTS "Users"/);
  const my = portMigration(readMigrationText('/p/migrations/20240105120000-create-user.js', text, { dialect: 'mysql' }), { to: 'prisma' });
  assert.match(my.files[0].text, /`id` int NOT NULL AUTO_INCREMENT PRIMARY KEY/);
});

test('the dialect map: every type the issue names, both ways', () => {
  const cases: [string, string][] = [['serial', 'int'], ['text', 'longtext'], ['timestamptz', 'datetime(3)'], ['jsonb', 'json'], ['boolean', 'tinyint(1)'], ['uuid', 'char(36)'], ['character varying(40)', 'varchar(40)']];
  for (const [pg, my] of cases) assert.equal(mapType(pg, 'postgres', 'mysql').type, my, pg);
  assert.equal(mapType('tinyint(1)', 'mariadb', 'postgres').type, 'boolean');
  assert.equal(mapType('longtext', 'mysql', 'postgres').type, 'text');
  assert.equal(mapType('datetime(3)', 'mysql', 'postgres').type, 'timestamp(3)');
  assert.equal(mapType('json', 'mysql', 'postgres').type, 'jsonb');
  assert.equal(mapType('tsvector', 'postgres', 'mysql').untranslated, true);
  assert.equal(requote(`"a"."b" = 'say "hi"'`, 'postgres', 'mysql'), "`a`.`b` = 'say \"hi\"'");
});

test('baseline: one migration creating the final schema, schema.prisma with a model per table, and the resolve hint', () => {
  const init = prismaFile(PRISMA_PG.replace(/CREATE INDEX CONCURRENTLY[^\n]*\n/, '').replace(/CREATE EXTENSION[^\n]*\n/, ''));
  const later = prismaFile(`CREATE TABLE "Post" ("id" SERIAL NOT NULL, "authorId" INTEGER NOT NULL, CONSTRAINT "Post_pkey" PRIMARY KEY ("id"));
ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "User" RENAME COLUMN "meta" TO "data";`, '20240201000000_posts');
  const now = new Date(Date.UTC(2026, 0, 1));
  const r = portBaseline([init, later], { to: 'prisma', dir: 'prisma/migrations', now });
  const sql = r.files.find((f) => f.path.endsWith('migration.sql'))!.text;
  assert.match(sql, /"data" JSONB/);
  assert.doesNotMatch(sql, /"meta"/);
  assert.match(sql, /ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY/);
  const schema = r.files.find((f) => f.path === 'prisma/schema.prisma')!.text;
  assert.match(schema, /model User \{[\s\S]*id Int @id @default\(autoincrement\(\)\)[\s\S]*role Role @default\(USER\)/);
  assert.match(schema, /model Post \{[\s\S]*user User @relation\("Post_authorId_fkey", fields: \[authorId\], references: \[id\], onDelete: Cascade, onUpdate: Cascade/);
  assert.match(schema, /enum Role \{\n  USER\n  ADMIN\n\}/);
  assert.deepEqual(r.hints, ['On every database the old history already built, mark the baseline as applied instead of running it: npx prisma migrate resolve --applied 20260101000000_baseline']);
});

test('porting twice from the same models gives the same files (the models are not changed by the replay)', () => {
  const init = prismaFile('CREATE TYPE "S" AS ENUM (\'A\');');
  const add = prismaFile('ALTER TYPE "S" ADD VALUE \'B\';', '20240102000000_b');
  const now = new Date(Date.UTC(2026, 0, 1));
  const first = portBaseline([init, add], { to: 'prisma', now }).files.map((f) => f.text);
  assert.deepEqual(portBaseline([init, add], { to: 'prisma', now }).files.map((f) => f.text), first);
  assert.match(first[0], /CREATE TYPE "S" AS ENUM \('A', 'B'\)/);
});

test('a history that starts mid-way: a MySQL MODIFY states the whole column; an UPDATE … JOIN is left to a person', () => {
  const my = readMigrationText('/p/prisma/migrations/20240301000000_m/migration.sql',
    "ALTER TABLE `t` MODIFY `at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP();\nUPDATE `t` JOIN `u` ON `u`.`id` = `t`.`uid` SET `t`.`x` = 1;\n", { dialect: 'mysql' });
  const r = portMigration(my, { to: 'prisma', dialect: 'postgres' });
  assert.match(r.files[0].text, /ALTER TABLE "t" ALTER COLUMN "at" TYPE timestamp\(3\);/);
  assert.match(r.files[0].text, /ALTER TABLE "t" ALTER COLUMN "at" SET NOT NULL;/);
  assert.match(r.files[0].text, /ALTER TABLE "t" ALTER COLUMN "at" SET DEFAULT CURRENT_TIMESTAMP;/);
  assert.deepEqual(r.untranslated.map((u) => u.message), ['data statement uses syntax specific to mysql: port it by hand']);
});

test('a Sequelize ENUM: inline on MySQL, a type named enum_<table>_<column> on PostgreSQL', () => {
  const text = `module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('Orders', { id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true }, state: { type: Sequelize.ENUM('open', 'paid'), allowNull: false } });
  },
  async down(queryInterface) { await queryInterface.dropTable('Orders'); },
};`;
  const file = readMigrationText('/p/migrations/20240105120000-orders.js', text, { dialect: 'postgres' });
  assert.match(portMigration(file, { to: 'prisma', dialect: 'mariadb' }).files[0].text, /`state` enum\('open','paid'\) NOT NULL/);
  const pg = portMigration(file, { to: 'prisma' }).files[0].text;
  assert.match(pg, /CREATE TYPE "enum_Orders_state" AS ENUM \('open', 'paid'\);\n\nCREATE TABLE IF NOT EXISTS "Orders" \(/);
  assert.match(pg, /"state" "enum_Orders_state" NOT NULL/);
});

test('to MySQL: an inline PRIMARY KEY stays, EXCLUDE (in CREATE TABLE or ALTER), DO, gin and unknown types are listed and marked', () => {
  const f = prismaFile(`CREATE TABLE "r" ("id" serial PRIMARY KEY, "during" tsrange NOT NULL, CONSTRAINT "r_no_overlap" EXCLUDE USING gist ("during" WITH &&));
ALTER TABLE "r" ADD CONSTRAINT "no_overlap" EXCLUDE USING gist ("during" WITH &&);
DO $$ BEGIN RAISE NOTICE 'x'; END $$;
CREATE INDEX "r_during" ON "r" USING gin ("during");
`, '20240103000000_rooms');
  const r = portMigration(f, { to: 'typeorm', dialect: 'mysql' });
  assert.deepEqual(r.untranslated.map((u) => u.message.replace(/:.*/, '')), ['exclusion constraint', 'r.during', 'exclusion constraint', 'DO block', 'r_during']);
  assert.match(r.files[0].text, /\/\/ UNTRANSLATED: exclusion constraint[^\n]*\n\s*await queryRunner\.query\(`CREATE TABLE IF NOT EXISTS \\`r\\` \(\n\s+\\`id\\` int NOT NULL AUTO_INCREMENT PRIMARY KEY,/);
  assert.doesNotMatch(r.files[0].text, /\\`CONSTRAINT\\`/);
});

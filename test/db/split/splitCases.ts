// Migrations the size rule flags, written the way people write them in each ORM: an initial-ish
// migration touching several existing tables (with a new table, its index and foreign key), DDL +
// backfill + the constraint that needs it, and a CONCURRENTLY index mixed with other DDL (on MariaDB
// an online ALGORITHM=INPLACE index mixed with changes to two tables). They run on the seed tables
// of the scaffold matrix (teams, people).
import type { DbDialect } from '../scaffold/cellDatabase';

export type SplitOrm = 'typeorm' | 'sequelize' | 'prisma';

export interface SplitCase {
  title: string;
  orm: SplitOrm;
  /** Path inside the migrations folder (Prisma: `<folder>/migration.sql`, with `down.sql` beside it). */
  file: string;
  text: string;
  downText?: string;
  /** The original cannot run as the ORM runs it (Prisma sends a multi-statement file with CONCURRENTLY as one transaction): run it a statement at a time for the reference schema. */
  statementWise?: boolean;
}

const TYPEORM_STAMP = '1767225600000';
const COMPACT_STAMP = '20260101000000';

function typeorm(name: string, up: string[], down: string[], extra = ''): SplitCase['text'] {
  const lines = (calls: string[]) => calls.map((c) => `        ${c}`).join('\n');
  return `import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

export class ${name}${TYPEORM_STAMP} implements MigrationInterface {
    name = '${name}${TYPEORM_STAMP}'${extra}

    public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
    }
}
`;
}

function sequelize(up: string[], down: string[]): string {
  const lines = (calls: string[]) => calls.map((c) => `    ${c}`).join('\n');
  return `'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
${lines(up)}
  },

  async down(queryInterface, Sequelize) {
${lines(down)}
  },
};
`;
}

const q = (dialect: DbDialect) => (n: string) => (dialect === 'postgres' ? `"${n}"` : `\`${n}\``);

export function splitCases(dialect: DbDialect): SplitCase[] {
  const pg = dialect === 'postgres';
  const i = q(dialect);
  // As TypeORM's generator writes MySQL: backticks escaped inside the template literal.
  const sqlCall = (sql: string) => `await queryRunner.query(\`${sql.replace(/`/g, '\\`')}\`);`;
  const seqSql = (sql: string) => `await queryInterface.sequelize.query(\`${sql.replace(/`/g, '\\`')}\`);`;
  const cases: SplitCase[] = [];

  // TypeORM, as migration:generate writes an initial-ish change: a new table with its index and foreign key, two existing tables altered.
  cases.push({
    title: 'new table with index and FK, two existing tables altered', orm: 'typeorm', file: `${TYPEORM_STAMP}-AddInvoicing.ts`,
    text: typeorm('AddInvoicing', [
      sqlCall(pg ? `CREATE TABLE "invoices" ("id" SERIAL NOT NULL, "person_id" integer NOT NULL, "amount" numeric(10,2) NOT NULL, CONSTRAINT "PK_invoices" PRIMARY KEY ("id"))`
        : 'CREATE TABLE `invoices` (`id` int NOT NULL AUTO_INCREMENT, `person_id` int NOT NULL, `amount` decimal(10,2) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB'),
      sqlCall(`CREATE INDEX ${i('IDX_invoices_person')} ON ${i('invoices')} (${i('person_id')})`),
      sqlCall(pg ? `ALTER TABLE "teams" ADD "currency" character varying(3) NOT NULL DEFAULT 'EUR'` : "ALTER TABLE `teams` ADD `currency` varchar(3) NOT NULL DEFAULT 'EUR'"),
      sqlCall(pg ? `ALTER TABLE "people" ADD "phone" character varying` : 'ALTER TABLE `people` ADD `phone` varchar(30) NULL'),
      sqlCall(`ALTER TABLE ${i('invoices')} ADD CONSTRAINT ${i('FK_invoices_person')} FOREIGN KEY (${i('person_id')}) REFERENCES ${i('people')}(${i('id')}) ON DELETE CASCADE ON UPDATE NO ACTION`),
    ], [
      sqlCall(pg ? `ALTER TABLE "invoices" DROP CONSTRAINT "FK_invoices_person"` : 'ALTER TABLE `invoices` DROP FOREIGN KEY `FK_invoices_person`'),
      sqlCall(`ALTER TABLE ${i('people')} DROP COLUMN ${i('phone')}`),
      sqlCall(`ALTER TABLE ${i('teams')} DROP COLUMN ${i('currency')}`),
      sqlCall(pg ? `DROP INDEX "IDX_invoices_person"` : 'DROP INDEX `IDX_invoices_person` ON `invoices`'),
      sqlCall(`DROP TABLE ${i('invoices')}`),
    ]),
  });

  // TypeORM, hand-written: expand, backfill, constraint, plus an API call on a second table.
  cases.push({
    title: 'expand + backfill + NOT NULL, and a second table', orm: 'typeorm', file: `${TYPEORM_STAMP}-PeopleTier.ts`,
    text: typeorm('PeopleTier', [
      sqlCall(`ALTER TABLE ${i('people')} ADD COLUMN ${i('tier')} varchar(20)`),
      sqlCall(`UPDATE ${i('people')} SET ${i('tier')} = 'gold' WHERE ${i('amount')} IS NOT NULL`),
      sqlCall(`UPDATE ${i('people')} SET ${i('tier')} = 'basic' WHERE ${i('tier')} IS NULL`),
      sqlCall(pg ? `ALTER TABLE "people" ALTER COLUMN "tier" SET NOT NULL` : 'ALTER TABLE `people` MODIFY `tier` varchar(20) NOT NULL'),
      `await queryRunner.addColumn("teams", new TableColumn({ name: "tier", type: "varchar", length: "20", isNullable: true }));`,
    ], [
      `await queryRunner.dropColumn("teams", "tier");`,
      sqlCall(pg ? `ALTER TABLE "people" ALTER COLUMN "tier" DROP NOT NULL` : 'ALTER TABLE `people` MODIFY `tier` varchar(20) NULL'),
      sqlCall(`ALTER TABLE ${i('people')} DROP COLUMN ${i('tier')}`),
    ]),
  });

  // TypeORM: an online index between two column additions (transaction = false for the whole file, as it must be).
  cases.push({
    title: pg ? 'CREATE INDEX CONCURRENTLY mixed with other DDL' : 'online index mixed with changes to two tables', orm: 'typeorm', file: `${TYPEORM_STAMP}-PeopleAmountIndex.ts`,
    text: typeorm('PeopleAmountIndex', [
      sqlCall(`ALTER TABLE ${i('people')} ADD ${i('nickname')} varchar(40)`),
      sqlCall(pg ? `CREATE INDEX CONCURRENTLY "people_amount_idx" ON "people" ("amount")` : 'CREATE INDEX `people_amount_idx` ON `people` (`amount`) ALGORITHM=INPLACE LOCK=NONE'),
      sqlCall(`ALTER TABLE ${i('teams')} ADD ${i('slug')} varchar(40)`),
    ], [
      sqlCall(`ALTER TABLE ${i('teams')} DROP COLUMN ${i('slug')}`),
      sqlCall(pg ? `DROP INDEX "people_amount_idx"` : 'DROP INDEX `people_amount_idx` ON `people`'),
      sqlCall(`ALTER TABLE ${i('people')} DROP COLUMN ${i('nickname')}`),
    ], pg ? '\n    transaction = false' : ''),
  });

  // Sequelize, as sequelize-cli users write them.
  cases.push({
    title: 'new table with index and FK, two existing tables altered', orm: 'sequelize', file: `${COMPACT_STAMP}-add-invoicing.js`,
    text: sequelize([
      `await queryInterface.createTable('invoices', {
      id: { type: Sequelize.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
      person_id: { type: Sequelize.INTEGER, allowNull: false, references: { model: 'people', key: 'id' }, onDelete: 'CASCADE' },
      amount: { type: Sequelize.DECIMAL(10, 2), allowNull: false },
    });`,
      `await queryInterface.addIndex('invoices', ['person_id'], { name: 'invoices_person_id' });`,
      `await queryInterface.addColumn('people', 'phone', { type: Sequelize.STRING(30), allowNull: true });`,
      `await queryInterface.addColumn('teams', 'budget', { type: Sequelize.INTEGER, allowNull: false, defaultValue: 0 });`,
    ], [
      `await queryInterface.removeColumn('teams', 'budget');`,
      `await queryInterface.removeColumn('people', 'phone');`,
      `await queryInterface.dropTable('invoices');`,
    ]),
  });
  cases.push({
    title: 'expand + backfill + NOT NULL, and a second table', orm: 'sequelize', file: `${COMPACT_STAMP}-people-tier.js`,
    text: sequelize([
      `await queryInterface.addColumn('people', 'tier', { type: Sequelize.STRING(20), allowNull: true });`,
      seqSql(`UPDATE people SET tier = 'gold' WHERE amount IS NOT NULL`),
      seqSql(`UPDATE people SET tier = 'basic' WHERE tier IS NULL`),
      `await queryInterface.changeColumn('people', 'tier', { type: Sequelize.STRING(20), allowNull: false });`,
      `await queryInterface.addColumn('teams', 'archived', { type: Sequelize.BOOLEAN, allowNull: false, defaultValue: false });`,
    ], [
      `await queryInterface.removeColumn('teams', 'archived');`,
      `await queryInterface.changeColumn('people', 'tier', { type: Sequelize.STRING(20), allowNull: true });`,
      `await queryInterface.removeColumn('people', 'tier');`,
    ]),
  });
  cases.push({
    title: pg ? 'CREATE INDEX CONCURRENTLY mixed with other DDL' : 'index mixed with changes to two tables', orm: 'sequelize', file: `${COMPACT_STAMP}-people-amount-index.js`,
    text: sequelize([
      `await queryInterface.addColumn('people', 'nickname', { type: Sequelize.STRING(40) });`,
      `await queryInterface.addIndex('people', ['amount'], { name: 'people_amount_idx'${pg ? ', concurrently: true' : ''} });`,
      `await queryInterface.addColumn('teams', 'slug', { type: Sequelize.STRING(40) });`,
    ], [
      `await queryInterface.removeColumn('teams', 'slug');`,
      `await queryInterface.removeIndex('people', 'people_amount_idx');`,
      `await queryInterface.removeColumn('people', 'nickname');`,
    ]),
  });

  // Sequelize, everything inside one transaction callback (each piece keeps the wrapper).
  cases.push({
    title: 'expand + backfill in a transaction callback, and a second table', orm: 'sequelize', file: `${COMPACT_STAMP}-people-rank.js`,
    text: sequelize([
      `await queryInterface.sequelize.transaction(async (transaction) => {
      await queryInterface.addColumn('people', 'rank', { type: Sequelize.INTEGER, allowNull: true }, { transaction });
      await queryInterface.sequelize.query('UPDATE people SET rank = id * 10', { transaction });
      await queryInterface.addColumn('teams', 'rank', { type: Sequelize.INTEGER, allowNull: true }, { transaction });
    });`,
    ], [
      `await queryInterface.sequelize.transaction(async (transaction) => {
      await queryInterface.removeColumn('teams', 'rank', { transaction });
      await queryInterface.removeColumn('people', 'rank', { transaction });
    });`,
    ]),
  });

  // Prisma, as `migrate dev` writes migration.sql, with a hand-written down.sql.
  cases.push({
    title: 'new table with index and FK, two existing tables altered', orm: 'prisma', file: `${COMPACT_STAMP}_add_invoicing/migration.sql`,
    text: pg ? `-- AlterTable
ALTER TABLE "people" ADD COLUMN     "phone" TEXT;

-- AlterTable
ALTER TABLE "teams" ADD COLUMN     "budget" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "invoices" (
    "id" SERIAL NOT NULL,
    "person_id" INTEGER NOT NULL,
    "amount" DECIMAL(10,2) NOT NULL,

    CONSTRAINT "invoices_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "invoices_person_id_idx" ON "invoices"("person_id");

-- AddForeignKey
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;
` : `-- AlterTable
ALTER TABLE \`people\` ADD COLUMN \`phone\` VARCHAR(191) NULL;

-- AlterTable
ALTER TABLE \`teams\` ADD COLUMN \`budget\` INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE \`invoices\` (
    \`id\` INTEGER NOT NULL AUTO_INCREMENT,
    \`person_id\` INTEGER NOT NULL,
    \`amount\` DECIMAL(10, 2) NOT NULL,

    INDEX \`invoices_person_id_idx\`(\`person_id\`),
    PRIMARY KEY (\`id\`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE \`invoices\` ADD CONSTRAINT \`invoices_person_id_fkey\` FOREIGN KEY (\`person_id\`) REFERENCES \`people\`(\`id\`) ON DELETE CASCADE ON UPDATE CASCADE;
`,
    downText: pg ? `-- DropForeignKey
ALTER TABLE "invoices" DROP CONSTRAINT "invoices_person_id_fkey";

-- DropTable
DROP TABLE "invoices";

-- AlterTable
ALTER TABLE "teams" DROP COLUMN "budget";

-- AlterTable
ALTER TABLE "people" DROP COLUMN "phone";
` : `-- DropForeignKey
ALTER TABLE \`invoices\` DROP FOREIGN KEY \`invoices_person_id_fkey\`;

-- DropTable
DROP TABLE \`invoices\`;

-- AlterTable
ALTER TABLE \`teams\` DROP COLUMN \`budget\`;

-- AlterTable
ALTER TABLE \`people\` DROP COLUMN \`phone\`;
`,
  });
  cases.push({
    title: 'expand + backfill + NOT NULL, and a second table', orm: 'prisma', file: `${COMPACT_STAMP}_people_tier/migration.sql`,
    text: `-- AlterTable
ALTER TABLE ${i('people')} ADD COLUMN ${i('tier')} VARCHAR(20);

-- Backfill
UPDATE ${i('people')} SET ${i('tier')} = 'gold' WHERE ${i('amount')} IS NOT NULL;
UPDATE ${i('people')} SET ${i('tier')} = 'basic' WHERE ${i('tier')} IS NULL;

-- AlterTable
${pg ? 'ALTER TABLE "people" ALTER COLUMN "tier" SET NOT NULL;' : 'ALTER TABLE `people` MODIFY `tier` VARCHAR(20) NOT NULL;'}

-- AlterTable
ALTER TABLE ${i('teams')} ADD COLUMN ${i('tier')} VARCHAR(20);
`,
    downText: `ALTER TABLE ${i('teams')} DROP COLUMN ${i('tier')};
${pg ? 'ALTER TABLE "people" ALTER COLUMN "tier" DROP NOT NULL;' : 'ALTER TABLE `people` MODIFY `tier` VARCHAR(20) NULL;'}
ALTER TABLE ${i('people')} DROP COLUMN ${i('tier')};
`,
  });
  cases.push({
    title: pg ? 'CREATE INDEX CONCURRENTLY mixed with other DDL' : 'online index mixed with changes to two tables', orm: 'prisma', file: `${COMPACT_STAMP}_people_amount_index/migration.sql`,
    statementWise: pg,
    text: `ALTER TABLE ${i('people')} ADD COLUMN ${i('nickname')} VARCHAR(40);

-- CreateIndex
${pg ? 'CREATE INDEX CONCURRENTLY "people_amount_idx" ON "people"("amount");' : 'CREATE INDEX `people_amount_idx` ON `people`(`amount`) ALGORITHM=INPLACE LOCK=NONE;'}

ALTER TABLE ${i('teams')} ADD COLUMN ${i('slug')} VARCHAR(40);
`,
    downText: `ALTER TABLE ${i('teams')} DROP COLUMN ${i('slug')};
${pg ? 'DROP INDEX "people_amount_idx";' : 'DROP INDEX `people_amount_idx` ON `people`;'}
ALTER TABLE ${i('people')} DROP COLUMN ${i('nickname')};
`,
  });
  return cases;
}

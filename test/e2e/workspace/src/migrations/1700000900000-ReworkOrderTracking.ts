import { MigrationInterface, QueryRunner } from "typeorm";

export class ReworkOrderTracking1700000900000 implements MigrationInterface {
    name = 'ReworkOrderTracking1700000900000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "orders" ADD "priority" integer`);
        await queryRunner.query(`UPDATE "orders" SET "priority" = 0`);
        await queryRunner.query(`ALTER TABLE "products" ADD "sku" character varying(40)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "products" DROP COLUMN "sku"`);
        await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "priority"`);
    }
}

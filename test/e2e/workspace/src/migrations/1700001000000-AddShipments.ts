import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

export class AddShipments1700001000000 implements MigrationInterface {
    name = 'AddShipments1700001000000'
    transaction = false

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "shipments" ("id" SERIAL NOT NULL, "order_id" integer NOT NULL, CONSTRAINT "PK_shipments" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_shipments_order_id" ON "shipments" ("order_id")`);
        await queryRunner.query(`ALTER TABLE "orders" ADD "tracking_code" character varying(64)`);
        await queryRunner.addColumn("orders", new TableColumn({ name: "shipped_at", type: "timestamptz", isNullable: true }));
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.dropColumn("orders", "shipped_at");
        await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "tracking_code"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_shipments_order_id"`);
        await queryRunner.query(`DROP TABLE "shipments"`);
    }
}

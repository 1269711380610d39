import { MigrationInterface, QueryRunner } from "typeorm";
import { buildBackfillSql } from "../sqlBuilders";

export class DynamicQuery1700000600000 implements MigrationInterface {
    name = 'DynamicQuery1700000600000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        const someVar = buildBackfillSql("users");
        await queryRunner.query(someVar);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
    }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** A migration without a down: its finding belongs on the class name, not on every line. */
export class AddNoteWithoutDown1700000700000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "products" ADD COLUMN "note" text`);
  }
}

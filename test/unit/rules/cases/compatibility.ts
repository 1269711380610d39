import { ALL, SEQUELIZE_PATH, TYPEORM_PATH, each, type RuleCase } from '../harness';

const sequelizeChange = (column: string) => `'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.changeColumn('orders', 'account_id', ${column});
  },
  async down(queryInterface, Sequelize) {
    await queryInterface.changeColumn('orders', 'account_id', { type: Sequelize.BIGINT, allowNull: false });
  },
};
`;

export const compatibilityCases: RuleCase[] = [
  ...each('drop-column', ALL, true, 'ALTER TABLE orders DROP COLUMN note;'),
  ...each('drop-column', ALL, false, 'CREATE TABLE items (id bigint PRIMARY KEY, sku text);\nALTER TABLE items DROP COLUMN sku;'),
  { rule: 'drop-column', dialect: 'postgres', expect: true, name: 'TypeORM advice', path: TYPEORM_PATH, text: "import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';\n\nexport class Change1700000000001 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.dropColumn('orders', 'note');\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('orders', new TableColumn({ name: 'note', type: 'varchar', length: '20', isNullable: true }));\n  }\n}\n", message: /select: false/ },

  ...each('drop-table', ALL, true, 'DROP TABLE orders;'),
  ...each('drop-table', ALL, false, 'ALTER TABLE orders RENAME TO orders_archived;'),

  { rule: 'drop-schema-database', dialect: 'postgres', expect: true, text: 'DROP SCHEMA reporting CASCADE;' },
  { rule: 'drop-schema-database', dialect: 'postgres', expect: false, text: 'CREATE SCHEMA reporting;' },
  ...each('drop-schema-database', ['mysql', 'mariadb'], true, 'DROP DATABASE reporting;'),
  ...each('drop-schema-database', ['mysql', 'mariadb'], false, 'CREATE DATABASE reporting;'),

  { rule: 'rename-column', dialect: 'postgres', expect: true, text: 'ALTER TABLE orders RENAME COLUMN note TO remark;' },
  ...each('rename-column', ['mysql', 'mariadb'], true, 'ALTER TABLE orders CHANGE note remark varchar(20);'),
  ...each('rename-column', ALL, false, 'ALTER TABLE orders ADD COLUMN remark varchar(20);'),

  ...each('rename-table', ALL, true, 'ALTER TABLE orders RENAME TO purchases;'),
  ...each('rename-table', ALL, false, 'ALTER TABLE orders RENAME TO orders_archived;'),

  ...each('add-required-column', ALL, true, 'ALTER TABLE orders ADD COLUMN currency char(3) NOT NULL;'),
  ...each('add-required-column', ALL, false, "ALTER TABLE orders ADD COLUMN currency char(3) NOT NULL DEFAULT 'EUR';"),

  ...each('add-unique-on-existing-data', ALL, true, 'CREATE UNIQUE INDEX accounts_email_key ON accounts (email);'),
  ...each('add-unique-on-existing-data', ALL, false, 'CREATE INDEX accounts_email_idx ON accounts (email);'),
  ...each('add-unique-on-existing-data', ALL, false, 'ALTER TABLE accounts ADD COLUMN handle varchar(40);\nCREATE UNIQUE INDEX accounts_handle_key ON accounts (handle);', { name: 'a column just added holds only NULLs' }),
  ...each('add-unique-on-existing-data', ALL, true, "ALTER TABLE accounts ADD COLUMN handle varchar(40);\nUPDATE accounts SET handle = lower(email);\nCREATE UNIQUE INDEX accounts_handle_key ON accounts (handle);", { name: 'a column just added and backfilled' }),

  { rule: 'drop-not-null', dialect: 'postgres', expect: true, text: 'ALTER TABLE orders ALTER COLUMN account_id DROP NOT NULL;' },
  { rule: 'drop-not-null', dialect: 'postgres', expect: false, text: 'ALTER TABLE orders ALTER COLUMN total SET DEFAULT 0;' },
  ...each('drop-not-null', ['mysql', 'mariadb'], true, 'ALTER TABLE orders MODIFY account_id bigint NULL;'),
  // Leaving NOT NULL out by accident is modify-drops-not-null (recommended); drop-not-null judges the deliberate forms.
  ...each('drop-not-null', ['mysql', 'mariadb'], false, 'ALTER TABLE orders MODIFY account_id bigint;', { name: 'MODIFY without NOT NULL' }),
  ...each('modify-drops-not-null', ['mysql', 'mariadb'], true, 'ALTER TABLE orders MODIFY account_id bigint;', { message: /silently becomes nullable/ }),
  ...each('modify-drops-not-null', ['mysql', 'mariadb'], false, 'ALTER TABLE orders MODIFY account_id bigint NOT NULL;'),
  ...each('modify-drops-not-null', ['mysql', 'mariadb'], false, 'ALTER TABLE orders MODIFY account_id bigint NULL;', { name: 'an explicit NULL is deliberate' }),
  ...each('modify-drops-not-null', ['mysql', 'mariadb'], false, 'ALTER TABLE orders MODIFY n bigint;', { name: 'a nullable column' }),
  // Sequelize's changeColumn restates the column on every dialect: on PostgreSQL it emits DROP NOT NULL for a missing allowNull: false.
  ...each('modify-drops-not-null', ['postgres', 'mysql', 'mariadb'], true, sequelizeChange("{ type: Sequelize.BIGINT }"), { name: 'Sequelize changeColumn without allowNull', path: SEQUELIZE_PATH, message: /allowNull: false/ }),
  ...each('modify-drops-not-null', ['postgres', 'mysql', 'mariadb'], false, sequelizeChange("{ type: Sequelize.BIGINT, allowNull: false }"), { name: 'Sequelize changeColumn with allowNull: false', path: SEQUELIZE_PATH }),
  // Checked with the real Sequelize on both servers (test/db/rules/sequelizeChangeColumnOnServer.test.ts).
  { rule: 'sequelize-changecolumn-primary-key', dialect: 'postgres', expect: true, path: SEQUELIZE_PATH, text: sequelizeChange("{ type: Sequelize.BIGINT, primaryKey: true, allowNull: false }"), message: /ignores primaryKey/ },
  { rule: 'sequelize-changecolumn-primary-key', dialect: 'postgres', expect: false, path: SEQUELIZE_PATH, text: sequelizeChange("{ type: Sequelize.BIGINT, allowNull: false }") },
  ...each('drop-not-null', ['mysql', 'mariadb'], false, 'ALTER TABLE orders MODIFY n int NULL;'),

  { rule: 'drop-foreign-key', dialect: 'postgres', expect: true, name: 'constraint known as a foreign key', text: 'ALTER TABLE orders DROP CONSTRAINT orders_account_ref;', earlier: [{ path: 'db/migrations/20240101500000_fk.sql', text: 'ALTER TABLE orders ADD CONSTRAINT orders_account_ref FOREIGN KEY (account_id) REFERENCES accounts (id);' }] },
  { rule: 'drop-foreign-key', dialect: 'postgres', expect: true, name: 'named like a foreign key', text: 'ALTER TABLE orders DROP CONSTRAINT orders_account_id_fkey;' },
  ...each('drop-foreign-key', ['mysql', 'mariadb'], true, 'ALTER TABLE orders DROP FOREIGN KEY orders_account_fk;'),
  { rule: 'drop-foreign-key', dialect: 'postgres', expect: false, text: 'ALTER TABLE orders DROP CONSTRAINT orders_total_check;' },
  ...each('drop-foreign-key', ['mysql', 'mariadb'], false, 'ALTER TABLE orders DROP INDEX orders_account_idx;'),

  ...each('truncate', ALL, true, 'TRUNCATE TABLE orders;'),
  ...each('truncate', ALL, false, 'DELETE FROM orders WHERE id = 1;'),
  { rule: 'truncate-cascade', dialect: 'postgres', expect: true, text: 'TRUNCATE orders CASCADE;' },
  { rule: 'truncate-cascade', dialect: 'postgres', expect: false, text: 'TRUNCATE orders, order_lines;' },

  ...each('dml-without-where', ALL, true, "UPDATE orders SET status = 'new';"),
  ...each('dml-without-where', ALL, true, 'DELETE FROM orders;', { name: 'DELETE' }),
  ...each('dml-without-where', ALL, false, "UPDATE orders SET status = 'new' WHERE status IS NULL;"),

  { rule: 'backfill-in-ddl-transaction', dialect: 'postgres', expect: true, text: "BEGIN;\nALTER TABLE orders ADD COLUMN flag boolean;\nUPDATE orders SET flag = false WHERE flag IS NULL;\nCOMMIT;" },
  { rule: 'backfill-in-ddl-transaction', dialect: 'postgres', expect: false, text: "ALTER TABLE orders ADD COLUMN flag boolean;\nUPDATE orders SET flag = false WHERE flag IS NULL;" },
  // MySQL/MariaDB DDL commits on its own: no DDL lock is held through the backfill (mysql-ddl-in-transaction covers the BEGIN).
  ...each('backfill-in-ddl-transaction', ['mysql', 'mariadb'], false, "BEGIN;\nALTER TABLE orders ADD COLUMN flag tinyint;\nUPDATE orders SET flag = 0 WHERE flag IS NULL;\nCOMMIT;"),
  ...each('backfill-in-ddl-transaction', ['mysql', 'mariadb'], false, "ALTER TABLE orders ADD COLUMN flag tinyint;"),
  // Each "bad" MySQL statement here is rejected by the local MariaDB with error 1064 (test/db/rules/invalidSqlOnServer.test.ts).
  ...each('invalid-sql-for-dialect', ['mysql', 'mariadb'], true, 'ALTER TABLE "orders" DROP COLUMN "note";', { message: /double-quoted/ }),
  ...each('invalid-sql-for-dialect', ['mysql', 'mariadb'], true, 'ALTER TABLE orders MODIFY note VARCHAR;', { name: 'VARCHAR without a length', message: /length/ }),
  ...each('invalid-sql-for-dialect', ['mysql', 'mariadb'], true, 'DELETE * FROM orders WHERE id = 1;', { name: 'DELETE * FROM', message: /DELETE FROM/ }),
  ...each('invalid-sql-for-dialect', ['mysql', 'mariadb'], false, 'ALTER TABLE `orders` DROP COLUMN `note`;'),
  // A double-quoted string is a value, not a name, after DEFAULT or COMMENT.
  ...each('invalid-sql-for-dialect', ['mysql', 'mariadb'], false, 'ALTER TABLE orders ADD COLUMN state varchar(20) DEFAULT "new" COMMENT "state";', { name: 'double quotes around values' }),
  ...each('invalid-sql-for-dialect', ['mysql', 'mariadb'], false, "UPDATE orders SET note = 'ALTER TABLE \"orders\"' WHERE id = 1;", { name: 'inside a string' }),
  { rule: 'invalid-sql-for-dialect', dialect: 'postgres', expect: true, text: 'DELETE * FROM orders WHERE id = 1;', message: /PostgreSQL rejects/ },
  { rule: 'invalid-sql-for-dialect', dialect: 'postgres', expect: false, text: 'ALTER TABLE "orders" DROP COLUMN "note";' },
  // The table swap: the rows are copied into the new table before the old one is dropped.
  ...each('drop-table', ALL, false, 'ALTER TABLE orders RENAME TO orders_old;\nCREATE TABLE orders (id bigint PRIMARY KEY, note varchar(20));\nINSERT INTO orders (id, note) SELECT id, note FROM orders_old;\nDROP TABLE orders_old;', { name: 'a table swap copies the rows first' }),
  // A dedupe just before the key, a key widened from one the migration dropped, a key that includes id: no duplicates possible.
  { rule: 'add-unique-on-existing-data', dialect: 'postgres', expect: false, name: 'after a dedupe', text: 'DELETE FROM orders a USING orders b WHERE a.id > b.id AND a.note = b.note;\nALTER TABLE orders ADD CONSTRAINT orders_note_key UNIQUE (note);' },
  { rule: 'add-unique-on-existing-data', dialect: 'postgres', expect: false, name: 'widened from a dropped key (its down restores it)', text: '-- migrate:up\nALTER TABLE orders DROP CONSTRAINT orders_note_key;\nALTER TABLE orders ADD CONSTRAINT orders_note_total_key UNIQUE (note, total);\n\n-- migrate:down\nALTER TABLE orders DROP CONSTRAINT orders_note_total_key;\nALTER TABLE orders ADD CONSTRAINT orders_note_key UNIQUE (note);\n' },
  { rule: 'add-unique-on-existing-data', dialect: 'postgres', expect: false, name: 'a key that includes id', text: 'CREATE UNIQUE INDEX orders_id_note_key ON orders (id, note);' },
  // A dedupe before the constraint holds no DDL lock and must stay in its transaction.
  { rule: 'backfill-in-ddl-transaction', dialect: 'postgres', expect: false, name: 'DML before the DDL', text: 'BEGIN;\nDELETE FROM orders a USING orders b WHERE a.id > b.id AND a.note = b.note;\nALTER TABLE orders ADD CONSTRAINT orders_note_key UNIQUE (note);\nCOMMIT;' },
  // A column added by this migration is used by nothing yet.
  ...each('rename-column', ['postgres'], false, 'ALTER TABLE orders ADD COLUMN json_note jsonb;\nALTER TABLE orders RENAME COLUMN json_note TO note_json;', { name: 'a column this migration added' }),
  ...each('invalid-sql-for-dialect', ['mysql', 'mariadb'], true, "import { MigrationInterface, QueryRunner } from 'typeorm';\nexport class Fk1700000000001 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    const c = await queryRunner.query(`SELECT * FROM pg_catalog.pg_constraint WHERE conname = 'fk'`);\n    if (c.length === 0) await queryRunner.query('ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (account_id) REFERENCES accounts (id)');\n  }\n  public async down(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query('ALTER TABLE orders DROP FOREIGN KEY fk');\n  }\n}\n", { name: 'a pg_catalog probe', path: TYPEORM_PATH, message: /pg_catalog/ }),
];

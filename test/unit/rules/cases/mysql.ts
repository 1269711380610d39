import { MY, TYPEORM_PATH, SEQUELIZE_PATH, each, type RuleCase } from '../harness';

export const mysqlCases: RuleCase[] = [
  ...each('mysql-copy-algorithm-or-lock', MY, true, 'ALTER TABLE orders ADD INDEX orders_account_idx (account_id), ALGORITHM=COPY;'),
  ...each('mysql-copy-algorithm-or-lock', MY, true, 'ALTER TABLE orders ADD INDEX orders_account_idx (account_id), LOCK=EXCLUSIVE;', { name: 'LOCK=EXCLUSIVE' }),
  ...each('mysql-copy-algorithm-or-lock', MY, false, 'ALTER TABLE orders ADD INDEX orders_account_idx (account_id), ALGORITHM=INPLACE, LOCK=NONE;'),

  ...each('mysql-blocking-alter', MY, true, 'ALTER TABLE orders ADD FULLTEXT INDEX orders_note_ft (note);', { message: /writes wait/ }),
  ...each('mysql-blocking-alter', MY, true, 'ALTER TABLE orders DROP PRIMARY KEY;', { name: 'drop primary key' }),
  ...each('mysql-blocking-alter', MY, false, 'ALTER TABLE orders ADD INDEX orders_note_idx (note);'),

  { rule: 'mysql-instant-forfeited', dialect: 'mysql', expect: true, text: 'ALTER TABLE orders ADD COLUMN flag tinyint AFTER id;', config: { mysqlVersion: '8.0.20' } },
  { rule: 'mysql-instant-forfeited', dialect: 'mysql', expect: false, text: 'ALTER TABLE orders ADD COLUMN flag tinyint AFTER id;', config: { mysqlVersion: '8.0.35' } },
  { rule: 'mysql-instant-forfeited', dialect: 'mariadb', expect: true, text: 'ALTER TABLE orders ADD COLUMN flag tinyint FIRST;', config: { mariadbVersion: '10.3.30' } },
  { rule: 'mysql-instant-forfeited', dialect: 'mariadb', expect: false, text: 'ALTER TABLE orders ADD COLUMN flag tinyint;', config: { mariadbVersion: '10.3.30' } },

  { rule: 'mysql-inline-references-ignored', dialect: 'mysql', expect: true, text: 'CREATE TABLE posts (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id));' },
  { rule: 'mysql-inline-references-ignored', dialect: 'mysql', expect: false, text: 'CREATE TABLE posts (id bigint PRIMARY KEY, account_id bigint, FOREIGN KEY (account_id) REFERENCES accounts (id));' },
  { rule: 'mysql-inline-references-ignored', dialect: 'mariadb', expect: true, text: 'CREATE TABLE posts (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id));', config: { mariadbVersion: '10.4.30' } },
  { rule: 'mysql-inline-references-ignored', dialect: 'mariadb', expect: false, name: 'MariaDB 10.5+ creates it', text: 'CREATE TABLE posts (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id));', config: { mariadbVersion: '10.11' } },

  { rule: 'mysql-rename-column-unsupported', dialect: 'mysql', expect: true, text: 'ALTER TABLE orders RENAME COLUMN note TO remark;', config: { mysqlVersion: '5.7.40' } },
  { rule: 'mysql-rename-column-unsupported', dialect: 'mysql', expect: false, text: 'ALTER TABLE orders RENAME COLUMN note TO remark;', config: { mysqlVersion: '8.0.3' } },
  { rule: 'mysql-rename-column-unsupported', dialect: 'mariadb', expect: true, text: 'ALTER TABLE orders RENAME COLUMN note TO remark;', config: { mariadbVersion: '10.4.30' } },
  { rule: 'mysql-rename-column-unsupported', dialect: 'mariadb', expect: false, text: 'ALTER TABLE orders CHANGE note remark varchar(20);', config: { mariadbVersion: '10.4.30' } },

  { rule: 'mysql-if-exists-unsupported', dialect: 'mysql', expect: true, text: 'ALTER TABLE orders ADD COLUMN IF NOT EXISTS flag tinyint;', message: /information_schema/ },
  { rule: 'mysql-if-exists-unsupported', dialect: 'mysql', expect: false, text: 'CREATE TABLE IF NOT EXISTS items (id bigint PRIMARY KEY);' },

  { rule: 'mysql-ddl-in-transaction', dialect: 'mysql', expect: true, name: 'BEGIN … COMMIT', text: 'BEGIN;\nALTER TABLE orders ADD COLUMN flag tinyint;\nALTER TABLE orders ADD INDEX orders_flag_idx (flag);\nCOMMIT;' },
  { rule: 'mysql-ddl-in-transaction', dialect: 'mariadb', expect: true, name: 'TypeORM mode all', path: TYPEORM_PATH, text: "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class Change1700000000001 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query('ALTER TABLE orders ADD COLUMN flag tinyint');\n    await queryRunner.query('ALTER TABLE orders ADD INDEX orders_flag_idx (flag)');\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query('ALTER TABLE orders DROP INDEX orders_flag_idx');\n    await queryRunner.query('ALTER TABLE orders DROP COLUMN flag');\n  }\n}\n", message: /commits each DDL statement implicitly/ },
  { rule: 'mysql-ddl-in-transaction', dialect: 'mysql', expect: true, name: 'Sequelize transaction', path: SEQUELIZE_PATH, text: "module.exports = {\n  async up(queryInterface, Sequelize) {\n    await queryInterface.sequelize.transaction(async (transaction) => {\n      await queryInterface.addColumn('orders', 'flag', Sequelize.BOOLEAN, { transaction });\n      await queryInterface.addIndex('orders', ['flag'], { transaction });\n    });\n  },\n  async down(queryInterface) {\n    await queryInterface.removeIndex('orders', ['flag']);\n    await queryInterface.removeColumn('orders', 'flag');\n  },\n};\n" },
  ...each('mysql-ddl-in-transaction', MY, false, 'ALTER TABLE orders ADD COLUMN flag tinyint;'),
  { rule: 'mysql-ddl-in-transaction', dialect: 'mariadb', expect: false, name: 'one ALTER TABLE with two actions under TypeORM mode all', path: TYPEORM_PATH, text: "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class Change1700000000001 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query('ALTER TABLE orders ADD COLUMN flag tinyint, ADD INDEX orders_flag_idx (flag)');\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query('ALTER TABLE orders DROP INDEX orders_flag_idx, DROP COLUMN flag');\n  }\n}\n" },

  ...each('mysql-varchar-length-boundary', MY, true, 'ALTER TABLE orders MODIFY nick varchar(100);', { message: /255-byte/ }),
  ...each('mysql-varchar-length-boundary', MY, false, 'ALTER TABLE orders MODIFY nick varchar(60);'),

  ...each('mysql-add-foreign-key', MY, true, 'ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);'),
  ...each('mysql-add-foreign-key', MY, false, 'SET foreign_key_checks = 0;\nALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id), ALGORITHM=INPLACE, LOCK=NONE;\nSET foreign_key_checks = 1;'),

  ...each('mysql-not-null-without-strict-mode', MY, true, 'ALTER TABLE orders MODIFY n int NOT NULL;', { message: /strict SQL mode/ }),
  ...each('mysql-not-null-without-strict-mode', MY, false, 'ALTER TABLE orders MODIFY n int NULL;'),
];

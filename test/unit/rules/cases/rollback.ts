import { ALL, SEQUELIZE_PATH, TYPEORM_PATH, each, type RuleCase } from '../harness';

const dropIndex = (d: string) => (d === 'postgres' ? 'DROP INDEX orders_flag_idx' : 'DROP INDEX orders_flag_idx ON orders');

const dbmate = (up: string, down?: string) => `-- migrate:up\n${up}\n${down === undefined ? '' : `\n-- migrate:down\n${down}\n`}`;

const typeorm = (up: string, down: string) => `import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

export class Change1700000000001 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
${up}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${down}
  }
}
`;

const sequelize = (up: string, down: string | undefined) => `'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
${up}
  },${down === undefined ? '' : `

  async down(queryInterface, Sequelize) {
${down}
  },`}
};
`;

const sequelizeMigration = (up: string, down: string, downParams = 'queryInterface') => `'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
${up}
  },
  down: async (${downParams}) => {
${down}
  },
};
`;

export const rollbackCases: RuleCase[] = [
  ...each('missing-down', ALL, true, sequelize("    await queryInterface.addColumn('orders', 'flag', { type: Sequelize.BOOLEAN, allowNull: true });", undefined), { path: SEQUELIZE_PATH }),
  ...each('missing-down', ALL, false, sequelize("    await queryInterface.addColumn('orders', 'flag', { type: Sequelize.BOOLEAN, allowNull: true });", "    await queryInterface.removeColumn('orders', 'flag');"), { path: SEQUELIZE_PATH }),
  { rule: 'missing-down', dialect: 'postgres', expect: true, name: 'dbmate file with only an up section', text: dbmate('ALTER TABLE orders ADD COLUMN flag boolean;') },

  ...each('empty-down', ALL, true, typeorm("    await queryRunner.query('ALTER TABLE orders ADD COLUMN flag boolean');", ''), { path: TYPEORM_PATH }),
  ...each('empty-down', ALL, false, typeorm("    await queryRunner.query('ALTER TABLE orders ADD COLUMN flag boolean');", "    await queryRunner.query('ALTER TABLE orders DROP COLUMN flag');"), { path: TYPEORM_PATH }),

  ...each('down-throws', ALL, true, typeorm("    await queryRunner.query('ALTER TABLE orders DROP COLUMN note');", "    throw new Error('irreversible');"), { path: TYPEORM_PATH }),
  ...each('down-throws', ALL, false, typeorm("    await queryRunner.query('ALTER TABLE orders ADD COLUMN flag boolean');", "    await queryRunner.query('ALTER TABLE orders DROP COLUMN flag');"), { path: TYPEORM_PATH }),

  ...each('asymmetric-down', ALL, true, dbmate('ALTER TABLE orders RENAME COLUMN note TO remark;', 'ALTER TABLE orders RENAME COLUMN remark TO notes;'), { name: 'rename back to another name', message: /remark → note/ }),
  ...each('asymmetric-down', ALL, true, dbmate('CREATE INDEX orders_note_idx ON orders (note);\nALTER TABLE orders ADD COLUMN flag boolean;', 'ALTER TABLE orders DROP COLUMN flag;'), { name: 'index on an existing column not dropped', message: /does not undo createIndex/ }),
  // Dropping a column drops the indexes and foreign keys on it; dropping a table (or materialized view) drops its indexes.
  ...each('asymmetric-down', ALL, false, dbmate('ALTER TABLE orders ADD COLUMN flag boolean;\nCREATE INDEX orders_flag_idx ON orders (flag);', 'ALTER TABLE orders DROP COLUMN flag;'), { name: 'index goes with its column' }),
  ...each('asymmetric-down', ALL, false, dbmate('ALTER TABLE orders ADD COLUMN tag_id bigint;\nALTER TABLE orders ADD CONSTRAINT orders_tag_fk FOREIGN KEY (tag_id) REFERENCES accounts (id);', 'ALTER TABLE orders DROP COLUMN tag_id;'), { name: 'foreign key goes with its column' }),
  { rule: 'asymmetric-down', dialect: 'postgres', expect: false, name: 'indexes go with their materialized view', text: dbmate('CREATE MATERIALIZED VIEW order_totals AS SELECT account_id, sum(total) AS total FROM orders GROUP BY account_id;\nCREATE UNIQUE INDEX order_totals_account_idx ON order_totals (account_id);', 'DROP MATERIALIZED VIEW order_totals;') },
  // Independent steps (different columns) may be undone in any order; dependent ones may not.
  ...each('asymmetric-down', ALL, false, dbmate('ALTER TABLE orders ADD COLUMN a int;\nALTER TABLE orders ADD COLUMN b int;', 'ALTER TABLE orders DROP COLUMN a;\nALTER TABLE orders DROP COLUMN b;'), { name: 'independent columns, any order' }),
  ...each('asymmetric-down', ALL, true, dbmate('ALTER TABLE orders RENAME COLUMN note TO remark;\nALTER TABLE orders ADD COLUMN note text;', 'ALTER TABLE orders RENAME COLUMN remark TO note;\nALTER TABLE orders DROP COLUMN note;'), { name: 'dependent steps undone out of order', message: /reverse order/ }),
  ...ALL.map((dialect): RuleCase => ({ rule: 'asymmetric-down', dialect, expect: false, name: 'exact inverse', text: dbmate('ALTER TABLE orders ADD COLUMN flag boolean;\nCREATE INDEX orders_flag_idx ON orders (flag);', `${dropIndex(dialect)};\nALTER TABLE orders DROP COLUMN flag;`) })),
  { rule: 'asymmetric-down', dialect: 'postgres', expect: true, name: 'type not restored', text: dbmate('ALTER TABLE orders ALTER COLUMN note TYPE text;', 'ALTER TABLE orders ALTER COLUMN note TYPE varchar(200);'), message: /was varchar\(20\)/ },
  { rule: 'asymmetric-down', dialect: 'postgres', expect: false, name: 'type restored (TypeORM)', path: TYPEORM_PATH, text: typeorm("    await queryRunner.query('ALTER TABLE orders ALTER COLUMN note TYPE text');", "    await queryRunner.query('ALTER TABLE orders ALTER COLUMN note TYPE varchar(20)');") },

  ...each('lossy-rollback', ALL, true, dbmate("ALTER TABLE orders ADD COLUMN first_note varchar(20);\nUPDATE orders SET first_note = note WHERE first_note IS NULL;\nALTER TABLE orders DROP COLUMN note;", 'ALTER TABLE orders ADD COLUMN note varchar(20);\nALTER TABLE orders DROP COLUMN first_note;'), { message: /lost on rollback/ }),
  ...each('lossy-rollback', ALL, false, dbmate("ALTER TABLE orders ADD COLUMN first_note varchar(20);\nUPDATE orders SET first_note = note WHERE first_note IS NULL;\nALTER TABLE orders DROP COLUMN note;", "ALTER TABLE orders ADD COLUMN note varchar(20);\nUPDATE orders SET note = first_note WHERE note IS NULL;\nALTER TABLE orders DROP COLUMN first_note;")),
  // A derived copy (its source stays) is dropped and re-derived: nothing is lost that the up did not copy.
  ...each('lossy-rollback', ALL, false, dbmate("ALTER TABLE orders ADD COLUMN first_note varchar(20);\nUPDATE orders SET first_note = note WHERE first_note IS NULL;", 'ALTER TABLE orders DROP COLUMN first_note;'), { name: 'a derived copy' }),

  ...each('irreversible-without-checkpoint', ALL, true, 'ALTER TABLE orders DROP COLUMN note;'),
  ...each('irreversible-without-checkpoint', ALL, false, 'CREATE TABLE orders_note_backup AS SELECT id, note FROM orders;\nALTER TABLE orders DROP COLUMN note;'),
  { rule: 'irreversible-without-checkpoint', dialect: 'postgres', expect: true, name: 'type narrowing', text: 'ALTER TABLE orders ALTER COLUMN note TYPE varchar(5);', message: /narrowing/ },

  ...ALL.map((dialect): RuleCase => ({ rule: 'down-order-fails', dialect, expect: true, text: dbmate('ALTER TABLE orders ADD COLUMN flag boolean;\nCREATE INDEX orders_flag_idx ON orders (flag);', `ALTER TABLE orders DROP COLUMN flag;\n${dropIndex(dialect)};`) })),
  ...ALL.map((dialect): RuleCase => ({ rule: 'down-order-fails', dialect, expect: false, text: dbmate('ALTER TABLE orders ADD COLUMN flag boolean;\nCREATE INDEX orders_flag_idx ON orders (flag);', `${dropIndex(dialect)};\nALTER TABLE orders DROP COLUMN flag;`) })),
  { rule: 'down-order-fails', dialect: 'postgres', expect: true, name: 'table dropped before the foreign key that references it', text: dbmate('CREATE TABLE tags (id bigint PRIMARY KEY);\nALTER TABLE orders ADD COLUMN tag_id bigint;\nALTER TABLE orders ADD CONSTRAINT orders_tag_fk FOREIGN KEY (tag_id) REFERENCES tags (id);', 'DROP TABLE tags;\nALTER TABLE orders DROP CONSTRAINT orders_tag_fk;\nALTER TABLE orders DROP COLUMN tag_id;'), message: /references/ },
  ...each('undefined-variable', ALL, true, sequelizeMigration("    await queryInterface.addColumn('orders', 'note2', { type: DataTypes.TEXT });", "    await queryInterface.removeColumn('orders', 'note2');"), { path: SEQUELIZE_PATH, name: 'DataTypes never imported', message: /`DataTypes` is not declared in up\(\)/ }),
  ...each('undefined-variable', ALL, false, sequelizeMigration("    await queryInterface.addColumn('orders', 'note2', { type: Sequelize.TEXT });", "    await queryInterface.removeColumn('orders', 'note2');"), { path: SEQUELIZE_PATH }),
  { rule: 'undefined-variable', dialect: 'postgres', expect: true, name: 'a down without the parameter', path: SEQUELIZE_PATH, text: sequelizeMigration("    await queryInterface.addColumn('orders', 'note2', { type: Sequelize.TEXT });", "    await queryInterface.removeColumn('orders', 'note2');", ''), message: /`queryInterface` is not declared in down\(\)/ },
  { rule: 'undefined-variable', dialect: 'postgres', expect: false, name: 'imported at the top', path: SEQUELIZE_PATH, text: "const { DataTypes } = require('sequelize');\n" + sequelizeMigration("    await queryInterface.addColumn('orders', 'note2', { type: DataTypes.TEXT });", "    await queryInterface.removeColumn('orders', 'note2');") },
  { rule: 'undefined-variable', dialect: 'postgres', expect: false, name: 'probed with typeof', path: SEQUELIZE_PATH, text: sequelizeMigration("    const T = typeof DataTypes !== 'undefined' ? DataTypes.TEXT : Sequelize.TEXT;\n    await queryInterface.addColumn('orders', 'note2', { type: T });", "    await queryInterface.removeColumn('orders', 'note2');").replace("typeof DataTypes !== 'undefined' ? DataTypes.TEXT", "typeof DataTypes !== 'undefined' ? Sequelize.TEXT") },
  // n8n's convention: `implements IrreversibleMigration` says there is no down on purpose.
  { rule: 'missing-down', dialect: 'postgres', expect: false, name: 'a class declared irreversible', path: TYPEORM_PATH, text: "import type { IrreversibleMigration, MigrationContext } from '../migration-types';\n\nexport class DropNote1700000000001 implements IrreversibleMigration {\n  async up({ queryRunner }: MigrationContext) {\n    await queryRunner.query('ALTER TABLE orders DROP COLUMN note');\n  }\n}\n" },
  // Free text back to a structured type: every value written since must parse, or the rollback fails.
  { rule: 'lossy-rollback', dialect: 'postgres', expect: true, name: 'varchar back to uuid', text: dbmate('ALTER TABLE orders ALTER COLUMN note TYPE varchar USING note::varchar;', 'ALTER TABLE orders ALTER COLUMN note TYPE uuid USING note::uuid;'), message: /narrows/ },
  { rule: 'lossy-rollback', dialect: 'postgres', expect: false, name: 'uuid back to text', text: dbmate('ALTER TABLE orders ALTER COLUMN note TYPE uuid USING note::uuid;', 'ALTER TABLE orders ALTER COLUMN note TYPE text;') },
];

// modify-drops-not-null's Sequelize claim, checked with the real Sequelize on both servers: changeColumn without
// allowNull: false makes a NOT NULL column nullable (PostgreSQL: DROP NOT NULL; MariaDB, through the mysql dialect: the restated column has
// no NOT NULL); with allowNull: false it stays NOT NULL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataTypes, Sequelize } from 'sequelize';

const targets = [
  { dialect: 'postgres' as const, url: 'postgres://postgres@127.0.0.1:5432/test', nullable: "SELECT is_nullable AS n FROM information_schema.columns WHERE table_name = 'sm_rules_changecol' AND column_name = 'a'",
    primaryKeys: "SELECT conname FROM pg_constraint WHERE conrelid = 'sm_rules_changecol'::regclass AND contype = 'p'" },
  { dialect: 'mysql' as const, url: 'mysql://root@127.0.0.1:3306/test', nullable: "SELECT IS_NULLABLE AS n FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'test' AND TABLE_NAME = 'sm_rules_changecol' AND COLUMN_NAME = 'a'",
    primaryKeys: "SELECT CONSTRAINT_NAME FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = 'test' AND TABLE_NAME = 'sm_rules_changecol' AND CONSTRAINT_TYPE = 'PRIMARY KEY'" },
];

for (const t of targets) {
  test(`Sequelize changeColumn on ${t.dialect}: without allowNull: false the NOT NULL is gone`, async () => {
    const sequelize = new Sequelize(t.url, { dialect: t.dialect, logging: false });
    const qi = sequelize.getQueryInterface();
    const isNullable = async () => ((await sequelize.query(t.nullable, { plain: true })) as { n: string }).n;
    try {
      await qi.dropTable('sm_rules_changecol');
      await qi.createTable('sm_rules_changecol', { a: { type: DataTypes.INTEGER, allowNull: false }, b: { type: DataTypes.INTEGER, allowNull: false } });
      assert.equal(await isNullable(), 'NO');
      await qi.changeColumn('sm_rules_changecol', 'a', { type: DataTypes.BIGINT, allowNull: false });
      assert.equal(await isNullable(), 'NO', 'allowNull: false keeps NOT NULL');
      await qi.changeColumn('sm_rules_changecol', 'a', { type: DataTypes.BIGINT });
      assert.equal(await isNullable(), 'YES', 'without allowNull the column became nullable');
      // sequelize-changecolumn-primary-key: primaryKey in changeColumn makes a key on MySQL/MariaDB, none on PostgreSQL.
      await qi.changeColumn('sm_rules_changecol', 'b', { type: DataTypes.INTEGER, primaryKey: true, allowNull: false });
      const keys = await sequelize.query(t.primaryKeys, { plain: false });
      assert.equal((keys[0] as unknown[]).length, t.dialect === 'postgres' ? 0 : 1, `primary keys after changeColumn(primaryKey: true): ${JSON.stringify(keys[0])}`);
    } finally {
      await qi.dropTable('sm_rules_changecol').catch(() => undefined);
      await sequelize.close();
    }
  });
}

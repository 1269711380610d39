import { ALL, MY, SEQUELIZE_PATH, TYPEORM_PATH, each, type RuleCase } from '../harness';

const sequelize = (up: string, down = "    await queryInterface.removeColumn('orders', 'note2');\n    await queryInterface.removeColumn('orders', 'flag');") => `'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
${up}
  },

  async down(queryInterface) {
${down}
  },
};
`;

const typeormUp = (up: string) => `import { MigrationInterface, QueryRunner } from 'typeorm';

export class Change1700000000001 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
${up}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE orders DROP COLUMN flag');
  }
}
`;
const sequelizeReturning = (up: string) => `'use strict';
module.exports = {
  up: (queryInterface, Sequelize) => {
${up}
  },
  down: (queryInterface) => queryInterface.removeColumn('orders', 'flag'),
};
`;

export const transactionCases: RuleCase[] = [
  { rule: 'missing-idempotency-guard', dialect: 'postgres', expect: true, text: 'ALTER TABLE orders ADD COLUMN flag boolean;\nCREATE INDEX orders_flag_idx ON orders (flag);', message: /IF NOT EXISTS/ },
  // The last statement is safe: if it fails, nothing after it was applied, so a re-run starts there cleanly.
  { rule: 'missing-idempotency-guard', dialect: 'postgres', expect: false, name: 'the last statement', text: "SET lock_timeout = '2s';\nALTER TABLE orders ADD COLUMN flag boolean;" },
  ...each('missing-idempotency-guard', MY, false, 'ALTER TABLE orders ADD COLUMN IF NOT EXISTS flag tinyint;\nCREATE INDEX orders_flag_idx ON orders (flag);', { name: 'only the last statement unguarded' }),
  // Down steps are not judged: a rollback runs once, by hand, after a failure.
  { rule: 'missing-idempotency-guard', dialect: 'mariadb', expect: false, name: 'down steps', text: '-- migrate:up\nALTER TABLE orders ADD COLUMN IF NOT EXISTS flag tinyint;\n\n-- migrate:down\nALTER TABLE orders DROP COLUMN flag;\nDROP INDEX orders_x ON orders;\n' },
  { rule: 'missing-idempotency-guard', dialect: 'postgres', expect: false, text: 'ALTER TABLE orders ADD COLUMN IF NOT EXISTS flag boolean;' },
  { rule: 'missing-idempotency-guard', dialect: 'postgres', expect: true, name: 'ALTER TABLE IF EXISTS guards the table only', text: 'ALTER TABLE IF EXISTS orders DROP COLUMN note;\nALTER TABLE orders ADD COLUMN IF NOT EXISTS flag boolean;' },
  { rule: 'missing-idempotency-guard', dialect: 'postgres', expect: false, name: 'inside a transaction', text: 'BEGIN;\nALTER TABLE orders ADD COLUMN flag boolean;\nCOMMIT;' },
  { rule: 'missing-idempotency-guard', dialect: 'postgres', expect: false, name: 'one statement in an ORM migration is atomic', path: SEQUELIZE_PATH, text: sequelize("    await queryInterface.addColumn('orders', 'flag', Sequelize.BOOLEAN);", "    await queryInterface.removeColumn('orders', 'flag');") },
  { rule: 'missing-idempotency-guard', dialect: 'mariadb', expect: true, text: 'ALTER TABLE orders ADD COLUMN flag tinyint;\nCREATE INDEX orders_flag_idx ON orders (flag);', message: /IF NOT EXISTS/ },
  { rule: 'missing-idempotency-guard', dialect: 'mariadb', expect: false, text: 'ALTER TABLE orders ADD COLUMN IF NOT EXISTS flag tinyint;\nCREATE INDEX IF NOT EXISTS orders_flag_idx ON orders (flag);' },
  { rule: 'missing-idempotency-guard', dialect: 'mysql', expect: true, path: SEQUELIZE_PATH, text: sequelize("    await queryInterface.addColumn('orders', 'flag', Sequelize.BOOLEAN);\n    await queryInterface.addColumn('orders', 'note2', Sequelize.STRING);"), message: /describeTable/ },
  { rule: 'missing-idempotency-guard', dialect: 'mysql', expect: false, name: 'guarded with describeTable', path: SEQUELIZE_PATH, text: sequelize("    const cols = await queryInterface.describeTable('orders');\n    if (!cols.flag) await queryInterface.addColumn('orders', 'flag', Sequelize.BOOLEAN);\n    if (!cols.note2) await queryInterface.addColumn('orders', 'note2', Sequelize.STRING);", "    const cols = await queryInterface.describeTable('orders');\n    if (cols.note2) await queryInterface.removeColumn('orders', 'note2');\n    if (cols.flag) await queryInterface.removeColumn('orders', 'flag');") },

  { rule: 'mixed-transaction-modes', dialect: 'postgres', expect: true, text: 'ALTER TABLE orders ADD COLUMN flag boolean;\nCREATE INDEX CONCURRENTLY orders_flag_idx ON orders (flag);' },
  { rule: 'mixed-transaction-modes', dialect: 'postgres', expect: false, text: 'CREATE INDEX CONCURRENTLY orders_flag_idx ON orders (flag);' },
  // Sequelize has no runner transaction: each call commits on its own, so a CONCURRENTLY call beside other DDL is fine.
  { rule: 'mixed-transaction-modes', dialect: 'postgres', expect: false, name: 'Sequelize runs each call on its own', path: SEQUELIZE_PATH, text: sequelize("    await queryInterface.addColumn('orders', 'flag', Sequelize.BOOLEAN);\n    await queryInterface.addIndex('orders', ['flag'], { concurrently: true });") },

  { rule: 'sequelize-postgres-without-transaction', dialect: 'postgres', expect: true, path: SEQUELIZE_PATH, text: sequelize("    await queryInterface.addColumn('orders', 'flag', Sequelize.BOOLEAN);\n    await queryInterface.addColumn('orders', 'note2', Sequelize.STRING);") },
  // One query() call with several statements is one implicit transaction on PostgreSQL.
  { rule: 'sequelize-postgres-without-transaction', dialect: 'postgres', expect: false, name: 'several statements in one query() call', path: SEQUELIZE_PATH, text: sequelize("    await queryInterface.sequelize.query(`\n      ALTER TABLE orders ADD COLUMN flag boolean;\n      ALTER TABLE orders ADD COLUMN note2 text;\n    `);", "    await queryInterface.sequelize.query('ALTER TABLE orders DROP COLUMN note2; ALTER TABLE orders DROP COLUMN flag;');") },
  { rule: 'sequelize-postgres-without-transaction', dialect: 'postgres', expect: false, path: SEQUELIZE_PATH, text: sequelize("    await queryInterface.sequelize.transaction(async (transaction) => {\n      await queryInterface.addColumn('orders', 'flag', Sequelize.BOOLEAN, { transaction });\n      await queryInterface.addColumn('orders', 'note2', Sequelize.STRING, { transaction });\n    });") },
  { rule: 'sequelize-transaction-option-missing', dialect: 'postgres', expect: true, path: SEQUELIZE_PATH, text: sequelize("    await queryInterface.sequelize.transaction(async (t) => {\n      await queryInterface.addColumn('orders', 'flag', Sequelize.BOOLEAN, { transaction: t });\n      await queryInterface.addColumn('orders', 'note2', Sequelize.STRING);\n    });"), message: /passes no \{ transaction \}/ },
  { rule: 'sequelize-transaction-option-missing', dialect: 'postgres', expect: false, path: SEQUELIZE_PATH, text: sequelize("    await queryInterface.sequelize.transaction(async (t) => {\n      await queryInterface.addColumn('orders', 'flag', Sequelize.BOOLEAN, { transaction: t });\n      await queryInterface.addColumn('orders', 'note2', Sequelize.STRING, { transaction: t });\n    });") },
  { rule: 'sequelize-transaction-option-missing', dialect: 'mysql', expect: true, path: SEQUELIZE_PATH, text: sequelize("    await queryInterface.sequelize.transaction(async (t) => {\n      await queryInterface.addColumn('orders', 'flag', Sequelize.BOOLEAN, { transaction: t });\n      await queryInterface.addColumn('orders', 'note2', Sequelize.STRING);\n    });"), message: /passes no \{ transaction \}/ },
  { rule: 'sequelize-transaction-option-missing', dialect: 'mysql', expect: false, path: SEQUELIZE_PATH, text: sequelize("    await queryInterface.sequelize.transaction(async (t) => {\n      await queryInterface.addColumn('orders', 'flag', Sequelize.BOOLEAN, { transaction: t });\n      await queryInterface.addColumn('orders', 'note2', Sequelize.STRING, { transaction: t });\n    });") },
  { rule: 'sequelize-transaction-option-missing', dialect: 'mariadb', expect: true, path: SEQUELIZE_PATH, text: sequelize("    await queryInterface.sequelize.transaction(async (t) => {\n      await queryInterface.addColumn('orders', 'flag', Sequelize.BOOLEAN, { transaction: t });\n      await queryInterface.addColumn('orders', 'note2', Sequelize.STRING);\n    });"), message: /passes no \{ transaction \}/ },
  { rule: 'sequelize-transaction-option-missing', dialect: 'mariadb', expect: false, path: SEQUELIZE_PATH, text: sequelize("    await queryInterface.sequelize.transaction(async (t) => {\n      await queryInterface.addColumn('orders', 'flag', Sequelize.BOOLEAN, { transaction: t });\n      await queryInterface.addColumn('orders', 'note2', Sequelize.STRING, { transaction: t });\n    });") },

  { rule: 'transaction-nesting', dialect: 'postgres', expect: true, name: 'BEGIN inside TypeORM\'s transaction', path: TYPEORM_PATH, text: "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class Change1700000000001 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query('BEGIN');\n    await queryRunner.query('ALTER TABLE orders ADD COLUMN flag boolean');\n    await queryRunner.query('COMMIT');\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query('ALTER TABLE orders DROP COLUMN flag');\n  }\n}\n" },
  ...each('transaction-nesting', ALL, true, 'BEGIN;\nALTER TABLE orders ADD COLUMN flag int;', { name: 'BEGIN without COMMIT' }),
  ...each('transaction-nesting', ALL, false, 'BEGIN;\nALTER TABLE orders ADD COLUMN flag int;\nCOMMIT;'),
  ...each('transaction-nesting', MY, true, 'ALTER TABLE orders ADD COLUMN flag int;\nCOMMIT;', { name: 'COMMIT without BEGIN', path: 'prisma/migrations/20240102000000_flag/migration.sql' }),
  ...each('unawaited-query', ALL, true, typeormUp("    queryRunner.query('ALTER TABLE orders ADD COLUMN flag int');"), { name: 'a floating queryRunner.query', path: TYPEORM_PATH, message: /not awaited/ }),
  ...each('unawaited-query', ALL, false, typeormUp("    await queryRunner.query('ALTER TABLE orders ADD COLUMN flag int');"), { path: TYPEORM_PATH }),
  { rule: 'unawaited-query', dialect: 'mariadb', expect: true, name: 'a floating call behind a guard', path: TYPEORM_PATH, text: typeormUp("    const has = await queryRunner.hasColumn('orders', 'flag');\n    if (!has) queryRunner.query('ALTER TABLE orders ADD COLUMN flag int');") },
  // Old-style Sequelize migrations return the promise instead of awaiting it: the runner waits for it.
  { rule: 'unawaited-query', dialect: 'postgres', expect: false, name: 'a returned promise', path: SEQUELIZE_PATH, text: sequelizeReturning("    return queryInterface.addColumn('orders', 'flag', Sequelize.BOOLEAN);") },
  { rule: 'unawaited-query', dialect: 'postgres', expect: false, name: 'calls gathered by Promise.all', path: SEQUELIZE_PATH, text: sequelize("    await Promise.all([\n      queryInterface.addColumn('orders', 'flag', Sequelize.BOOLEAN),\n      queryInterface.addColumn('orders', 'note2', Sequelize.STRING),\n    ]);") },
  { rule: 'unawaited-query', dialect: 'mysql', expect: true, name: 'a floating call before the returned one', path: SEQUELIZE_PATH, text: sequelizeReturning("    queryInterface.addColumn('orders', 'note2', Sequelize.STRING);\n    return queryInterface.addColumn('orders', 'flag', Sequelize.BOOLEAN);") },
  { rule: 'try-catch-in-transaction', dialect: 'postgres', expect: true, path: TYPEORM_PATH, text: typeormUp("    try {\n      await queryRunner.query('CREATE EXTENSION IF NOT EXISTS vector');\n    } catch (e) {\n      console.warn(e);\n    }"), message: /current transaction is aborted/ },
  { rule: 'try-catch-in-transaction', dialect: 'postgres', expect: false, name: 'the catch rethrows', path: TYPEORM_PATH, text: typeormUp("    try {\n      await queryRunner.query('CREATE EXTENSION IF NOT EXISTS vector');\n    } catch (e) {\n      throw new Error(`vector: ${e}`);\n    }") },
  { rule: 'try-catch-in-transaction', dialect: 'postgres', expect: false, name: 'behind a savepoint', path: TYPEORM_PATH, text: typeormUp("    await queryRunner.query('SAVEPOINT ext');\n    try {\n      await queryRunner.query('CREATE EXTENSION IF NOT EXISTS vector');\n    } catch (e) {\n      await queryRunner.query('ROLLBACK TO SAVEPOINT ext');\n    }") },
  { rule: 'try-catch-in-transaction', dialect: 'postgres', expect: false, name: 'Sequelize runs each call on its own', path: SEQUELIZE_PATH, text: sequelize("    try {\n      await queryInterface.addIndex('orders', ['note2']);\n    } catch (e) {\n      console.warn(e);\n    }") },
  // A Sequelize migration's own unmanaged transaction: no runner transaction around it, COMMIT and ROLLBACK on two paths.
  ...each('transaction-nesting', ALL, false, sequelize("    const t = await queryInterface.sequelize.transaction();\n    try {\n      await queryInterface.addColumn('orders', 'flag', Sequelize.BOOLEAN, { transaction: t });\n      await queryInterface.addColumn('orders', 'note2', Sequelize.STRING, { transaction: t });\n      await t.commit();\n    } catch (e) {\n      await t.rollback();\n      throw e;\n    }"), { name: 'a Sequelize migration\'s own transaction', path: SEQUELIZE_PATH }),
  ...each('parallel-ddl', ALL, true, sequelize("    await Promise.all([\n      queryInterface.addColumn('orders', 'flag', Sequelize.BOOLEAN),\n      queryInterface.addColumn('orders', 'note2', Sequelize.STRING),\n    ]);"), { path: SEQUELIZE_PATH, message: /Promise\.all/ }),
  ...each('parallel-ddl', ALL, false, sequelize("    await queryInterface.addColumn('orders', 'flag', Sequelize.BOOLEAN);\n    await queryInterface.addColumn('orders', 'note2', Sequelize.STRING);"), { path: SEQUELIZE_PATH }),
  { rule: 'parallel-ddl', dialect: 'postgres', expect: false, name: 'inside one transaction', path: SEQUELIZE_PATH, text: sequelize("    await queryInterface.sequelize.transaction(async (transaction) => {\n      await Promise.all([\n        queryInterface.addColumn('orders', 'flag', Sequelize.BOOLEAN, { transaction }),\n        queryInterface.addColumn('orders', 'note2', Sequelize.STRING, { transaction }),\n      ]);\n    });") },
  // TypeORM's idiom: commit the runner's transaction around a CONCURRENTLY step, then start it again.
  { rule: 'transaction-nesting', dialect: 'postgres', expect: false, name: 'commit/start around CONCURRENTLY', path: TYPEORM_PATH, text: typeormUp("    await queryRunner.commitTransaction();\n    await queryRunner.query('CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_note_idx ON orders (note)');\n    await queryRunner.startTransaction();") },
  { rule: 'transaction-nesting', dialect: 'postgres', expect: true, name: 'commit/start around ordinary DDL', path: TYPEORM_PATH, text: typeormUp("    await queryRunner.commitTransaction();\n    await queryRunner.query('ALTER TABLE orders ADD COLUMN flag int');\n    await queryRunner.startTransaction();") },
];

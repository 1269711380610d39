import { ALL, MY, TYPEORM_PATH, SEQUELIZE_PATH, each, type RuleCase } from '../harness';

const typeorm = (body: string, extra = '') => `import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

export class Change1700000000001 implements MigrationInterface {${extra}
  public async up(queryRunner: QueryRunner): Promise<void> {
${body}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('SELECT 1');
  }
}
`;

export const lockCases: RuleCase[] = [
  { rule: 'fk-missing-index', dialect: 'postgres', expect: true, text: 'ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;', message: /every DELETE on "accounts" scans orders/ },
  // Re-adding a key the migration dropped (to change ON DELETE) does not introduce a missing index.
  { rule: 'fk-missing-index', dialect: 'postgres', expect: false, name: 'a key re-added under its name', text: 'ALTER TABLE orders DROP CONSTRAINT orders_account_fk;\nALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE NOT VALID;' },
  { rule: 'fk-missing-index', dialect: 'postgres', expect: false, name: 'index from an earlier migration', text: 'ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;', earlier: [{ path: 'db/migrations/20240101500000_idx.sql', text: 'CREATE INDEX CONCURRENTLY orders_account_id_created_idx ON orders (account_id, id);' }] },

  { rule: 'multiple-alter-same-table', dialect: 'postgres', expect: true, text: 'ALTER TABLE orders ADD COLUMN flag boolean;\nALTER TABLE orders ADD COLUMN memo text;' },
  { rule: 'multiple-alter-same-table', dialect: 'postgres', expect: false, text: 'ALTER TABLE orders ADD COLUMN flag boolean, ADD COLUMN memo text;' },
  ...each('multiple-alter-same-table', MY, true, 'ALTER TABLE orders ADD COLUMN flag tinyint;\nALTER TABLE orders MODIFY account_id int NOT NULL;'),
  ...each('multiple-alter-same-table', MY, false, 'ALTER TABLE orders ADD COLUMN flag tinyint, MODIFY account_id int NOT NULL;'),

  { rule: 'index-create-not-concurrent', dialect: 'postgres', expect: true, text: 'CREATE INDEX orders_account_idx ON orders (account_id);', message: /SHARE lock: writes to orders block/ },
  { rule: 'index-create-not-concurrent', dialect: 'postgres', expect: false, text: 'CREATE INDEX CONCURRENTLY orders_account_idx ON orders (account_id);' },
  { rule: 'index-create-not-concurrent', dialect: 'postgres', expect: false, name: 'table created in the same migration', text: 'CREATE TABLE items (id bigint PRIMARY KEY, sku text);\nCREATE INDEX items_sku_idx ON items (sku);' },
  { rule: 'index-create-not-concurrent', dialect: 'postgres', expect: true, name: 'TypeORM advice', path: TYPEORM_PATH, text: typeorm("    await queryRunner.query(`CREATE INDEX orders_account_idx ON orders (account_id)`);"), message: /transaction = false/ },

  { rule: 'index-drop-not-concurrent', dialect: 'postgres', expect: true, text: 'DROP INDEX orders_account_idx;' },
  { rule: 'index-drop-not-concurrent', dialect: 'postgres', expect: false, text: 'DROP INDEX CONCURRENTLY orders_account_idx;' },
  { rule: 'index-drop-not-concurrent', dialect: 'postgres', expect: false, name: 'Sequelize down removing the index its up created', path: SEQUELIZE_PATH, text: "module.exports = {\n  up: async (queryInterface) => {\n    await queryInterface.sequelize.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS orders__account_id ON public.\"orders\" USING btree (\"account_id\")`);\n  },\n  down: async (queryInterface) => {\n    await queryInterface.removeIndex('orders', 'orders__account_id');\n  },\n};\n" },
  { rule: 'index-drop-not-concurrent', dialect: 'postgres', expect: true, name: 'Sequelize down dropping an index it did not create', path: SEQUELIZE_PATH, text: "module.exports = {\n  up: async (queryInterface) => {\n    await queryInterface.removeIndex('orders', 'orders_account_idx', { concurrently: true });\n  },\n  down: async (queryInterface) => {\n    await queryInterface.removeIndex('orders', 'orders_status_idx');\n  },\n};\n" },

  { rule: 'reindex-not-concurrent', dialect: 'postgres', expect: true, text: 'REINDEX INDEX orders_account_idx;' },
  { rule: 'reindex-not-concurrent', dialect: 'postgres', expect: false, text: 'REINDEX INDEX CONCURRENTLY orders_account_idx;' },
  { rule: 'reindex-not-concurrent', dialect: 'postgres', expect: false, name: 'PostgreSQL 11 has no REINDEX CONCURRENTLY', text: 'REINDEX INDEX orders_account_idx;', config: { postgresVersion: 11 } },

  { rule: 'concurrently-in-transaction', dialect: 'postgres', expect: true, name: 'TypeORM default mode all', path: TYPEORM_PATH, text: typeorm("    await queryRunner.query(`CREATE INDEX CONCURRENTLY orders_account_idx ON orders (account_id)`);"), message: /transaction/ },
  { rule: 'concurrently-in-transaction', dialect: 'postgres', expect: false, name: 'TypeORM transaction = false', path: TYPEORM_PATH, text: typeorm("    await queryRunner.query(`CREATE INDEX CONCURRENTLY orders_account_idx ON orders (account_id)`);", '\n  public transaction = false;\n'), config: { typeormTransactionMode: 'each' } },
  { rule: 'concurrently-in-transaction', dialect: 'postgres', expect: true, name: 'BEGIN … COMMIT', text: 'BEGIN;\nCREATE INDEX CONCURRENTLY orders_account_idx ON orders (account_id);\nCOMMIT;' },
  { rule: 'concurrently-in-transaction', dialect: 'postgres', expect: false, name: 'TypeORM: commitTransaction() first ends the runner\'s transaction', path: TYPEORM_PATH, text: typeorm('    await queryRunner.commitTransaction();\n    await queryRunner.query(`CREATE INDEX CONCURRENTLY "orders_account_idx" ON "orders" ("account_id")`);\n    await queryRunner.startTransaction();') },
  { rule: 'concurrently-in-transaction', dialect: 'postgres', expect: false, text: 'CREATE INDEX CONCURRENTLY orders_account_idx ON orders (account_id);' },
  { rule: 'concurrently-in-transaction', dialect: 'postgres', expect: true, name: 'Prisma multi-statement migration.sql', path: 'prisma/migrations/20240102000000_idx/migration.sql', text: 'ALTER TABLE "orders" ADD COLUMN "x" TEXT;\nCREATE INDEX CONCURRENTLY "orders_x_idx" ON "orders" ("x");' },
  { rule: 'concurrently-in-transaction', dialect: 'postgres', expect: true, name: 'Sequelize transaction', path: SEQUELIZE_PATH, text: "module.exports = {\n  async up(queryInterface) {\n    await queryInterface.sequelize.transaction(async (t) => {\n      await queryInterface.addIndex('orders', ['account_id'], { concurrently: true, transaction: t });\n    });\n  },\n  async down(queryInterface) {\n    await queryInterface.removeIndex('orders', ['account_id']);\n  },\n};\n" },

  { rule: 'concurrent-index-guard-hides-invalid', dialect: 'postgres', expect: true, text: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_account_idx ON orders (account_id);' },
  { rule: 'concurrent-index-guard-hides-invalid', dialect: 'postgres', expect: false, text: 'DROP INDEX CONCURRENTLY IF EXISTS orders_account_idx;\nCREATE INDEX CONCURRENTLY IF NOT EXISTS orders_account_idx ON orders (account_id);' },

  { rule: 'fk-without-not-valid', dialect: 'postgres', expect: true, text: 'ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);', message: /"orders" and "accounts"/ },
  { rule: 'fk-without-not-valid', dialect: 'postgres', expect: false, text: 'ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;' },

  { rule: 'check-without-not-valid', dialect: 'postgres', expect: true, text: 'ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);' },
  { rule: 'check-without-not-valid', dialect: 'postgres', expect: false, text: 'ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;' },
  ...each('check-without-not-valid', MY, true, 'ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);', { message: /ALGORITHM=COPY/ }),
  ...each('check-without-not-valid', MY, false, 'CREATE TABLE items (id bigint PRIMARY KEY, qty int, CONSTRAINT items_qty CHECK (qty >= 0));'),

  { rule: 'validate-in-same-transaction', dialect: 'postgres', expect: true, text: 'BEGIN;\nALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;\nCOMMIT;' },
  { rule: 'validate-in-same-transaction', dialect: 'postgres', expect: false, text: 'ALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;' },

  { rule: 'unique-constraint-without-index', dialect: 'postgres', expect: true, text: 'ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE (email);' },
  { rule: 'unique-constraint-without-index', dialect: 'postgres', expect: false, text: 'ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE USING INDEX accounts_email_key;' },
  { rule: 'unique-constraint-without-index', dialect: 'postgres', expect: true, name: 'inline UNIQUE on ADD COLUMN (TypeORM)', path: TYPEORM_PATH, text: typeorm('    await queryRunner.query(`ALTER TABLE "accounts" ADD "slug" character varying UNIQUE`);') },
  { rule: 'unique-constraint-without-index', dialect: 'postgres', expect: false, name: 'inline UNIQUE on a table created just before', text: 'CREATE TABLE tags (id bigint PRIMARY KEY);\nALTER TABLE tags ADD COLUMN slug text UNIQUE;' },

  { rule: 'primary-key-without-index', dialect: 'postgres', expect: true, text: 'ALTER TABLE accounts ADD PRIMARY KEY (id);' },
  { rule: 'primary-key-without-index', dialect: 'postgres', expect: false, text: 'ALTER TABLE accounts ADD CONSTRAINT accounts_pkey PRIMARY KEY USING INDEX accounts_pkey_idx;' },
  ...each('primary-key-without-index', MY, true, 'ALTER TABLE accounts ADD PRIMARY KEY (id);', { message: /rebuilds the whole table/ }),
  ...each('primary-key-without-index', MY, false, 'CREATE TABLE items (id bigint NOT NULL);\nALTER TABLE items ADD PRIMARY KEY (id);'),

  { rule: 'set-not-null-existing', dialect: 'postgres', expect: true, text: 'ALTER TABLE orders ALTER COLUMN total SET NOT NULL;', message: /CHECK \(total IS NOT NULL\) NOT VALID/ },
  { rule: 'fk-without-not-valid', dialect: 'postgres', expect: true, name: 'Sequelize addColumn with references: the referenced table\'s lock, no validation scan (new empty column)', path: SEQUELIZE_PATH, text: "module.exports = {\n  up: async (queryInterface, Sequelize) => {\n    await queryInterface.addColumn('orders', 'coupon_id', {\n      type: Sequelize.INTEGER,\n      references: { key: 'id', model: 'accounts' },\n      onDelete: 'SET NULL',\n      allowNull: true,\n    });\n  },\n  down: async (queryInterface) => {\n    await queryInterface.removeColumn('orders', 'coupon_id');\n  },\n};\n", message: /^(?![\s\S]*scans every row)[\s\S]*no scan/ },
  { rule: 'primary-key-without-index', dialect: 'postgres', expect: false, name: 'Prisma int → bigint key swap (the type change rewrites the table anyway)', path: 'prisma/migrations/20240102000000_big_int/migration.sql', text: 'ALTER TABLE "orders" DROP CONSTRAINT "orders_pkey",\nALTER COLUMN "id" SET DATA TYPE BIGINT,\nADD CONSTRAINT "orders_pkey" PRIMARY KEY ("id");' },
  { rule: 'set-not-null-existing', dialect: 'postgres', expect: false, name: 'recipe whose CHECK was added before the baseline', text: 'ALTER TABLE orders VALIDATE CONSTRAINT orders_total_not_null;\nALTER TABLE orders ALTER COLUMN total SET NOT NULL;\nALTER TABLE orders DROP CONSTRAINT orders_total_not_null;' },
  { rule: 'set-not-null-existing', dialect: 'postgres', expect: true, name: 'the validated constraint is another column\'s', text: 'ALTER TABLE orders VALIDATE CONSTRAINT orders_note_not_null;\nALTER TABLE orders ALTER COLUMN total SET NOT NULL;' },
  { rule: 'set-not-null-existing', dialect: 'postgres', expect: false, name: 'validated CHECK first (PG12+ recipe)', text: 'ALTER TABLE orders ALTER COLUMN total SET NOT NULL;', earlier: [{ path: 'db/migrations/20240101500000_check.sql', text: 'ALTER TABLE orders ADD CONSTRAINT orders_total_nn CHECK (total IS NOT NULL) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT orders_total_nn;' }] },

  { rule: 'add-volatile-default', dialect: 'postgres', expect: true, text: 'ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();' },
  { rule: 'add-volatile-default', dialect: 'postgres', expect: false, text: "ALTER TABLE orders ADD COLUMN created_at timestamptz DEFAULT now();\nALTER TABLE orders ADD COLUMN kind text DEFAULT 'a';" },
  { rule: 'add-volatile-default', dialect: 'postgres', expect: true, name: 'any default before PostgreSQL 11', text: "ALTER TABLE orders ADD COLUMN kind text DEFAULT 'a';", config: { postgresVersion: 10 } },
  { rule: 'add-volatile-default', dialect: 'postgres', expect: true, name: 'a user function (VOLATILE unless declared otherwise)', text: 'ALTER TABLE "orders" ADD COLUMN "public_id" text NOT NULL DEFAULT generate_public_id();', message: /not a PostgreSQL built-in/ },
  { rule: 'add-volatile-default', dialect: 'postgres', expect: false, name: 'stable built-ins only', text: "ALTER TABLE \"orders\" ADD COLUMN \"created_at\" TIMESTAMP NOT NULL DEFAULT timezone('utc'::text, now());\nALTER TABLE \"orders\" ADD COLUMN \"meta\" jsonb NOT NULL DEFAULT jsonb_build_object();" },
  { rule: 'add-volatile-default', dialect: 'mysql', expect: true, text: 'ALTER TABLE orders ADD COLUMN token varchar(36) DEFAULT (uuid());' },
  { rule: 'add-volatile-default', dialect: 'mysql', expect: false, text: "ALTER TABLE orders ADD COLUMN kind varchar(10) DEFAULT 'a';" },

  { rule: 'add-stored-generated-column', dialect: 'postgres', expect: true, text: 'ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100) STORED;' },
  { rule: 'add-stored-generated-column', dialect: 'postgres', expect: false, text: 'ALTER TABLE orders ADD COLUMN total_cents bigint;' },
  ...each('add-stored-generated-column', MY, true, 'ALTER TABLE orders ADD COLUMN total_cents bigint AS (total * 100) STORED;'),
  ...each('add-stored-generated-column', MY, false, 'ALTER TABLE orders ADD COLUMN total_cents bigint AS (total * 100) VIRTUAL;'),

  { rule: 'add-serial-column', dialect: 'postgres', expect: true, text: 'ALTER TABLE orders ADD COLUMN seq bigserial;' },
  { rule: 'add-serial-column', dialect: 'postgres', expect: false, text: 'ALTER TABLE orders ADD COLUMN seq bigint;' },
  ...each('add-serial-column', MY, true, 'ALTER TABLE accounts ADD COLUMN seq int AUTO_INCREMENT UNIQUE;'),
  ...each('add-serial-column', MY, false, 'ALTER TABLE accounts ADD COLUMN seq int NULL;'),

  { rule: 'change-column-type', dialect: 'postgres', expect: true, text: 'ALTER TABLE orders ALTER COLUMN account_id TYPE int;', message: /from bigint to int/ },
  { rule: 'change-column-type', dialect: 'postgres', expect: false, name: 'varchar widening is binary-compatible', text: 'ALTER TABLE orders ALTER COLUMN note TYPE varchar(40);' },
  { rule: 'change-column-type', dialect: 'postgres', expect: false, name: 'varchar → text', text: 'ALTER TABLE orders ALTER COLUMN note TYPE text;' },
  { rule: 'change-column-type', dialect: 'postgres', expect: false, name: 'numeric precision increase', text: 'ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);' },
  { rule: 'change-column-type', dialect: 'postgres', expect: true, name: 'varchar shrink rewrites', text: 'ALTER TABLE orders ALTER COLUMN note TYPE varchar(10);' },
  ...each('change-column-type', MY, true, 'ALTER TABLE orders MODIFY account_id int NOT NULL;'),
  ...each('change-column-type', MY, false, 'ALTER TABLE orders MODIFY note varchar(40);'),

  { rule: 'table-rewrite-maintenance', dialect: 'postgres', expect: true, text: 'VACUUM FULL orders;' },
  { rule: 'table-rewrite-maintenance', dialect: 'postgres', expect: false, text: 'VACUUM orders;' },
  ...each('table-rewrite-maintenance', MY, true, 'OPTIMIZE TABLE orders;'),
  ...each('table-rewrite-maintenance', MY, false, 'ANALYZE TABLE orders;'),

  { rule: 'statement-after-exclusive-lock', dialect: 'postgres', expect: true, text: "BEGIN;\nALTER TABLE orders ADD COLUMN flag boolean;\nUPDATE accounts SET email = lower(email) WHERE id < 100;\nCOMMIT;", message: /ACCESS EXCLUSIVE lock on "orders"/ },
  { rule: 'statement-after-exclusive-lock', dialect: 'postgres', expect: false, text: "BEGIN;\nUPDATE accounts SET email = lower(email) WHERE id < 100;\nALTER TABLE orders ADD COLUMN flag boolean;\nCOMMIT;" },
  { rule: 'statement-after-exclusive-lock', dialect: 'postgres', expect: false, name: 'actions of one ALTER TABLE share its lock', text: "BEGIN;\nALTER TABLE orders DROP COLUMN note,\nADD COLUMN flag boolean;\nCOMMIT;" },

  { rule: 'missing-lock-timeout', dialect: 'postgres', expect: true, text: 'ALTER TABLE orders ADD COLUMN flag boolean;' },
  { rule: 'missing-lock-timeout', dialect: 'postgres', expect: false, text: "SET lock_timeout = '2s';\nALTER TABLE orders ADD COLUMN flag boolean;" },
  // CONCURRENTLY and VALIDATE take SHARE UPDATE EXCLUSIVE: ordinary reads and writes never queue behind them.
  { rule: 'missing-lock-timeout', dialect: 'postgres', expect: false, text: 'CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);' },
  { rule: 'missing-lock-timeout', dialect: 'postgres', expect: false, text: 'DROP INDEX CONCURRENTLY orders_status_idx;' },
  ...each('missing-lock-timeout', MY, true, 'ALTER TABLE orders ADD COLUMN flag tinyint;'),
  ...each('missing-lock-timeout', MY, false, 'SET SESSION lock_wait_timeout = 5;\nALTER TABLE orders ADD COLUMN flag tinyint;'),

  { rule: 'missing-statement-timeout', dialect: 'postgres', expect: true, text: "UPDATE orders SET status = 'new' WHERE status IS NULL;" },
  { rule: 'missing-statement-timeout', dialect: 'postgres', expect: false, text: "SET statement_timeout = '5min';\nUPDATE orders SET status = 'new' WHERE status IS NULL;" },
  // MySQL has no statement timeout for writes or DDL (max_execution_time limits read-only SELECTs): nothing to advise.
  { rule: 'missing-statement-timeout', dialect: 'mysql', expect: false, text: "UPDATE orders SET status = 'new' WHERE status IS NULL;" },
  { rule: 'missing-statement-timeout', dialect: 'mysql', expect: false, text: "SET SESSION max_execution_time = 300000;\nUPDATE orders SET status = 'new' WHERE status IS NULL;" },
  { rule: 'missing-statement-timeout', dialect: 'mariadb', expect: true, text: "UPDATE orders SET status = 'new' WHERE status IS NULL;" },
  { rule: 'missing-statement-timeout', dialect: 'mariadb', expect: false, text: "SET SESSION max_statement_time = 300;\nUPDATE orders SET status = 'new' WHERE status IS NULL;" },

  { rule: 'detach-partition-not-concurrent', dialect: 'postgres', expect: true, text: 'ALTER TABLE events DETACH PARTITION events_2024;' },
  { rule: 'detach-partition-not-concurrent', dialect: 'postgres', expect: false, text: 'ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY;' },

  { rule: 'refresh-matview-blocking', dialect: 'postgres', expect: true, text: 'REFRESH MATERIALIZED VIEW order_totals;' },
  { rule: 'refresh-matview-blocking', dialect: 'postgres', expect: false, text: 'REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals;' },
  // A materialized view created in the same migration is new: nobody reads it yet.
  { rule: 'index-create-not-concurrent', dialect: 'postgres', expect: false, name: 'index on a materialized view created just before', text: 'CREATE MATERIALIZED VIEW order_totals AS SELECT account_id, sum(total) AS total FROM orders GROUP BY account_id;\nCREATE UNIQUE INDEX order_totals_account_idx ON order_totals (account_id);' },
  { rule: 'refresh-matview-blocking', dialect: 'postgres', expect: false, name: 'refresh of a materialized view created just before', text: 'CREATE MATERIALIZED VIEW order_totals AS SELECT account_id, sum(total) AS total FROM orders GROUP BY account_id WITH NO DATA;\nREFRESH MATERIALIZED VIEW order_totals;' },

  { rule: 'enum-change', dialect: 'postgres', expect: true, name: 'new value used in the same transaction', text: "BEGIN;\nALTER TYPE order_status ADD VALUE 'refunded';\nUPDATE orders SET status = 'refunded' WHERE id = 1;\nCOMMIT;" },
  { rule: 'enum-change', dialect: 'postgres', expect: true, name: 'rename value', text: "ALTER TYPE order_status RENAME VALUE 'paid' TO 'settled';" },
  { rule: 'enum-change', dialect: 'postgres', expect: false, text: "ALTER TYPE order_status ADD VALUE 'refunded' AFTER 'paid';" },
  { rule: 'enum-change', dialect: 'postgres', expect: true, name: 'no position stated', text: "ALTER TYPE order_status ADD VALUE 'refunded';", message: /BEFORE\/AFTER/ },
  ...each('enum-change', MY, true, "ALTER TABLE orders MODIFY status enum('refunded','new','paid');"),
  ...each('enum-change', MY, false, "ALTER TABLE orders MODIFY status enum('new','paid','refunded');"),
  // One ALTER with several SET NOT NULL clauses scans the table once: one finding.
  { rule: 'set-not-null-existing', dialect: 'postgres', expect: true, name: 'one finding per statement', text: 'ALTER TABLE orders ALTER COLUMN note SET NOT NULL, ALTER COLUMN total SET NOT NULL;' },
];
void ALL;

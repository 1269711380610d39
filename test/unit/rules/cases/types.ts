import { ALL, MY, each, type RuleCase } from '../harness';

export const typeCases: RuleCase[] = [
  { rule: 'prefer-jsonb', dialect: 'postgres', expect: true, text: 'ALTER TABLE orders ADD COLUMN payload json;' },
  { rule: 'prefer-jsonb', dialect: 'postgres', expect: false, text: 'ALTER TABLE orders ADD COLUMN payload jsonb;' },
  { rule: 'prefer-timestamptz', dialect: 'postgres', expect: true, text: 'CREATE TABLE events (id bigint PRIMARY KEY, at timestamp NOT NULL);' },
  { rule: 'prefer-timestamptz', dialect: 'postgres', expect: false, text: 'CREATE TABLE events (id bigint PRIMARY KEY, at timestamptz NOT NULL);' },
  { rule: 'prefer-bigint-ids', dialect: 'postgres', expect: true, text: 'CREATE TABLE events (id integer PRIMARY KEY, at timestamptz);' },
  { rule: 'prefer-bigint-ids', dialect: 'postgres', expect: false, text: 'CREATE TABLE events (id bigint PRIMARY KEY, qty integer);' },
  ...each('prefer-bigint-ids', MY, true, 'CREATE TABLE events (id int AUTO_INCREMENT PRIMARY KEY, account_id int);'),
  ...each('prefer-bigint-ids', MY, false, 'CREATE TABLE events (id bigint AUTO_INCREMENT PRIMARY KEY, qty int);'),
  { rule: 'prefer-identity', dialect: 'postgres', expect: true, text: 'CREATE TABLE events (id bigserial PRIMARY KEY);' },
  { rule: 'prefer-identity', dialect: 'postgres', expect: false, text: 'CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);' },
  { rule: 'prefer-text-field', dialect: 'postgres', expect: true, text: 'ALTER TABLE orders ADD COLUMN code varchar(20);' },
  { rule: 'prefer-text-field', dialect: 'postgres', expect: false, text: 'ALTER TABLE orders ADD COLUMN code text CHECK (length(code) <= 20);' },
  { rule: 'ban-char-type', dialect: 'postgres', expect: true, text: 'ALTER TABLE orders ADD COLUMN currency char(3);' },
  { rule: 'prefer-text-field', dialect: 'postgres', expect: true, text: 'ALTER TABLE orders ADD COLUMN code varchar(20);' },
  { rule: 'prefer-text-field', dialect: 'postgres', expect: false, text: 'ALTER TABLE orders ADD COLUMN code text CHECK (length(code) <= 20);' },
  { rule: 'ban-char-type', dialect: 'postgres', expect: false, text: 'ALTER TABLE orders ADD COLUMN currency text;' },
  { rule: 'ban-money-type', dialect: 'postgres', expect: true, text: 'ALTER TABLE orders ADD COLUMN price money;' },
  { rule: 'ban-money-type', dialect: 'postgres', expect: false, text: 'ALTER TABLE orders ADD COLUMN price numeric(12,2);' },
  { rule: 'identifier-too-long', dialect: 'postgres', expect: true, text: 'CREATE INDEX orders_account_id_created_at_status_shipping_country_partial_idx ON orders (account_id);' },
  { rule: 'identifier-too-long', dialect: 'postgres', expect: false, text: 'CREATE INDEX orders_account_idx ON orders (account_id);' },
  ...each('identifier-too-long', MY, true, 'CREATE TABLE a_table_name_that_goes_on_and_on_well_past_the_sixty_four_character_limit (id bigint PRIMARY KEY);'),
  ...each('identifier-too-long', MY, false, 'CREATE TABLE short_name (id bigint PRIMARY KEY);'),

  ...each('migration-does-too-much', ALL, true, "ALTER TABLE orders ADD COLUMN flag int;\nALTER TABLE accounts ADD COLUMN tier int;", { message: /Small migrations fail small/ }),
  ...each('migration-does-too-much', ALL, true, "ALTER TABLE orders ADD COLUMN flag int;\nUPDATE orders SET flag = 0 WHERE flag IS NULL;", { name: 'DDL plus backfill' }),
  ...each('migration-does-too-much', ALL, false, 'ALTER TABLE orders ADD COLUMN flag int;'),

  ...each('uninspectable-sql', ALL, true, "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class Change1700000000001 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    const table = process.env.TABLE_NAME;\n    await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN flag int`);\n    await queryRunner.query(sqlFromSomewhere());\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query('SELECT 1');\n  }\n}\n", { path: 'src/migrations/1700000000001-Change.ts', message: /TABLE_NAME|\$\{table\}/ }),
  ...each('uninspectable-sql', ALL, false, 'ALTER TABLE orders ADD COLUMN flag int;'),
];

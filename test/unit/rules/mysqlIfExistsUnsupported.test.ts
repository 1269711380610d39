// mysql-if-exists-unsupported: an error only where the user said MySQL; a warning naming both servers where only
// "MySQL family" is known; the down is checked too; the advice never suggests the clause MySQL lacks.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { initEngine, readMigrationText } from '../../../server/src/engine/engine';
import { runRules } from '../../../server/src/rules';
import { DEFAULT_CONFIG } from '../../../server/src/config/types';

before(initEngine);

const RULE = 'mysql-if-exists-unsupported';
const SQL = '-- migrate:up\nALTER TABLE orders ADD COLUMN IF NOT EXISTS flag tinyint;\nALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY IF NOT EXISTS (account_id) REFERENCES accounts (id);\n\n-- migrate:down\nALTER TABLE orders DROP FOREIGN KEY IF EXISTS orders_account_fk;\nALTER TABLE orders DROP COLUMN IF EXISTS flag;\n';

function findings(path: string, dialect?: 'mysql') {
  const file = readMigrationText(path, SQL, dialect ? { dialect } : {});
  return runRules([{ ...file, text: SQL }], DEFAULT_CONFIG).filter((f) => f.rule === RULE);
}

test('a folder named mysql (no project, no setting): warnings that say MySQL fails and MariaDB works, up and down', () => {
  const found = findings('scaffolds/mysql/20240102000000_flag.sql');
  assert.deepEqual(found.map((f) => [f.phase, f.severity]), [['up', 'warning'], ['up', 'warning'], ['down', 'warning'], ['down', 'warning']]);
  for (const f of found) assert.match(f.message, /fails on MySQL .* works on MariaDB 10\.2 and later/);
});

test('the user said MySQL: errors', () => {
  assert.deepEqual(findings('db/migrations/20240102000000_flag.sql', 'mysql').map((f) => f.severity), ['error', 'error', 'error', 'error']);
});

test('a foreign key is told to check information_schema, never to add IF NOT EXISTS', () => {
  const fk = findings('db/migrations/20240102000000_flag.sql', 'mysql').find((f) => /orders_account_fk/.test(f.message) && f.phase === 'up')!;
  assert.match(fk.message, /information_schema\.TABLE_CONSTRAINTS/);
  assert.doesNotMatch(fk.message, /add IF NOT EXISTS/i);
});

test('CREATE TABLE IF NOT EXISTS with an inline foreign key is valid MySQL', () => {
  const text = 'CREATE TABLE IF NOT EXISTS posts (id bigint PRIMARY KEY, account_id bigint, FOREIGN KEY (account_id) REFERENCES accounts (id));\n';
  const file = readMigrationText('db/migrations/20240102000000_posts.sql', text, { dialect: 'mysql' });
  assert.deepEqual(runRules([{ ...file, text }], DEFAULT_CONFIG).filter((f) => f.rule === RULE), []);
});

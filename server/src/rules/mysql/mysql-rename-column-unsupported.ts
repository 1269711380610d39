import { defineRule, eq } from '../rule';
import { colName, findOn } from '../helpers';
import { q } from '../ormAdvice';

export default defineRule({
  id: 'mysql-rename-column-unsupported',
  category: 'mysql', severity: 'error', dialects: ['mysql', 'mariadb'], versions: { mysql: { below: '8.0.3' }, mariadb: { below: '10.5.2' } },
  summary: 'ALTER TABLE … RENAME COLUMN is a syntax error on MySQL before 8.0.3 and MariaDB before 10.5.2.',
  why: 'Older servers only rename through CHANGE old new <full column definition>; RENAME COLUMN fails and, on MySQL/MariaDB, earlier DDL in the migration is already committed.',
  safeAlternative: { text: 'Use CHANGE with the full column definition (or upgrade the configured server version if production is newer).', snippets: { sql: 'ALTER TABLE users CHANGE name full_name varchar(255) NOT NULL;' } },
  equivalents: eq({}),
  examples: { mariadb: { bad: 'ALTER TABLE users RENAME COLUMN name TO full_name;', good: 'ALTER TABLE users CHANGE name full_name varchar(255) NOT NULL;', config: { mariadbVersion: '10.4.30' } } },
  check(ctx) {
    return ctx.ops.filter((op) => op.kind === 'renameColumn' && op.via === 'sql' && /\bRENAME\s+COLUMN\b/i.test(op.text)).map((op) =>
      findOn(op, `RENAME COLUMN ${q(colName(op))} does not exist on ${ctx.dialect === 'mariadb' ? `MariaDB ${ctx.config.mariadbVersion} (needs 10.5.2)` : `MySQL ${ctx.config.mysqlVersion} (needs 8.0.3)`}: use CHANGE ${colName(op)} ${op.newName ?? 'new_name'} <full definition>.`));
  },
});

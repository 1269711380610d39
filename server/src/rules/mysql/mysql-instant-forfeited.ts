import { defineRule, eq } from '../rule';
import { colName, findOn, onExistingTable } from '../helpers';
import { q } from '../ormAdvice';
import { mysqlDdlKey, onlineDdlVerdict } from '../../knowledge/mysqlOnlineDdl';
import { serverVersion } from '../../knowledge/versions';

export default defineRule({
  id: 'mysql-instant-forfeited',
  category: 'mysql', severity: 'info', dialects: ['mysql', 'mariadb'], lockRule: true,
  summary: 'ADD COLUMN with FIRST/AFTER rebuilds the table on servers where only a last-position column is instant.',
  why: 'MySQL before 8.0.29 and MariaDB before 10.4 add a column instantly only at the end of the table; FIRST/AFTER forces an in-place rebuild of the whole table.',
  safeAlternative: { text: 'Add the column at the end (column order does not matter to the application).', snippets: { sql: 'ALTER TABLE orders ADD COLUMN status varchar(20), ALGORITHM=INSTANT;' } },
  equivalents: eq({ atlas: ['MY142'] }),
  examples: { mysql: { bad: 'ALTER TABLE orders ADD COLUMN status varchar(20) AFTER id;', good: 'ALTER TABLE orders ADD COLUMN status varchar(20);', config: { mysqlVersion: '8.0.20' } } },
  check(ctx) {
    const version = serverVersion(ctx.dialect === 'unknown' ? 'mysql' : ctx.dialect, ctx.config) ?? '8.4';
    return ctx.ops.filter((op) => op.kind === 'addColumn' && onExistingTable(ctx, op) && mysqlDdlKey(op) === 'addColumnNotLast'
      && onlineDdlVerdict('addColumnNotLast', ctx.dialect === 'mariadb' ? 'mariadb' : 'mysql', version)?.algorithm !== 'INSTANT').map((op) =>
      findOn(op, `ADD COLUMN ${q(colName(op))} with FIRST/AFTER rebuilds ${q(op.table)} on ${ctx.dialect === 'mariadb' ? 'MariaDB' : 'MySQL'} ${version}; at the end of the table it would be instant.`));
  },
});

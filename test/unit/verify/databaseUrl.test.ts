// Where a verification runs (PGlite or a server URL), and that a URL's password never reaches a message.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DatabaseUrlError, describeTarget, parseDatabaseTarget, redactUrl } from '../../../server/src/verify/databaseUrl';

test('schemes: postgres and postgresql, mysql, mariadb; pglite by name', () => {
  assert.deepEqual(parseDatabaseTarget('pglite'), { kind: 'pglite', dialect: 'postgres' });
  const dialect = (url: string) => { const t = parseDatabaseTarget(url); return t.kind === 'server' ? t.dialect : t.kind; };
  assert.equal(dialect('postgres://u@db/app'), 'postgres');
  assert.equal(dialect('postgresql://u@db/app'), 'postgres');
  assert.equal(dialect('mysql://u@db/app'), 'mysql');
  assert.equal(dialect('mariadb://u@db/app'), 'mariadb');
});

test('defaults: port and user per dialect, no database when the path is empty; percent-encoding decoded', () => {
  const pg = parseDatabaseTarget('postgres://db.internal');
  assert.ok(pg.kind === 'server');
  assert.deepEqual([pg.host, pg.port, pg.user, pg.password, pg.database], ['db.internal', 5432, 'postgres', '', undefined]);
  const my = parseDatabaseTarget('mysql://app%40corp:p%2Fss@127.0.0.1:3307/my%20db?ssl=true');
  assert.ok(my.kind === 'server');
  assert.deepEqual([my.host, my.port, my.user, my.password, my.database, my.params.get('ssl')], ['127.0.0.1', 3307, 'app@corp', 'p/ss', 'my db', 'true']);
  const maria = parseDatabaseTarget('mariadb://localhost');
  assert.ok(maria.kind === 'server');
  assert.deepEqual([maria.port, maria.user], [3306, 'root']);
});

test('other schemes and non-URLs are refused without echoing a password', () => {
  assert.throws(() => parseDatabaseTarget('sqlite://file.db'), (e: Error) => e instanceof DatabaseUrlError && /got a sqlite:\/\/ URL/.test(e.message));
  assert.throws(() => parseDatabaseTarget('mongodb://admin:hunter2@h/db'), (e: Error) => e instanceof DatabaseUrlError && !e.message.includes('hunter2'));
  assert.throws(() => parseDatabaseTarget('not a url'), DatabaseUrlError);
});

test('describeTarget shows where, never the password', () => {
  assert.equal(describeTarget(parseDatabaseTarget('postgres://app:hunter2@db:6543/app')), 'postgres://app:***@db:6543/app');
  assert.equal(describeTarget(parseDatabaseTarget('mysql://root@127.0.0.1')), 'mysql://root@127.0.0.1:3306');
  assert.equal(describeTarget(parseDatabaseTarget('pglite')), 'PGlite (in process)');
});

test('redactUrl hides every password in a message, wherever the URL stands; URLs without one are left alone', () => {
  assert.equal(redactUrl('postgres://app:hunter2@db:5432/app'), 'postgres://app:***@db:5432/app');
  assert.equal(redactUrl('connect to mysql://root:s3cr%40t@h/db failed; retry mariadb://u:pw@h2'), 'connect to mysql://root:***@h/db failed; retry mariadb://u:***@h2');
  assert.equal(redactUrl('postgres://app@db/app and https://example.com/a:b'), 'postgres://app@db/app and https://example.com/a:b');
});

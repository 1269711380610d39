import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseColumnDefinition } from '../../../server/src/actions/down/sqlText';

test('an inline PRIMARY KEY / UNIQUE KEY stays one clause (the generated down rebuilds the key from it)', () => {
  assert.deepEqual(parseColumnDefinition('"id" bigint PRIMARY KEY').extra, ['PRIMARY KEY']);
  assert.deepEqual(parseColumnDefinition('`id` int NOT NULL AUTO_INCREMENT PRIMARY KEY'), { name: 'id', type: 'int', notNull: true, extra: ['AUTO_INCREMENT', 'PRIMARY KEY'] });
  assert.deepEqual(parseColumnDefinition('`code` varchar(20) UNIQUE KEY COMMENT \'x\'').extra, ['UNIQUE KEY', "COMMENT 'x'"]);
});

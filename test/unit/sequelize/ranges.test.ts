import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/model/text';
import { readMigration } from './readMigration';

const text = `'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addColumn('users', 'age', {
      type: Sequelize.INTEGER,
    });
    return queryInterface.addIndex('users', ['age']).then(() => queryInterface.removeColumn('users', 'old'));
  },
  down: async (queryInterface) => {
    await (queryInterface.removeColumn('users', 'age'));
  },
};
`;

test('an awaited call covers `await` through the closing parenthesis, in offsets and line/character', () => {
  const m = readMigration(text);
  const lines = new LineIndex(text);
  const start = text.indexOf("await queryInterface.addColumn");
  const end = text.indexOf('});', start) + 2;
  assert.deepEqual(m.up[0].offset, { start, end });
  assert.deepEqual(m.up[0].range, { start: { line: 3, character: 4 }, end: { line: 5, character: 6 } });
  assert.deepEqual(m.up[0].range, lines.range(start, end));
});

test('calls in a promise chain cover just the call', () => {
  const m = readMigration(text);
  const addIndex = "queryInterface.addIndex('users', ['age'])";
  const remove = "queryInterface.removeColumn('users', 'old')";
  assert.deepEqual(m.up[1].offset, { start: text.indexOf(addIndex), end: text.indexOf(addIndex) + addIndex.length });
  assert.deepEqual(m.up[2].offset, { start: text.indexOf(remove), end: text.indexOf(remove) + remove.length });
  assert.equal(m.up[1].text, addIndex);
});

test('parenthesised await still widens to the await; migration, up and down ranges', () => {
  const m = readMigration(text);
  const awaited = "await (queryInterface.removeColumn('users', 'age'))";
  assert.deepEqual(m.down[0].offset, { start: text.indexOf(awaited), end: text.indexOf(awaited) + awaited.length });
  assert.deepEqual(m.range, { start: { line: 1, character: 17 }, end: { line: 11, character: 1 } });
  assert.deepEqual(m.upRange, { start: { line: 2, character: 2 }, end: { line: 7, character: 3 } });
  assert.deepEqual(m.downRange, { start: { line: 8, character: 2 }, end: { line: 10, character: 3 } });
});

test('ranges count UTF-16 code units after non-ASCII text', () => {
  const src = `module.exports = { async up(qi) { /* 🚀 ünïcode */ await qi.dropTable('t'); } };`;
  const m = readMigration(src);
  const start = src.indexOf('await qi.dropTable');
  assert.equal(m.up[0].offset.start, start);
  assert.equal(m.up[0].range.start.character, start);
});

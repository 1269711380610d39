// Real Knex migrations (Backstage's catalog, Apache-2.0; see test/fixtures/knex/README.md), read the
// way `safe-migrations check` reads a project: detection (package.json → Knex on PostgreSQL), then the engine.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { initEngine } from '../../../server/src/engine/engine';
import { checkFiles } from '../../../server/src/engine/check';
import { DEFAULT_CONFIG } from '../../../server/src/config/types';
import { readRealFolder } from '../project/readRealMigrations';

const ROOT = path.join(__dirname, '../../fixtures/knex/backstage-catalog');
before(() => initEngine());

test('every Backstage migration is read as Knex on PostgreSQL, unknown operations below 1 %', () => {
  const real = readRealFolder(ROOT);
  assert.equal(real.files.length, 10);
  for (const f of real.files) {
    assert.equal(f.orm, 'knex', f.path);
    assert.equal(f.dialect, 'postgres', f.path);
    assert.equal(f.migrations.length, 1, f.path);
  }
  assert.ok(real.operations.length >= 100, `${real.operations.length} operations`);
  assert.ok(real.unknownShare < 0.01, `unknown ${real.unknown.length}/${real.operations.length}: ${real.unknown.map((o) => o.reason).join('; ')}`);
});

test('the operations of the Backstage history, file by file', () => {
  const real = readRealFolder(ROOT);
  const up = (name: string) => real.files.find((f) => f.path.includes(name))!.migrations[0].up;
  const summary = (name: string) => up(name).map((o) => `${o.kind} ${o.table}${o.column ? '.' + o.column : ''}${o.index ? ' ' + o.index : ''}`);
  assert.deepEqual(summary('20200511113813_init'), [
    'createTable locations', 'createTable entities', 'addForeignKey entities.location_id', 'addUnique entities',
    'createTable entities_search', 'addForeignKey entities_search.entity_id',
  ]);
  assert.deepEqual(summary('20201210185851_fk_index'), ['createIndex entities_relations originating_entity_id_idx', 'createIndex entities_search entity_id_idx']);
  // knex.schema.raw('DROP VIEW …') / raw(`CREATE VIEW …`) around an alterTable with .alter(): SQL and builder in one chain, in order.
  assert.deepEqual(summary('20201230103504_update_log_varchar'), ['dropView location_update_log_latest', 'alterColumnType location_update_log.message', 'alterColumnType location_update_log.entity_name', 'createView location_update_log_latest']);
  assert.deepEqual(summary('20230525141717_stitch_queue'), ['addColumn refresh_state.next_stitch_at', 'addColumn refresh_state.next_stitch_ticket', 'createIndex refresh_state refresh_state_next_stitch_at_idx', 'update refresh_state']);
  const partial = up('20230525141717_stitch_queue')[2];
  assert.match(partial.expression ?? '', /whereNotNull/);
  const typed = up('20210302150147_refresh_state')[0].tableColumns!;
  assert.deepEqual(typed.map((c) => c.type), ['varchar(255)', 'varchar(255)', 'text', 'text', 'text', 'text', 'timestamptz', 'timestamptz']);
  // `exports = { up, down }` exports nothing at run time: said once per file.
  const reassigned = real.files.filter((f) => f.problems.some((p) => p.code === 'exports-reassigned')).map((f) => path.basename(f.path));
  assert.deepEqual(reassigned.sort(), ['20201019130742_add_relations_table.js', '20201210185851_fk_index.js', '20220116144621_remove_legacy.js', '20230525141717_stitch_queue.js']);
});

test('rules run on the Knex history: indexes on existing tables without CONCURRENTLY, the empty down of a drop', () => {
  const real = readRealFolder(ROOT);
  const findings = checkFiles(real.files, DEFAULT_CONFIG);
  const at = (rule: string) => findings.filter((f) => f.rule === rule).map((f) => path.basename(f.path));
  assert.ok(at('index-create-not-concurrent').includes('20201210185851_fk_index.js'));
  assert.ok(at('empty-down').includes('20220116144621_remove_legacy.js'));
  // Tables created in the same migration are new: no lock finding on their indexes.
  assert.ok(!at('index-create-not-concurrent').includes('20210302150147_refresh_state.js'));
});

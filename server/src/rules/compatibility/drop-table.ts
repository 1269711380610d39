import type { Operation } from '../../model/migration';
import { defineRule, eq } from '../rule';
import { findOn, onExistingTable } from '../helpers';
import { q } from '../ormAdvice';

export default defineRule({
  id: 'drop-table',
  category: 'compatibility', severity: 'warning', dialects: ['postgres', 'mysql', 'mariadb'],
  summary: 'DROP TABLE destroys data irreversibly and breaks code that still uses the table.',
  why: 'No rollback can recreate the rows. Instances of the previous release may still query the table during the deploy.',
  safeAlternative: { text: 'Rename the table to an archive name (or copy it to a backup) and drop it in a later release.', snippets: { sql: 'ALTER TABLE legacy_events RENAME TO legacy_events_archived_2026_01;' } },
  equivalents: eq({ squawk: ['ban-drop-table'], atlas: ['DS102'] }),
  examples: { postgres: { bad: 'DROP TABLE legacy_events;', good: 'ALTER TABLE legacy_events RENAME TO legacy_events_archived;' } },
  check(ctx) {
    // The table-swap pattern (rename to tmp_x, create x, INSERT INTO x SELECT … FROM tmp_x, drop tmp_x) copies the
    // rows before the drop: nothing is lost that the migration did not move.
    const copiedFrom = (op: Operation) => {
      const name = (op.table ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const from = new RegExp(`\\bFROM\\s+(?:[\\w"\`]+\\.)?["\`]?${name}["\`]?(?![\\w])`, 'i');
      return ctx.ops.some((o) => o.kind === 'insert' && o.offset.start < op.offset.start && from.test(o.text));
    };
    return ctx.ops.filter((op) => op.kind === 'dropTable' && onExistingTable(ctx, op) && !copiedFrom(op)).map((op) => findOn(op,
      `DROP TABLE ${q(op.table)} destroys its rows for good and breaks code still using it. Rename it to an archive name (or copy it to a backup table) and drop it in a later release.`));
  },
});

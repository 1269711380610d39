import { defineRule, eq } from '../rule';
import { findOn } from '../helpers';
import { rawStatementKind } from '../../knowledge/operationFacts';

export default defineRule({
  id: 'drop-schema-database',
  category: 'compatibility', severity: 'error', dialects: ['postgres', 'mysql', 'mariadb'],
  summary: 'DROP SCHEMA / DROP DATABASE in a migration.',
  why: 'It destroys every table in it. A typo or a wrong environment is unrecoverable; this never belongs in a schema migration.',
  safeAlternative: { text: 'Drop tables individually after archiving them, by hand, outside the migration history.', snippets: {} },
  equivalents: eq({ squawk: ['ban-drop-database'], atlas: ['DS101'] }),
  examples: { postgres: { bad: 'DROP SCHEMA reporting CASCADE;', good: '-- archive and drop the tables one by one, by hand' } },
  check(ctx) {
    return ctx.ops.filter((op) => rawStatementKind(op) === 'dropSchema' || /^\s*DROP\s+(SCHEMA|DATABASE)\b/i.test(op.text)).map((op) =>
      findOn(op, 'DROP SCHEMA / DROP DATABASE destroys every table in it: never do this in a migration.'));
  },
});

import { defineRule, eq } from '../rule';
import { findOn } from '../helpers';
import { isTruncate } from '../../knowledge/operationFacts';
import { isCascade } from './truncate';

export default defineRule({
  id: 'truncate-cascade',
  category: 'compatibility', severity: 'error', dialects: ['postgres'],
  summary: 'TRUNCATE … CASCADE also empties every table that references this one.',
  why: 'CASCADE follows foreign keys: every table with a foreign key to the truncated one (and theirs, recursively) is emptied too, without being named in the migration.',
  safeAlternative: { text: 'Name every table you mean to empty, without CASCADE, or delete the rows you mean in batches.', snippets: { sql: 'TRUNCATE sessions, session_events;' } },
  equivalents: eq({ squawk: ['ban-truncate-cascade'] }),
  examples: { postgres: { bad: 'TRUNCATE sessions CASCADE;', good: "DELETE FROM sessions WHERE expires_at < now() - interval '30 days';" } },
  check(ctx) {
    return ctx.ops.filter((op) => isTruncate(op) && isCascade(op)).map((op) => findOn(op,
      'TRUNCATE … CASCADE empties this table and every table that references it, recursively: data loss beyond what the statement names. List the tables explicitly.'));
  },
});

import { defineRule, eq } from '../rule';
import { isDdl, isDml } from '../helpers';
import { onMigration } from '../rollback/migrationRange';

export default defineRule({
  id: 'migration-does-too-much',
  // A style preference, not a defect: a hint (faint in the editor, with its split action; `check --hints`).
  category: 'size', severity: 'hint', dialects: ['postgres', 'mysql', 'mariadb'],
  summary: 'One migration does several jobs: changes several existing tables, mixes DDL with a data backfill, or mixes online and offline steps.',
  why: 'Small migrations fail small: each one locks one table briefly, can be retried or rolled back on its own, and has an obvious inverse. A migration that does three jobs holds locks longer, leaves more half-applied state on MySQL/MariaDB, and its down is harder to get right.',
  safeAlternative: { text: 'Split it: one table, one kind of change per migration. The "Split into N migrations" quick fix, the "Safe Migrations: Split Migration" command and `safe-migrations split` do it, each piece with its part of the down; never split a migration already applied anywhere.', snippets: {} },
  equivalents: eq({}),
  examples: { postgres: { bad: "ALTER TABLE orders ADD COLUMN status text;\nALTER TABLE accounts ADD COLUMN tier text;\nUPDATE orders SET status = 'new';", good: '-- migration 1\nALTER TABLE orders ADD COLUMN status text;' } },
  check(ctx) {
    const ddl = ctx.ops.filter((o) => isDdl(o) && !ctx.isTableCreatedEarlier(o) && o.kind !== 'createTable');
    const tables = new Set(ddl.map((o) => (o.table ?? '').toLowerCase()).filter(Boolean));
    const backfill = ctx.ops.some((o) => isDml(o) && (o.kind !== 'insert' || /\bSELECT\b/i.test(o.text)) && !ctx.isTableCreatedEarlier(o));
    const online = ctx.ops.some((o) => o.concurrently);
    const jobs: string[] = [];
    if (tables.size > 1) jobs.push(`changes ${tables.size} existing tables (${[...tables].slice(0, 4).join(', ')})`);
    if (backfill && ddl.length) jobs.push('mixes schema changes with a data backfill');
    if (online && ddl.some((o) => !o.concurrently)) jobs.push('mixes online (CONCURRENTLY) and locking steps');
    if (!jobs.length) return [];
    return [onMigration(ctx, `${ctx.migration.name} ${jobs.join(', and ')}. Small migrations fail small: one table and one kind of change each means brief locks, a clean retry, and an obvious down. Consider splitting it.`, 'up')];
  },
});

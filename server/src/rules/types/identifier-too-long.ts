import { defineRule, eq } from '../rule';
import { findOn } from '../helpers';

export default defineRule({
  id: 'identifier-too-long',
  category: 'types', severity: 'warning', dialects: ['postgres', 'mysql', 'mariadb'],
  summary: 'Identifiers longer than 63 bytes (PostgreSQL) or 64 characters (MySQL/MariaDB).',
  why: 'PostgreSQL silently truncates longer names to 63 bytes, so two long names can collide and later migrations refer to a name that does not exist; MySQL and MariaDB reject them.',
  safeAlternative: { text: 'Shorten the name (abbreviate, drop redundant prefixes).', snippets: {} },
  equivalents: eq({ squawk: ['identifier-too-long'] }),
  examples: { postgres: { bad: 'CREATE INDEX orders_account_id_created_at_status_shipping_country_partial_idx ON orders (account_id);', good: 'CREATE INDEX orders_account_created_idx ON orders (account_id);' } },
  check(ctx) {
    const pg = ctx.dialect === 'postgres';
    const tooLong = (n: string) => (pg ? Buffer.byteLength(n, 'utf8') > 63 : [...n].length > 64);
    const out = [];
    for (const op of ctx.ops) {
      if (op.kind === 'unknown' || op.kind === 'insert' || op.kind === 'update' || op.kind === 'delete') continue;
      // Read from the text: the PostgreSQL parser has already truncated long names in the model.
      const names = new Set<string>();
      for (const m of op.text.matchAll(/"((?:[^"]|"")+)"|`([^`]+)`|\b([A-Za-z_][\w$]*)/g)) {
        const n = m[1] ?? m[2] ?? m[3];
        if (tooLong(n)) names.add(n);
      }
      for (const n of names) out.push(findOn(op, pg ? `"${n}" is ${Buffer.byteLength(n, 'utf8')} bytes: PostgreSQL truncates identifiers to 63 bytes, so the object gets a different name than the migration uses.` : `"${n}" is ${[...n].length} characters: MySQL/MariaDB reject identifiers over 64.`));
    }
    return out;
  },
});

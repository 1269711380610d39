import { defineRule, eq } from '../rule';
import { findOn, introducedColumns } from '../helpers';

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
      const names = [op.kind === 'createTable' || op.kind === 'renameTable' ? op.newName ?? op.table : undefined, op.kind === 'createIndex' ? op.index : undefined,
        /^add(ForeignKey|Unique|Check|PrimaryKey)$/.test(op.kind) ? op.constraint : undefined, op.kind === 'renameColumn' ? op.newName : undefined,
        ...introducedColumns(op).map((c) => c.spec.name)].filter((n): n is string => !!n && tooLong(n));
      for (const n of new Set(names)) out.push(findOn(op, pg ? `"${n}" is ${Buffer.byteLength(n, 'utf8')} bytes: PostgreSQL truncates identifiers to 63 bytes, so the object gets a different name than the migration uses.` : `"${n}" is ${[...n].length} characters: MySQL/MariaDB reject identifiers over 64.`));
    }
    return out;
  },
});

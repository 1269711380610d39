import type { Operation } from '../../model/migration';
import { defineRule, eq, type RuleFinding } from '../rule';
import { colName, findOn } from '../helpers';
import { q } from '../ormAdvice';

const lc = (s: string | undefined) => (s ?? '').toLowerCase();

export default defineRule({
  id: 'down-order-fails',
  category: 'rollback', severity: 'error', dialects: ['postgres', 'mysql', 'mariadb'], phases: ['down'],
  summary: 'The down drops a column or table before the index or foreign key that depends on it: the later step fails.',
  why: 'Dropping a column removes (or, for foreign keys, refuses because of) the objects built on it; the later DROP INDEX / DROP CONSTRAINT then fails with "does not exist", leaving the rollback half-done — on MySQL/MariaDB with every earlier step already committed.',
  safeAlternative: { text: 'Undo in exact reverse order of up: drop indexes and foreign keys first, then the columns and tables they use.', snippets: { typeorm: "async down(q) {\n  await q.dropIndex('orders', 'orders_status_idx');\n  await q.dropColumn('orders', 'status');\n}" } },
  equivalents: eq({}),
  examples: { postgres: { bad: '-- migrate:up\nALTER TABLE orders ADD COLUMN flag boolean;\nCREATE INDEX orders_flag_idx ON orders (flag);\n\n-- migrate:down\nALTER TABLE orders DROP COLUMN flag;\nDROP INDEX orders_flag_idx;', good: '-- migrate:up\nALTER TABLE orders ADD COLUMN flag boolean;\nCREATE INDEX orders_flag_idx ON orders (flag);\n\n-- migrate:down\nDROP INDEX orders_flag_idx;\nALTER TABLE orders DROP COLUMN flag;' } },
  check(ctx) {
    const up = ctx.migration.up;
    const colsOf = (d: Operation): { table?: string; columns: string[]; refTable?: string } => {
      const origin = up.find((u) => (d.index && lc(u.index) === lc(d.index)) || (d.constraint && lc(u.constraint) === lc(d.constraint)));
      return { table: d.table ?? origin?.table, columns: (d.columns ?? origin?.columns ?? []).map(lc), refTable: d.references?.table ?? origin?.references?.table };
    };
    const out: RuleFinding[] = [];
    ctx.ops.forEach((op, i) => {
      const later = ctx.ops.slice(i + 1).filter((o) => o.kind === 'dropIndex' || o.kind === 'dropForeignKey' || o.kind === 'dropConstraint');
      if (op.kind === 'dropColumn') {
        const dep = later.find((o) => { const c = colsOf(o); return lc(c.table) === lc(op.table) && c.columns.includes(lc(colName(op))); });
        if (dep) out.push(findOn(op, `This drops ${q(op.table)}.${q(colName(op))} before ${dep.index ? `index ${q(dep.index)}` : `constraint ${q(dep.constraint)}`}, which uses it: that later step fails and the rollback stops half-way. Drop the ${dep.index ? 'index' : 'constraint'} first.`));
      } else if (op.kind === 'dropTable') {
        const dep = later.find((o) => { const c = colsOf(o); return lc(c.table) === lc(op.table) || lc(c.refTable) === lc(op.table); });
        if (dep) out.push(findOn(op, `This drops ${q(op.table)} before ${dep.index ? `index ${q(dep.index)}` : `constraint ${q(dep.constraint)}`} that ${lc(colsOf(dep).refTable) === lc(op.table) ? 'references' : 'is on'} it: ${lc(colsOf(dep).refTable) === lc(op.table) ? 'the DROP TABLE fails while the foreign key exists' : 'the later step fails'}. Drop dependents first.`));
      }
    });
    return out;
  },
});

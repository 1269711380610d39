import { defineRule, eq, type RuleFinding } from '../rule';
import { findOn } from '../helpers';

export default defineRule({
  id: 'transaction-nesting',
  category: 'transactions', severity: 'warning', dialects: ['postgres', 'mysql', 'mariadb'], phases: ['up', 'down'],
  summary: 'BEGIN/COMMIT inside a migration the runner already wraps in a transaction, a COMMIT without BEGIN, or a BEGIN never committed.',
  why: 'Inside the runner\'s transaction a BEGIN is ignored (PostgreSQL warns) and the COMMIT ends the runner\'s transaction early: later steps run outside it and a failure no longer rolls back. An unclosed BEGIN leaves work uncommitted or rolled back at disconnect.',
  safeAlternative: { text: 'Let the runner own the transaction (TypeORM mode all/each, Prisma); for a non-transactional migration turn the runner\'s transaction off instead of committing it.', snippets: { typeorm: 'public transaction = false; // instead of COMMIT inside up()' } },
  equivalents: eq({ squawk: ['transaction-nesting', 'ban-uncommitted-transaction'] }),
  examples: { postgres: { orm: 'typeorm', bad: "import { MigrationInterface, QueryRunner } from 'typeorm';\nexport class AddStatus1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query('BEGIN');\n    await queryRunner.query('ALTER TABLE orders ADD COLUMN status text');\n    await queryRunner.query('COMMIT');\n  }\n  public async down(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query('ALTER TABLE orders DROP COLUMN status');\n  }\n}\n", good: "import { MigrationInterface, QueryRunner } from 'typeorm';\nexport class AddStatus1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query('ALTER TABLE orders ADD COLUMN status text');\n  }\n  public async down(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query('ALTER TABLE orders DROP COLUMN status');\n  }\n}\n" } },
  check(ctx) {
    const out: RuleFinding[] = [];
    // For a plain SQL file, `transactional` comes from the file's own BEGIN; only an ORM runner wraps it from outside.
    // sequelize-cli and umzug never wrap a migration: a Sequelize migration's `transactional` is its own transaction.
    // Prisma sends migration.sql as one script: an explicit BEGIN … COMMIT around it is simply the transaction.
    const runnerWraps = ctx.migration.transactional === true && ctx.orm !== 'sql' && ctx.orm !== 'sequelize' && ctx.orm !== 'prisma';
    let open: typeof ctx.ops[number] | undefined;
    // In code, COMMIT in the try and ROLLBACK in the catch end the same transaction on two paths: the second is no
    // orphan. (In a SQL script the statements run one after the other: COMMIT; COMMIT; is an orphan.)
    let ended: string | undefined;
    // TypeORM's idiom for CONCURRENTLY inside a wrapped migration: COMMIT the runner's transaction, run only the
    // concurrent steps, START it again. Deliberate and correct: not reported.
    const controls = ctx.ops.filter((o) => o.kind === 'transactionControl');
    const idiom = new Set<typeof ctx.ops[number]>();
    if (runnerWraps) controls.forEach((c, n) => {
      const next = controls[n + 1];
      if (c.transaction !== 'commit' || next?.transaction !== 'begin') return;
      const between = ctx.ops.slice(ctx.ops.indexOf(c) + 1, ctx.ops.indexOf(next));
      if (between.length && between.every((o) => o.concurrently || o.kind === 'setting')) { idiom.add(c); idiom.add(next); }
    });
    for (const op of ctx.ops) {
      if (op.kind !== 'transactionControl' || idiom.has(op)) continue;
      if (op.transaction === 'begin') {
        if (runnerWraps) out.push(findOn(op, `BEGIN inside the transaction the runner already opened${ctx.migration.transactionalReason ? ` (${ctx.migration.transactionalReason})` : ''}: it is ignored, and the matching COMMIT ends the runner's transaction early.`));
        else if (open) out.push(findOn(op, 'BEGIN while a transaction is already open: the second BEGIN is ignored and the first COMMIT ends both.'));
        open = op;
      } else if (op.transaction === 'commit' || op.transaction === 'rollback') {
        if (!open && ended && ctx.orm !== 'sql' && ended !== op.transaction) continue;
        if (!open && runnerWraps) out.push(findOn(op, `${op.transaction.toUpperCase()} ends the runner's transaction early: later steps run outside it and are not rolled back on failure.`));
        else if (!open) out.push(findOn(op, `${op.transaction.toUpperCase()} without a BEGIN: there is no transaction to end.`, { severity: 'info' }));
        ended = open ? op.transaction : undefined;
        open = undefined;
      }
    }
    if (open) out.push(findOn(open, 'BEGIN without COMMIT: the work stays uncommitted and is rolled back when the connection closes.'));
    return out;
  },
});

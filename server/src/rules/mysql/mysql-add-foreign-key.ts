import { defineRule, eq } from '../rule';
import { findOn, onExistingTable } from '../helpers';
import { q } from '../ormAdvice';

export default defineRule({
  id: 'mysql-add-foreign-key',
  category: 'mysql', severity: 'warning', dialects: ['mysql', 'mariadb'], lockRule: true,
  summary: 'ADD FOREIGN KEY on an existing table copies it unless foreign_key_checks is off.',
  why: 'With foreign_key_checks=1 InnoDB adds a foreign key only with ALGORITHM=COPY: the table is copied while writes wait. With foreign_key_checks=0 it is in place but existing rows are not checked.',
  safeAlternative: { text: 'If the data is known to be valid (checked by a query first), add it with foreign_key_checks=0 and ALGORITHM=INPLACE; otherwise use gh-ost / pt-online-schema-change.', snippets: { sql: 'SET foreign_key_checks = 0;\nALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id), ALGORITHM=INPLACE, LOCK=NONE;\nSET foreign_key_checks = 1;' } },
  equivalents: eq({ strong_migrations: ['add_foreign_key'] }),
  examples: { mysql: { bad: 'ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);', good: 'SET foreign_key_checks = 0;\nALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id), ALGORITHM=INPLACE, LOCK=NONE;\nSET foreign_key_checks = 1;' } },
  check(ctx) {
    let checksOff = false;
    const out = [];
    for (const op of ctx.ops) {
      if (op.kind === 'setting' && /foreign_key_checks/i.test(op.setting?.name ?? '')) checksOff = /^(0|off|false)$/i.test((op.setting?.value ?? '').replace(/'/g, ''));
      if (op.kind === 'addForeignKey' && !checksOff && onExistingTable(ctx, op)) {
        out.push(findOn(op, `ADD FOREIGN KEY on ${q(op.table)} needs ALGORITHM=COPY while foreign_key_checks=1: the table is copied and writes wait. Verify the data, then add it with foreign_key_checks=0 and ALGORITHM=INPLACE, LOCK=NONE.`));
      }
    }
    return out;
  },
});

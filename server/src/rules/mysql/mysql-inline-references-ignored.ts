import { defineRule, eq } from '../rule';
import { findOn } from '../helpers';

/** Column-level `REFERENCES` with no table-level FOREIGN KEY for it. */
function inlineReferences(sql: string): number {
  const refs = (sql.match(/\bREFERENCES\b/gi) ?? []).length;
  const fks = (sql.match(/\bFOREIGN\s+KEY\b/gi) ?? []).length;
  return refs - fks;
}

export default defineRule({
  id: 'mysql-inline-references-ignored',
  category: 'mysql', severity: 'error', dialects: ['mysql', 'mariadb'], versions: { mysql: { below: '9.0' }, mariadb: { below: '10.5' } },
  summary: 'Column-level REFERENCES is parsed and silently ignored: no foreign key is created.',
  why: 'MySQL before 9.0 (and MariaDB before 10.5) only creates foreign keys from a table-level FOREIGN KEY clause. `author_id INT REFERENCES users(id)` creates no constraint and raises no warning.',
  safeAlternative: { text: 'Declare the foreign key at table level.', snippets: { sql: 'ALTER TABLE posts ADD COLUMN author_id INT, ADD CONSTRAINT posts_author_fk FOREIGN KEY (author_id) REFERENCES users (id);' } },
  equivalents: eq({ atlas: ['MY102'] }),
  examples: { mysql: { bad: 'CREATE TABLE posts (id INT PRIMARY KEY, author_id INT REFERENCES users (id));', good: 'CREATE TABLE posts (id INT PRIMARY KEY, author_id INT, FOREIGN KEY (author_id) REFERENCES users (id));' } },
  check(ctx) {
    return ctx.ops.filter((op) => op.via === 'sql' && (op.kind === 'createTable' || op.kind === 'addColumn') && (op.details?.inlineReferences === true || inlineReferences(op.text) > 0)).map((op) =>
      findOn(op, `${ctx.dialect === 'mariadb' ? 'MariaDB' : 'MySQL'} ignores a column-level REFERENCES: ${op.table ? `"${op.table}"` : 'this table'} gets no foreign key and no warning. Use a table-level FOREIGN KEY (…) REFERENCES … clause.`));
  },
});

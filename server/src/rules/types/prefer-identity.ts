import { defineRule, eq } from '../rule';
import { q } from '../ormAdvice';
import { columnsOfType } from './columnTypeRule';
import { findOn } from '../helpers';
import { isSerialType } from '../../knowledge/operationFacts';

export default defineRule({
  id: 'prefer-identity',
  category: 'types', set: 'strict', severity: 'info', dialects: ['postgres'],
  summary: 'Use identity columns instead of serial.',
  why: 'serial is a loose sequence with a default: permissions, ownership and copying the table (CREATE TABLE … LIKE) do not follow it, and explicit inserts can desynchronise it. GENERATED … AS IDENTITY is the standard, managed form.',
  safeAlternative: { text: 'bigint GENERATED ALWAYS AS IDENTITY (or BY DEFAULT).', snippets: { sql: 'CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);', typeorm: "@PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id: string;" } },
  equivalents: eq({ squawk: ['prefer-identity'] }),
  examples: { postgres: { bad: 'CREATE TABLE orders (id bigserial PRIMARY KEY);', good: 'CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);' } },
  check(ctx) {
    return columnsOfType(ctx, (t) => isSerialType(t)).filter((m) => m.op.via === 'sql').map((m) => findOn(m.op,
      `Column ${q(m.spec.name)} is ${m.spec.type}: prefer bigint GENERATED ALWAYS AS IDENTITY (permissions and ownership follow the column, and explicit inserts cannot desynchronise it).`));
  },
});

// How each operation is undone: the inverse kind a `down` must contain, or why it cannot be undone.
import type { Operation, OperationKind } from '../model/migration';

export interface RollbackFact {
  /** The operation kind that undoes it, when one exists. */
  inverse?: OperationKind;
  /** Set when undoing loses something: what a checkpoint must keep. */
  irreversible?: string;
  /** Human sentence for hovers and docs. */
  how: string;
}

const FACTS: Partial<Record<OperationKind, RollbackFact>> = {
  createTable: { inverse: 'dropTable', how: 'DROP TABLE (loses rows written since)' },
  dropTable: { inverse: 'createTable', irreversible: 'the rows of the table', how: 'irreversible: CREATE TABLE brings the shape back but not the rows — needs a checkpoint (backup table)' },
  renameTable: { inverse: 'renameTable', how: 'rename back (new → old)' },
  addColumn: { inverse: 'dropColumn', how: 'DROP COLUMN (loses values written since)' },
  dropColumn: { inverse: 'addColumn', irreversible: 'the values of the column', how: 'irreversible: ADD COLUMN brings the column back empty — needs a checkpoint (backup table)' },
  renameColumn: { inverse: 'renameColumn', how: 'rename back (new → old)' },
  alterColumnType: { inverse: 'alterColumnType', how: 'change the type back; narrowing can fail or truncate values written since' },
  setNotNull: { inverse: 'dropNotNull', how: 'DROP NOT NULL' },
  dropNotNull: { inverse: 'setNotNull', how: 'SET NOT NULL (fails once NULLs were written)' },
  setDefault: { inverse: 'dropDefault', how: 'restore the previous default (or DROP DEFAULT)' },
  dropDefault: { inverse: 'setDefault', how: 'SET DEFAULT to the previous value' },
  createIndex: { inverse: 'dropIndex', how: 'DROP INDEX' },
  dropIndex: { inverse: 'createIndex', how: 'CREATE INDEX again (a full build)' },
  addForeignKey: { inverse: 'dropForeignKey', how: 'DROP CONSTRAINT / DROP FOREIGN KEY' },
  dropForeignKey: { inverse: 'addForeignKey', how: 'ADD the foreign key again (validates every row)' },
  addUnique: { inverse: 'dropConstraint', how: 'DROP CONSTRAINT (or DROP INDEX)' },
  addCheck: { inverse: 'dropConstraint', how: 'DROP CONSTRAINT' },
  addPrimaryKey: { inverse: 'dropConstraint', how: 'DROP CONSTRAINT / DROP PRIMARY KEY' },
  dropConstraint: { inverse: 'addCheck', how: 'ADD the constraint again' },
  validateConstraint: { how: 'nothing to undo' },
  createEnum: { inverse: 'rawSql', how: 'DROP TYPE' },
  alterEnum: { irreversible: 'enum values cannot be removed in PostgreSQL', how: 'irreversible on PostgreSQL (values cannot be removed); MySQL: MODIFY back to the old list' },
  createView: { inverse: 'dropView', how: 'DROP VIEW' },
  dropView: { inverse: 'createView', how: 'CREATE VIEW again with its old definition' },
  insert: { inverse: 'delete', how: 'DELETE the inserted rows' },
  update: { irreversible: 'the previous values', how: 'irreversible unless the old values were saved (checkpoint)' },
  delete: { inverse: 'insert', irreversible: 'the deleted rows', how: 'irreversible unless the rows were saved (checkpoint)' },
};

export function rollbackFact(op: Operation): RollbackFact {
  if (/^\s*TRUNCATE\b/i.test(op.text)) return { irreversible: 'every row of the table', how: 'irreversible: needs a checkpoint (backup table)' };
  return FACTS[op.kind] ?? { how: 'unknown: the inverse cannot be derived from this statement' };
}

/** Kinds whose up step destroys data: they need a checkpoint to be rolled back. */
export function isDestructive(op: Operation): boolean {
  return op.kind === 'dropColumn' || op.kind === 'dropTable' || /^\s*TRUNCATE\b/i.test(op.text);
}

/** The kinds a down operation may have to undo `op` (alterColumnType undoes itself, and so on). */
export function inverseKinds(op: Operation): OperationKind[] {
  switch (op.kind) {
    case 'addUnique': case 'addCheck': case 'addPrimaryKey': return ['dropConstraint', 'dropIndex'];
    case 'addForeignKey': return ['dropForeignKey', 'dropConstraint'];
    case 'dropForeignKey': return ['addForeignKey'];
    case 'dropConstraint': return ['addCheck', 'addUnique', 'addForeignKey', 'addPrimaryKey'];
    case 'setDefault': return ['dropDefault', 'setDefault'];
    case 'dropDefault': return ['setDefault'];
    case 'createIndex': return ['dropIndex', 'dropConstraint'];
    case 'createEnum': return ['rawSql', 'unknown'];
    default: {
      const inv = FACTS[op.kind]?.inverse;
      return inv ? [inv] : [];
    }
  }
}

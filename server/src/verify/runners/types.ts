import type { FileModel, Migration } from '../../model/migration';

/** One migration of the history, with what the runner needs to run it. */
export interface HistoryMigration {
  file: FileModel;
  migration: Migration;
}

/** Runs migrations the way their ORM does, every statement through the tracer. */
export interface MigrationRunner {
  up(m: HistoryMigration): Promise<void>;
  down(m: HistoryMigration): Promise<void>;
  close(): Promise<void>;
}

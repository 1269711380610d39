import type { Dialect, Migration } from '../../../server/src/model/migration';
import { LineIndex } from '../../../server/src/model/text';
import type { ProjectInfo } from '../../../server/src/project/types';
import type { ReaderResult } from '../../../server/src/readers/types';
import { initSqlParsers, readSql } from '../../../server/src/readers/sql';
import { readTypeormFile } from '../../../server/src/readers/typeorm/typeormReader';

export interface ReadOptions { path?: string; dialect?: Dialect; project?: ProjectInfo }

/** Reads a migration text as the extension would, with the dialect given as a flag. */
export function readFile(text: string, options: ReadOptions = {}): ReaderResult {
  return readTypeormFile({
    path: options.path ?? '/project/src/migrations/1700000000000-Example.ts',
    text,
    lines: new LineIndex(text),
    dialect: { dialect: options.dialect ?? 'postgres', source: 'flag', reason: 'test' },
    project: options.project,
  });
}

/** The single migration of a file that must have one. */
export function readMigration(text: string, options: ReadOptions = {}): Migration {
  const result = readFile(text, options);
  if (result.migrations.length !== 1) throw new Error(`expected one migration, got ${result.migrations.length}: ${JSON.stringify(result.problems)}`);
  return result.migrations[0];
}

/**
 * Tests of SQL inside queryRunner.query() depend on the SQL reader; while it is still the contract
 * stub (no operations for an obvious ALTER TABLE) they are reported as todo instead of failing.
 */
export async function sqlReaderPending(dialect: Dialect = 'postgres'): Promise<string | false> {
  await initSqlParsers();
  const sql = 'ALTER TABLE t ADD COLUMN c integer';
  const probe = readSql(sql, { dialect, lines: new LineIndex(sql) });
  return probe.operations.length === 0 ? `the ${dialect} SQL reader (readers/sql) has not landed yet` : false;
}

/** The text an operation's range covers, to assert ranges by content as well as by position. */
export function textAt(text: string, offset: { start: number; end: number }): string {
  return text.slice(offset.start, offset.end);
}

/** A TypeORM project with one DataSource, as detection would describe it. */
export function projectWithMode(mode: 'all' | 'each' | 'none' | undefined, migrations = ['src/migrations/*.ts']): ProjectInfo {
  return {
    root: '/project',
    orms: [{ orm: 'typeorm', version: '0.3.20', source: 'package.json' }],
    dialect: { dialect: 'postgres', source: 'project', reason: 'test' },
    typeorm: {
      configFiles: ['/project/src/data-source.ts'],
      dataSources: [{ file: '/project/src/data-source.ts', type: 'postgres', dialect: 'postgres', migrations, migrationsTransactionMode: mode, entities: [] }],
      entityFiles: [],
    },
    migrationDirs: [],
    unknowns: [],
  };
}

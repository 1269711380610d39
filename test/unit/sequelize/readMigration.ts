import type { Dialect, Migration } from '../../../server/src/model/migration';
import { LineIndex } from '../../../server/src/model/text';
import type { ReaderResult } from '../../../server/src/readers/types';
import type { ProjectInfo } from '../../../server/src/project/types';
import { readSequelizeFile } from '../../../server/src/readers/sequelize/sequelizeReader';

/** Reads a migration text as the extension would, with the dialect given as a flag. */
export interface ReadOptions { path?: string; dialect?: Dialect; sequelizeVersion?: string }

export function readFile(text: string, options: ReadOptions = {}): ReaderResult {
  const dialect = { dialect: options.dialect ?? 'postgres', source: 'flag', reason: 'test' } as const;
  const project: ProjectInfo | undefined = options.sequelizeVersion === undefined ? undefined : {
    root: '/project', orms: [{ orm: 'sequelize', version: options.sequelizeVersion, source: 'package.json' }], dialect,
    migrationDirs: [], unknowns: [],
  };
  return readSequelizeFile({
    path: options.path ?? '/project/migrations/20240115093000-example.js',
    text,
    lines: new LineIndex(text),
    dialect,
    project,
  });
}

/** The single migration of a file that must have one. */
export function readMigration(text: string, options: ReadOptions = {}): Migration {
  const result = readFile(text, options);
  if (result.migrations.length !== 1) throw new Error(`expected one migration, got ${result.migrations.length}: ${JSON.stringify(result.problems)}`);
  return result.migrations[0];
}

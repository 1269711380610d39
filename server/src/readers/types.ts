import type { DialectInfo, Migration, Problem } from '../model/migration';
import type { LineIndex } from '../model/text';
import type { ProjectInfo } from '../project/types';

/** What every reader gets: the file's text and what is already known about it. */
export interface ReadContext {
  path: string;
  text: string;
  lines: LineIndex;
  /** Resolved before reading (flag > setting > project > folder name); readers refine `unknown` from the SQL itself. */
  dialect: DialectInfo;
  /** The detected project the file belongs to, if any (transaction mode, migrations table, …). */
  project?: ProjectInfo;
}

export interface ReaderResult {
  migrations: Migration[];
  problems: Problem[];
  /** How many syntax errors the TypeScript/JavaScript parser reported (a half-typed file). */
  syntaxErrors?: number;
  /** Set when the reader learned the dialect from the content (ctx.dialect was unknown). */
  dialect?: DialectInfo;
}

// Prisma: `<YYYYMMDDHHmmss>_<snake_name>/migration.sql`, plus a `down.sql` beside it (Prisma has no down of its own).
import * as path from 'node:path';
import type { ScaffoldFile } from '../patterns/types';
import { type EmitInput, phaseWords } from './emitInput';
import { emptyBodyComment } from './emptyBody';
import { headerLines, ignoreDirectiveLines, intendedFindings } from './header';
import { compactTimestamp, phaseDate, snakeName } from './naming';
import { renderSqlSteps } from './sqlScript';

export function emitPrisma(input: EmitInput): ScaffoldFile[] {
  const files: ScaffoldFile[] = [];
  input.phases.forEach((phase, index) => {
    const name = `${compactTimestamp(phaseDate(input.now, index))}_${snakeName(phaseWords(input, index))}`;
    const folder = path.join(input.dir, name);
    const downPath = path.join(input.dir, name, 'down.sql').split(path.sep).join('/');
    const body = (which: 'up' | 'down') => {
      const steps = (which === 'up' ? phase.up : phase.down).filter((s) => !(s.kind === 'sql' && (s.ormOnly || (s.setting && singleStatement))));
      return steps.length ? renderSqlSteps(steps, input.dialect, !phase.transactional) : `-- ${emptyBodyComment(input, index, which)}`;
    };
    // PostgreSQL runs CONCURRENTLY only outside a transaction block, i.e. as the file's one statement.
    const singleStatement = input.dialect === 'postgres' && [...phase.up, ...phase.down].some((s) => s.kind === 'sql' && s.index);
    const header = headerLines(input, index, 'prisma').map((l) => `-- ${l}`);
    files.push({
      path: path.join(folder, 'migration.sql'),
      text: [...header, '-- Undo: down.sql in this folder (see its header).', ...ignoreDirectiveLines(intendedFindings(input, index, 'prisma'), '--'), '', body('up'), ''].join('\n'),
    });
    files.push({
      path: path.join(folder, 'down.sql'),
      text: [
        `-- Undoes ${name}/migration.sql. Prisma does not run this file itself; apply it with`,
        `--   npx prisma db execute --file ${downPath} --schema prisma/schema.prisma`,
        `--   npx prisma migrate resolve --rolled-back ${name}`,
        ...(index < input.phases.length - 1 ? ['-- Undo the later phases first (newest first).'] : []),
        '',
        body('down'),
        '',
      ].join('\n'),
    });
  });
  return files;
}

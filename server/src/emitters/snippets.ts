// VS Code snippets built from the same pattern definitions and emitters as the scaffolds: each
// parameter is rendered as a marker, then the markers become tab stops (`${1:table}`).
import { buildPhases, PATTERNS } from '../patterns/index';
import type { PatternDefinition, ScaffoldDialect, ScaffoldOrm } from '../patterns/types';
import type { EmitInput } from './emitInput';
import { headerLines } from './header';
import { compactTimestamp, kebabName, nameWords, phaseDate } from './naming';
import { emitPrisma } from './prismaEmitter';
import { emitSequelize } from './sequelizeEmitter';
import { emitTypeorm } from './typeormEmitter';

export interface Snippet { prefix: string; body: string[]; description: string; scope?: string }
export type SnippetFile = Record<string, Snippet>;

/** Fixed clock for rendering; its digits are swapped for the snippet's time variable. */
const SNIPPET_NOW = new Date(1_000_000_000_000);
const DIALECTS: { dialect: ScaffoldDialect; suffix: string; label: string }[] = [
  { dialect: 'postgres', suffix: 'pg', label: 'PostgreSQL' },
  { dialect: 'mysql', suffix: 'mysql', label: 'MySQL/MariaDB' },
];

const SNIPPET_FOLDER_TIME = 'zzsmtimezz';
const marker = (i: number) => `zzsmp${i}zz`;

/** Parameters that become tab stops: names, types and expressions (numbers and switches keep their defaults). */
function placeholders(pattern: PatternDefinition): { params: Record<string, string>; stops: Map<string, string> } {
  const params: Record<string, string> = {};
  const stops = new Map<string, string>();
  let i = 0;
  for (const spec of pattern.params) {
    if (!spec.required || spec.kind === 'number' || pattern.id === 'emptyMigration') continue;
    i++;
    params[spec.name] = marker(i);
    stops.set(marker(i), `\${${i}:${spec.name}}`);
  }
  if (pattern.id === 'emptyMigration') params.name = 'migration';
  return { params, stops };
}

/** Snippet syntax: `$`, `}` and `\` are literal only when escaped; then markers become tab stops. */
function toSnippetBody(text: string, stops: Map<string, string>, timestamp?: string): string[] {
  let body = text.replace(/\\/g, '\\\\').replace(/\$/g, '\\$').replace(/\}/g, '\\}');
  if (timestamp) body = body.split(timestamp).join('${CURRENT_SECONDS_UNIX}000');
  body = body.split(SNIPPET_FOLDER_TIME).join('${CURRENT_YEAR}${CURRENT_MONTH}${CURRENT_DATE}${CURRENT_HOUR}${CURRENT_MINUTE}${CURRENT_SECOND}');
  for (const [m, stop] of stops) body = body.split(m).join(stop);
  return body.replace(/\n+$/, '').split('\n');
}

function emitOne(orm: ScaffoldOrm, input: EmitInput) {
  return orm === 'typeorm' ? emitTypeorm(input) : orm === 'sequelize' ? emitSequelize(input) : emitPrisma(input);
}

/** Every pattern × dialect × phase for one ORM ('prisma' gives the SQL snippets). */
export function buildSnippetFile(orm: ScaffoldOrm): SnippetFile {
  const out: SnippetFile = {};
  for (const pattern of PATTERNS) {
    const { params, stops } = placeholders(pattern);
    for (const { dialect, suffix, label } of DIALECTS) {
      const built = buildPhases(pattern.id, params, { dialect });
      const words = nameWords([pattern.id]);
      const input: EmitInput = {
        patternId: pattern.id, patternTitle: pattern.title, phases: built.phases, words,
        dialect, dir: '.', extension: orm === 'prisma' ? undefined : '.ts', now: SNIPPET_NOW,
      };
      const files = emitOne(orm, input);
      built.phases.forEach((phase, index) => {
        const many = built.phases.length > 1;
        const key = `${pattern.title}${many ? ` — phase ${index + 1}/${built.phases.length}` : ''} (${label})`;
        const prefixBase = `${orm === 'prisma' ? 'sql' : orm}-${kebabName(nameWords([pattern.id]))}${many ? `-p${index + 1}` : ''}-${suffix}`;
        let text: string;
        let timestamp: string | undefined;
        if (orm === 'prisma') {
          const [up, down] = [files[index * 2], files[index * 2 + 1]];
          const folder = compactTimestamp(phaseDate(SNIPPET_NOW, index));
          text = `${up.text}\n-- ---- down.sql ----\n${down.text}`.split(folder).join(SNIPPET_FOLDER_TIME);
        } else {
          text = files[index].text;
          timestamp = orm === 'typeorm' ? String(SNIPPET_NOW.getTime() + index * 1000) : undefined;
        }
        out[key] = {
          prefix: prefixBase,
          body: toSnippetBody(text, stops, timestamp),
          description: headerLines(input, index, orm).slice(0, 3).join(' '),
          ...(orm === 'prisma' ? {} : { scope: 'typescript,javascript' }),
        };
      });
    }
  }
  return out;
}

export const SNIPPET_FILES: { file: string; orm: ScaffoldOrm }[] = [
  { file: 'typeorm.code-snippets', orm: 'typeorm' },
  { file: 'sequelize.code-snippets', orm: 'sequelize' },
  { file: 'sql.code-snippets', orm: 'prisma' },
];

export function renderSnippetFile(orm: ScaffoldOrm): string {
  return JSON.stringify(buildSnippetFile(orm), null, 2) + '\n';
}

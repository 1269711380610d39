import type { DialectInfo } from '../../model/migration';

interface Clue { re: RegExp; weight: number; what: string }

// Each clue is something only one family writes; strings are not excluded, so weights stay modest.
const MYSQL_CLUES: Clue[] = [
  { re: /`[^`\n]+`/, weight: 3, what: 'backtick-quoted names' },
  { re: /\bENGINE\s*=/i, weight: 4, what: 'ENGINE=' },
  { re: /\bAUTO_INCREMENT\b/i, weight: 4, what: 'AUTO_INCREMENT' },
  { re: /\b(MODIFY|CHANGE)\s+COLUMN\b/i, weight: 4, what: 'MODIFY/CHANGE COLUMN' },
  { re: /\bunsigned\b/i, weight: 3, what: 'unsigned' },
  { re: /\b(ALGORITHM|LOCK)\s*=\s*(INSTANT|INPLACE|COPY|NONE|SHARED|EXCLUSIVE|DEFAULT)\b/i, weight: 4, what: 'ALGORITHM=/LOCK=' },
  { re: /\bDEFAULT\s+CHARSET\b|\bCHARACTER\s+SET\s+utf8/i, weight: 3, what: 'CHARSET' },
  { re: /^\s*DELIMITER\s/im, weight: 4, what: 'DELIMITER' },
  { re: /\b(TINYINT|MEDIUMINT|MEDIUMTEXT|LONGTEXT|DATETIME)\b/i, weight: 2, what: 'MySQL types' },
  { re: /\bON\s+UPDATE\s+CURRENT_TIMESTAMP\b/i, weight: 3, what: 'ON UPDATE CURRENT_TIMESTAMP' },
];

const POSTGRES_CLUES: Clue[] = [
  { re: /"[A-Za-z_][\w$]*"\s*(\.|\(|,|\)|\s+(integer|text|varchar|bigint|uuid|boolean|timestamp|jsonb?|serial|ADD|DROP|RENAME|SET|TYPE|ON|REFERENCES|NOT|DEFAULT)\b)/i, weight: 3, what: 'double-quoted names' },
  { re: /::\s*[A-Za-z_]/, weight: 3, what: ':: casts' },
  { re: /\b(BIG)?SERIAL\b/i, weight: 3, what: 'SERIAL' },
  { re: /\bCONCURRENTLY\b/i, weight: 4, what: 'CONCURRENTLY' },
  { re: /\$[A-Za-z_]*\$/, weight: 4, what: 'dollar quotes' },
  { re: /\bUSING\s+INDEX\b/i, weight: 4, what: 'USING INDEX' },
  { re: /\bNOT\s+VALID\b/i, weight: 4, what: 'NOT VALID' },
  { re: /\b(TIMESTAMPTZ|JSONB|BYTEA)\b/i, weight: 3, what: 'PostgreSQL types' },
  { re: /\bCREATE\s+(TYPE\s+\S+\s+AS\s+ENUM|EXTENSION)\b/i, weight: 4, what: 'CREATE TYPE … AS ENUM / EXTENSION' },
  { re: /\bUSING\s+(gin|gist|brin|hash|btree)\b/i, weight: 3, what: 'index method' },
];

const SAMPLE = 200_000;

/** Best guess of the dialect from SQL text alone; undefined when nothing points either way. */
export function guessSqlDialect(sql: string): DialectInfo | undefined {
  const text = withoutComments(sql.length > SAMPLE ? sql.slice(0, SAMPLE) : sql);
  const score = (clues: Clue[]) => {
    const hits = clues.filter((c) => c.re.test(text));
    return { total: hits.reduce((n, c) => n + c.weight, 0), what: hits.map((c) => c.what) };
  };
  const my = score(MYSQL_CLUES);
  const pg = score(POSTGRES_CLUES);
  if (my.total === pg.total) return undefined;
  return my.total > pg.total
    ? { dialect: 'mysql', source: 'content', reason: `SQL uses ${my.what.join(', ')}` }
    : { dialect: 'postgres', source: 'content', reason: `SQL uses ${pg.what.join(', ')}` };
}

// Comments are prose: a `name` in backticks or a "quoted" word there says nothing about the dialect
// (goose/Flyway headers often quote code in Markdown style). String literals are kept as they are.
function withoutComments(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'") {
      const end = sql.indexOf("'", i + 1);
      const stop = end < 0 ? sql.length : end + 1;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end;
      out += ' ';
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
      out += ' ';
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

// node-sql-parser's per-dialect builds are a tenth of its all-dialect bundle; loaded on first use.
type ParserLike = { astify(sql: string, opt?: { database?: string }): unknown };
const parsers: Partial<Record<'mysql' | 'mariadb', ParserLike>> = {};

function parserFor(dialect: 'mysql' | 'mariadb'): ParserLike {
  if (!parsers[dialect]) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = dialect === 'mariadb' ? require('node-sql-parser/build/mariadb') : require('node-sql-parser/build/mysql');
    parsers[dialect] = new mod.Parser() as ParserLike;
  }
  return parsers[dialect]!;
}

/** The node-sql-parser AST of one statement, or the parser's error message. Never throws. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function astifyMysql(sql: string, dialect: 'mysql' | 'mariadb'): { ast?: any; error?: string } {
  try {
    return { ast: parserFor(dialect).astify(sql, { database: dialect === 'mariadb' ? 'MariaDB' : 'MySQL' }) };
  } catch (e) {
    return { error: String((e as Error).message ?? e).split('\n')[0].slice(0, 160) };
  }
}

// Where the scratch database lives: PGlite in process, or a server named by a URL. Pure.
import type { VerifyDialect } from './types';

export type DatabaseTarget =
  | { kind: 'pglite'; dialect: 'postgres' }
  | { kind: 'server'; dialect: VerifyDialect; host: string; port: number; user: string; password: string; database?: string; params: URLSearchParams };

export class DatabaseUrlError extends Error {}

const SCHEMES: Record<string, VerifyDialect> = { 'postgres:': 'postgres', 'postgresql:': 'postgres', 'mysql:': 'mysql', 'mariadb:': 'mariadb' };

export function parseDatabaseTarget(value: string): DatabaseTarget {
  if (value === 'pglite') return { kind: 'pglite', dialect: 'postgres' };
  let url: URL;
  try { url = new URL(value); } catch { throw new DatabaseUrlError(`--database must be pglite or a postgres://, mysql:// or mariadb:// URL (got ${redactUrl(value)})`); }
  const dialect = SCHEMES[url.protocol];
  if (!dialect) throw new DatabaseUrlError(`--database must be pglite or a postgres://, mysql:// or mariadb:// URL (got a ${url.protocol}// URL)`);
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || undefined;
  return {
    kind: 'server', dialect,
    host: url.hostname || '127.0.0.1',
    port: url.port ? Number(url.port) : dialect === 'postgres' ? 5432 : 3306,
    user: decodeURIComponent(url.username) || (dialect === 'postgres' ? 'postgres' : 'root'),
    password: decodeURIComponent(url.password),
    database,
    params: url.searchParams,
  };
}

/** Every URL's password replaced, for messages and reports (a driver's error may quote the URL mid-sentence). */
export function redactUrl(value: string): string {
  return value.replace(/\b([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*):[^@/\s]*@/gi, '$1:***@');
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'pglite') return 'PGlite (in process)';
  const scheme = target.dialect === 'postgres' ? 'postgres' : target.dialect;
  return `${scheme}://${target.user}${target.password ? ':***' : ''}@${target.host}:${target.port}${target.database ? `/${target.database}` : ''}`;
}

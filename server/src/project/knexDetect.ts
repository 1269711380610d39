// Knex: the knexfile's `client` and `migrations.directory` (per environment or flat), read statically.
import * as path from 'node:path';
import type { Dialect } from '../model/migration';
import type { KnexProjectInfo, MigrationDir } from './types';
import { readSmallFile } from './fileTree';
import { dialectFromDriverName } from './dialectNames';
import { migrationDirsFor } from './migrationNaming';
import { type DialectClaim, type ProjectContext, rel } from './projectContext';
import { type StaticValue, asStrings, describe, evaluate, exportedValue, scopeFor } from './staticValue';

export interface KnexDetection { info: KnexProjectInfo; dirs: MigrationDir[]; claims: DialectClaim[] }

const KNEXFILE = /^knexfile\.(?:[cm]?js|[cm]?ts)$/;
/** The environment whose settings stand for the project: production is what migrations must not break. */
const ENV_PREFERENCE = ['production', 'prod', 'staging', 'development', 'dev', 'test'];

/** Knex's `client` names → dialect (sqlite3 and pgnative are Knex's own spellings). */
export function knexClientDialect(client: string): { dialect: Dialect; note?: string } {
  const c = client.toLowerCase();
  if (c === 'pgnative' || c === 'pg-native') return { dialect: 'postgres' };
  if (c === 'sqlite3') return { dialect: 'sqlite' };
  return dialectFromDriverName(c);
}

export function detectKnex(ctx: ProjectContext, wanted: boolean): KnexDetection | undefined {
  const configFile = ctx.tree.list(ctx.root).files.filter((f) => KNEXFILE.test(f)).sort().map((f) => path.join(ctx.root, f))[0];
  if (!configFile && !wanted) return undefined;
  const info: KnexProjectInfo = {};
  const claims: DialectClaim[] = [];
  let directories: string[] = [];
  let dirReason = "Knex's default migrations/ folder";
  if (configFile) {
    info.configFile = configFile;
    const where = rel(ctx, configFile);
    const scope = scopeFor(configFile, readSmallFile(configFile) ?? '', path.dirname(configFile));
    const value = evaluate(exportedValue(scope), scope);
    const env = value.kind === 'object' ? pickEnvironment(value) : undefined;
    if (!env) {
      ctx.unknowns.push({ what: where, reason: `it exports ${describe(value)}, which cannot be read statically; using Knex's defaults` });
    } else {
      const { config, name } = env;
      const label = name ? `${where} (${name})` : where;
      const client = config.props.get('client');
      if (client?.kind === 'string') {
        info.client = client.value;
        const mapped = knexClientDialect(client.value);
        if (mapped.dialect !== 'unknown') claims.push({ dialect: mapped.dialect, reason: `${label} client "${client.value}"` });
        else ctx.unknowns.push({ what: 'Knex dialect', reason: mapped.note ?? `client "${client.value}"` });
      } else if (client) {
        ctx.unknowns.push({ what: 'Knex dialect', reason: `${label} client is ${describe(client)}, which cannot be read statically` });
      }
      const migrations = config.props.get('migrations');
      if (migrations?.kind === 'object') {
        const dir = migrations.props.get('directory');
        const dirs = asStrings(dir).filter((d): d is Extract<StaticValue, { kind: 'string' }> => d.kind === 'string').map((d) => path.resolve(path.dirname(configFile), d.value));
        if (dirs.length) { directories = dirs; dirReason = `${label} migrations.directory`; }
        else if (dir) ctx.unknowns.push({ what: `migrations.directory in ${where}`, reason: `${describe(dir)} cannot be read statically` });
        const disable = migrations.props.get('disableTransactions');
        if (disable?.kind === 'boolean') info.disableTransactions = disable.value;
      }
    }
  }
  // Knex resolves migrations.directory against the process's folder: the knexfile's, when the CLI finds it.
  if (!directories.length) directories = [path.join(configFile ? path.dirname(configFile) : ctx.root, 'migrations')];
  const claim = claims[0];
  const dirs: MigrationDir[] = [];
  for (const d of directories) {
    if (!ctx.tree.isDir(d)) continue;
    dirs.push(...migrationDirsFor(ctx.tree, d, { orm: 'knex', reason: dirReason, ...(claim ? { dialect: claim.dialect, dialectSource: 'project' as const } : {}) }));
  }
  return { info, dirs, claims };
}

/** A flat config (`{ client, migrations }`) or one per environment (`{ development: {…}, production: {…} }`). */
function pickEnvironment(value: Extract<StaticValue, { kind: 'object' }>): { config: Extract<StaticValue, { kind: 'object' }>; name?: string } | undefined {
  if (value.props.has('client') || value.props.has('migrations') || value.props.has('connection')) return { config: value };
  const envs = [...value.props.entries()].filter((e): e is [string, Extract<StaticValue, { kind: 'object' }>] => e[1].kind === 'object');
  if (!envs.length) return undefined;
  const rank = (name: string) => { const i = ENV_PREFERENCE.indexOf(name.toLowerCase()); return i < 0 ? ENV_PREFERENCE.length : i; };
  envs.sort((a, b) => rank(a[0]) - rank(b[0]));
  return { config: envs[0][1], name: envs[0][0] };
}

// Sequelize: .sequelizerc paths, config/config.{json,js,cjs} dialect per environment, and umzug setups.
import * as path from 'node:path';
import ts from 'typescript';
import type { Dialect } from '../model/migration';
import type { MigrationDir, SequelizeProjectInfo } from './types';
import { readSmallFile } from './fileTree';
import { dialectFromDriverName } from './dialectNames';
import { migrationDirsFor } from './migrationNaming';
import { type DialectClaim, type ProjectContext, findSourceFiles, rel } from './projectContext';
import { type StaticValue, asString, describe, evaluate, exportedValue, findCalls, fromJson, scopeFor } from './staticValue';
import { resolveGlob } from './typeormDetect';

export interface SequelizeDetection {
  info: SequelizeProjectInfo;
  dirs: MigrationDir[];
  claims: DialectClaim[];
}

/** The environment whose dialect stands for the project: production is what migrations must not break. */
const ENV_PREFERENCE = ['production', 'development', 'default', 'staging', 'test'];
const UMZUG_NAMES = /^(?:umzug|migrat(?:e|or|ions?)|db|database|index|main|app|server)\.(?:ts|js|cjs|mjs|mts|cts)$/i;

export function detectSequelize(ctx: ProjectContext, wanted: { sequelize: boolean; umzug: boolean }): SequelizeDetection | undefined {
  const rcFile = path.join(ctx.root, '.sequelizerc');
  const hasRc = ctx.tree.isFile(rcFile);
  if (!wanted.sequelize && !wanted.umzug && !hasRc) return undefined;

  const paths: Record<string, string | undefined> = {
    'config': path.join(ctx.root, 'config', 'config.json'),
    'migrations-path': path.join(ctx.root, 'migrations'),
    'models-path': path.join(ctx.root, 'models'),
    'seeders-path': path.join(ctx.root, 'seeders'),
  };
  const fromRc = new Set<string>();
  if (hasRc) {
    const text = readSmallFile(rcFile) ?? '';
    const scope = scopeFor(rcFile, text, ctx.root);
    const value = evaluate(exportedValue(scope), scope);
    if (value.kind === 'object') {
      for (const key of Object.keys(paths)) {
        const v = value.props.get(key);
        if (!v) continue;
        if (v.kind === 'string') { paths[key] = path.resolve(ctx.root, v.value); fromRc.add(key); }
        else ctx.unknowns.push({ what: `.sequelizerc ${key}`, reason: `${describe(v)} cannot be read without running the code; using the default` });
      }
      const url = value.props.get('url');
      if (url) ctx.notes.push(`.sequelizerc sets a connection url (${describe(url)}); the dialect is taken from the config file when it says`);
    } else {
      ctx.unknowns.push({ what: '.sequelizerc', reason: `it exports ${describe(value)}, which cannot be read statically; using sequelize-cli's defaults` });
    }
  }

  let configPath = paths['config']!;
  if (!fromRc.has('config') && !ctx.tree.isFile(configPath)) {
    configPath = ['config.js', 'config.cjs', 'database.json', 'database.js'].map((f) => path.join(ctx.root, 'config', f)).find((f) => ctx.tree.isFile(f)) ?? configPath;
  }
  const claims: DialectClaim[] = [];
  const dialectByEnv: Record<string, Dialect> = {};
  if (ctx.tree.isFile(configPath)) readConfigDialects(ctx, configPath, dialectByEnv, claims);
  else if (wanted.sequelize) ctx.unknowns.push({ what: 'Sequelize config', reason: `${rel(ctx, configPath)} does not exist; the dialect is not known` });

  // Apps wired up in code (umzug, @sequelize/core 7) have no config file: read `new Sequelize(…)` instead.
  if (claims.length === 0) claims.push(...constructorDialects(ctx));

  const info: SequelizeProjectInfo = { dialectByEnv, usesUmzug: false };
  if (hasRc) info.sequelizerc = rcFile;
  if (ctx.tree.isFile(configPath)) info.configPath = configPath;
  const projectDialect = claims[0]?.dialect;
  const dirBase = (reason: string, glob?: string): Omit<MigrationDir, 'path'> => ({
    orm: 'sequelize', reason, ...(glob ? { glob } : {}),
    ...(projectDialect && projectDialect !== 'unknown' ? { dialect: projectDialect, dialectSource: 'project' as const } : {}),
  });

  const dirs: MigrationDir[] = [];
  const migrationsPath = paths['migrations-path']!;
  if (ctx.tree.isDir(migrationsPath)) {
    info.migrationsPath = migrationsPath;
    dirs.push(...migrationDirsFor(ctx.tree, migrationsPath, dirBase(fromRc.has('migrations-path') ? '.sequelizerc migrations-path' : "sequelize-cli's default migrations/ folder")));
  } else if (fromRc.has('migrations-path')) {
    info.migrationsPath = migrationsPath;
    ctx.unknowns.push({ what: 'Sequelize migrations folder', reason: `.sequelizerc names ${rel(ctx, migrationsPath)}, which does not exist yet` });
  }
  if (ctx.tree.isDir(paths['models-path']!) || fromRc.has('models-path')) info.modelsPath = paths['models-path'];
  if (ctx.tree.isDir(paths['seeders-path']!) || fromRc.has('seeders-path')) info.seedersPath = paths['seeders-path'];

  if (wanted.umzug) {
    const globs: string[] = [];
    for (const [file, text] of findSourceFiles(ctx, UMZUG_NAMES, /\bnew\s+Umzug\b/)) {
      const scope = scopeFor(file, text, ctx.root);
      for (const call of findCalls(scope, new Set(['Umzug']))) {
        const opts = evaluate(call.arg, scope);
        const migrations = opts.kind === 'object' ? opts.props.get('migrations') : undefined;
        const glob = migrations?.kind === 'object' ? migrations.props.get('glob') : undefined;
        const resolved = umzugGlob(glob);
        if (!resolved) {
          ctx.unknowns.push({ what: `umzug migrations in ${rel(ctx, file)}`, reason: glob ? `the glob is ${describe(glob)}` : 'no static `migrations: { glob }` option' });
          continue;
        }
        info.usesUmzug = true;
        globs.push(resolved.glob);
        const abs = resolved.cwd ? path.resolve(resolved.cwd, resolved.glob) : resolved.glob;
        const r = resolveGlob(ctx, file, abs);
        if (!r.dir) { ctx.unknowns.push({ what: `umzug glob '${resolved.glob}' in ${rel(ctx, file)}`, reason: 'no such folder' }); continue; }
        for (const d of migrationDirsFor(ctx.tree, r.dir, dirBase(`new Umzug({ migrations: { glob: '${resolved.glob}' } }) in ${rel(ctx, file)}`, resolved.glob))) {
          if (!dirs.some((x) => x.path === d.path)) dirs.push(d);
        }
      }
    }
    if (globs.length) info.umzugGlobs = globs;
  }
  return { info, dirs, claims };
}

const SEQUELIZE_FILES = /^(?:.*sequelize.*|db|database|models?|index|migrat(?:e|or)|umzug|connection)(?:[.-]\w+)?\.(?:ts|js|cjs|mjs|mts|cts)$/i;
/** @sequelize/core 7 takes a dialect class from its own package. */
const DIALECT_PACKAGES: Record<string, string> = { '@sequelize/postgres': 'postgres', '@sequelize/mysql': 'mysql', '@sequelize/mariadb': 'mariadb', '@sequelize/sqlite3': 'sqlite' };

/** `new Sequelize({ dialect: 'postgres' })`, `new Sequelize('mysql://…')`, `new Sequelize({ dialect: PostgresDialect })`. */
function constructorDialects(ctx: ProjectContext): DialectClaim[] {
  const claims: DialectClaim[] = [];
  for (const [file, text] of findSourceFiles(ctx, SEQUELIZE_FILES, /\bnew\s+Sequelize\b/)) {
    const scope = scopeFor(file, text, ctx.root);
    for (const call of findCalls(scope, new Set(['Sequelize']))) {
      if (!ts.isNewExpression(call.node)) continue;
      const where = `new Sequelize(…) in ${rel(ctx, file)}`;
      const args = (call.node.arguments ?? []).map((a) => evaluate(a, scope));
      const options = args.find((a) => a.kind === 'object');
      const d = options?.kind === 'object' ? options.props.get('dialect') : undefined;
      let name: string | undefined;
      let how = '';
      if (d?.kind === 'string') { name = d.value; how = `dialect '${d.value}'`; if (d.envFallbackOf) how += ` (the fallback of process.env.${d.envFallbackOf})`; }
      else if (d?.kind === 'ref' && d.module && DIALECT_PACKAGES[d.module]) { name = DIALECT_PACKAGES[d.module]; how = `dialect ${d.name} from ${d.module}`; }
      else {
        const url = args[0]?.kind === 'string' ? args[0] : undefined;
        const scheme = url && /^([a-z0-9+]+):/i.exec(url.value)?.[1];
        if (url && scheme) { name = scheme.replace(/\+.*$/, ''); how = `connection URL ${scheme}://…${url.envFallbackOf ? ` (the fallback of process.env.${url.envFallbackOf})` : ''}`; }
      }
      if (!name) {
        ctx.unknowns.push({ what: `dialect of ${where}`, reason: d ? `dialect is ${describe(d)}` : 'its URL or options come from values known only when the app runs' });
        continue;
      }
      const mapped = dialectFromDriverName(name);
      if (mapped.dialect !== 'unknown') claims.push({ dialect: mapped.dialect, reason: `${where}: ${how}` });
      else ctx.unknowns.push({ what: `dialect of ${where}`, reason: mapped.note ?? name });
    }
  }
  return claims;
}

/** `glob: 'migrations/*.js'` or `glob: ['migrations/*.js', { cwd: __dirname }]`. */
function umzugGlob(v: StaticValue | undefined): { glob: string; cwd?: string } | undefined {
  if (v?.kind === 'string') return { glob: v.value };
  if (v?.kind === 'array' && v.items[0]?.kind === 'string') {
    const opts = v.items[1];
    const cwd = opts?.kind === 'object' ? asString(opts.props.get('cwd')) : undefined;
    return { glob: v.items[0].value, cwd };
  }
  return undefined;
}

function readConfigDialects(ctx: ProjectContext, configPath: string, out: Record<string, Dialect>, claims: DialectClaim[]): void {
  const text = readSmallFile(configPath);
  const where = rel(ctx, configPath);
  if (text === undefined) { ctx.unknowns.push({ what: `dialect in ${where}`, reason: 'the file could not be read' }); return; }
  let value: StaticValue;
  if (/\.json$/i.test(configPath)) {
    try { value = fromJson(JSON.parse(text)); } catch (e) {
      ctx.unknowns.push({ what: `dialect in ${where}`, reason: `not valid JSON (${(e as Error).message})` });
      return;
    }
  } else {
    const scope = scopeFor(configPath, text, ctx.root);
    value = evaluate(exportedValue(scope), scope);
  }
  if (value.kind !== 'object') { ctx.unknowns.push({ what: `dialect in ${where}`, reason: `the config exports ${describe(value)}, which cannot be read statically` }); return; }
  // A flat config (no environments) is one environment.
  const envs = value.props.has('dialect') || value.props.has('use_env_variable') ? new Map([['default', value as StaticValue]]) : value.props;
  const found: { env: string; dialect: Dialect; reason: string }[] = [];
  for (const [env, cfg] of envs) {
    if (cfg.kind !== 'object') continue;
    const d = cfg.props.get('dialect');
    const useEnv = asString(cfg.props.get('use_env_variable'));
    if (d?.kind === 'string') {
      const mapped = dialectFromDriverName(d.value);
      out[env] = mapped.dialect;
      if (mapped.note) ctx.unknowns.push({ what: `dialect of ${env} in ${where}`, reason: mapped.note });
      let reason = `${where} ${env}.dialect '${d.value}'`;
      if (d.envFallbackOf) { reason += ` (the fallback of process.env.${d.envFallbackOf})`; ctx.notes.push(`${where} ${env}.dialect is process.env.${d.envFallbackOf} with the fallback '${d.value}'`); }
      found.push({ env, dialect: mapped.dialect, reason });
    } else {
      out[env] = 'unknown';
      const why = useEnv ? `it connects through the URL in the environment variable ${useEnv} (use_env_variable) and states no dialect` : d ? `dialect is ${describe(d)}, known only when the app runs` : 'no dialect is set';
      ctx.unknowns.push({ what: `dialect of ${env} in ${where}`, reason: why });
    }
  }
  found.sort((a, b) => rank(a.env) - rank(b.env));
  const known = found.filter((f) => f.dialect !== 'unknown');
  if (known.length) {
    const chosen = known[0];
    const others = [...new Set(known.map((k) => k.dialect))].filter((d) => d !== chosen.dialect);
    claims.push({ dialect: chosen.dialect, reason: chosen.reason + (others.length ? `; other environments use ${others.join(', ')}` : '') });
  }
}

function rank(env: string): number {
  const i = ENV_PREFERENCE.indexOf(env);
  return i < 0 ? ENV_PREFERENCE.length : i;
}

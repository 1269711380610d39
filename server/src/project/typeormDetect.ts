// TypeORM: finds DataSource options (new DataSource({...}), createConnection, TypeOrmModule.forRoot,
// ormconfig.*) and reads type, migrations, entities and transaction mode from them, statically.
import * as path from 'node:path';
import type { Dialect } from '../model/migration';
import type { MigrationDir, TypeormProjectInfo } from './types';
import { globBase, globExtensions, isGlob, readSmallFile } from './fileTree';
import { dialectFromDriverName } from './dialectNames';
import { migrationDirsFor } from './migrationNaming';
import { type DialectClaim, type ProjectContext, findSourceFiles, rel, resolveModule } from './projectContext';
import { type StaticScope, type StaticValue, asString, asStrings, describe, evaluate, exportedValue, findCalls, fromJson, scopeFor } from './staticValue';

export interface TypeormDetection {
  info: TypeormProjectInfo;
  dirs: MigrationDir[];
  claims: DialectClaim[];
}

type DataSourceInfo = TypeormProjectInfo['dataSources'][number];
type TransactionMode = 'all' | 'each' | 'none';

const LIKELY_NAMES = /^(?:.*data-?source.*|.*ormconfig.*|(?:database|db|typeorm|orm)(?:[.-]\w+)?|connection|app\.module|config)\.(?:ts|js|cjs|mjs|mts|cts)$/i;
const MARKER = /\bnew\s+DataSource\b|\bcreateConnection\b|TypeOrmModule\.forRoot\b/;
const ORMCONFIG = ['ormconfig.json', 'ormconfig.js', 'ormconfig.cjs', 'ormconfig.mjs', 'ormconfig.ts', 'ormconfig.yml', 'ormconfig.yaml', 'ormconfig.env'];
const TX_MODES = new Set(['all', 'each', 'none']);

export function detectTypeorm(ctx: ProjectContext, wanted: boolean): TypeormDetection | undefined {
  const options: { file: string; value: StaticValue; scope?: StaticScope }[] = [];

  for (const name of ORMCONFIG) {
    const file = path.join(ctx.root, name);
    if (!ctx.tree.isFile(file)) continue;
    const text = readSmallFile(file);
    if (text === undefined) continue;
    for (const value of ormconfigValues(ctx, file, text)) options.push({ file, value });
  }

  // `typeorm migration:run -d src/data-source.ts` names the file; read it even if it has an unusual name.
  const scriptFiles = new Set<string>();
  for (const script of Object.values(ctx.pkg?.scripts ?? {})) {
    const m = /(?:-d|--dataSource|--data-source)[ =]+["']?([^\s"']+)/.exec(script);
    if (m && /typeorm/.test(script)) scriptFiles.add(path.resolve(ctx.root, m[1]));
  }
  const sourceFiles: [string, string][] = [];
  for (const f of scriptFiles) {
    const text = readSmallFile(f);
    if (text !== undefined) sourceFiles.push([f, text]);
  }
  if (wanted || sourceFiles.length > 0) {
    for (const hit of findSourceFiles(ctx, LIKELY_NAMES, MARKER)) if (!scriptFiles.has(hit[0])) sourceFiles.push(hit);
  }
  for (const [file, text] of sourceFiles) {
    const scope = scopeFor(file, text, ctx.root);
    for (const call of findCalls(scope, new Set(['DataSource', 'createConnection', 'forRoot']))) {
      // Other libraries have a createConnection too (vscode-languageserver, mysql2): only TypeORM's counts.
      if (call.callee === 'forRoot' && !/TypeOrmModule/.test(call.node.getText(scope.sourceFile).slice(0, 40))) continue;
      if (call.callee === 'createConnection' && scope.imports.get('createConnection') !== 'typeorm' && !/^typeorm\./.test(call.node.getText(scope.sourceFile))) continue;
      options.push({ file, value: evaluate(call.arg, scope), scope });
    }
  }

  if (options.length === 0 && !wanted) return undefined;
  const scriptMode = scriptTransactionMode(ctx);
  const info: TypeormProjectInfo = { configFiles: [...new Set(options.map((o) => o.file))], dataSources: [], entityFiles: [] };
  const dirs: MigrationDir[] = [];
  const claims: DialectClaim[] = [];
  const entityFiles = new Set<string>();

  for (const { file, value } of options) {
    if (value.kind !== 'object') {
      ctx.unknowns.push({ what: `TypeORM options in ${rel(ctx, file)}`, reason: `the options are ${describe(value)}, which cannot be read without running the code` });
      continue;
    }
    const ds = readDataSource(ctx, file, value, scriptMode);
    info.dataSources.push(ds);
    if (ds.dialect !== 'unknown') claims.push({ dialect: ds.dialect, reason: ds.dialectReason ?? `${rel(ctx, file)} type '${ds.type}'` });
    for (const e of ds.entities) entityFiles.add(e);
    const specs = migrationSpecs(ctx, file, value.props.get('migrations'));
    // TypeORM 0.2's cli.migrationsDir is where new migrations are generated: a migrations folder too.
    const cli = value.props.get('cli');
    const cliDir = cli?.kind === 'object' ? asString(cli.props.get('migrationsDir')) : undefined;
    if (cliDir) {
      const r = resolveGlob(ctx, file, cliDir);
      if (r.dir && !specs.some((s) => s.dir === r.dir)) specs.push({ dir: r.dir, reason: `${rel(ctx, file)} cli.migrationsDir: '${cliDir}'` });
    }
    for (const spec of specs) {
      for (const d of migrationDirsFor(ctx.tree, spec.dir, {
        orm: 'typeorm',
        glob: spec.glob,
        reason: spec.reason,
        ...(ds.dialect !== 'unknown' ? { dialect: ds.dialect, dialectSource: 'project' as const } : {}),
      })) mergeDir(ctx, dirs, d);
    }
  }
  info.entityFiles = [...entityFiles].sort();

  if (dirs.length === 0) {
    // No migrations option we could read: look for folders of TypeORM-named migration files.
    for (const d of ctx.tree.folders(ctx.root, 5, ctx.isNestedProject)) {
      if (!/migrations?$/i.test(path.basename(d))) continue;
      for (const md of migrationDirsFor(ctx.tree, d, { orm: 'typeorm', reason: 'found by its TypeORM-style file names (no readable migrations option)' })) {
        if (md.naming === 'typeorm-ms-timestamp') mergeDir(ctx, dirs, md);
      }
    }
    if (info.dataSources.length > 0 || wanted) {
      ctx.unknowns.push({ what: 'TypeORM migrations folder', reason: dirs.length ? 'no DataSource states `migrations`; using folders of <timestamp>-Name files' : 'no DataSource with a readable `migrations` option was found' });
    }
  }
  return { info, dirs, claims };
}

function readDataSource(ctx: ProjectContext, file: string, value: Extract<StaticValue, { kind: 'object' }>, scriptMode: TransactionMode | undefined): DataSourceInfo {
  const props = value.props;
  const typeValue = props.get('type');
  let dialect: Dialect = 'unknown';
  let type: string | undefined;
  let dialectReason: string | undefined;
  const where = rel(ctx, file);
  if (typeValue?.kind === 'string') {
    type = typeValue.value;
    const mapped = dialectFromDriverName(type);
    dialect = mapped.dialect;
    if (typeValue.envFallbackOf) {
      dialectReason = `${where}: type is process.env.${typeValue.envFallbackOf} with the fallback '${type}'; the environment may choose another database`;
      ctx.notes.push(dialectReason);
    } else dialectReason = `${where}: type '${type}'`;
    if (mapped.note) ctx.unknowns.push({ what: `dialect of the DataSource in ${where}`, reason: mapped.note });
  } else {
    const why = typeValue ? `type is ${describe(typeValue)}, known only when the app runs` : value.complete ? 'the options have no `type`' : 'the options are built from values that cannot be read statically';
    ctx.unknowns.push({ what: `dialect of the DataSource in ${where}`, reason: why });
  }

  const ds: DataSourceInfo = { file, dialect, migrations: [], entities: [] };
  if (type) ds.type = type;
  if (dialectReason) ds.dialectReason = dialectReason;
  const name = asString(props.get('name'));
  if (name) ds.name = name;
  const table = asString(props.get('migrationsTableName'));
  if (table) ds.migrationsTableName = table;

  const mode = asString(props.get('migrationsTransactionMode'));
  if (scriptMode) { ds.migrationsTransactionMode = scriptMode; ds.transactionModeSource = 'script'; }
  else if (mode && TX_MODES.has(mode)) { ds.migrationsTransactionMode = mode as TransactionMode; ds.transactionModeSource = 'config'; }
  else if (!props.has('migrationsTransactionMode') && value.complete) { ds.migrationsTransactionMode = 'all'; ds.transactionModeSource = 'default'; }
  else ctx.unknowns.push({ what: `migrationsTransactionMode of ${where}`, reason: `it is ${props.get('migrationsTransactionMode') ? describe(props.get('migrationsTransactionMode')!) : 'set by options that cannot be read statically'}` });

  ds.migrations = asStrings(props.get('migrations')).map((v) => v.kind === 'string' ? v.value : v.kind === 'ref' ? v.name : describe(v));
  for (const v of asStrings(props.get('entities'))) {
    if (v.kind === 'string') ds.entities.push(...resolveGlob(ctx, file, v.value).files);
    else if (v.kind === 'ref' && v.module) {
      const f = resolveModule(ctx, file, v.module);
      if (f) ds.entities.push(f);
    }
  }
  ds.entities = [...new Set(ds.entities)].sort();
  return ds;
}

/** `typeorm migration:run … -t each` in a package.json script overrides the DataSource's mode. */
function scriptTransactionMode(ctx: ProjectContext): TransactionMode | undefined {
  for (const script of Object.values(ctx.pkg?.scripts ?? {})) {
    if (!/typeorm/.test(script) || !/migration:run/.test(script)) continue;
    const m = /(?:\s-t|--transaction)[ =]+["']?(all|each|none)\b/.exec(script);
    if (m) return m[1] as TransactionMode;
  }
  return undefined;
}

interface MigrationSpec { dir: string; glob?: string; reason: string }

function migrationSpecs(ctx: ProjectContext, file: string, value: StaticValue | undefined): MigrationSpec[] {
  const specs: MigrationSpec[] = [];
  const where = rel(ctx, file);
  for (const v of asStrings(value)) {
    if (v.kind === 'string') {
      const r = resolveGlob(ctx, file, v.value);
      if (r.dir) specs.push({ dir: r.dir, glob: v.value, reason: `${where} migrations: '${v.value}'${r.note ? ` (${r.note})` : ''}` });
      else ctx.unknowns.push({ what: `migrations '${v.value}' in ${where}`, reason: 'no such folder relative to the project root or to the config file' });
    } else if (v.kind === 'ref') {
      const f = v.module ? resolveModule(ctx, file, v.module) : undefined;
      if (f) specs.push({ dir: path.dirname(f), reason: `${where} migrations: [${v.name}] imported from ${v.module}` });
      else ctx.unknowns.push({ what: `migration class ${v.name} in ${where}`, reason: v.module ? `its import '${v.module}' does not resolve to a file` : 'it is not imported from a file' });
    } else {
      ctx.unknowns.push({ what: `migrations in ${where}`, reason: `${describe(v)} cannot be read without running the code` });
    }
  }
  return specs;
}

/**
 * Resolves a TypeORM path/glob. TypeORM resolves relative globs against the working directory (the
 * project root); we also try the config's folder. Globs into dist/ map back to the sources when they exist.
 */
export function resolveGlob(ctx: ProjectContext, configFile: string, glob: string): { dir?: string; files: string[]; note?: string } {
  const candidates = path.isAbsolute(glob) ? [glob] : [path.resolve(ctx.root, glob), path.resolve(path.dirname(configFile), glob)];
  for (const candidate of candidates) {
    // Sources first: a glob into dist/ runs the compiled copies of the files the user edits.
    const mapped = mapBuildToSource(ctx, candidate);
    const fromSrc = mapped && existingBase(ctx, mapped.glob);
    if (mapped && fromSrc) {
      const note = `'${glob}' points into ${mapped.buildDir}/; the sources in ${rel(ctx, fromSrc.dir!)} are used instead`;
      if (!ctx.notes.includes(note)) ctx.notes.push(note);
      return { ...fromSrc, note: `mapped from ${mapped.buildDir}/ to the sources` };
    }
    const found = existingBase(ctx, candidate);
    if (found) return found;
  }
  return { files: [] };
}

function existingBase(ctx: ProjectContext, absGlob: string): { dir?: string; files: string[] } | undefined {
  if (!isGlob(absGlob)) {
    if (ctx.tree.isDir(absGlob)) return { dir: absGlob, files: ctx.tree.files(absGlob, 6) };
    if (ctx.tree.isFile(absGlob)) return { dir: path.dirname(absGlob), files: [absGlob] };
    return undefined;
  }
  const base = globBase(absGlob.split(path.sep).join('/')).split('/').join(path.sep);
  if (!ctx.tree.isDir(base)) return undefined;
  return { dir: base, files: ctx.tree.glob(absGlob) };
}

/** `<root>/dist/migrations/*.js` → `<root>/src/migrations/*.{ts,js}` (or `dist/src/…` → `src/…`). */
function mapBuildToSource(ctx: ProjectContext, absGlob: string): { glob: string; buildDir: string } | undefined {
  const relPath = path.relative(ctx.root, absGlob);
  if (relPath.startsWith('..')) return undefined;
  const parts = relPath.split(path.sep);
  const buildDir = parts[0];
  if (!['dist', 'build', 'out', 'lib'].includes(buildDir)) return undefined;
  const rest = parts[1] === 'src' ? parts.slice(2) : parts.slice(1);
  let glob = path.join(ctx.root, 'src', ...rest);
  const exts = globExtensions(glob);
  if (exts && exts.includes('.js') && !exts.includes('.ts')) glob = glob.replace(/\*\.(?:\{[^}]+\}|js)$/, '*.{ts,js}');
  return { glob, buildDir };
}

function mergeDir(ctx: ProjectContext, dirs: MigrationDir[], d: MigrationDir): void {
  const same = dirs.find((x) => x.path === d.path);
  if (!same) { dirs.push(d); return; }
  if (same.dialect && d.dialect && same.dialect !== d.dialect && same.dialectSource === d.dialectSource) {
    ctx.unknowns.push({ what: `dialect of ${rel(ctx, d.path)}`, reason: `two DataSources run these migrations, one on ${same.dialect} and one on ${d.dialect}` });
    same.dialect = undefined;
    same.dialectSource = undefined;
  }
}

/** ormconfig.json (object or array), ormconfig.js/ts (exported object), ormconfig.yml and ormconfig.env. */
function ormconfigValues(ctx: ProjectContext, file: string, text: string): StaticValue[] {
  const ext = path.extname(file);
  if (ext === '.json') {
    try {
      const v = fromJson(JSON.parse(text));
      return v.kind === 'array' ? v.items : [v];
    } catch (e) {
      ctx.unknowns.push({ what: rel(ctx, file), reason: `not valid JSON (${(e as Error).message})` });
      return [];
    }
  }
  if (ext === '.js' || ext === '.cjs' || ext === '.mjs' || ext === '.ts') {
    const scope = scopeFor(file, text, ctx.root);
    const v = evaluate(exportedValue(scope), scope);
    return v.kind === 'array' ? v.items : [v];
  }
  if (ext === '.env') {
    const env = new Map<string, string>();
    for (const line of text.split(/\r?\n/)) {
      const m = /^\s*(TYPEORM_\w+)\s*=\s*(.*?)\s*$/.exec(line);
      if (m) env.set(m[1], m[2].replace(/^["']|["']$/g, ''));
    }
    const props = new Map<string, StaticValue>();
    const set = (key: string, envKey: string, list = false) => {
      const v = env.get(envKey);
      if (v === undefined) return;
      props.set(key, list ? { kind: 'array', items: v.split(',').map((s) => ({ kind: 'string' as const, value: s.trim() })) } : { kind: 'string', value: v });
    };
    set('type', 'TYPEORM_CONNECTION');
    set('migrations', 'TYPEORM_MIGRATIONS', true);
    set('entities', 'TYPEORM_ENTITIES', true);
    set('migrationsTableName', 'TYPEORM_MIGRATIONS_TABLE_NAME');
    set('migrationsTransactionMode', 'TYPEORM_MIGRATIONS_TRANSACTION_MODE');
    return [{ kind: 'object', props, complete: true }];
  }
  return [readSimpleYaml(text)];
}

/** Top-level `key: value` and `key:` followed by `- item` lines: all ormconfig.yml ever needs here. */
function readSimpleYaml(text: string): StaticValue {
  const props = new Map<string, StaticValue>();
  let listKey: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, '');
    if (!line.trim()) continue;
    const item = /^\s+-\s*(.+)$/.exec(line);
    if (item && listKey) {
      const list = props.get(listKey) as Extract<StaticValue, { kind: 'array' }>;
      list.items.push({ kind: 'string', value: unquote(item[1]) });
      continue;
    }
    const kv = /^\s*([\w-]+)\s*:\s*(.*)$/.exec(line);
    if (!kv) continue;
    if (kv[2] === '') { listKey = kv[1]; props.set(kv[1], { kind: 'array', items: [] }); continue; }
    listKey = undefined;
    const flow = /^\[(.*)\]$/.exec(kv[2]);
    props.set(kv[1], flow ? { kind: 'array', items: flow[1].split(',').map((s) => ({ kind: 'string' as const, value: unquote(s) })) } : { kind: 'string', value: unquote(kv[2]) });
  }
  return { kind: 'object', props, complete: true };
}

function unquote(s: string): string { return s.trim().replace(/^["']|["']$/g, ''); }

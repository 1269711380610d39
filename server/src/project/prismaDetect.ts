// Prisma: schema location(s), datasource provider, models (through the Prisma parser) and the migrations folder.
import * as path from 'node:path';
import type { MigrationDir, PrismaProjectInfo } from './types';
import { readSmallFile } from './fileTree';
import { dialectFromDriverName } from './dialectNames';
import { learnNaming } from './migrationNaming';
import { type DialectClaim, type ProjectContext, rel } from './projectContext';
import { asString, describe, evaluate, exportedValue, scopeFor } from './staticValue';
import { readPrismaSchemaFiles } from '../readers/prisma/prismaSchemaReader';

export interface PrismaDetection {
  info: PrismaProjectInfo;
  dirs: MigrationDir[];
  claims: DialectClaim[];
}

const CONFIG_FILES = ['prisma.config.ts', 'prisma.config.mts', 'prisma.config.js', 'prisma.config.cjs', 'prisma.config.mjs', '.config/prisma.ts'];
const MAX_SCHEMA_BYTES = 2_000_000;

export function detectPrisma(ctx: ProjectContext, wanted: boolean): PrismaDetection | undefined {
  let schemaSetting: { path: string; from: string } | undefined;
  let migrationsSetting: { path: string; from: string } | undefined;
  const configFile = CONFIG_FILES.map((f) => path.join(ctx.root, f)).find((f) => ctx.tree.isFile(f));
  if (configFile) {
    const scope = scopeFor(configFile, readSmallFile(configFile) ?? '', ctx.root);
    const value = evaluate(exportedValue(scope), scope);
    const where = rel(ctx, configFile);
    if (value.kind === 'object') {
      const schema = value.props.get('schema');
      if (schema?.kind === 'string') schemaSetting = { path: path.resolve(path.dirname(configFile), schema.value), from: `${where} schema` };
      else if (schema) ctx.unknowns.push({ what: `schema in ${where}`, reason: `${describe(schema)} cannot be read statically` });
      const migrations = value.props.get('migrations');
      const mp = migrations?.kind === 'object' ? migrations.props.get('path') : undefined;
      const mpath = asString(mp);
      if (mpath) migrationsSetting = { path: path.resolve(path.dirname(configFile), mpath), from: `${where} migrations.path` };
      else if (mp) ctx.unknowns.push({ what: `migrations.path in ${where}`, reason: `${describe(mp)} cannot be read statically` });
    } else {
      ctx.unknowns.push({ what: where, reason: `it exports ${describe(value)}, which cannot be read statically` });
    }
  }
  const pkgSchema = ctx.pkg?.prisma?.schema;
  if (!schemaSetting && typeof pkgSchema === 'string') schemaSetting = { path: path.resolve(ctx.root, pkgSchema), from: 'package.json prisma.schema' };

  const defaults = [path.join(ctx.root, 'prisma', 'schema.prisma'), path.join(ctx.root, 'schema.prisma'), path.join(ctx.root, 'prisma', 'schema')];
  const schemaPath = schemaSetting?.path ?? defaults.find((p) => ctx.tree.isFile(p) || ctx.tree.isDir(p));
  if (!schemaPath && !wanted && !configFile) return undefined;

  const schemaFiles = !schemaPath ? [] : ctx.tree.isDir(schemaPath) ? ctx.tree.files(schemaPath, 4).filter((f) => f.endsWith('.prisma')) : ctx.tree.isFile(schemaPath) ? [schemaPath] : [];
  if (schemaSetting && schemaFiles.length === 0) ctx.unknowns.push({ what: 'Prisma schema', reason: `${schemaSetting.from} names ${rel(ctx, schemaSetting.path)}, which has no .prisma file` });
  else if (schemaFiles.length === 0) ctx.unknowns.push({ what: 'Prisma schema', reason: 'no prisma/schema.prisma, schema.prisma or prisma/schema/ folder' });

  const texts: [string, string][] = [];
  for (const f of schemaFiles) {
    const t = readSmallFile(f, MAX_SCHEMA_BYTES);
    if (t !== undefined) texts.push([f, t]);
  }
  const claims: DialectClaim[] = [];
  const info: PrismaProjectInfo = { schemaPaths: schemaFiles, migrationsPath: '', models: [] };
  if (configFile) info.configFile = configFile;
  if (texts.length) {
    const schema = readPrismaSchemaFiles(texts);
    info.models = schema.models;
    if (schema.provider) info.provider = schema.provider;
    if (schema.problems.length) {
      ctx.unknowns.push({ what: 'Prisma models', reason: `the schema does not validate (${schema.problems[0].message}${schema.problems.length > 1 ? `, and ${schema.problems.length - 1} more` : ''}); models were read by a simpler scan and may be incomplete` });
    }
  }

  // Prisma keeps migrations next to the schema file that holds the datasource block.
  const datasourceFile = texts.find(([, t]) => /^\s*datasource\s+\w+\s*\{/m.test(t))?.[0] ?? schemaFiles[0];
  let migrationsPath = migrationsSetting?.path;
  let dirReason = migrationsSetting?.from;
  if (!migrationsPath) {
    const nextToSchema = datasourceFile ? path.join(path.dirname(datasourceFile), 'migrations') : undefined;
    const candidates = [nextToSchema, path.join(ctx.root, 'prisma', 'migrations')].filter((p): p is string => !!p);
    migrationsPath = candidates.find((p) => ctx.tree.isDir(p)) ?? candidates[0];
    dirReason = "Prisma's default: migrations/ next to the schema";
  }
  info.migrationsPath = migrationsPath;

  const lockText = readSmallFile(path.join(migrationsPath, 'migration_lock.toml'));
  const lockProvider = lockText ? /provider\s*=\s*"([^"]+)"/.exec(lockText)?.[1] : undefined;
  if (lockProvider) info.lockProvider = lockProvider;
  const provider = info.provider ?? lockProvider;
  if (provider) {
    const mapped = dialectFromDriverName(provider);
    const from = info.provider ? `${rel(ctx, datasourceFile!)} datasource provider "${provider}"` : `migration_lock.toml provider "${provider}"`;
    if (mapped.dialect !== 'unknown') claims.push({ dialect: mapped.dialect, reason: from + (mapped.dialect === 'mysql' ? ' (Prisma uses "mysql" for MariaDB too; set the dialect to mariadb if that is your server)' : '') });
    else ctx.unknowns.push({ what: 'Prisma dialect', reason: mapped.note ?? `provider "${provider}"` });
    if (mapped.dialect === 'mysql') ctx.notes.push('Prisma\'s provider "mysql" also covers MariaDB; the dialect is reported as mysql');
    if (info.provider && lockProvider && info.provider !== lockProvider) ctx.notes.push(`schema provider "${info.provider}" differs from migration_lock.toml "${lockProvider}": Prisma refuses to migrate until they match`);
  } else if (texts.length) {
    ctx.unknowns.push({ what: 'Prisma dialect', reason: 'the schema has no datasource block with a provider' });
  }

  const dirs: MigrationDir[] = [];
  if (ctx.tree.isDir(migrationsPath)) {
    const claim = claims[0];
    dirs.push({
      path: migrationsPath, orm: 'prisma', reason: dirReason, ...learnNaming(ctx.tree, migrationsPath),
      ...(claim ? { dialect: claim.dialect, dialectSource: 'project' as const } : {}),
    });
    if (!dirs[0].naming) { dirs[0].naming = 'prisma-folder'; dirs[0].extension = '.sql'; }
  }
  return { info, dirs, claims };
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG, type SafeMigrationsConfig } from './types';
import { findStatsFile, readStatsFile } from '../stats/statsFile';
import { parseTableStats } from '../stats/tableStats';

export interface LoadedConfig {
  config: SafeMigrationsConfig;
  /** Files the config came from, nearest last; empty when only defaults apply. */
  sources: string[];
  /** Problems reading a config file (bad JSON, wrong types), shown to the user instead of failing. */
  problems: string[];
}

const CONFIG_FILE = '.safe-migrations.json';

/**
 * Finds `.safe-migrations.json` or a `safeMigrations` key in package.json, from `folder` up to the
 * filesystem root (the nearest wins), then applies `overrides` (CLI flags, VS Code settings) on top.
 */
export function loadConfigWithSources(folder: string, overrides: Partial<SafeMigrationsConfig> = {}): LoadedConfig {
  const problems: string[] = [];
  const sources: string[] = [];
  let found: Partial<SafeMigrationsConfig> = {};
  let dir = path.resolve(folder);
  for (;;) {
    const fromFile = readJson(path.join(dir, CONFIG_FILE), problems);
    if (fromFile !== undefined) { found = fromFile as Partial<SafeMigrationsConfig>; sources.push(path.join(dir, CONFIG_FILE)); break; }
    const pkg = readJson(path.join(dir, 'package.json'), problems) as { safeMigrations?: unknown } | undefined;
    if (pkg && typeof pkg === 'object' && pkg.safeMigrations && typeof pkg.safeMigrations === 'object') {
      found = pkg.safeMigrations as Partial<SafeMigrationsConfig>;
      sources.push(path.join(dir, 'package.json') + '#safeMigrations');
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const config = mergeConfig(mergeConfig(DEFAULT_CONFIG, sanitize(found, problems)), sanitize(overrides, problems));
  if (!config.tableStats) {
    // Statistics are optional: without a file the findings are as before; a broken file is reported, not fatal.
    const configDir = sources.length ? path.dirname(sources[0].replace(/#safeMigrations$/, '')) : undefined;
    const statsFile = findStatsFile(folder, configDir, config.statsFile);
    if (statsFile) try { config.tableStats = readStatsFile(statsFile); } catch (e) { problems.push(`statsFile ${(e as Error).message}; ignored`); }
  }
  return { config, sources, problems };
}

export function loadConfig(folder: string, overrides: Partial<SafeMigrationsConfig> = {}): SafeMigrationsConfig {
  return loadConfigWithSources(folder, overrides).config;
}

export function mergeConfig(base: SafeMigrationsConfig, over: Partial<SafeMigrationsConfig>): SafeMigrationsConfig {
  const merged = { ...base } as SafeMigrationsConfig & Record<string, unknown>;
  for (const [k, v] of Object.entries(over)) if (v !== undefined && v !== null) merged[k] = v;
  merged.rules = { ...base.rules, ...(over.rules ?? {}) };
  return merged;
}

function readJson(file: string, problems: string[]): unknown {
  let text: string;
  try { text = fs.readFileSync(file, 'utf8'); } catch { return undefined; }
  try { return JSON.parse(text.replace(/^\uFEFF/, '')); } catch (e) {
    problems.push(`${file}: not valid JSON (${(e as Error).message}); ignored`);
    return undefined;
  }
}

const DIALECTS = new Set(['postgres', 'mysql', 'mariadb', 'sqlite']);
const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** Drops values of the wrong type (with a message) so a typo in the config never breaks analysis. */
function sanitize(raw: Partial<SafeMigrationsConfig>, problems: string[]): Partial<SafeMigrationsConfig> {
  const out: Partial<SafeMigrationsConfig> = {};
  if (!raw || typeof raw !== 'object') return out;
  const bad = (key: string, why: string) => problems.push(`config "${key}": ${why}; ignored`);
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || value === null) continue;
    switch (key) {
      case 'dialect':
        if (value === 'auto') break;
        if (typeof value === 'string' && DIALECTS.has(value)) out.dialect = value as SafeMigrationsConfig['dialect'];
        else bad(key, 'expected postgres, mysql, mariadb or sqlite');
        break;
      case 'orm':
        if (['typeorm', 'sequelize', 'prisma', 'sql', 'knex', 'drizzle', 'node-pg-migrate'].includes(value as string)) out.orm = value as SafeMigrationsConfig['orm'];
        else bad(key, 'expected typeorm, sequelize, prisma, sql, knex, drizzle or node-pg-migrate');
        break;
      case 'typeormTransactionMode':
        if (['all', 'each', 'none'].includes(value as string)) out.typeormTransactionMode = value as 'all';
        else bad(key, 'expected all, each or none');
        break;
      case 'postgresVersion':
      case 'recentlyCreated':
        if (typeof value === 'number' && Number.isFinite(value)) out[key] = value;
        else bad(key, 'expected a number');
        break;
      case 'mysqlVersion':
      case 'mariadbVersion':
        if (typeof value === 'string' || typeof value === 'number') out[key] = String(value);
        else bad(key, 'expected a version string like "8.0.28"');
        break;
      case 'smallTables':
      case 'migrationsPaths':
        if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out[key] = value as string[];
        else bad(key, 'expected an array of strings');
        break;
      case 'statsFile':
        if (typeof value === 'string' && value.trim()) out.statsFile = value.trim();
        else bad(key, 'expected a file path');
        break;
      case 'largeTableRows':
        if (typeof value === 'number' && Number.isFinite(value) && value >= 0) out.largeTableRows = value;
        else bad(key, 'expected a number of rows');
        break;
      case 'tableStats':
        try { out.tableStats = parseTableStats(value); } catch (e) { bad(key, (e as Error).message); }
        break;
      case 'scope':
        if (value === 'all' || value === 'changed') out.scope = value;
        else bad(key, 'expected "all" or "changed"');
        break;
      case 'extends':
        if (value === 'recommended' || value === 'strict') out.extends = value;
        else bad(key, 'expected "recommended" or "strict"');
        break;
      case 'startAfter':
        if (value === '') break;
        if (typeof value === 'string' && value.trim() || typeof value === 'number') out.startAfter = String(value).trim();
        else bad(key, 'expected a migration timestamp or name');
        break;
      case 'rules':
        if (typeof value === 'object' && !Array.isArray(value)) {
          const rules: Record<string, 'error'> = {};
          for (const [id, sev] of Object.entries(value as Record<string, unknown>)) {
            if (typeof sev === 'string' && SEVERITIES.has(sev)) rules[id] = sev as 'error';
            else if (sev === false) rules[id] = 'off' as 'error';
            else bad(`rules.${id}`, 'expected error, warning, info, hint or off');
          }
          out.rules = rules;
        } else bad(key, 'expected an object of rule id → severity');
        break;
      default:
        // Unknown keys are kept for forward compatibility (other tools may share the file).
        (out as Record<string, unknown>)[key] = value;
    }
  }
  return out;
}

// Finds and reads the stats file for a folder: the config's `statsFile`, else the nearest
// `.safe-migrations-stats.json` up to the repository root. Parsed once per file version (mtime, size).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_STATS_FILE, parseTableStats, type TableStats } from './tableStats';

/** `statsFile` resolved against the config's folder, or the nearest default file from `folder` up to the repository root. */
export function findStatsFile(folder: string, configDir: string | undefined, statsFile: string | undefined): string | undefined {
  if (statsFile) return path.resolve(configDir ?? folder, statsFile);
  let dir = path.resolve(folder);
  for (;;) {
    const candidate = path.join(dir, DEFAULT_STATS_FILE);
    if (fs.existsSync(candidate)) return candidate;
    if (fs.existsSync(path.join(dir, '.git'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

const cache = new Map<string, { stamp: string; stats: TableStats }>();

/** The parsed file; throws with a readable reason (missing, bad JSON, wrong shape). */
export function readStatsFile(file: string): TableStats {
  let stat: fs.Stats;
  try { stat = fs.statSync(file); } catch { throw new Error(`${file}: not found`); }
  const stamp = `${stat.mtimeMs}:${stat.size}`;
  const hit = cache.get(file);
  if (hit && hit.stamp === stamp) return hit.stats;
  let stats: TableStats;
  try { stats = parseTableStats(JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''))); } catch (e) {
    throw new Error(`${file}: not a safe-migrations stats file (${(e as Error).message})`);
  }
  cache.set(file, { stamp, stats });
  return stats;
}

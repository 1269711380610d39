import type { SafeMigrationsConfig } from '../config/types';
import type { Dialect } from '../model/migration';

/** Compares dotted versions numerically: '8.0.29' > '8.0.3'. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((p) => parseInt(p, 10) || 0);
  const pb = b.split('.').map((p) => parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The server version the config says this dialect runs, as a dotted string. */
export function serverVersion(dialect: Dialect, config: SafeMigrationsConfig): string | undefined {
  if (dialect === 'postgres') return String(config.postgresVersion);
  if (dialect === 'mysql') return config.mysqlVersion;
  if (dialect === 'mariadb') return config.mariadbVersion;
  return undefined;
}

export function versionAtLeast(dialect: Dialect, config: SafeMigrationsConfig, min: string): boolean {
  const v = serverVersion(dialect, config);
  return v === undefined ? true : compareVersions(v, min) >= 0;
}

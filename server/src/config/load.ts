// Placeholder: reads .safe-migrations.json / package.json#safeMigrations up the tree.
import { DEFAULT_CONFIG, type SafeMigrationsConfig } from './types';

export function loadConfig(folder: string, overrides: Partial<SafeMigrationsConfig> = {}): SafeMigrationsConfig { void folder; return { ...DEFAULT_CONFIG, ...overrides }; }

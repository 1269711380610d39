// Reads real migration texts through the engine and runs the rule catalogue over them.
import { initEngine, readMigrationText } from '../../../server/src/engine/engine';
import { DEFAULT_CONFIG, type SafeMigrationsConfig } from '../../../server/src/config/types';
import type { Finding } from '../../../server/src/model/finding';
import type { FileModel } from '../../../server/src/model/migration';
import { runRules } from '../../../server/src/rules';
import type { RuleDialect } from '../../../server/src/rules/rule';

export interface RuleCase {
  rule: string;
  dialect: RuleDialect;
  /** true: the rule must report; false: it must stay silent. */
  expect: boolean;
  text: string;
  /** Defaults to a dbmate-style SQL file; `.ts` is read as TypeORM, `.js` as Sequelize. */
  path?: string;
  /** Earlier migration files of the same folder (checked together, in order). */
  earlier?: { path: string; text: string }[];
  config?: Partial<SafeMigrationsConfig>;
  /** The finding's message must match. */
  message?: RegExp;
  name?: string;
}

export const SQL_PATH = 'db/migrations/20240102000000_change.sql';
export const TYPEORM_PATH = 'src/migrations/1700000000001-Change.ts';
export const SEQUELIZE_PATH = 'migrations/20240102000000-change.js';

let ready: Promise<void> | undefined;
export function engineReady(): Promise<void> { return (ready ??= initEngine()); }

export function readFile(path: string, text: string, dialect: RuleDialect): FileModel {
  const f = readMigrationText(path, text, { dialect });
  return { ...f, text: f.text ?? text };
}

export function findingsFor(c: Pick<RuleCase, 'text' | 'path' | 'earlier' | 'config' | 'dialect'>): { findings: Finding[]; file: FileModel } {
  const file = readFile(c.path ?? SQL_PATH, c.text, c.dialect);
  const earlier = [existing(c.dialect), ...(c.earlier ?? [])].map((e) => readFile(e.path, e.text, c.dialect));
  // Rule tests exercise every rule, the opt-in strict set included.
  const config: SafeMigrationsConfig = { ...DEFAULT_CONFIG, extends: 'strict', ...c.config };
  const findings = runRules([...earlier, file], config).filter((f) => f.path === undefined || f.path === file.path);
  return { findings, file };
}

/** The same migration text for each of the given dialects. */
export function each(rule: string, dialects: RuleDialect[], expect: boolean, text: string, extra: Partial<RuleCase> = {}): RuleCase[] {
  return dialects.map((dialect) => ({ rule, dialect, expect, text, ...extra }));
}

export const ALL: RuleDialect[] = ['postgres', 'mysql', 'mariadb'];
export const MY: RuleDialect[] = ['mysql', 'mariadb'];

/** An earlier, shipped migration that created the usual tables (so later changes hit existing tables). */
export const EXISTING_PG = { path: 'db/migrations/20240101000000_init.sql', text: "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\nCREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint NOT NULL, total numeric(10,2), note varchar(20), status text);\n" };
export const EXISTING_MY = { path: 'db/migrations/20240101000000_init.sql', text: "CREATE TABLE accounts (id bigint PRIMARY KEY, email varchar(100)) CHARSET utf8mb4;\nCREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint NOT NULL, total decimal(10,2), note varchar(20), nick varchar(50), status enum('new','paid'), n int NULL) CHARSET utf8mb4;\n" };
export function existing(dialect: RuleDialect) { return dialect === 'postgres' ? EXISTING_PG : EXISTING_MY; }

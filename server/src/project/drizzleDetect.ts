// Drizzle Kit: drizzle.config.* (or the config a package.json script passes with --config) for the
// dialect and the `out` folder; meta/_journal.json's dialect when the config cannot be read.
import * as path from 'node:path';
import type { MigrationDir } from './types';
import { readSmallFile } from './fileTree';
import { learnNaming } from './migrationNaming';
import { type DialectClaim, type ProjectContext, rel } from './projectContext';
import { describe, evaluate, exportedValue, scopeFor } from './staticValue';
import { drizzleDialect, parseDrizzleJournal } from '../readers/drizzle/drizzleMigrationReader';

export interface DrizzleDetection { configFiles: string[]; dirs: MigrationDir[]; claims: DialectClaim[] }

const CONFIG_FILE = /^drizzle\.config\.(?:[cm]?[jt]s|json)$/;
/** `drizzle-kit generate --config=configs/postgresql.config.ts` / `--config ./x.ts`. */
const SCRIPT_CONFIG = /drizzle-kit\b[^&|;]*?--config[=\s]+["']?([^\s"'&|;]+)/g;

export function detectDrizzle(ctx: ProjectContext, wanted: boolean): DrizzleDetection | undefined {
  const configs = new Set(ctx.tree.list(ctx.root).files.filter((f) => CONFIG_FILE.test(f)).map((f) => path.join(ctx.root, f)));
  for (const script of Object.values(ctx.pkg?.scripts ?? {})) {
    for (const m of script.matchAll(SCRIPT_CONFIG)) {
      const file = path.resolve(ctx.root, m[1]);
      if (ctx.tree.isFile(file)) configs.add(file);
    }
  }
  if (!configs.size && !wanted) return undefined;
  const claims: DialectClaim[] = [];
  const dirs: MigrationDir[] = [];
  const outs: { dir: string; claim?: DialectClaim; reason: string }[] = [];
  for (const file of [...configs].sort()) {
    const where = rel(ctx, file);
    const text = readSmallFile(file) ?? '';
    const scope = scopeFor(file, text, ctx.root);
    const value = file.endsWith('.json') ? jsonValue(text) : evaluate(exportedValue(scope), scope);
    if (value?.kind !== 'object') {
      ctx.unknowns.push({ what: where, reason: `it exports ${value ? describe(value) : 'no object'}, which cannot be read statically` });
      continue;
    }
    const dialectValue = value.props.get('dialect') ?? value.props.get('driver');
    let claim: DialectClaim | undefined;
    if (dialectValue?.kind === 'string') {
      const d = drizzleDialect(dialectValue.value);
      const key = value.props.has('dialect') ? 'dialect' : 'driver';
      if (d) { claim = { dialect: d, reason: `${where} ${key}: "${dialectValue.value}"` }; claims.push(claim); }
      else ctx.unknowns.push({ what: 'Drizzle dialect', reason: `${where} ${key} "${dialectValue.value}" is not a database Safe Migrations supports` });
    } else if (dialectValue) {
      ctx.unknowns.push({ what: 'Drizzle dialect', reason: `${where} dialect is ${describe(dialectValue)}, which cannot be read statically` });
    }
    const out = value.props.get('out');
    // drizzle-kit resolves `out` against the folder it runs in (the package), default ./drizzle.
    const said = claim ? `, ${value.props.has('dialect') ? 'dialect' : 'driver'} "${(dialectValue as { value: string }).value}"` : '';
    if (out?.kind === 'string') outs.push({ dir: path.resolve(ctx.root, out.value), claim, reason: `${where}: out "${out.value}"${said}` });
    else {
      if (out) ctx.unknowns.push({ what: `out in ${where}`, reason: `${describe(out)} cannot be read statically; using ./drizzle` });
      outs.push({ dir: path.join(ctx.root, 'drizzle'), claim, reason: `drizzle-kit's default ./drizzle (${where} has no out${said})` });
    }
  }
  if (!outs.length) outs.push({ dir: path.join(ctx.root, 'drizzle'), reason: "drizzle-kit's default ./drizzle" });
  for (const { dir, claim, reason } of outs) {
    if (!ctx.tree.isDir(dir) || dirs.some((d) => d.path === dir)) continue;
    const journal = parseDrizzleJournal(readSmallFile(path.join(dir, 'meta', '_journal.json')));
    const journalDialect = drizzleDialect(journal?.dialect);
    const c = claim ?? (journalDialect ? { dialect: journalDialect, reason: `${rel(ctx, dir)}/meta/_journal.json dialect "${journal!.dialect}"` } : undefined);
    if (!claim && c) claims.push(c);
    dirs.push({ path: dir, orm: 'drizzle', reason, ...learnNaming(ctx.tree, dir), ...(c ? { dialect: c.dialect, dialectSource: 'project' as const } : {}) });
  }
  return { configFiles: [...configs], dirs, claims };
}

function jsonValue(text: string): ReturnType<typeof evaluate> | undefined {
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    const props = new Map<string, ReturnType<typeof evaluate>>();
    for (const [k, x] of Object.entries(v)) if (typeof x === 'string') props.set(k, { kind: 'string', value: x });
    return { kind: 'object', props, complete: true };
  } catch { return undefined; }
}

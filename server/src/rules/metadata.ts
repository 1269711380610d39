// Rule metadata as plain JSON: the CLI's `rules --format json`, the config schema and the docs generator read it.
import type { Severity } from '../model/finding';
import type { OrmSnippets, Rule, RuleDialect, RuleEquivalents, RuleSet } from './rule';

export interface RuleMetadata {
  id: string;
  category: string;
  /** The rule set it belongs to: `recommended` (default) or `strict` (opt-in). */
  set: RuleSet;
  severity: Severity;
  dialects: RuleDialect[];
  versions?: Rule['versions'];
  summary: string;
  why: string;
  /** The safe alternative in words. */
  safeAlternative: string;
  /** Concrete snippets of it per ORM. */
  snippets: OrmSnippets;
  equivalents: RuleEquivalents;
  fixable: boolean;
  /** Path of the docs page, relative to the repository root. */
  docs: string;
}

export const DOCS_BASE = 'docs/rules';

export function ruleMetadata(rule: Rule): RuleMetadata {
  return {
    id: rule.id, category: rule.category, set: rule.set ?? 'recommended', severity: rule.severity, dialects: rule.dialects,
    ...(rule.versions ? { versions: rule.versions } : {}),
    summary: rule.summary, why: rule.why, safeAlternative: rule.safeAlternative.text, snippets: rule.safeAlternative.snippets, equivalents: rule.equivalents,
    fixable: !!rule.fixable, docs: `${DOCS_BASE}/${rule.id}.md`,
  };
}

/** JSON schema of the `rules` config key (one property per rule), for `.safe-migrations.json` and VS Code settings. */
export function rulesConfigSchema(rules: Rule[]): { type: 'object'; additionalProperties: false; properties: Record<string, { enum: string[]; default: Severity; description: string; markdownDescription: string }> } {
  const properties: Record<string, { enum: string[]; default: Severity; description: string; markdownDescription: string }> = {};
  for (const r of rules) {
    properties[r.id] = { enum: ['error', 'warning', 'info', 'hint', 'off'], default: r.severity, description: r.summary, markdownDescription: `${r.summary} ([docs](${DOCS_BASE}/${r.id}.md))` };
  }
  return { type: 'object', additionalProperties: false, properties };
}

// Generates docs/rules/<id>.md and docs/rules/README.md from the rule metadata.
// Run: node --import tsx scripts/gen-rule-docs.mjs [--check]   (--check: fail if the committed docs are stale)
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// Always the sources (through tsx): a stale out/ must not decide what the docs say.
const { allRules } = require(join(root, 'server/src/rules/index.ts'));

const DIALECT = { postgres: 'PostgreSQL', mysql: 'MySQL', mariadb: 'MariaDB' };
const CATEGORY = {
  locks: 'Locks and rewrites', mysql: 'MySQL / MariaDB', compatibility: 'Backward compatibility and data loss',
  rollback: 'Rollback', transactions: 'Transactions and idempotency', types: 'Types and naming', size: 'Migration size', coverage: 'Coverage',
};
const PEERS = { squawk: 'squawk', strong_migrations: 'strong_migrations', atlas: 'Atlas', eugene: 'eugene' };
const SNIPPET_LANG = { sql: ['SQL', 'sql'], typeorm: ['TypeORM', 'ts'], sequelize: ['Sequelize', 'js'] };

function versions(rule) {
  if (!rule.versions) return 'all';
  return Object.entries(rule.versions).map(([d, v]) => `${DIALECT[d]} ${[v.min && `≥ ${v.min}`, v.below && `< ${v.below}`].filter(Boolean).join(' and ')}`).join('; ');
}

function fence(lang, code) { return '```' + lang + '\n' + code.trim() + '\n```'; }

function rulePage(rule) {
  const lines = [
    `# ${rule.id}`, '',
    `> ${rule.summary}`, '',
    '| | |', '|---|---|',
    `| Category | ${CATEGORY[rule.category] ?? rule.category} |`,
    `| Rule set | ${rule.set ?? 'recommended'}${(rule.set ?? 'recommended') === 'strict' ? ' (opt-in: `"extends": "strict"`)' : ''} |`,
    `| Default severity | ${rule.severity} |`,
    `| Dialects | ${rule.dialects.map((d) => DIALECT[d]).join(', ')} |`,
    `| Server versions | ${versions(rule)} |`,
    `| Quick fix | ${rule.fixable ? 'yes' : 'no'} |`,
    '', '## Why it is dangerous', '', rule.why, '',
    '## Safe alternative', '', rule.safeAlternative.text, '',
  ];
  for (const [key, [label, lang]] of Object.entries(SNIPPET_LANG)) {
    const s = rule.safeAlternative.snippets[key];
    if (s) lines.push(`**${label}**`, '', fence(lang, s), '');
  }
  const examples = Object.entries(rule.examples);
  if (examples.length) {
    lines.push('## Examples', '');
    for (const [d, ex] of examples) {
      const lang = ex.orm === 'typeorm' ? 'ts' : ex.orm === 'sequelize' ? 'js' : 'sql';
      const where = ex.orm === 'prisma' ? ' (a Prisma migration.sql)' : ex.orm === 'typeorm' ? ' (TypeORM)' : ex.orm === 'sequelize' ? ' (Sequelize)' : '';
      const assumes = ex.config ? ` Assuming ${Object.entries(ex.config).map(([k, v]) => `\`${k}: ${JSON.stringify(v)}\``).join(', ')}.` : '';
      lines.push(`### ${DIALECT[d]}${where}`, '', `Reported:${assumes}`, '', fence(lang, ex.bad), '', 'Not reported:', '', fence(lang, ex.good), '');
    }
  }
  const peers = Object.entries(rule.equivalents).filter(([, ids]) => ids.length);
  lines.push('## Equivalent rules in other tools', '');
  if (peers.length) {
    lines.push('| Tool | Rules |', '|---|---|');
    for (const [k, ids] of peers) lines.push(`| ${PEERS[k]} | ${ids.map((i) => `\`${i}\``).join(', ')} |`);
  } else lines.push('None of squawk, strong_migrations, Atlas or eugene has this check.');
  lines.push('', '## Configure or silence', '',
    `- In \`.safe-migrations.json\`: \`{ "rules": { "${rule.id}": "off" } }\` (or \`"error"\`, \`"warning"\`, \`"info"\`).`,
    `- On one statement: \`-- safe-migrations-ignore ${rule.id}\` (SQL) or \`// safe-migrations-ignore ${rule.id}\` (TypeScript/JavaScript) on the line above or the same line.`,
    `- In a whole file: \`safe-migrations-ignore-file ${rule.id}\` in a comment anywhere in it.`, '');
  return lines.join('\n');
}

function indexPage(rules) {
  const lines = ['# Rules', '', `${rules.length} rules. Generated from the rule metadata by \`scripts/gen-rule-docs.mjs\`; do not edit by hand.`,
    'Every example on these pages is run by the test suite against a folder where `orders` and `accounts` already exist.', '',
    'Adding a rule: one file `server/src/rules/<category>/<id>.ts` (metadata plus `check`), registered in `server/src/rules/index.ts`;',
    'a reporting and a silent case per dialect in `test/unit/rules/cases/<category>.ts` (the catalogue test insists); then',
    '`node --import tsx scripts/gen-rule-docs.mjs`. Lock and online-DDL claims live in `server/src/knowledge/` and are checked on real servers by `test/db/locks/`.', ''];
  for (const [cat, title] of Object.entries(CATEGORY)) {
    const inCat = rules.filter((r) => r.category === cat);
    if (!inCat.length) continue;
    lines.push(`## ${title}`, '', '| Rule | Set | Severity | Dialects | Summary | squawk |', '|---|---|---|---|---|---|');
    for (const r of inCat) lines.push(`| [${r.id}](${r.id}.md) | ${r.set ?? 'recommended'} | ${r.severity} | ${r.dialects.map((d) => DIALECT[d]).join(', ')} | ${r.summary.replace(/\|/g, '\\|')} | ${r.equivalents.squawk.map((s) => `\`${s}\``).join(', ')} |`);
    lines.push('');
  }
  return lines.join('\n');
}

const outDir = join(root, 'docs/rules');
const files = new Map(allRules.map((r) => [join(outDir, `${r.id}.md`), rulePage(r)]));
files.set(join(outDir, 'README.md'), indexPage(allRules));

if (process.argv.includes('--check')) {
  const stale = [...files].filter(([p, text]) => !existsSync(p) || readFileSync(p, 'utf8') !== text).map(([p]) => p);
  if (stale.length) { console.error(`stale rule docs:\n${stale.join('\n')}\nrun: node --import tsx scripts/gen-rule-docs.mjs`); process.exit(1); }
  console.log(`${files.size} rule docs up to date`);
} else {
  mkdirSync(outDir, { recursive: true });
  for (const [p, text] of files) writeFileSync(p, text);
  console.log(`wrote ${files.size} files to docs/rules`);
}

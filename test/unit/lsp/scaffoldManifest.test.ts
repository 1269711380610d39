// package.json contributes one command per pattern (and the snippets): checked against the catalogue,
// so a new pattern without its command (or a stale command) fails here.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listPatterns } from '../../../server/src/patterns/index';
import { NEW_COMMAND_PREFIX, NEW_MIGRATION_COMMAND, newCommandId } from '../../../client/src/scaffoldText';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string; title: string; category?: string }[]; snippets: { language: string; path: string }[] };
};

test('contributes.commands lists exactly the patterns listPatterns() returns, titled by the pattern', () => {
  const commands = manifest.contributes.commands.filter((c) => c.command.startsWith(NEW_COMMAND_PREFIX));
  assert.deepEqual(commands.map((c) => c.command), listPatterns().map((p) => newCommandId(p.id)));
  for (const p of listPatterns()) {
    const c = commands.find((x) => x.command === newCommandId(p.id))!;
    assert.equal(`${c.category}: ${c.title}`, `Safe Migrations: ${p.title}`);
  }
  assert.ok(manifest.contributes.commands.some((c) => c.command === NEW_MIGRATION_COMMAND && c.category === 'Safe Migrations'));
});

test('contributes.snippets registers the TypeORM, Sequelize and SQL snippet files, which exist and parse', () => {
  const byFile = new Map<string, string[]>();
  for (const s of manifest.contributes.snippets) byFile.set(s.path, [...(byFile.get(s.path) ?? []), s.language]);
  assert.deepEqual(Object.fromEntries(byFile), {
    './snippets/typeorm.code-snippets': ['typescript', 'javascript'],
    './snippets/sequelize.code-snippets': ['typescript', 'javascript'],
    './snippets/sql.code-snippets': ['sql'],
  });
  for (const file of byFile.keys()) {
    const snippets = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, { prefix: string; body: string[] }>;
    assert.ok(Object.keys(snippets).length > 0, file);
  }
});

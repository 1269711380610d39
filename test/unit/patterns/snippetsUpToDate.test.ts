// The committed snippets are what the generator makes from the pattern definitions, and VS Code can read them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { renderSnippetFile, SNIPPET_FILES } from '../../../server/src/emitters/snippets';
import { listPatterns } from '../../../server/src/patterns/index';

for (const { file, orm } of SNIPPET_FILES) {
  test(`snippets/${file} matches the patterns (regenerate: node --import tsx scripts/gen-snippets.ts)`, () => {
    const committed = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'snippets', file), 'utf8');
    assert.equal(committed, renderSnippetFile(orm));
    const snippets = JSON.parse(committed) as Record<string, { prefix: string; body: string[] }>;
    const prefixes = Object.values(snippets).map((s) => s.prefix);
    assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes are unique');
    for (const p of listPatterns()) {
      const kebab = p.id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      assert.ok(prefixes.some((x) => x.includes(kebab)), `${p.id} has a snippet`);
    }
    for (const s of Object.values(snippets)) {
      const body = s.body.join('\n');
      assert.doesNotMatch(body, /zzsmp\d+zz|zzsmtimezz/, `${s.prefix}: every marker became a tab stop`);
      assert.doesNotMatch(body.replace(/\\\\/g, '').replace(/\\\$/g, ''), /\$(?![{A-Z0-9])/, `${s.prefix}: stray $ escaped`);
    }
  });
}

test('a snippet turns parameters into tab stops', () => {
  const snippets = JSON.parse(renderSnippetFile('sequelize')) as Record<string, { prefix: string; body: string[] }>;
  const s = Object.values(snippets).find((x) => x.prefix === 'sequelize-add-column-nullable-pg');
  assert.ok(s);
  assert.match(s.body.join('\n'), /ALTER TABLE "\$\{1:table\}" ADD COLUMN IF NOT EXISTS "\$\{2:column\}" \$\{3:type\} NULL/);
});

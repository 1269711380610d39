// Regenerates snippets/*.code-snippets from the pattern definitions: `node --import tsx scripts/gen-snippets.ts`.
// `--check` exits 1 when the committed files are out of date.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderSnippetFile, SNIPPET_FILES } from '../server/src/emitters/snippets';

const dir = path.join(__dirname, '..', 'snippets');
const check = process.argv.includes('--check');
let stale = 0;
for (const { file, orm } of SNIPPET_FILES) {
  const target = path.join(dir, file);
  const text = renderSnippetFile(orm);
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
  if (current === text) continue;
  if (check) { stale++; console.error(`${file} is out of date: run node --import tsx scripts/gen-snippets.ts`); continue; }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(target, text);
  console.log(`wrote snippets/${file} (${Object.keys(JSON.parse(text)).length} snippets)`);
}
process.exitCode = stale ? 1 : 0;

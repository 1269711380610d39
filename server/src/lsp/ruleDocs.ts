// Finds the docs page of a rule (`docs/rules/<id>.md` in the extension folder) for a diagnostic's
// codeDescription link. Pages that do not exist are not linked.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

let extensionRoot: string | null | undefined;
const cache = new Map<string, string | undefined>();

/** The folder holding the extension's package.json: dist/.. when bundled, out/server/src/lsp/../../../.. when compiled. */
function findExtensionRoot(): string | null {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'docs'))) return dir;
    if (fs.existsSync(path.join(dir, 'package.json')) && path.basename(dir) !== 'dist') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export function ruleDocUri(ruleId: string): string | undefined {
  if (cache.has(ruleId)) return cache.get(ruleId);
  if (extensionRoot === undefined) extensionRoot = findExtensionRoot();
  let uri: string | undefined;
  if (extensionRoot && /^[a-z0-9-]+$/i.test(ruleId)) {
    const file = path.join(extensionRoot, 'docs', 'rules', `${ruleId}.md`);
    if (fs.existsSync(file)) uri = pathToFileURL(file).toString();
  }
  cache.set(ruleId, uri);
  return uri;
}

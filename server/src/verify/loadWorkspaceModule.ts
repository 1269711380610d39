// Loads a workspace migration (TS or JS) the way its ORM's CLI would, TypeScript compiled on the fly.
// This runs workspace code: only the explicit verify command calls it, never static analysis.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const TS_EXTENSIONS = ['.ts', '.mts', '.cts'];

/**
 * `require`s `file` with a temporary `.ts` loader (TypeScript's transpileModule to CommonJS; the project's
 * own helpers it imports compile the same way), so the workspace needs neither ts-node nor a build.
 */
export function loadWorkspaceModule(file: string): Record<string, unknown> {
  const extensions = require.extensions as NodeJS.RequireExtensions;
  const previous = new Map(TS_EXTENSIONS.map((e) => [e, extensions[e]]));
  const compile = (module: NodeJS.Module, filename: string) => {
    const source = fs.readFileSync(filename, 'utf8');
    const out = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, experimentalDecorators: true, emitDecoratorMetadata: true, sourceMap: false, inlineSourceMap: true },
    });
    (module as unknown as { _compile(code: string, filename: string): void })._compile(out.outputText, filename);
  };
  for (const e of TS_EXTENSIONS) extensions[e] = compile;
  const resolved = path.resolve(file);
  try {
    delete require.cache[resolved];
    return require(resolved) as Record<string, unknown>;
  } finally {
    for (const [e, handler] of previous) {
      if (handler) extensions[e] = handler; else delete extensions[e];
    }
  }
}

/** Exported values that look like migrations: classes with `up`/`down` on their prototype, or `{ up, down }` objects. */
export function migrationExports(mod: Record<string, unknown>): unknown[] {
  const candidates = typeof mod === 'function' ? [mod] : [mod, mod.default, ...Object.values(mod)];
  const out: unknown[] = [];
  for (const c of candidates) {
    if (!c || out.includes(c)) continue;
    if (typeof c === 'function' && typeof (c as { prototype?: { up?: unknown } }).prototype?.up === 'function') out.push(c);
    else if (typeof c === 'object' && typeof (c as { up?: unknown }).up === 'function') out.push(c);
  }
  return out;
}

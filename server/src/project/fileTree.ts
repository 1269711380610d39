// A cached, bounded view of the file system for detection: each folder is listed at most once,
// and nothing is read that detection does not ask for.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'build', 'out', 'coverage', '.next', '.turbo', '.cache', '.vscode-test']);

/** Folders deeper than this below a root are not searched for projects. */
export const MAX_PROJECT_DEPTH = 6;
/** Stop listing after this many entries per detection run, so huge workspaces stay fast. */
export const MAX_ENTRIES = 60_000;
/** Config files bigger than this are not read. */
export const MAX_CONFIG_BYTES = 200_000;

export interface DirListing { files: string[]; dirs: string[] }

export class FileTree {
  private readonly listings = new Map<string, DirListing>();
  private readonly texts = new Map<string, string | undefined>();
  private entries = 0;
  truncated = false;

  /** Names of files and sub-folders of `dir` (empty when missing or unreadable). */
  list(dir: string): DirListing {
    let l = this.listings.get(dir);
    if (l) return l;
    l = { files: [], dirs: [] };
    if (this.entries < MAX_ENTRIES) {
      try {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
          this.entries++;
          if (e.isDirectory()) l.dirs.push(e.name);
          else if (e.isFile()) l.files.push(e.name);
          else if (e.isSymbolicLink()) {
            // Symlinked files count; symlinked folders are skipped (cycles, linked node_modules).
            try { if (fs.statSync(path.join(dir, e.name)).isFile()) l.files.push(e.name); } catch { /* dangling */ }
          }
        }
      } catch { /* missing or unreadable */ }
    } else {
      this.truncated = true;
    }
    l.files.sort();
    l.dirs.sort();
    this.listings.set(dir, l);
    return l;
  }

  /** A small text file's content, read once per detection run (several detectors scan the same sources). */
  read(file: string, maxBytes = MAX_CONFIG_BYTES): string | undefined {
    if (this.texts.has(file)) return this.texts.get(file);
    const text = readSmallFile(file, maxBytes);
    this.texts.set(file, text);
    return text;
  }

  hasFile(dir: string, name: string): boolean { return this.list(dir).files.includes(name); }
  hasDir(dir: string, name: string): boolean { return this.list(dir).dirs.includes(name); }

  isDir(p: string): boolean {
    const parent = path.dirname(p);
    return parent !== p && this.hasDir(parent, path.basename(p));
  }

  isFile(p: string): boolean { return this.hasFile(path.dirname(p), path.basename(p)); }

  /** Every folder below `root` (itself included) down to `maxDepth`, skipping SKIP_DIRS. */
  folders(root: string, maxDepth: number, stopAt?: (dir: string) => boolean): string[] {
    const out: string[] = [];
    const visit = (dir: string, depth: number): void => {
      out.push(dir);
      if (depth >= maxDepth) return;
      for (const d of this.list(dir).dirs) {
        if (SKIP_DIRS.has(d) || d.startsWith('.')) continue;
        const child = path.join(dir, d);
        if (stopAt?.(child)) continue;
        visit(child, depth + 1);
      }
    };
    visit(root, 0);
    return out;
  }

  /** Files below `dir` (recursively, bounded), as absolute paths. */
  files(dir: string, maxDepth = 8, stopAt?: (dir: string) => boolean): string[] {
    const out: string[] = [];
    for (const d of this.folders(dir, maxDepth, stopAt)) for (const f of this.list(d).files) out.push(path.join(d, f));
    return out;
  }

  /** Files matching a glob (absolute or already resolved against its base), bounded like `files`. */
  glob(pattern: string): string[] {
    const abs = pattern.split(path.sep).join('/');
    const base = globBase(abs);
    const re = globToRegExp(abs);
    return this.files(base.split('/').join(path.sep) || path.sep).filter((f) => re.test(f.split(path.sep).join('/')));
  }
}

/** Reads a small text file, or undefined when it is missing, unreadable or larger than `maxBytes`. */
export function readSmallFile(file: string, maxBytes = MAX_CONFIG_BYTES): string | undefined {
  try {
    const st = fs.statSync(file);
    if (!st.isFile() || st.size > maxBytes) return undefined;
    const text = fs.readFileSync(file, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

const GLOB_CHARS = /[*?{}[\]!]/;

/** The folder part of a glob before its first wildcard segment (`src/migrations/*.ts` → `src/migrations`). */
export function globBase(glob: string): string {
  const parts = glob.split(/[\\/]/);
  const fixed: string[] = [];
  for (const p of parts) {
    if (GLOB_CHARS.test(p)) break;
    fixed.push(p);
  }
  // A pattern without wildcards names a file or folder itself.
  if (fixed.length === parts.length) return glob;
  return fixed.join('/');
}

export function isGlob(p: string): boolean { return GLOB_CHARS.test(p); }

/** Minimal glob → RegExp: `**`, `*`, `?`, `{a,b}`, `[abc]` (what ORM configs use). */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) { re += '\\{'; continue; }
      re += '(?:' + glob.slice(i + 1, close).split(',').map(escapeRe).join('|') + ')';
      i = close;
    } else if (c === '[') {
      const close = glob.indexOf(']', i);
      if (close < 0) { re += '\\['; continue; }
      re += '[' + glob.slice(i + 1, close).replace(/^!/, '^') + ']';
      i = close;
    } else re += escapeRe(c);
  }
  return new RegExp('^' + re + '$');
}

function escapeRe(s: string): string { return s.replace(/[.+^${}()|[\]\\*?]/g, '\\$&'); }

/** Extension(s) a glob restricts to (`*.ts` → ['.ts'], `*.{ts,js}` → ['.ts', '.js']), or undefined. */
export function globExtensions(glob: string): string[] | undefined {
  const m = /\*\.(\{[^}]+\}|[\w]+)$/.exec(glob);
  if (!m) return undefined;
  return m[1].startsWith('{') ? m[1].slice(1, -1).split(',').map((e) => '.' + e.trim()) : ['.' + m[1]];
}

export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

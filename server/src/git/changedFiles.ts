// Which files a branch changes: committed since the merge base with the default branch (or a given
// REF), plus what is staged, modified or untracked. Runs git; used by `check --changed` and the
// editor's `scope: "changed"`. Deleted files are left out: there is nothing left to check in them.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export class ChangedFilesError extends Error {}

export interface ChangedFiles {
  repoRoot: string;
  /** What the user asked for or the default branch found (`origin/main`). */
  ref: string;
  /** The merge base of `ref` and HEAD. */
  mergeBase: string;
  /** Absolute, symlink-resolved paths. */
  files: Set<string>;
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } });
}

function tryGit(cwd: string, args: string[]): string | undefined {
  try { return git(cwd, args).trim(); } catch { return undefined; }
}

const isCommit = (root: string, ref: string) => tryGit(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]) !== undefined;

const FETCH_HINT = 'fetch the history: `git fetch --unshallow` (GitHub Actions: actions/checkout with `fetch-depth: 0`)';

/** The default branch: the pull request's base in GitHub Actions, origin/HEAD, else origin/main, origin/master, main, master. */
export function defaultBranch(root: string): string | undefined {
  const candidates: string[] = [];
  if (process.env.GITHUB_BASE_REF) candidates.push(`origin/${process.env.GITHUB_BASE_REF}`);
  // A single-branch clone (CI, --depth) points origin/HEAD at the branch itself: comparing with that finds nothing.
  const originHead = tryGit(root, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'])?.replace(/^refs\/remotes\//, '');
  if (originHead && originHead !== `origin/${tryGit(root, ['rev-parse', '--abbrev-ref', 'HEAD'])}`) candidates.push(originHead);
  candidates.push('origin/main', 'origin/master', 'main', 'master');
  return candidates.find((c) => isCommit(root, c));
}

/** Files changed since the merge base of `ref` (default: the default branch) and HEAD, in the repository holding `dir`. */
export function changedFilesSince(dir: string, ref?: string): ChangedFiles {
  const start = fs.existsSync(dir) && !fs.statSync(dir).isDirectory() ? path.dirname(dir) : dir;
  const root = tryGit(start, ['rev-parse', '--show-toplevel']);
  if (!root) throw new ChangedFilesError(`${dir} is not inside a git repository: --changed needs git`);
  const shallow = tryGit(root, ['rev-parse', '--is-shallow-repository']) === 'true';
  const base = ref ?? defaultBranch(root);
  if (!base) {
    throw new ChangedFilesError(`no default branch to compare with (looked for origin/HEAD, origin/main, origin/master, main, master): pass --changed REF${shallow ? `, and ${FETCH_HINT}` : ''}`);
  }
  if (!isCommit(root, base)) {
    throw new ChangedFilesError(`${base} is not a commit in this repository${shallow ? `; the clone is shallow: ${FETCH_HINT}` : `: fetch it (\`git fetch origin ${base.replace(/^origin\//, '')}\`)`}`);
  }
  const mergeBase = tryGit(root, ['merge-base', base, 'HEAD']);
  if (!mergeBase) {
    throw new ChangedFilesError(shallow
      ? `no merge base between HEAD and ${base}: the clone is shallow and stops before the branch point; ${FETCH_HINT}`
      : `HEAD and ${base} have no common history: pass the REF to compare with (--changed REF)`);
  }
  const names = [
    ...git(root, ['diff', '--name-only', '-z', '--diff-filter=ACMR', mergeBase, 'HEAD']).split('\0'),
    ...git(root, ['diff', '--name-only', '-z', '--diff-filter=ACMR', 'HEAD']).split('\0'),
    ...git(root, ['ls-files', '--others', '--exclude-standard', '-z']).split('\0'),
  ].filter(Boolean);
  return { repoRoot: root, ref: base, mergeBase, files: new Set(names.map((n) => path.join(root, n))) };
}

const PRISMA_FILES = new Set(['migration.sql', 'down.sql']);

/** A file is in scope when it changed; a Prisma migration's two files count as one migration. */
export function isChanged(file: string, changed: ChangedFiles): boolean {
  let real = file;
  try { real = fs.realpathSync(file); } catch { /* a path that does not exist cannot have changed on disk; compare as given */ }
  if (changed.files.has(real)) return true;
  if (!PRISMA_FILES.has(path.basename(real))) return false;
  const dir = path.dirname(real);
  return [...PRISMA_FILES].some((f) => changed.files.has(path.join(dir, f)));
}

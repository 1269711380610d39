// `safeMigrations.scope: "changed"`: findings only on migrations added or modified since the default
// branch (on disk: committed on this branch, staged, modified or untracked). Git is asked at most
// every few seconds per folder; where git cannot tell (no repository, no base) every file is in scope.
import * as path from 'node:path';
import { changedFilesSince, isChanged, type ChangedFiles } from '../git/changedFiles';

const TTL_MS = 5000;

export class ChangedScope {
  private readonly byDir = new Map<string, { at: number; changed?: ChangedFiles }>();
  private readonly reported = new Set<string>();

  constructor(private readonly log: (message: string) => void = () => undefined, private readonly now: () => number = Date.now) {}

  /** The file is new or modified on this branch, or git cannot say. */
  includes(file: string): boolean {
    const dir = path.dirname(file);
    let entry = this.byDir.get(dir);
    if (!entry || this.now() - entry.at > TTL_MS) {
      entry = { at: this.now() };
      try { entry.changed = changedFilesSince(dir); } catch (e) {
        const message = `scope "changed": every migration is shown in ${dir}: ${(e as Error).message}`;
        if (!this.reported.has(message)) { this.reported.add(message); this.log(message); }
      }
      this.byDir.set(dir, entry);
    }
    return !entry.changed || isChanged(file, entry.changed);
  }

  clear(): void { this.byDir.clear(); }
}

/** The server's one scope cache; git's refusals go to the server's stderr (the client's output channel). */
export const editorScope = new ChangedScope((m) => console.error(`safe-migrations: ${m}`));

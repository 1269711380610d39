// One open document's analysis: model + findings for a given version, cached so that hovers and
// code actions reuse what diagnostics computed instead of parsing again.
import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileModel } from '../model/migration';
import type { Finding } from '../model/finding';
import type { SafeMigrationsConfig } from '../config/types';
import { readMigrationText } from '../engine/engine';
import { checkFile } from '../engine/check';
import { isMigrationPath } from '../engine/classify';
import type { WorkspaceState } from './workspaceState';
import { NeighbourModels } from './neighbourModels';
import { readTextFileIfPresent } from '../engine/workspace';
import { changedSpan, withEditorCaches } from '../readers/editorCaches';

/** The bench sets SAFE_MIGRATIONS_EDITOR_CACHES=0 to time the editor without them, side by side. */
const EDITOR_CACHES = process.env.SAFE_MIGRATIONS_EDITOR_CACHES !== '0';

/** Beyond this size the editor would stall: tell the user instead of parsing. */
export const MAX_ANALYSED_CHARS = 1_000_000;

export interface Analysis {
  uri: string;
  version: number;
  path: string;
  text: string;
  model: FileModel;
  findings: Finding[];
  config: SafeMigrationsConfig;
  /** Set when the document was not analysed (too large); the reason is shown as one info diagnostic. */
  skipped?: string;
}

/** An analysis and the offset maps between its text and the document's current text. */
export interface HoverView {
  analysis: Analysis;
  toAnalysed(offset: number): number | undefined;
  toCurrent(offset: number): number;
}

const sameText = (analysis: Analysis): HoverView => ({ analysis, toAnalysed: (o) => o, toCurrent: (o) => o });

export class DocumentAnalyzer {
  private readonly cache = new Map<string, Analysis>();
  private readonly neighbours: NeighbourModels;
  /** Bumped when a document is closed or everything is invalidated: a result read before is not kept. */
  private epoch = 0;

  constructor(private readonly workspace: WorkspaceState, private readonly readOpenText: (file: string) => string | undefined) {
    this.neighbours = new NeighbourModels(workspace, readOpenText);
  }

  /** Whether a document is worth analysing: any .sql file, or a TS/JS file that is (or looks like) a migration. */
  isCandidate(doc: TextDocument, file: string | undefined): file is string {
    return !!file && isMigrationPath(file, this.workspace.projects, doc.getText());
  }

  cached(uri: string, version: number): Analysis | undefined {
    const a = this.cache.get(uri);
    return a && a.version === version ? a : undefined;
  }

  analyse(doc: TextDocument, file: string): Analysis {
    const hit = this.cached(doc.uri, doc.version);
    if (hit) return hit;
    return this.keep(this.read(doc, file).check());
  }

  /**
   * The same analysis in two macrotasks, the read and then the rules, so that requests arriving
   * during the read (hovers answer from the last analysis) are served in between: a hover waits for
   * one of the two, not both. For diagnostics; hovers and code actions need the answer at once.
   */
  async analyseInSteps(doc: TextDocument, file: string): Promise<Analysis> {
    const hit = this.cached(doc.uri, doc.version);
    if (hit) return hit;
    const epoch = this.epoch;
    const read = this.read(doc, file);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const meanwhile = this.cached(read.uri, read.version);
    if (meanwhile) return meanwhile;
    const analysis = read.check();
    // Closed, or project and config changed, while we yielded: a result, but not one to keep.
    return epoch === this.epoch ? this.keep(analysis) : analysis;
  }

  /** Reads the document as it is now (its text and version are captured: later edits change `doc`). */
  private read(doc: TextDocument, file: string): { uri: string; version: number; check(): Analysis } {
    const { uri, version } = doc;
    const text = doc.getText();
    const config = this.workspace.configFor(file);
    if (text.length > MAX_ANALYSED_CHARS) {
      const model: FileModel = { path: file, orm: 'sql', dialect: 'unknown', dialectInfo: { dialect: 'unknown', source: 'unknown', reason: 'not analysed' }, migrations: [], problems: [] };
      const skipped = `Safe Migrations skipped this file: it is ${(text.length / 1e6).toFixed(1)} MB, and migrations up to ${MAX_ANALYSED_CHARS / 1e6} MB are analysed in the editor. Use the CLI for larger files.`;
      return { uri, version, check: () => ({ uri, version, path: file, text, model, findings: [], config, skipped }) };
    }
    const read = () => readMigrationText(file, text, { projects: this.workspace.projects, config, readSibling: (f) => this.readSibling(f) });
    const model = EDITOR_CACHES ? withEditorCaches(read) : read();
    // Neighbouring migrations give cross-migration facts; checkFile keeps only this file's findings.
    const check = () => ({ uri, version, path: file, text, model, findings: checkFile(model, config, model.migrations.length ? this.neighbours.around(file, model) : []), config });
    return { uri, version, check };
  }

  /** Caches an analysis unless a newer version's is there already (a slower, older one finished last). */
  private keep(analysis: Analysis): Analysis {
    const newest = this.cache.get(analysis.uri);
    if (!newest || newest.version <= analysis.version) this.cache.set(analysis.uri, analysis);
    return analysis;
  }

  /** Every other migration of the file's folder, for a generated down (which replays the whole history). */
  history(file: string, model: FileModel): FileModel[] {
    return this.neighbours.around(file, model, Infinity);
  }

  /**
   * What a hover reads: this version's analysis when there is one, else the last analysis with
   * offsets mapped across the edit since, so a hover answers at once instead of waiting for a new
   * analysis while the user types. `toAnalysed` is undefined inside the edited span.
   */
  hoverView(doc: TextDocument, file: string): HoverView {
    const current = this.cached(doc.uri, doc.version);
    const last = current ?? this.cache.get(doc.uri);
    if (!last) return sameText(this.analyse(doc, file));
    const text = doc.getText();
    if (last.text === text) return sameText(last);
    const { prefix, suffix } = changedSpan(last.text, text);
    const shift = text.length - last.text.length;
    return {
      analysis: last,
      toAnalysed: (offset) => (offset <= prefix ? offset : offset >= text.length - suffix ? offset - shift : undefined),
      toCurrent: (offset) => (offset <= prefix ? offset : offset >= last.text.length - suffix ? offset + shift : prefix),
    };
  }

  /** Whether this document was analysed before (an edit, not a first open). */
  seen(uri: string): boolean { return this.cache.has(uri); }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.epoch++;
  }

  /** Project or config files changed: every cached result may be stale. */
  invalidateAll(): void {
    this.epoch++;
    this.cache.clear();
    this.neighbours.clear();
  }

  private readSibling(file: string): string | undefined {
    const open = this.readOpenText(file);
    if (open !== undefined) return open;
    return readTextFileIfPresent(path.resolve(file));
  }
}

import type { Range } from './migration';

/** `hint`: a nudge the editor shows faintly (with its quick fix); the CLI lists hints only with --hints. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A text edit in the file a finding is on (0-based UTF-16 offsets), or a new file to create. */
export interface FixEdit { start: number; end: number; newText: string }
export interface Fix {
  title: string;
  /** Safe to apply unattended (source.fixAll). */
  safe: boolean;
  edits: FixEdit[];
  /** Files the fix creates (e.g. a follow-up migration), path relative to the checked file's folder. */
  createFiles?: { path: string; text: string }[];
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Offsets of range in the file, for fixes and ignore comments. */
  offset: { start: number; end: number };
  migration: string;
  phase: 'up' | 'down';
  fixes?: Fix[];
  /** The file the finding is in, when several files were checked together. */
  path?: string;
  /** Lock/rewrite findings on a table the statistics know: its name, estimated rows and bytes. */
  tableSize?: { table: string; rows: number | null; bytes: number | null };
}

// `safeMigrations/baseline`: where and what to write so that every migration of a project folder counts as already
// in production (`startAfter`). The server only proposes; the client asks the user and writes one WorkspaceEdit.
import * as path from 'node:path';
import { baselineConfigWrite, baselinePoint, type BaselinePoint, type ConfigWrite } from '../actions/baseline/baseline';
import { inspectPaths } from '../engine/inspect';
import { readTextFileIfPresent } from '../engine/workspace';
import { filePathParam, registerCustomRequest } from './customRequests';

export const BASELINE_REQUEST = 'safeMigrations/baseline';

export interface BaselineParams { /** A workspace folder, or a file inside the project. */ uri: string }

export type BaselineProposal = { root: string; point: BaselinePoint; write: ConfigWrite } | { root: string; nothing: string };

registerCustomRequest(BASELINE_REQUEST, async (params, context): Promise<BaselineProposal> => {
  const uri = (params as Partial<BaselineParams> | undefined)?.uri;
  const target = filePathParam(uri);
  // The detected project that holds the target (the deepest root), else the target itself.
  const root = context.workspace.projects.map((p) => p.root)
    .filter((r) => target === r || target.startsWith(r + path.sep))
    .sort((a, b) => b.length - a.length)[0] ?? target;
  const { files } = await inspectPaths([root]);
  const point = baselinePoint(files);
  if (!point) return { root, nothing: `no migrations found under ${root}` };
  const write = baselineConfigWrite(root, point.startAfter, (f) => context.readOpenText?.(f) ?? readTextFileIfPresent(f));
  return { root, point, write };
});

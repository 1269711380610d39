// The scaffolding requests behind the "Safe Migrations: New …" commands: the pattern list, the schema
// catalogue with the places a migration can go, and the rendered files. The server never writes
// files: the client shows them, asks, and creates them through a WorkspaceEdit.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { buildSchemaCatalog, migrationFilesOf } from '../engine/schemaCatalog';
import type { FileModel } from '../model/migration';
import { ScaffoldError, listPatterns, scaffold } from '../patterns/index';
import { asScaffoldDialect, targetFromProject } from '../patterns/projectTarget';
import type { ScaffoldExtension, ScaffoldOrm, ScaffoldTarget } from '../patterns/types';
import { projectForFile } from '../project/detect';
import type { ProjectInfo } from '../project/types';
import { filePathParam, registerCustomRequest, type RequestContext } from './customRequests';
import { NeighbourModels } from './neighbourModels';
import { readTextFileIfPresent } from '../engine/workspace';
import { isInside } from '../project/fileTree';
import {
  CATALOG_REQUEST, PATTERNS_REQUEST, SCAFFOLD_REQUEST,
  type CatalogParams, type CatalogResult, type PatternsResult, type ScaffoldParams, type ScaffoldRequestResult, type ScaffoldTargetCandidate,
} from './protocol';

const EXTENSIONS: ScaffoldExtension[] = ['.ts', '.js', '.cjs', '.mjs'];
const ORMS: ScaffoldOrm[] = ['typeorm', 'sequelize', 'prisma'];

function invalid(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}



/** A file belongs to its nearest project; a folder holds every project inside it (or belongs to the one around it). */
export function projectsAt(projects: ProjectInfo[], target: string): ProjectInfo[] {
  let isDir = false;
  try { isDir = fs.statSync(target).isDirectory(); } catch { /* a file not saved yet */ }
  if (isDir) {
    const inside = projects.filter((p) => isInside(p.root, target));
    if (inside.length) return inside;
  }
  const owner = projectForFile(projects, isDir ? path.join(target, 'x') : target);
  return owner ? [owner] : [];
}

/** Every migrations folder of an ORM we scaffold for, then ORMs detection knows without a folder of their own yet. */
export function targetCandidates(project: ProjectInfo, settings: { dialect?: string; mysqlVersion?: string; mariadbVersion?: string } = {}): ScaffoldTargetCandidate[] {
  const fallbackDialect = asScaffoldDialect(settings.dialect) ?? asScaffoldDialect(project.dialect.dialect);
  const versions = { mysqlVersion: settings.mysqlVersion, mariadbVersion: settings.mariadbVersion };
  const out: ScaffoldTargetCandidate[] = [];
  for (const d of project.migrationDirs) {
    const orm = ORMS.find((o) => o === d.orm);
    if (!orm || out.some((c) => c.dir === d.path && c.orm === orm)) continue;
    out.push({
      projectRoot: project.root, orm, dir: d.path, reason: d.reason,
      dialect: asScaffoldDialect(settings.dialect) ?? asScaffoldDialect(d.dialect) ?? fallbackDialect,
      extension: orm === 'prisma' ? undefined : EXTENSIONS.find((e) => e === d.extension),
      ...versions,
    });
  }
  for (const { orm } of project.orms) {
    if (out.some((c) => c.orm === orm) || !(ORMS as string[]).includes(orm)) continue;
    const t = targetFromProject(project, orm as ScaffoldOrm);
    if (t.orm && t.dir) out.push({ projectRoot: project.root, orm: t.orm, dir: t.dir, dialect: asScaffoldDialect(settings.dialect) ?? t.dialect ?? fallbackDialect, extension: t.extension, reason: 'the ORM\'s default location', ...versions });
  }
  return out;
}

export function registerScaffoldRequests(): void {
  let models: NeighbourModels | undefined;
  const projectModels = (project: ProjectInfo, context: RequestContext): FileModel[] => {
    models ??= new NeighbourModels(context.workspace, (file) => context.readOpenText?.(file));
    return migrationFilesOf(project).map((f) => models!.read(f)).filter((m): m is FileModel => !!m);
  };

  registerCustomRequest(PATTERNS_REQUEST, (): PatternsResult => listPatterns());

  registerCustomRequest(CATALOG_REQUEST, async (params, context): Promise<CatalogResult> => {
    const target = filePathParam((params as CatalogParams | undefined)?.uri);
    return {
      projects: projectsAt(context.workspace.projects, target).map((project) => {
        const config = context.workspace.configFor(path.join(project.root, 'x'));
        return {
          root: project.root,
          targets: targetCandidates(project, config),
          catalog: buildSchemaCatalog(project, projectModels(project, context), (file) => context.readOpenText?.(file) ?? readTextFileIfPresent(file)),
        };
      }),
    };
  });

  registerCustomRequest(SCAFFOLD_REQUEST, (params): ScaffoldRequestResult => {
    const p = params as Partial<ScaffoldParams> | undefined;
    if (!p || typeof p.patternId !== 'string' || !p.target || typeof p.target !== 'object') throw invalid('expected { patternId, params, target }');
    const raw = p.params ?? {};
    if (typeof raw !== 'object' || Object.values(raw).some((v) => typeof v !== 'string')) throw invalid('params must map names to strings');
    const t = p.target;
    if (typeof t.dir !== 'string' || !path.isAbsolute(t.dir)) throw invalid('target.dir must be an absolute folder path');
    const now = t.now === undefined ? undefined : new Date(t.now);
    if (now && Number.isNaN(now.getTime())) throw invalid(`target.now is not a date: ${t.now}`);
    const target: ScaffoldTarget = { orm: t.orm, dialect: t.dialect, dir: t.dir, extension: t.extension, now, mysqlVersion: t.mysqlVersion, mariadbVersion: t.mariadbVersion };
    try {
      return scaffold(p.patternId, raw, target);
    } catch (e) {
      if (e instanceof ScaffoldError) throw invalid(e.message);
      throw e;
    }
  });
}


import * as path from 'node:path';
import type { FileModel, Operation } from '../../model/migration';
import { describeOp } from '../../engine/describeOp';
import type { ProjectInfo } from '../../project/types';
import type { InspectResult } from '../../engine/inspect';

const rel = (cwd: string, p: string) => path.relative(cwd, p) || '.';

/** The JSON contract of `inspect` (version 1): extra fields may be added, these stay. */
export function formatInspectJson(result: InspectResult, cwd: string): string {
  return JSON.stringify({
    version: 1,
    projects: result.projects.map((p) => projectJson(p, cwd)),
    files: result.files.map((f) => fileJson(f, cwd)),
    errors: result.errors,
  }, null, 2) + '\n';
}

function projectJson(p: ProjectInfo, cwd: string) {
  return {
    root: rel(cwd, p.root),
    orms: p.orms,
    dialect: p.dialect,
    migrationDirs: p.migrationDirs.map((d) => ({ ...d, path: rel(cwd, d.path) })),
    typeorm: p.typeorm && { ...p.typeorm, configFiles: p.typeorm.configFiles.map((f) => rel(cwd, f)) },
    sequelize: p.sequelize,
    prisma: p.prisma && { ...p.prisma, models: p.prisma.models.map((m) => ({ name: m.name, dbName: m.dbName, fields: m.fields.length })) },
    unknowns: p.unknowns,
    notes: p.notes ?? [],
  };
}

export function fileJson(f: FileModel, cwd: string) {
  return {
    path: rel(cwd, f.path),
    orm: f.orm,
    dialect: f.dialect,
    dialectSource: f.dialectInfo.source,
    dialectReason: f.dialectInfo.reason,
    migrations: f.migrations.map((m) => ({
      name: m.name,
      transactional: m.transactional,
      transactionalReason: m.transactionalReason,
      hasDown: m.hasDown,
      downThrows: m.downThrows,
      downPath: m.downPath && rel(cwd, m.downPath),
      timestamp: m.timestamp,
      range: m.range,
      up: m.up.map(opJson),
      down: m.down.map(opJson),
    })),
    problems: f.problems.map((p) => ({ message: p.message, range: p.range, severity: p.severity, code: p.code })),
  };
}

function opJson(op: Operation) {
  const { offset: _offset, ...rest } = op;
  void _offset;
  return rest;
}


export function formatInspectText(result: InspectResult, cwd: string): string {
  const lines: string[] = [];
  for (const p of result.projects) {
    const orms = p.orms.map((o) => `${o.orm}${o.version ? ' ' + o.version : ''}`).join(', ') || 'no ORM';
    lines.push(`project ${rel(cwd, p.root)}: ${orms}; dialect ${p.dialect.dialect} (${p.dialect.reason})`);
    for (const d of p.migrationDirs) lines.push(`  migrations ${rel(cwd, d.path)} [${d.orm}${d.dialect ? ', ' + d.dialect : ''}]`);
    for (const u of p.unknowns) lines.push(`  unknown ${u.what}: ${u.reason}`);
    for (const n of p.notes ?? []) lines.push(`  note: ${n}`);
  }
  if (result.projects.length) lines.push('');
  for (const f of result.files) {
    lines.push(`${rel(cwd, f.path)}  (${f.orm}, ${f.dialect})`);
    for (const m of f.migrations) {
      const tx = m.transactional === null ? 'transaction: depends on the runner' : m.transactional ? 'in a transaction' : 'no transaction';
      lines.push(`  ${m.name}  [${tx}]`);
      for (const phase of ['up', 'down'] as const) {
        const ops = m[phase];
        if (phase === 'down' && !m.hasDown) { lines.push('    down: (missing)'); continue; }
        lines.push(`    ${phase}:${ops.length ? '' : ' (empty)'}`);
        for (const op of ops) lines.push(`      ${op.range.start.line + 1}:${op.range.start.character + 1}  ${describeOp(op)}`);
      }
    }
    for (const p of f.problems) lines.push(`  ${p.severity} ${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message} [${p.code}]`);
  }
  const ops = result.files.flatMap((f) => f.migrations.flatMap((m) => [...m.up, ...m.down]));
  const unknown = ops.filter((o) => o.kind === 'unknown').length;
  lines.push('', `${result.files.length} file(s), ${result.files.reduce((n, f) => n + f.migrations.length, 0)} migration(s), ${ops.length} operation(s), ${unknown} unknown`);
  return lines.join('\n') + '\n';
}

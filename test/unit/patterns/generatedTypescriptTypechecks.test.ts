// The .ts migrations the scaffolds write type-check (strict) against the real typeorm and sequelize types.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import * as ts from 'typescript';
import { listPatterns, scaffold } from '../../../server/src/patterns/index';
import { CASES } from '../../db/scaffold/scaffoldCases';

const repoModules = path.resolve(__dirname, '..', '..', '..', 'node_modules');

test('every TypeORM and Sequelize .ts scaffold compiles under strict TypeScript', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-scaffold-tsc-'));
  try {
    const files: string[] = [];
    for (const p of listPatterns()) for (const dialect of ['postgres', 'mysql', 'mariadb'] as const) for (const orm of ['typeorm', 'sequelize'] as const) {
      const params = CASES.find((c) => c.pattern === p.id)!.params(dialect === 'postgres' ? 'postgres' : 'mariadb');
      for (const f of scaffold(p.id, params, { orm, dialect, dir: path.join(dir, `${orm}-${dialect}-${p.id}`), extension: '.ts', now: new Date('2026-03-04T05:06:07Z') }).files) {
        fs.mkdirSync(path.dirname(f.path), { recursive: true });
        fs.writeFileSync(f.path, f.text);
        files.push(f.path);
      }
    }
    const program = ts.createProgram(files, {
      strict: true, noEmit: true, module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16, target: ts.ScriptTarget.ES2022,
      skipLibCheck: true, types: ['node'], typeRoots: [path.join(repoModules, '@types')],
      baseUrl: dir, paths: { typeorm: [path.join(repoModules, 'typeorm')], sequelize: [path.join(repoModules, 'sequelize')] },
    });
    const errors = ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? path.relative(dir, d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    assert.deepEqual(errors, []);
    assert.ok(files.length > 150);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// Every pattern renders for every ORM × dialect it supports, in that ORM's own naming and shape,
// and the generated code parses.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import * as ts from 'typescript';
import { listPatterns, scaffold } from '../../../server/src/patterns/index';
import type { ScaffoldDialect, ScaffoldExtension, ScaffoldOrm } from '../../../server/src/patterns/types';
import { CASES } from '../../db/scaffold/scaffoldCases';
import { compactTimestamp } from '../../../server/src/emitters/naming';

const NOW = new Date('2026-03-04T05:06:07Z');
const paramsFor = (id: string, dialect: ScaffoldDialect) => {
  const c = CASES.find((x) => x.pattern === id);
  assert.ok(c, `a test case exists for ${id}`);
  return c.params(dialect === 'postgres' ? 'postgres' : 'mariadb');
};

function syntaxErrors(text: string, fileName: string): string[] {
  const out = ts.transpileModule(text, { fileName, reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  return (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

test('the catalogue lists 15 patterns, each with metadata the command palette can use', () => {
  const patterns = listPatterns();
  assert.equal(patterns.length, 15);
  assert.equal(new Set(patterns.map((p) => p.id)).size, 15);
  for (const p of patterns) {
    assert.ok(p.title && p.description, p.id);
    assert.deepEqual(p.orms, ['typeorm', 'sequelize', 'prisma']);
    for (const spec of p.params) assert.ok(['table', 'column', 'newName', 'type', 'expression', 'string', 'number', 'columns'].includes(spec.kind), `${p.id}.${spec.name}`);
  }
  assert.deepEqual(listPatterns().map((p) => p.id), CASES.map((c) => c.pattern), 'one db test case per pattern');
});

for (const info of listPatterns()) {
  for (const dialect of info.dialects) {
    for (const orm of info.orms) {
      const extensions: (ScaffoldExtension | undefined)[] = orm === 'prisma' ? [undefined] : ['.ts', '.js', '.cjs', '.mjs'];
      for (const extension of extensions) {
        test(`${info.id} renders for ${orm}${extension ?? ''} on ${dialect}`, () => {
          const { files } = scaffold(info.id, paramsFor(info.id, dialect), { orm: orm as ScaffoldOrm, dialect, dir: '/proj/migrations', now: NOW, extension });
          assert.ok(files.length > 0);
          const phases = orm === 'prisma' ? files.length / 2 : files.length;
          files.forEach((f, i) => {
            assert.equal(path.dirname(orm === 'prisma' ? path.dirname(f.path) : f.path), '/proj/migrations');
            if (phases > 1 && !f.path.endsWith('down.sql')) assert.match(f.text, new RegExp(`phase ${Math.floor(orm === 'prisma' ? i / 2 : i) + 1} of ${phases}`));
            if (orm === 'typeorm') {
              const m = /^(\d{13})-([A-Z][A-Za-z0-9]*)\.(ts|js|cjs|mjs)$/.exec(path.basename(f.path));
              assert.ok(m, `TypeORM file name ${f.path}`);
              assert.equal(Number(m[1]), NOW.getTime() + i * 1000, 'ms timestamp, one second apart per phase');
              const className = `${m[2]}${m[1]}`;
              assert.match(f.text, new RegExp(`class ${className}\\b`));
              assert.match(f.text, new RegExp(`name = '${className}';`));
              if (extension === '.ts') assert.match(f.text, /implements MigrationInterface/);
              assert.match(f.text, /async up\(queryRunner/);
              assert.match(f.text, /async down\(queryRunner/);
              assert.deepEqual(syntaxErrors(f.text, f.path), []);
            } else if (orm === 'sequelize') {
              assert.match(path.basename(f.path), /^\d{14}-[a-z0-9]+(-[a-z0-9]+)*\.(ts|js|cjs|mjs)$/);
              assert.equal(path.basename(f.path).slice(0, 14), compactTimestamp(new Date(NOW.getTime() + i * 1000)), 'YYYYMMDDHHmmss, one second apart per phase');
              assert.match(f.text, /async (function )?up\(queryInterface(: QueryInterface)?, Sequelize/);
              assert.match(f.text, /async (function )?down\(queryInterface(: QueryInterface)?, Sequelize/);
              assert.deepEqual(syntaxErrors(f.text, f.path), []);
            } else {
              const folder = path.basename(path.dirname(f.path));
              assert.match(folder, /^\d{14}_[a-z0-9]+(_[a-z0-9]+)*$/);
              assert.equal(path.basename(f.path), i % 2 === 0 ? 'migration.sql' : 'down.sql');
              if (i % 2 === 1) {
                assert.match(f.text, /npx prisma db execute --file .*down\.sql --schema /);
                assert.match(f.text, new RegExp(`npx prisma migrate resolve --rolled-back ${folder}`));
              }
            }
          });
        });
      }
    }
  }
}

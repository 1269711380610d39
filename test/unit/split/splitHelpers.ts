// Reads a migration text the way the CLI does and splits it, with the neighbours and project given.
import * as path from 'node:path';
import type { Dialect } from '../../../server/src/model/migration';
import { readMigrationText } from '../../../server/src/engine/engine';
import { splitMigration, type SplitRefusal, type SplitResult } from '../../../server/src/actions/split/splitMigration';
import type { ProjectInfo } from '../../../server/src/project/types';

export function split(file: string, text: string, dialect: Dialect, options: { neighbours?: string[]; downText?: string; project?: ProjectInfo; orm?: 'prisma' } = {}): SplitResult | SplitRefusal {
  const model = readMigrationText(file, text, { dialect, config: options.orm ? { orm: options.orm } : undefined, readSibling: (p) => (path.basename(p) === 'down.sql' ? options.downText : undefined) });
  return splitMigration({ file: model, text, downText: options.downText, project: options.project, neighbours: options.neighbours ?? [] });
}

export function splitOk(file: string, text: string, dialect: Dialect, options: Parameters<typeof split>[3] = {}): SplitResult {
  const r = split(file, text, dialect, options);
  if ('refused' in r) throw new Error(`refused: ${r.refused}`);
  return r;
}

export function refusal(file: string, text: string, dialect: Dialect, options: Parameters<typeof split>[3] = {}): string {
  const r = split(file, text, dialect, options);
  if (!('refused' in r)) throw new Error(`split into ${r.files.map((f) => path.basename(f.path)).join(', ')}`);
  return r.refused;
}

export function typeormFile(name: string, stamp: string, up: string[], down: string[], members = ''): string {
  return `import { MigrationInterface, QueryRunner } from "typeorm";

export class ${name}${stamp} implements MigrationInterface {
    name = '${name}${stamp}'${members}

    public async up(queryRunner: QueryRunner): Promise<void> {
${up.map((l) => `        ${l}`).join('\n')}
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
${down.map((l) => `        ${l}`).join('\n')}
    }
}
`;
}

export function sequelizeFile(up: string[], down: string[]): string {
  return `'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
${up.map((l) => `    ${l}`).join('\n')}
  },

  async down(queryInterface, Sequelize) {
${down.map((l) => `    ${l}`).join('\n')}
  },
};
`;
}

// Writes a throw-away project tree for detection tests; returns its root and a cleanup function.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** `inMemory`: put the tree on tmpfs when the machine has one (big trees write much faster there). */
export function writeTree(files: Record<string, string>, options: { inMemory?: boolean } = {}): { root: string; at: (...p: string[]) => string; cleanup: () => void } {
  const base = options.inMemory && fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  const root = fs.realpathSync(fs.mkdtempSync(path.join(base, 'sm-detect-')));
  const made = new Set<string>();
  for (const [rel, text] of Object.entries(files)) {
    const full = path.join(root, rel);
    const dir = path.dirname(full);
    if (!made.has(dir)) { fs.mkdirSync(dir, { recursive: true }); made.add(dir); }
    fs.writeFileSync(full, text);
  }
  return { root, at: (...p) => path.join(root, ...p), cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

export const pkg = (deps: Record<string, string>, extra: Record<string, unknown> = {}) => JSON.stringify({ name: 'x', version: '1.0.0', dependencies: deps, ...extra });

export const TYPEORM_MIGRATION = (ts: string, name: string) => `import { MigrationInterface, QueryRunner } from "typeorm";
export class ${name}${ts} implements MigrationInterface {
    public async up(queryRunner: QueryRunner): Promise<void> { await queryRunner.query(\`SELECT 1\`); }
    public async down(queryRunner: QueryRunner): Promise<void> { await queryRunner.query(\`SELECT 1\`); }
}
`;

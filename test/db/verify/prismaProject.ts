// Writes a Prisma project (package.json, schema.prisma, migrations with their down.sql) for the verify tests.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface PrismaMigration { name: string; up: string; down: string }

/** Writes the project under `dir`; returns each migration's migration.sql path, in order. */
export function writePrismaProject(dir: string, provider: 'postgresql' | 'mysql', migrations: PrismaMigration[]): string[] {
  const folder = path.join(dir, 'prisma', 'migrations');
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: path.basename(dir).toLowerCase(), devDependencies: { prisma: '7.10.1' } }));
  fs.writeFileSync(path.join(dir, 'prisma', 'schema.prisma'), `datasource db {\n  provider = "${provider}"\n}\n`);
  fs.writeFileSync(path.join(folder, 'migration_lock.toml'), `provider = "${provider}"\n`);
  return migrations.map((m) => {
    fs.mkdirSync(path.join(folder, m.name));
    fs.writeFileSync(path.join(folder, m.name, 'down.sql'), m.down);
    const file = path.join(folder, m.name, 'migration.sql');
    fs.writeFileSync(file, m.up);
    return file;
  });
}

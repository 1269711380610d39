// A long Prisma/PostgreSQL migration history for replay timing and the ≥50-migration proof: migrations in the
// shapes `prisma migrate dev` writes (CreateTable, AddColumn, CreateIndex, CreateEnum, AddForeignKey,
// RenameColumn), each with a down.sql that restores the schema. Deterministic: migration i depends only on i.
import * as fs from 'node:fs';
import * as path from 'node:path';

function migration(i: number): { name: string; up: string; down: string } {
  const k = i - (i % 6); // every group of six works on the table its first migration creates
  const t = `Table${k}`;
  switch (i % 6) {
    case 0: return {
      name: `create_table${k}`,
      up: `-- CreateTable\nCREATE TABLE "${t}" (\n    "id" SERIAL NOT NULL,\n    "name" TEXT NOT NULL,\n    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,\n\n    CONSTRAINT "${t}_pkey" PRIMARY KEY ("id")\n);\n`,
      down: `-- DropTable\nDROP TABLE "${t}";\n`,
    };
    case 1: return { name: `add_note_to_table${k}`, up: `-- AlterTable\nALTER TABLE "${t}" ADD COLUMN "note" TEXT;\n`, down: `-- AlterTable\nALTER TABLE "${t}" DROP COLUMN "note";\n` };
    case 2: return { name: `table${k}_name_index`, up: `-- CreateIndex\nCREATE INDEX "${t}_name_idx" ON "${t}"("name");\n`, down: `-- DropIndex\nDROP INDEX "${t}_name_idx";\n` };
    case 3: return {
      name: `table${k}_status`,
      up: `-- CreateEnum\nCREATE TYPE "Status${k}" AS ENUM ('DRAFT', 'PUBLISHED');\n\n-- AlterTable\nALTER TABLE "${t}" ADD COLUMN "status" "Status${k}" NOT NULL DEFAULT 'DRAFT';\n`,
      down: `-- AlterTable\nALTER TABLE "${t}" DROP COLUMN "status";\n\n-- DropEnum\nDROP TYPE "Status${k}";\n`,
    };
    case 4: return {
      name: `table${k}_items`,
      up: `-- CreateTable\nCREATE TABLE "${t}Item" (\n    "id" SERIAL NOT NULL,\n    "parentId" INTEGER NOT NULL,\n    "quantity" INTEGER NOT NULL DEFAULT 1,\n\n    CONSTRAINT "${t}Item_pkey" PRIMARY KEY ("id")\n);\n\n-- CreateIndex\nCREATE INDEX "${t}Item_parentId_idx" ON "${t}Item"("parentId");\n\n-- AddForeignKey\nALTER TABLE "${t}Item" ADD CONSTRAINT "${t}Item_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "${t}"("id") ON DELETE CASCADE ON UPDATE CASCADE;\n`,
      down: `-- DropForeignKey\nALTER TABLE "${t}Item" DROP CONSTRAINT "${t}Item_parentId_fkey";\n\n-- DropTable\nDROP TABLE "${t}Item";\n`,
    };
    default: return { name: `rename_table${k}_note`, up: `-- AlterTable\nALTER TABLE "${t}" RENAME COLUMN "note" TO "remark";\n`, down: `-- AlterTable\nALTER TABLE "${t}" RENAME COLUMN "remark" TO "note";\n` };
  }
}

/** Writes a Prisma project with `count` migrations under `dir`; returns the migrations folder. */
export function writeLongPrismaHistory(dir: string, count: number): string {
  const folder = path.join(dir, 'prisma', 'migrations');
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'long-history', devDependencies: { prisma: '7.10.1' } }));
  fs.writeFileSync(path.join(dir, 'prisma', 'schema.prisma'), 'datasource db {\n  provider = "postgresql"\n}\n');
  fs.writeFileSync(path.join(folder, 'migration_lock.toml'), 'provider = "postgresql"\n');
  for (let i = 0; i < count; i++) {
    const m = migration(i);
    const name = `${20240101000000 + i * 100}_${m.name}`;
    fs.mkdirSync(path.join(folder, name));
    fs.writeFileSync(path.join(folder, name, 'migration.sql'), m.up);
    fs.writeFileSync(path.join(folder, name, 'down.sql'), m.down);
  }
  return folder;
}

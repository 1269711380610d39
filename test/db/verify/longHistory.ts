// A long Prisma/PostgreSQL migration history for replay timing and the ≥50-migration proof: migrations in the
// shapes `prisma migrate dev` writes (CreateTable, AddColumn, CreateIndex, CreateEnum, AddForeignKey,
// RenameColumn), each with a down.sql that restores the schema. Deterministic: migration i depends only on i.
import * as path from 'node:path';
import { writePrismaProject } from './prismaProject';

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
  const migrations = Array.from({ length: count }, (_, i) => {
    const m = migration(i);
    return { ...m, name: `${20240101000000 + i * 100}_${m.name}` };
  });
  return path.dirname(path.dirname(writePrismaProject(dir, 'postgresql', migrations)[0]));
}

// From what project detection learned to a scaffold target: which ORM, dialect, folder and extension.
import type { MigrationDir, ProjectInfo } from '../project/types';
import type { ScaffoldDialect, ScaffoldExtension, ScaffoldOrm, ScaffoldTarget } from './types';

const EXTENSIONS: ScaffoldExtension[] = ['.ts', '.js', '.cjs', '.mjs'];

export function asScaffoldDialect(dialect: string | undefined): ScaffoldDialect | undefined {
  return dialect === 'postgres' || dialect === 'mysql' || dialect === 'mariadb' ? dialect : undefined;
}

/** Scaffolds are written for TypeORM, Sequelize and Prisma; Knex, Drizzle and node-pg-migrate folders are read only. */
function isScaffoldOrm(orm: string): orm is ScaffoldOrm { return orm === 'typeorm' || orm === 'sequelize' || orm === 'prisma'; }

/** The migrations folder to write into: the first one of the wanted ORM (or of any ORM when none is wanted). */
export function pickMigrationDir(project: ProjectInfo, orm?: ScaffoldOrm): MigrationDir | undefined {
  const dirs = project.migrationDirs.filter((d) => isScaffoldOrm(d.orm));
  return orm ? dirs.find((d) => d.orm === orm) : dirs[0];
}

/** What detection knows, as a partial target; the caller fills what is missing (or asks the user). */
export function targetFromProject(project: ProjectInfo, orm?: ScaffoldOrm): Partial<ScaffoldTarget> {
  const dir = pickMigrationDir(project, orm);
  const chosenOrm = orm ?? (dir?.orm as ScaffoldOrm | undefined) ?? project.orms.map((o) => o.orm).find(isScaffoldOrm);
  const extension = EXTENSIONS.find((e) => e === dir?.extension);
  return {
    orm: chosenOrm,
    dialect: asScaffoldDialect(dir?.dialect) ?? asScaffoldDialect(project.dialect.dialect),
    dir: dir?.path ?? (chosenOrm === 'prisma' && project.prisma ? project.prisma.migrationsPath : undefined),
    extension: chosenOrm === 'prisma' ? undefined : extension,
  };
}

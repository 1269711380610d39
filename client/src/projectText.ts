// How detected projects read in the status bar and the "Safe Migrations" output channel.
// Pure text from ProjectInfo, so it is unit-testable without VS Code.
import type { ProjectInfo } from '../../server/src/project/types';

const ORM_LABEL: Record<string, string> = { typeorm: 'TypeORM', sequelize: 'Sequelize', prisma: 'Prisma', sql: 'SQL' };
const DIALECT_LABEL: Record<string, string> = { postgres: 'PostgreSQL', mysql: 'MySQL', mariadb: 'MariaDB', sqlite: 'SQLite', unknown: 'dialect unknown' };

export function ormLabel(orm: string): string { return ORM_LABEL[orm] ?? orm; }
export function dialectLabel(dialect: string): string { return DIALECT_LABEL[dialect] ?? dialect; }

/** `$(database) TypeORM · PostgreSQL`, `$(database) Safe Migrations: 2 projects`, or the no-project text. */
export function statusBarText(projects: ProjectInfo[]): string {
  const withOrm = projects.filter((p) => p.orms.length > 0 || p.migrationDirs.length > 0);
  if (withOrm.length === 0) return '$(database) Safe Migrations: no ORM project';
  if (withOrm.length > 1) return `$(database) Safe Migrations: ${withOrm.length} projects`;
  const p = withOrm[0];
  const orms = p.orms.length ? p.orms.map((o) => ormLabel(o.orm)).join(' + ') : ormLabel(p.migrationDirs[0].orm);
  return `$(database) ${orms} · ${dialectLabel(p.dialect.dialect)}`;
}

export function describeProjects(projects: ProjectInfo[]): string {
  if (projects.length === 0) {
    return 'Safe Migrations found no TypeORM, Sequelize or Prisma project in this workspace.\n'
      + 'Open .sql migrations are still checked. Set "safeMigrations.migrationsPaths" or add a .safe-migrations.json to point at migrations.';
  }
  const out: string[] = [`Safe Migrations: ${projects.length} project(s)`, ''];
  for (const p of projects) {
    out.push(`Project ${p.root}`);
    if (p.orms.length === 0) out.push('  ORM: none detected');
    for (const o of p.orms) out.push(`  ORM: ${ormLabel(o.orm)}${o.version ? ' ' + o.version : ''} (from ${o.source})`);
    out.push(`  Dialect: ${dialectLabel(p.dialect.dialect)} (${p.dialect.source}: ${p.dialect.reason})`);
    if (p.migrationDirs.length === 0) out.push('  Migrations: no folder found');
    for (const d of p.migrationDirs) {
      const extras = [d.dialect && dialectLabel(d.dialect), d.naming, d.extension, d.glob && `glob ${d.glob}`].filter(Boolean).join(', ');
      out.push(`  Migrations: ${d.path} [${ormLabel(d.orm)}${extras ? ', ' + extras : ''}]`);
    }
    for (const ds of p.typeorm?.dataSources ?? []) {
      const name = ds.name ? ds.name + ' ' : '';
      out.push(`  TypeORM DataSource ${name}in ${ds.file}: type ${ds.type ?? '?'}, transaction mode ${ds.migrationsTransactionMode ?? 'all (TypeORM default)'}${ds.migrationsTableName ? ', table ' + ds.migrationsTableName : ''}`);
    }
    if (p.sequelize) {
      const envs = Object.entries(p.sequelize.dialectByEnv).map(([env, d]) => `${env}=${dialectLabel(d)}`).join(', ');
      out.push(`  Sequelize: ${p.sequelize.sequelizerc ? '.sequelizerc ' + p.sequelize.sequelizerc + ', ' : ''}config ${p.sequelize.configPath ?? 'not found'}${envs ? ' (' + envs + ')' : ''}; transactions: only where a migration opens one${p.sequelize.usesUmzug ? '; umzug' : ''}`);
    }
    if (p.prisma) {
      out.push(`  Prisma: schema ${p.prisma.schemaPaths.join(', ') || 'not found'}, provider ${p.prisma.provider ?? '?'}, migrations ${p.prisma.migrationsPath}; each migration.sql runs in a transaction on PostgreSQL`);
    }
    for (const u of p.unknowns) out.push(`  Unknown: ${u.what}: ${u.reason}`);
    out.push('');
  }
  return out.join('\n');
}

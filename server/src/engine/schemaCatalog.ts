// Which tables and columns a project has, learned statically for the scaffolding pickers: the
// migrations replayed in order, TypeORM entities, Sequelize models and Prisma models. Never runs
// workspace code; unreadable sources are skipped.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import type { FileModel, Operation } from '../model/migration';
import type { ProjectInfo } from '../project/types';
import { orderedMigrations } from '../rules/schemaHistory';
import { propertyNameText, propertyValue, booleanLiteral, unwrap } from '../readers/ts/objectLiteral';
import { scriptKindFor } from '../readers/ts/parseSourceFile';
import { readTextFileIfPresent } from './workspace';

export type CatalogSource = 'migrations' | 'typeorm-entity' | 'sequelize-model' | 'prisma-schema';

export interface CatalogColumn {
  name: string;
  /** As the source spells it (SQL type from migrations and entities, DataTypes / Prisma type otherwise). */
  type?: string;
  nullable?: boolean;
}

export interface CatalogTable {
  name: string;
  columns: CatalogColumn[];
  /** Where the table was seen, most trusted first. */
  sources: CatalogSource[];
}

export interface SchemaCatalog { tables: CatalogTable[] }

type ReadFile = (file: string) => string | undefined;

const defaultReadFile: ReadFile = readTextFileIfPresent;

/** Case-insensitive table map that keeps the first spelling seen. */
class CatalogBuilder {
  private readonly tables = new Map<string, CatalogTable>();

  table(name: string, source: CatalogSource): CatalogTable {
    const key = name.toLowerCase();
    let t = this.tables.get(key);
    if (!t) { t = { name, columns: [], sources: [] }; this.tables.set(key, t); }
    if (!t.sources.includes(source)) t.sources.push(source);
    return t;
  }

  /** Adds a column, or fills in what an earlier source left unknown (earlier sources win). */
  column(table: CatalogTable, column: CatalogColumn): void {
    const existing = table.columns.find((c) => c.name.toLowerCase() === column.name.toLowerCase());
    if (!existing) { table.columns.push(clean(column)); return; }
    existing.type ??= column.type;
    existing.nullable ??= column.nullable;
  }

  get(name: string): CatalogTable | undefined { return this.tables.get(name.toLowerCase()); }
  delete(name: string): void { this.tables.delete(name.toLowerCase()); }

  rename(from: string, to: string): void {
    const t = this.get(from);
    if (!t) return;
    this.delete(from);
    t.name = to;
    this.tables.set(to.toLowerCase(), t);
  }

  build(): SchemaCatalog {
    return { tables: [...this.tables.values()].sort((a, b) => a.name.localeCompare(b.name)) };
  }
}

function clean(c: CatalogColumn): CatalogColumn {
  const out: CatalogColumn = { name: c.name };
  if (c.type !== undefined) out.type = c.type;
  if (c.nullable !== undefined) out.nullable = c.nullable;
  return out;
}

export function buildSchemaCatalog(project: ProjectInfo | undefined, models: FileModel[], readFile: ReadFile = defaultReadFile): SchemaCatalog {
  const b = new CatalogBuilder();
  for (const { migration } of orderedMigrations(models)) for (const op of migration.up) replay(b, op);
  if (project?.typeorm) for (const file of project.typeorm.entityFiles) addTypeormEntities(b, file, readFile(file));
  if (project?.sequelize?.modelsPath) for (const file of modelFiles(project.sequelize.modelsPath)) addSequelizeModels(b, file, readFile(file));
  for (const model of project?.prisma?.models ?? []) {
    const t = b.table(model.dbName, 'prisma-schema');
    for (const f of model.fields) if (!f.relation && !f.isList) b.column(t, { name: f.dbName, type: f.type, nullable: !f.isRequired });
  }
  return b.build();
}

/** One `up` operation applied to the running catalogue. */
function replay(b: CatalogBuilder, op: Operation): void {
  const table = op.table;
  if (!table) return;
  switch (op.kind) {
    case 'createTable': {
      const t = b.table(table, 'migrations');
      for (const c of op.tableColumns ?? []) b.column(t, { name: c.name, type: c.type, nullable: c.nullable ?? (c.primary ? false : undefined) });
      return;
    }
    case 'dropTable': b.delete(table); return;
    case 'renameTable': if (op.newName) b.rename(table, op.newName); return;
    case 'addColumn': {
      const name = op.column ?? op.columnSpec?.name;
      if (name) b.column(b.table(table, 'migrations'), { name, type: op.columnSpec?.type, nullable: op.columnSpec?.nullable });
      return;
    }
    case 'dropColumn': {
      const t = b.get(table);
      if (t && op.column) t.columns = t.columns.filter((c) => c.name.toLowerCase() !== op.column!.toLowerCase());
      return;
    }
    case 'renameColumn': {
      const c = b.get(table)?.columns.find((x) => x.name.toLowerCase() === op.column?.toLowerCase());
      if (c && op.newName) c.name = op.newName;
      return;
    }
    case 'alterColumnType': {
      const c = b.get(table)?.columns.find((x) => x.name.toLowerCase() === op.column?.toLowerCase());
      if (c && op.columnSpec?.type) c.type = op.columnSpec.type;
      return;
    }
    case 'setNotNull': case 'dropNotNull': {
      const c = b.get(table)?.columns.find((x) => x.name.toLowerCase() === op.column?.toLowerCase());
      if (c) c.nullable = op.kind === 'dropNotNull';
      return;
    }
    default: return;
  }
}

function parse(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKindFor(file));
}

function stringLiteral(expr: ts.Expression | undefined): string | undefined {
  if (!expr) return undefined;
  const e = unwrap(expr);
  return ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) ? e.text : undefined;
}

function objectArg(args: readonly ts.Expression[]): ts.ObjectLiteralExpression | undefined {
  for (const a of args) { const e = unwrap(a); if (ts.isObjectLiteralExpression(e)) return e; }
  return undefined;
}

function decoratorCall(d: ts.Decorator): { name: string; args: readonly ts.Expression[] } | undefined {
  const e = d.expression;
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression)) return { name: e.expression.text, args: e.arguments };
  if (ts.isIdentifier(e)) return { name: e.text, args: [] };
  return undefined;
}

/** TypeORM's DefaultNamingStrategy.tableName for a class without an explicit name. */
function typeormSnakeCase(s: string): string {
  return s.replace(/([A-Z])([A-Z])([a-z])/g, '$1_$2$3').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

const COLUMN_DECORATORS = new Set(['Column', 'PrimaryColumn', 'PrimaryGeneratedColumn', 'CreateDateColumn', 'UpdateDateColumn', 'DeleteDateColumn', 'VersionColumn', 'ObjectIdColumn']);
const GENERATED_TYPES: Record<string, string> = { increment: 'integer', identity: 'integer', uuid: 'uuid', rowid: 'integer' };

function typeormColumn(property: string, decorator: string, args: readonly ts.Expression[]): CatalogColumn {
  const options = objectArg(args);
  const name = stringLiteral(propertyValue(options, 'name')) ?? property;
  let type = stringLiteral(propertyValue(options, 'type'));
  if (decorator === 'PrimaryGeneratedColumn') type ??= GENERATED_TYPES[stringLiteral(args[0]) ?? 'increment'];
  else type ??= stringLiteral(args[0]);
  const length = propertyValue(options, 'length');
  const lengthText = length && (ts.isNumericLiteral(unwrap(length)) ? (unwrap(length) as ts.NumericLiteral).text : stringLiteral(length));
  if (type && lengthText) type = `${type}(${lengthText})`;
  const primary = decorator.startsWith('Primary') || booleanLiteral(propertyValue(options, 'primary')) === true;
  const nullable = primary ? false : booleanLiteral(propertyValue(options, 'nullable')) ?? (decorator === 'DeleteDateColumn' ? true : false);
  return { name, type: type?.toLowerCase(), nullable };
}

/** `@Entity('name')` / `@Entity({ name })` classes; `@ManyToOne` / `@OneToOne` with a join column add `<relation>Id`. */
function addTypeormEntities(b: CatalogBuilder, file: string, text: string | undefined): void {
  if (!text || !/@Entity\b/.test(text)) return;
  const visit = (node: ts.Node): void => {
    if (ts.isClassDeclaration(node)) {
      const entity = (ts.getDecorators(node) ?? []).map(decoratorCall).find((d) => d?.name === 'Entity');
      if (entity) {
        const explicit = stringLiteral(entity.args[0]) ?? stringLiteral(propertyValue(objectArg(entity.args), 'name'));
        const className = node.name?.text;
        const tableName = explicit ?? (className ? typeormSnakeCase(className) : undefined);
        if (tableName) addEntityMembers(b, b.table(tableName, 'typeorm-entity'), node);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(parse(file, text));
}

function addEntityMembers(b: CatalogBuilder, table: CatalogTable, node: ts.ClassDeclaration): void {
  for (const member of node.members) {
    if (!ts.isPropertyDeclaration(member)) continue;
    const property = propertyNameText(member.name);
    if (!property) continue;
    const decorators = (ts.getDecorators(member) ?? []).map(decoratorCall).filter((d): d is NonNullable<typeof d> => !!d);
    const column = decorators.find((d) => COLUMN_DECORATORS.has(d.name));
    if (column) { b.column(table, typeormColumn(property, column.name, column.args)); continue; }
    const joinColumn = decorators.find((d) => d.name === 'JoinColumn');
    const owning = decorators.some((d) => d.name === 'ManyToOne') || (joinColumn && decorators.some((d) => d.name === 'OneToOne'));
    if (owning) {
      const explicit = joinColumn && stringLiteral(propertyValue(objectArg(joinColumn.args), 'name'));
      b.column(table, { name: explicit ?? `${property}Id` });
    }
  }
}

const MODEL_FILE = /\.(ts|js|cjs|mjs)$/i;

function modelFiles(dir: string): string[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && MODEL_FILE.test(e.name) && !/\.d\.ts$/i.test(e.name) && e.name !== 'index.js' && e.name !== 'index.ts')
      .map((e) => path.join(dir, e.name)).sort();
  } catch { return []; }
}

/** Sequelize's default table name: the model name pluralised (the common English cases only). */
function pluralise(name: string): string {
  if (/[^aeiou]y$/i.test(name)) return name.slice(0, -1) + 'ies';
  if (/(s|x|z|ch|sh)$/i.test(name)) return name + 'es';
  return name + 's';
}

const DATA_TYPES: Record<string, string> = {
  STRING: 'varchar(255)', TEXT: 'text', CHAR: 'char(255)', INTEGER: 'integer', BIGINT: 'bigint', SMALLINT: 'smallint',
  FLOAT: 'float', DOUBLE: 'double precision', DECIMAL: 'decimal', BOOLEAN: 'boolean', DATE: 'timestamp with time zone',
  DATEONLY: 'date', UUID: 'uuid', JSON: 'json', JSONB: 'jsonb', ENUM: 'enum',
};

/** `DataTypes.STRING`, `Sequelize.STRING(100)`, `{ type: DataTypes.X }` → a type, when recognisable. */
function sequelizeType(expr: ts.Expression | undefined): string | undefined {
  if (!expr) return undefined;
  let e = unwrap(expr);
  const call = ts.isCallExpression(e) ? e : undefined;
  if (call) e = call.expression;
  const name = ts.isPropertyAccessExpression(e) ? e.name.text : undefined;
  if (!name || !DATA_TYPES[name]) return undefined;
  const arg = call?.arguments[0];
  if (name === 'STRING' && arg && ts.isNumericLiteral(arg)) return `varchar(${arg.text})`;
  return DATA_TYPES[name];
}

/** `sequelize.define('User', {...}, { tableName })` and `X.init({...}, { tableName, modelName })`. */
function addSequelizeModels(b: CatalogBuilder, file: string, text: string | undefined): void {
  if (!text || !/\.(define|init)\s*\(/.test(text)) return;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const [first, second, third] = node.arguments;
      if (method === 'define' && stringLiteral(first) !== undefined && second && ts.isObjectLiteralExpression(unwrap(second))) {
        addSequelizeModel(b, stringLiteral(first)!, unwrap(second) as ts.ObjectLiteralExpression, third);
      } else if (method === 'init' && first && ts.isObjectLiteralExpression(unwrap(first)) && second) {
        const options = ts.isObjectLiteralExpression(unwrap(second)) ? unwrap(second) as ts.ObjectLiteralExpression : undefined;
        const target = unwrap(node.expression.expression);
        const modelName = stringLiteral(propertyValue(options, 'modelName')) ?? (ts.isIdentifier(target) ? target.text : undefined);
        if (modelName) addSequelizeModel(b, modelName, unwrap(first) as ts.ObjectLiteralExpression, second);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(parse(file, text));
}

function addSequelizeModel(b: CatalogBuilder, modelName: string, attributes: ts.ObjectLiteralExpression, optionsExpr: ts.Expression | undefined): void {
  const options = optionsExpr && ts.isObjectLiteralExpression(unwrap(optionsExpr)) ? unwrap(optionsExpr) as ts.ObjectLiteralExpression : undefined;
  const freeze = booleanLiteral(propertyValue(options, 'freezeTableName')) === true;
  const tableName = stringLiteral(propertyValue(options, 'tableName')) ?? (freeze ? modelName : pluralise(modelName));
  const underscored = booleanLiteral(propertyValue(options, 'underscored')) === true;
  const t = b.table(tableName, 'sequelize-model');
  let hasPrimaryKey = false;
  for (const p of attributes.properties) {
    if (!ts.isPropertyAssignment(p)) continue;
    const attr = propertyNameText(p.name);
    if (!attr) continue;
    const value = unwrap(p.initializer);
    const spec = ts.isObjectLiteralExpression(value) ? value : undefined;
    const field = stringLiteral(propertyValue(spec, 'field')) ?? (underscored ? typeormSnakeCase(attr) : attr);
    const primary = booleanLiteral(propertyValue(spec, 'primaryKey')) === true;
    hasPrimaryKey ||= primary;
    const allowNull = booleanLiteral(propertyValue(spec, 'allowNull'));
    b.column(t, { name: field, type: sequelizeType(spec ? propertyValue(spec, 'type') : value), nullable: primary ? false : allowNull ?? true });
  }
  // Sequelize adds these unless told otherwise.
  if (!hasPrimaryKey && !t.columns.some((c) => c.name.toLowerCase() === 'id')) t.columns.unshift({ name: 'id', type: 'integer', nullable: false });
  if (booleanLiteral(propertyValue(options, 'timestamps')) !== false) {
    for (const c of ['createdAt', 'updatedAt']) b.column(t, { name: underscored ? typeormSnakeCase(c) : c, type: 'timestamp with time zone', nullable: false });
  }
}

const MIGRATION_SOURCE = /\.(ts|mts|cts|js|mjs|cjs|sql)$/i;
const NOT_MIGRATIONS = /\.(d\.ts|test\.[cm]?[jt]s|spec\.[cm]?[jt]s|map)$/i;

/** The migration files in a project's migration folders (Prisma: each folder's migration.sql), sorted, at most `limit`. */
export function migrationFilesOf(project: ProjectInfo, limit = 1000): string[] {
  const files = new Set<string>();
  for (const d of project.migrationDirs) {
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(d.path, { withFileTypes: true }); } catch { continue; }
    for (const e of entries) {
      const full = path.join(d.path, e.name);
      if (d.orm === 'prisma') {
        if (e.isDirectory() && fs.existsSync(path.join(full, 'migration.sql'))) files.add(path.join(full, 'migration.sql'));
      } else if (e.isFile() && MIGRATION_SOURCE.test(e.name) && !NOT_MIGRATIONS.test(e.name)) {
        files.add(full);
      }
    }
  }
  return [...files].sort().slice(0, limit);
}

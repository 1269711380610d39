// Reads a Prisma schema (one file or a multi-file folder) into its models and datasource provider.
// The real Prisma parser (wasm: get_datamodel, the datamodel part of get_dmmf) is used when the schema is valid; a regex scan keeps the editor useful when it is not.
import type { Problem } from '../../model/migration';
import { LineIndex } from '../../model/text';
import type { PrismaModel } from '../../project/types';
import { prismaSchemaWasm, prismaWasmErrorMessage } from './prismaWasm';

export interface PrismaSchemaResult {
  /** `datasource` provider as written (postgresql, mysql, sqlite, …). */
  provider?: string;
  models: PrismaModel[];
  /** Schema errors; their ranges point into `problemFiles[i]` when there are several files. */
  problems: (Problem & { file?: string })[];
  /** How the models were read: the Prisma parser, or the fallback scan of an invalid schema. */
  via: 'prisma-wasm' | 'regex';
}

interface DmmfField {
  name: string; dbName?: string | null; kind: string; type: string;
  isRequired: boolean; isList: boolean; isId: boolean; isUnique: boolean; hasDefaultValue: boolean;
}
interface DmmfModel { name: string; dbName?: string | null; fields: DmmfField[] }

/** `text` is one schema file; pass `files` instead for a multi-file schema (prisma/schema/*.prisma). */
export function readPrismaSchema(text: string, fileName = 'schema.prisma'): PrismaSchemaResult {
  return readPrismaSchemaFiles([[fileName, text]]);
}

export function readPrismaSchemaFiles(original: [path: string, text: string][]): PrismaSchemaResult {
  const wasm = prismaSchemaWasm();
  const files = original.map(([p, t]): [string, string] => [p, withoutConnectionUrls(t)]);
  const params = JSON.stringify({ prismaSchema: files });
  let provider: string | undefined;
  if (wasm) {
    try {
      const cfg = JSON.parse(wasm.get_config(JSON.stringify({ prismaSchema: files, datasourceOverrides: {}, ignoreEnvVarErrors: true, env: {} }))) as {
        config?: { datasources?: { provider?: string; activeProvider?: string }[] };
      };
      const ds = cfg.config?.datasources?.[0];
      provider = ds?.activeProvider ?? ds?.provider;
    } catch { /* provider falls back to the scan below */ }
    try {
      const datamodel = wasm.get_datamodel
        ? JSON.parse(wasm.get_datamodel(params)) as { models: DmmfModel[] }
        : (JSON.parse(wasm.get_dmmf(params)) as { datamodel: { models: DmmfModel[] } }).datamodel;
      return { provider: provider ?? scanProvider(files), models: datamodel.models.map(fromDmmf), problems: [], via: 'prisma-wasm' };
    } catch (e) {
      const scanned = scanSchema(files);
      return { provider: provider ?? scanned.provider, models: scanned.models, problems: wasmProblems(prismaWasmErrorMessage(e), files), via: 'regex' };
    }
  }
  const scanned = scanSchema(files);
  return { ...scanned, problems: [], via: 'regex' };
}

/**
 * Blanks `url`/`directUrl`/`shadowDatabaseUrl` inside datasource blocks (same length, so error
 * positions stay right): the bundled Prisma 7 parser rejects them, but Prisma ≤ 6 schemas need them,
 * and models and provider do not depend on them.
 */
function withoutConnectionUrls(text: string): string {
  return text.replace(/(datasource\s+\w+\s*\{)([^}]*)\}/g, (_m, head: string, body: string) =>
    head + body.replace(/^([ \t]*)(url|directUrl|shadowDatabaseUrl)\b[^\n]*/gm, (line) => ' '.repeat(line.length)) + '}');
}

function fromDmmf(m: DmmfModel): PrismaModel {
  return {
    name: m.name,
    dbName: m.dbName ?? m.name,
    fields: m.fields.map((f) => ({
      name: f.name, dbName: f.dbName ?? f.name, type: f.type,
      isRequired: f.isRequired, isList: f.isList, isId: f.isId, isUnique: f.isUnique,
      hasDefault: f.hasDefaultValue, relation: f.kind === 'object',
    })),
  };
}

/** Splits Prisma's validation output (`error: …\n  -->  file:line`) into one problem per error. */
function wasmProblems(message: string, files: [string, string][]): PrismaSchemaResult['problems'] {
  const out: PrismaSchemaResult['problems'] = [];
  const re = /error: ([^\n]+)\n\s*-->\s*([^\n]+?):(\d+)/g;
  for (let m = re.exec(message); m; m = re.exec(message)) {
    const file = files.find(([p]) => p === m![2]) ?? files[0];
    const lines = new LineIndex(file[1]);
    const line = Math.max(0, Number(m[3]) - 1);
    const start = lines.offsetAt({ line, character: 0 });
    const end = lines.offsetAt({ line: line + 1, character: 0 });
    out.push({ code: 'prisma-schema', severity: 'error', message: m[1].trim(), range: lines.range(start, Math.max(start, end - 1)), file: file[0] });
  }
  if (out.length === 0) {
    const firstLine = message.split('\n').find((l) => l.trim()) ?? 'invalid schema';
    out.push({ code: 'prisma-schema', severity: 'error', message: firstLine.replace(/^error:\s*/, ''), range: new LineIndex(files[0]?.[1] ?? '').range(0, 0), file: files[0]?.[0] });
  }
  return out;
}

const SCALARS = new Set(['String', 'Boolean', 'Int', 'BigInt', 'Float', 'Decimal', 'DateTime', 'Json', 'Bytes', 'Unsupported']);

function stripComments(text: string): string {
  return text.replace(/\/\/[^\n]*/g, '');
}

function scanProvider(files: [string, string][]): string | undefined {
  for (const [, text] of files) {
    const m = /datasource\s+\w+\s*\{[^}]*?\bprovider\s*=\s*"([^"]+)"/.exec(stripComments(text));
    if (m) return m[1];
  }
  return undefined;
}

/** Regex fallback: good enough to name tables and columns while the schema does not validate. */
function scanSchema(files: [string, string][]): { provider?: string; models: PrismaModel[] } {
  const blocks: { name: string; body: string }[] = [];
  const enums = new Set<string>();
  for (const [, raw] of files) {
    const text = stripComments(raw);
    const re = /\b(model|enum|type|view)\s+(\w+)\s*\{([^}]*)\}/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[1] === 'model') blocks.push({ name: m[2], body: m[3] });
      else enums.add(m[2]);
    }
  }
  const modelNames = new Set(blocks.map((b) => b.name));
  const models = blocks.map(({ name, body }): PrismaModel => {
    const map = /@@map\(\s*(?:name:\s*)?"([^"]+)"/.exec(body);
    const fields: PrismaModel['fields'] = [];
    for (const line of body.split('\n')) {
      const f = /^\s*(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
      if (!f || line.trim().startsWith('@@')) continue;
      const attrs = f[5];
      const relation = modelNames.has(f[2]) || (!SCALARS.has(f[2]) && !enums.has(f[2]) && /@relation/.test(attrs));
      fields.push({
        name: f[1],
        dbName: /@map\(\s*(?:name:\s*)?"([^"]+)"/.exec(attrs)?.[1] ?? f[1],
        type: f[2],
        isRequired: !f[4],
        isList: !!f[3],
        isId: /@id\b/.test(attrs),
        isUnique: /@unique\b/.test(attrs),
        hasDefault: /@default\(/.test(attrs) || /@updatedAt\b/.test(attrs),
        relation,
      });
    }
    return { name, dbName: map?.[1] ?? name, fields };
  });
  return { provider: scanProvider(files), models };
}

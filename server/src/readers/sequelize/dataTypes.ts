import ts from 'typescript';
import type { Dialect } from '../../model/migration';
import { unwrap } from '../ts/objectLiteral';
import { staticString, type EvaluateContext } from '../ts/evaluateString';
import { stringArray } from '../ts/staticStringList';

export interface SequelizeType {
  /** Lower-case SQL-ish type, as Sequelize would emit it for the dialect (`varchar(255)`, `timestamp with time zone`). */
  type: string;
  /** The DataTypes name as written (`STRING`, `ENUM`). */
  dataType?: string;
  enumValues?: string[];
}

const MODIFIERS: Record<string, string> = { UNSIGNED: 'unsigned', ZEROFILL: 'zerofill', BINARY: 'binary' };

/** Reads `Sequelize.STRING(100)`, `DataTypes.INTEGER.UNSIGNED`, `Sequelize.DataTypes.ENUM('a')`, `new DataTypes.DECIMAL(10, 2)`, `'VARCHAR(20)'`. */
export function readDataType(expr: ts.Expression | undefined, dialect: Dialect, ev: EvaluateContext, depth = 0): SequelizeType | undefined {
  if (!expr || depth > 6) return undefined;
  const e = unwrap(expr);
  // `const ID_TYPE = Sequelize.UUID` shared between columns.
  if (ts.isIdentifier(e) && ev.constants.has(e.text)) return readDataType(ev.constants.get(e.text), dialect, ev, depth + 1);
  const asString = staticString(e, ev);
  if (asString !== undefined) return { type: asString.toLowerCase() };
  const parts = typeParts(e);
  if (!parts) return undefined;
  if (MODIFIERS[parts.name] && parts.base) {
    const base = readDataType(parts.base, dialect, ev, depth + 1);
    if (!base || dialect === 'postgres') {
      // PostgreSQL has no UNSIGNED/ZEROFILL (Sequelize drops them); a BINARY string becomes bytea.
      return base && parts.name === 'BINARY' && base.type.startsWith('varchar') ? { ...base, type: 'bytea' } : base;
    }
    return { ...base, type: `${base.type} ${MODIFIERS[parts.name]}` };
  }
  if (!/^[A-Z][A-Z0-9_]*$/.test(parts.name)) return undefined;
  return mapDataType(parts.name, parts.args, dialect, ev);
}

/** `X.NAME`, `X.NAME(args)`, `new X.NAME(args)`, bare `NAME` (destructured), and `X.NAME(args).MOD`. */
function typeParts(e: ts.Expression): { name: string; args?: ts.NodeArray<ts.Expression>; base?: ts.Expression } | undefined {
  if (ts.isIdentifier(e)) return { name: e.text };
  if (ts.isPropertyAccessExpression(e)) return { name: e.name.text, base: e.expression };
  if ((ts.isCallExpression(e) || ts.isNewExpression(e))) {
    const callee = unwrap(e.expression);
    const args = e.arguments ?? ts.factory.createNodeArray<ts.Expression>();
    if (ts.isIdentifier(callee)) return { name: callee.text, args };
    if (ts.isPropertyAccessExpression(callee)) return { name: callee.name.text, args };
  }
  return undefined;
}

function mapDataType(name: string, args: ts.NodeArray<ts.Expression> | undefined, dialect: Dialect, ev: EvaluateContext): SequelizeType {
  const mysql = dialect === 'mysql' || dialect === 'mariadb';
  const postgres = dialect === 'postgres';
  const lit = (i: number): string | undefined => {
    const a = args?.[i];
    if (!a) return undefined;
    const u = unwrap(a);
    if (ts.isNumericLiteral(u)) return u.text;
    return staticString(u, ev);
  };
  const withArgs = (sql: string, max = 2): string => {
    const vals: string[] = [];
    for (let i = 0; i < max; i++) { const v = lit(i); if (v === undefined) break; vals.push(v); }
    return vals.length ? `${sql}(${vals.join(',')})` : sql;
  };
  const out = (type: string): SequelizeType => ({ type, dataType: name });
  switch (name) {
    case 'STRING': return out(`varchar(${lit(0) ?? '255'})`);
    case 'CHAR': return out(`char(${lit(0) ?? '255'})`);
    case 'TEXT': {
      const size = lit(0)?.toLowerCase();
      return out(mysql && size && ['tiny', 'medium', 'long'].includes(size) ? `${size}text` : 'text');
    }
    case 'CITEXT': return out('citext');
    case 'TINYINT': case 'SMALLINT': case 'MEDIUMINT': case 'BIGINT':
      return out(mysql ? withArgs(name.toLowerCase(), 1) : name.toLowerCase());
    case 'INTEGER': return out(mysql ? withArgs('integer', 1) : 'integer');
    case 'FLOAT': return out(withArgs('float'));
    case 'REAL': return out(withArgs('real'));
    case 'DOUBLE': return out(withArgs('double precision'));
    case 'DECIMAL': case 'NUMERIC': return out(withArgs('decimal'));
    case 'BOOLEAN': return out('boolean');
    case 'DATE': {
      if (postgres) return out('timestamp with time zone');
      const p = lit(0);
      return out(p ? `datetime(${p})` : 'datetime');
    }
    case 'DATEONLY': return out('date');
    case 'TIME': return out('time');
    case 'NOW': return out(postgres ? 'timestamp with time zone' : 'datetime');
    case 'UUID': return out(mysql ? 'char(36) binary' : 'uuid');
    case 'UUIDV1': case 'UUIDV4': return out(mysql ? 'char(36) binary' : 'uuid');
    case 'JSON': return out('json');
    case 'JSONB': return out('jsonb');
    case 'BLOB': {
      if (postgres) return out('bytea');
      const size = lit(0)?.toLowerCase();
      return out(size && ['tiny', 'medium', 'long'].includes(size) ? `${size}blob` : 'blob');
    }
    case 'ENUM': return { type: 'enum', dataType: name, enumValues: enumValuesFromArgs(args, ev) };
    case 'ARRAY': {
      const inner = args?.[0] ? readDataType(args[0], dialect, ev) : undefined;
      return out(inner ? `${inner.type}[]` : 'array');
    }
    case 'RANGE': {
      const inner = args?.[0] ? readDataType(args[0], dialect, ev) : undefined;
      return out(inner ? `range(${inner.type})` : 'range');
    }
    case 'GEOMETRY': case 'GEOGRAPHY': return out(withArgs(name.toLowerCase()));
    default: return out(name.toLowerCase());
  }
}

/** `ENUM('a', 'b')`, `ENUM(['a', 'b'])`, `ENUM({ values: ['a', 'b'] })`. */
export function enumValuesFromArgs(args: ts.NodeArray<ts.Expression> | readonly ts.Expression[] | undefined, ev: EvaluateContext): string[] | undefined {
  if (!args || args.length === 0) return undefined;
  const first = unwrap(args[0]);
  if (ts.isArrayLiteralExpression(first)) return stringArray(first, ev);
  if (ts.isObjectLiteralExpression(first)) {
    for (const p of first.properties) {
      if (ts.isPropertyAssignment(p) && p.name.getText() === 'values') {
        const v = unwrap(p.initializer);
        return ts.isArrayLiteralExpression(v) ? stringArray(v, ev) : undefined;
      }
    }
    return undefined;
  }
  const values: string[] = [];
  for (const a of args) { const s = staticString(a, ev); if (s === undefined) return undefined; values.push(s); }
  return values;
}

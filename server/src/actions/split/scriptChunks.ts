// Cuts a TypeORM/Sequelize up or down body into chunks of the file's own statements. A statement
// whose one query() string holds steps of different pieces becomes one call per piece; anything
// else that spans pieces (a loop, an if, a transaction callback, a variable) is a refusal.
import ts from 'typescript';
import type { Operation } from '../../model/migration';
import { groupSteps } from './planPieces';
import { type Chunk, type ChunksResult, type Owner, type PieceOf, lineAt, ownerOfOps } from './chunks';

const CONTROL_FLOW = new Set([
  ts.SyntaxKind.IfStatement, ts.SyntaxKind.ForStatement, ts.SyntaxKind.ForInStatement, ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.WhileStatement, ts.SyntaxKind.DoStatement, ts.SyntaxKind.TryStatement, ts.SyntaxKind.SwitchStatement,
  ts.SyntaxKind.ReturnStatement, ts.SyntaxKind.ThrowStatement, ts.SyntaxKind.LabeledStatement, ts.SyntaxKind.Block,
]);

/** The statement's text from the start of its line (comments above it included) to the end of its line. */
export function statementRegion(text: string, stmt: ts.Statement): { start: number; end: number } {
  const comments = ts.getLeadingCommentRanges(text, stmt.getFullStart()) ?? [];
  let start = comments.length ? comments[0].pos : stmt.getStart();
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  const trailing = ts.getTrailingCommentRanges(text, stmt.end) ?? [];
  const end = trailing.length ? trailing[trailing.length - 1].end : stmt.end;
  return { start, end };
}

function declaredNames(stmt: ts.Statement): string[] {
  if (!ts.isVariableStatement(stmt)) return [];
  const names: string[] = [];
  const collect = (n: ts.BindingName) => {
    if (ts.isIdentifier(n)) names.push(n.text);
    else for (const e of n.elements) if (!ts.isOmittedExpression(e)) collect(e.name);
  };
  for (const d of stmt.declarationList.declarations) collect(d.name);
  return names;
}

function usesName(text: string, name: string): boolean {
  return new RegExp(`(^|[^\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(text);
}

/** A variable whose value is computed without side effects can be repeated in each piece that reads it. */
function isPureDeclaration(stmt: ts.Statement): boolean {
  if (!ts.isVariableStatement(stmt) || !(stmt.declarationList.flags & ts.NodeFlags.Const)) return false;
  let pure = true;
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n) || ts.isAwaitExpression(n) || ts.isNewExpression(n) || ts.isTaggedTemplateExpression(n)) pure = false;
    else ts.forEachChild(n, visit);
  };
  for (const d of stmt.declarationList.declarations) if (d.initializer) visit(d.initializer);
  return pure;
}

/** `await x.query(<one string>)`: the string literal, when the statement is exactly that. */
function queryLiteral(stmt: ts.Statement): ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression | undefined {
  if (!ts.isExpressionStatement(stmt)) return undefined;
  let e: ts.Expression = stmt.expression;
  if (ts.isAwaitExpression(e)) e = e.expression;
  if (!ts.isCallExpression(e) || e.arguments.length !== 1) return undefined;
  const arg = e.arguments[0];
  return ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg) || ts.isTemplateExpression(arg) ? arg : undefined;
}

interface Slot { stmt: ts.Statement; region: { start: number; end: number }; ops: Operation[]; owner?: Owner; chunks?: Chunk[] }

export function scriptChunks(text: string, body: ts.Block, ops: Operation[], pieceOf: PieceOf): ChunksResult {
  const slots: Slot[] = body.statements.map((stmt) => ({ stmt, region: statementRegion(text, stmt), ops: ops.filter((o) => o.offset.start >= stmt.getStart() && o.offset.end <= stmt.end) }));
  const placed = new Set(slots.flatMap((s) => s.ops));
  const stray = ops.find((o) => !placed.has(o));
  if (stray) return { refused: `the step at line ${lineAt(text, stray.offset.start)} is not a statement of its own in the method body` };

  for (const slot of slots) {
    if (!slot.ops.length) continue;
    slot.owner = ownerOfOps(slot.ops, pieceOf);
    if (slot.owner) continue;
    const literal = queryLiteral(slot.stmt);
    if (!literal || slot.ops.some((o) => o.offset.start < literal.getStart() || o.offset.end > literal.end)) {
      return { refused: `the statement at line ${lineAt(text, slot.stmt.getStart())} runs steps that belong to different migrations inside ${CONTROL_FLOW.has(slot.stmt.kind) ? 'control flow' : 'one expression'}; splitting it would change what it does` };
    }
    const prefix = text.slice(slot.region.start, literal.getStart() + 1);
    const suffix = text.slice(literal.end - 1, slot.region.end);
    slot.chunks = [];
    for (const step of groupSteps(slot.ops)) {
      const owner = ownerOfOps(step, pieceOf);
      if (!owner) return { refused: `the SQL statement at line ${lineAt(text, step[0].offset.start)} does steps that belong to different migrations` };
      slot.chunks.push({ text: prefix + text.slice(Math.min(...step.map((o) => o.offset.start)), Math.max(...step.map((o) => o.offset.end))) + suffix, owner });
    }
  }

  const ownedSlots = slots.filter((s) => s.owner || s.chunks);
  const piecesOf = (s: Slot): number[] => s.chunks ? s.chunks.flatMap((c) => c.owner === 'all' ? [] : c.owner) : s.owner === 'all' ? [] : s.owner!;
  for (const [i, slot] of slots.entries()) {
    const names = declaredNames(slot.stmt);
    if (!names.length) continue;
    const readers = slots.filter((s, j) => j > i && names.some((n) => usesName(text.slice(s.region.start, s.region.end), n)));
    const readerPieces = [...new Set(readers.flatMap((r) => (r.owner || r.chunks) ? piecesOf(r) : []))];
    if (slot.ops.length) {
      const mine = piecesOf(slot);
      if (readerPieces.some((p) => !mine.includes(p))) return { refused: `the variable ${names.join(', ')} declared at line ${lineAt(text, slot.stmt.getStart())} is used by steps that go to different migrations` };
    } else if (readerPieces.length > 1 && !isPureDeclaration(slot.stmt)) {
      return { refused: `the variable ${names.join(', ')} declared at line ${lineAt(text, slot.stmt.getStart())} is shared by steps that go to different migrations` };
    } else {
      slot.owner = readerPieces.length ? readerPieces : undefined;
    }
  }

  for (const [i, slot] of slots.entries()) {
    if (slot.owner || slot.chunks) continue;
    if (CONTROL_FLOW.has(slot.stmt.kind) && ownedSlots.length) {
      return { refused: `the ${ts.SyntaxKind[slot.stmt.kind].replace(/Statement$/, '').toLowerCase()} at line ${lineAt(text, slot.stmt.getStart())} decides whether later steps run; splitting would change that` };
    }
    // Anything else (a log line, an unused helper) goes with the next step, or the last one.
    const next = slots.slice(i + 1).find((s) => s.ops.length) ?? [...slots.slice(0, i)].reverse().find((s) => s.ops.length);
    slot.owner = next ? (next.owner ?? piecesOf(next)) : 'all';
  }

  const chunks: Chunk[] = [];
  for (const slot of slots) {
    if (slot.chunks) chunks.push(...slot.chunks);
    else chunks.push({ text: text.slice(slot.region.start, slot.region.end), owner: slot.owner! });
  }
  return { chunks };
}

/** The new inside of a body block: the piece's chunks, or a one-line comment when it has none. */
export function blockInside(text: string, body: ts.Block, chunks: Chunk[], piece: number, emptyNote: string): string {
  const closeLineStart = text.lastIndexOf('\n', body.end - 1) + 1;
  const closeIndent = /^[ \t]*/.exec(text.slice(closeLineStart))![0];
  const own = chunks.filter((c) => c.owner === 'all' || c.owner.includes(piece));
  if (!own.some((c) => c.owner !== 'all')) {
    const firstIndent = body.statements.length ? /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', body.statements[0].getStart()) + 1))![0] : closeIndent + '  ';
    return `\n${firstIndent}// ${emptyNote}\n${closeIndent}`;
  }
  return `\n${own.map((c) => c.text).join('\n')}\n${closeIndent}`;
}

/** `await queryInterface.sequelize.transaction(async (t) => { … })` as the body's only statement: each piece keeps the wrapper around its own steps. */
export interface TransactionWrapper { inner: ts.Block; before: string; after: string }

export function transactionWrapper(text: string, body: ts.Block): TransactionWrapper | undefined {
  if (body.statements.length !== 1) return undefined;
  const stmt = body.statements[0];
  let e: ts.Expression | undefined = ts.isExpressionStatement(stmt) ? stmt.expression : ts.isReturnStatement(stmt) ? stmt.expression : undefined;
  if (e && ts.isAwaitExpression(e)) e = e.expression;
  if (!e || !ts.isCallExpression(e) || !/\.transaction$/.test(e.expression.getText())) return undefined;
  const callback = e.arguments[e.arguments.length - 1];
  if (!callback || !(ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) || !ts.isBlock(callback.body)) return undefined;
  const region = statementRegion(text, stmt);
  return { inner: callback.body, before: text.slice(region.start, callback.body.getStart() + 1), after: text.slice(callback.body.end - 1, region.end) };
}

/** The new inside of a body whose only statement is a transaction wrapper: the wrapper around the piece's chunks. */
export function wrappedBlockInside(text: string, body: ts.Block, wrapper: TransactionWrapper, chunks: Chunk[], piece: number, emptyNote: string): string {
  const closeLineStart = text.lastIndexOf('\n', body.end - 1) + 1;
  const closeIndent = /^[ \t]*/.exec(text.slice(closeLineStart))![0];
  return `\n${wrapper.before}${blockInside(text, wrapper.inner, chunks, piece, emptyNote)}${wrapper.after}\n${closeIndent}`;
}

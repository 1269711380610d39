// The hook for features that add their own requests (scaffolding, splitting): each registers a
// method name and a handler here, and server.ts installs them all on the connection. Handlers get
// the workspace state; errors become LSP errors, never crashes.
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import { ResponseError, ErrorCodes } from 'vscode-languageserver/node';
import type { WorkspaceState } from './workspaceState';
import type { FileModel } from '../model/migration';
import { initEngine } from '../engine/engine';

export interface RequestContext {
  workspace: WorkspaceState;
  log(message: string): void;
  /** The text of an open (maybe unsaved) document, when the editor has it. */
  readOpenText?(file: string): string | undefined;
  /** The other migrations of a migration's folder (all of them, not only the newest), for the generated down. */
  history?(file: string, model: FileModel): FileModel[];
}

export type CustomRequestHandler = (params: unknown, context: RequestContext) => unknown;

/** The file path of a request's `uri` parameter; an InvalidParams error for anything but a file: URI. */
export function filePathParam(uri: unknown): string {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) throw new ResponseError(ErrorCodes.InvalidParams, 'expected { uri } with a file: URI');
  return fileURLToPath(uri);
}

const handlers = new Map<string, CustomRequestHandler>();

/** Registers `safeMigrations/<name>`-style requests; call before the connection starts listening. */
export function registerCustomRequest(method: string, handler: CustomRequestHandler): void {
  handlers.set(method, handler);
}

export function installCustomRequests(connection: Connection, context: RequestContext): void {
  for (const [method, handler] of handlers) {
    connection.onRequest(method, async (params: unknown) => {
      try {
        // A request can arrive before the SQL parsers are loaded (right after start): wait for them, or the
        // migration would read as empty.
        await initEngine();
        return await handler(params, context);
      } catch (e) {
        // A handler's own ResponseError (bad parameters, a scaffold the user can fix) reaches the client as is.
        if (e instanceof ResponseError) return e;
        context.log(`${method} failed: ${(e as Error).stack ?? e}`);
        return new ResponseError(ErrorCodes.InternalError, `${method}: ${(e as Error).message}`);
      }
    });
  }
}

// How every command adds a new file to its WorkspaceEdit: created WITH its contents (a file operation only).
// A create + insert would put the text in an undo element of the new file's own model; once that model is closed
// the element is invalid, and one Undo of the whole edit stops half-way (found by the split e2e test).
import * as vscode from 'vscode';

export function createFileWithText(edit: vscode.WorkspaceEdit, uri: vscode.Uri, text: string, metadata?: vscode.WorkspaceEditEntryMetadata): void {
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) }, metadata);
}

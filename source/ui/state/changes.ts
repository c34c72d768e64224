import type { Command } from '../keys/bindings.js';
import { atStatement, listCursor } from './list-cursor.js';
import type { StatusMessage, View, WorkspaceSource, WorkspaceState } from './types.js';

/**
 * What the Changes tab compares the policy with (SPEC 6, issue 16): `open NEW --against OLD`'s
 * OLD, the file as opened, or the template at its defaults (the same object while nothing is
 * edited, so the diff of an unedited workspace is known to be empty without computing it).
 */
export function baselineOf(source: WorkspaceSource): WorkspaceSource {
  if (source.kind === 'file') return source.against ?? source;
  return Object.keys(source.values).length === 0 ? source : { kind: 'template', templateId: source.templateId, values: {} };
}

/**
 * A command on the Changes tab: the cursor moves along the changed cells; Enter goes to the
 * new version's statement behind the selected one on the Policy tab, or says there is none
 * (a removed statement or Deny causes nothing in the new version).
 */
export function changesCommand(ws: WorkspaceState, command: Command, view: View): { readonly workspace: WorkspaceState; readonly message?: StatusMessage } {
  const moved = listCursor(command, ws.change, view.changeStatements.length, view.listPage);
  if (moved !== undefined) return { workspace: { ...ws, change: moved } };
  switch (command) {
    case 'confirm': {
      const statement = view.changeStatements[ws.change];
      if (statement === undefined) return { workspace: ws };
      if (statement === null || statement >= view.statements) {
        return { workspace: ws, message: { tone: 'info', text: 'No statement of the current policy causes this change (a statement or a Deny was removed, or a condition narrowed it); the why says what the baseline had' } };
      }
      return { workspace: atStatement(ws, statement) };
    }
    default:
      return { workspace: ws };
  }
}

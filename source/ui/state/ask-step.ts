import type { Command } from '../keys/bindings.js';
import { askReducer, type AskAction } from './ask.js';
import { atStatement } from './list-cursor.js';
import type { StatusMessage, View, WorkspaceState } from './types.js';

/** The result of a workspace command: the workspace, and what the status line says. */
export type WorkspaceResult = { readonly workspace: WorkspaceState; readonly message?: StatusMessage };

/** What a command means on the Ask tab. */
export const ASK_ACTIONS: Partial<Record<Command, AskAction>> = {
  up: { type: 'move', delta: -1 },
  down: { type: 'move', delta: 1 },
  pageUp: { type: 'move', delta: -10 },
  pageDown: { type: 'move', delta: 10 },
  left: { type: 'cycle', delta: -1 },
  right: { type: 'cycle', delta: 1 },
  confirm: { type: 'confirm' },
  back: { type: 'back' },
  nextPane: { type: 'switch-pane' },
  prevPane: { type: 'switch-pane' },
  filter: { type: 'filter' },
  remove: { type: 'clear' },
};

/** One Ask step; Enter on a trace line goes to its statement on the Policy tab. */
export function askStep(ws: WorkspaceState, action: AskAction, view: View): WorkspaceResult {
  const r = askReducer(ws.ask, action, view.ask);
  const next = { ...ws, ask: r.ask };
  const message = r.message !== undefined ? { message: { tone: 'info' as const, text: r.message } } : {};
  if (r.jump === undefined) return { workspace: next, ...message };
  const statement = r.jump;
  return { workspace: atStatement(next, statement), ...message };
}

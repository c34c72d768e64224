import type { Command } from '../keys/bindings.js';
import type { WorkspaceState } from './types.js';

/**
 * Where a list's cursor goes for a moving command (↑ ↓, PgUp PgDn, d u, Home End), kept inside
 * the list; undefined for a command that does not move it. One rule for every list (findings,
 * changes, the policy picker), so each moves alike.
 */
export function listCursor(command: Command, at: number, length: number, page: number): number | undefined {
  const step = Math.max(1, page);
  const to = (i: number) => Math.max(0, Math.min(i, length - 1));
  switch (command) {
    case 'up':
      return to(at - 1);
    case 'down':
      return to(at + 1);
    case 'pageUp':
    case 'scrollUp':
      return to(at - step);
    case 'pageDown':
    case 'scrollDown':
      return to(at + step);
    case 'first':
      return to(0);
    case 'last':
      return to(length - 1);
    default:
      return undefined;
  }
}

/**
 * The workspace on a statement of the Policy tab (Enter on a finding, a change or an Ask trace
 * line): the same statement keeps its scroll, another starts at its top.
 */
export function atStatement(ws: WorkspaceState, statement: number): WorkspaceState {
  return { ...ws, tab: 'policy', pane: 'statements', statement, detailOffset: statement === ws.statement ? ws.detailOffset : 0 };
}

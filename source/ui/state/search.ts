import type { AppState, SearchTarget, View, WorkspaceState } from './types.js';

/** Which list `/` searches on the workspace's current tab and pane, if any (the parameters form is edited, not searched). */
export function searchTargetOf(ws: WorkspaceState): SearchTarget | null {
  if (ws.tab === 'policy') return ws.pane === 'statements' || ws.source.kind === 'file' ? 'statements' : null;
  if (ws.tab === 'findings') return 'findings';
  if (ws.tab === 'matrix') return 'matrix';
  return null;
}

/** The cursor of a searchable list: the statement, the finding, or the matrix's down axis (principal, or action when actions run down). */
export function cursorOf(ws: WorkspaceState, target: SearchTarget, view: View): number {
  if (target === 'statements') return ws.statement;
  if (target === 'findings') return ws.finding;
  return view.matrixActionsDown ? ws.matrix.col : ws.matrix.row;
}

export function withCursor(ws: WorkspaceState, target: SearchTarget, view: View, index: number): WorkspaceState {
  if (target === 'statements') return index === ws.statement ? ws : { ...ws, statement: index, detailOffset: 0 };
  if (target === 'findings') return { ...ws, finding: index };
  return { ...ws, matrix: view.matrixActionsDown ? { ...ws.matrix, col: index } : { ...ws.matrix, row: index } };
}

/** The first item from `origin` on (wrapping round) whose text holds `query`, ignoring case; null when none does. */
export function findFrom(texts: readonly string[], query: string, origin: number): number | null {
  const q = query.toLowerCase();
  if (!q) return origin;
  for (let k = 0; k < texts.length; k++) {
    const i = (origin + k) % texts.length;
    if (texts[i]!.toLowerCase().includes(q)) return i;
  }
  return null;
}

/** The search prompt's text changed: the cursor goes to the first match, or back to where it was while nothing matches. */
export function applySearch(state: AppState, view: View): AppState {
  const prompt = state.prompt;
  const ws = state.workspace;
  if (prompt?.kind !== 'search' || !ws) return state;
  const found = findFrom(view.searchTexts(prompt.target), prompt.draft, prompt.origin);
  const message = found === null ? { tone: 'error' as const, text: `No match for "${prompt.draft}"` } : null;
  return { ...state, message, workspace: withCursor(ws, prompt.target, view, found ?? prompt.origin) };
}

import { ACTION_GROUPS } from '../../core/catalog/kms.js';
import type { Template } from '../../core/templates/types.js';
import { defaultWritePath, type Derived } from './derive.js';
import type { AppState, View } from './types.js';

/** What the reducer needs to know of the screen (list lengths, targets), computed from the state and its derived data. */
export function viewOf(state: AppState, list: readonly Template[], derived: Derived | null, paramRows: number): View {
  const ws = state.workspace;
  return {
    browserIds: list.map((t) => t.id),
    paramRows,
    statements: derived?.statements.length ?? 0,
    matrixRows: derived?.matrix?.rows.length ?? 0,
    matrixCols: ws?.matrix.mode === 'actions' ? (derived?.matrix?.actions.length ?? 0) : ACTION_GROUPS.length,
    findingStatements: derived?.findings.map((f) => f.statement) ?? [],
    defaultWritePath: derived && ws ? defaultWritePath(derived, ws.format) : '',
    noOutput: derived?.unreadable ? `Nothing to copy or write: ${derived.unreadable}` : null,
  };
}

const clamp = (n: number, length: number) => Math.max(0, Math.min(n, length - 1));

/**
 * Keeps every cursor inside its list after the lists changed (an edit removed a
 * principal, a fix removed findings). Returns the same state when nothing moves,
 * so the app does not render again.
 */
export function clampToView(state: AppState, view: View): AppState {
  const b = state.browser;
  const selected = clamp(b.selected, view.browserIds.length);
  const ws = state.workspace;
  let workspace = ws;
  if (ws) {
    const paramRow = clamp(ws.paramRow, view.paramRows);
    const statement = clamp(ws.statement, view.statements);
    const row = clamp(ws.matrix.row, view.matrixRows);
    const col = clamp(ws.matrix.col, view.matrixCols);
    const finding = clamp(ws.finding, view.findingStatements.length);
    if (paramRow !== ws.paramRow || statement !== ws.statement || row !== ws.matrix.row || col !== ws.matrix.col || finding !== ws.finding) {
      workspace = { ...ws, paramRow, statement, matrix: { ...ws.matrix, row, col }, finding };
    }
  }
  if (selected === b.selected && workspace === ws) return state;
  return { ...state, browser: selected === b.selected ? b : { ...b, selected }, workspace };
}

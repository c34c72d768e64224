/** What a command does on the Matrix, Findings and Export tabs (pure, like the rest of the workspace reducer). */
import type { Command } from '../keys/bindings.js';
import { askStep, type WorkspaceResult } from './ask-step.js';
import { atStatement, listCursor } from './list-cursor.js';
import { EXPORT_FORMATS, type View, type WorkspaceState } from './types.js';

const clamp = (n: number, length: number) => Math.max(0, Math.min(n, length - 1));

export function matrixCommand(ws: WorkspaceState, command: Command, view: View): WorkspaceState {
  const m = ws.matrix;
  const at = (row: number, col: number) => ({ ...ws, matrix: { ...m, row: clamp(row, view.matrixRows), col: clamp(col, view.matrixCols) } });
  // Moves along the grid as drawn: down is the next principal, or the next action when actions run down.
  const down = (delta: number) => (view.matrixActionsDown ? at(m.row, m.col + delta) : at(m.row + delta, m.col));
  const across = (delta: number) => (view.matrixActionsDown ? at(m.row + delta, m.col) : at(m.row, m.col + delta));
  const far = view.matrixRows + view.matrixCols;
  switch (command) {
    case 'up':
      return down(-1);
    case 'down':
      return down(1);
    case 'left':
      return across(-1);
    case 'right':
      return across(1);
    case 'pageUp':
    case 'scrollUp':
      return down(-Math.max(1, view.matrixPage));
    case 'pageDown':
    case 'scrollDown':
      return down(Math.max(1, view.matrixPage));
    case 'first':
      return down(-far);
    case 'last':
      return down(far);
    case 'toggleGroups':
      // The action axis changes meaning between modes; start again at its first item.
      return { ...ws, matrix: { ...m, mode: m.mode === 'groups' ? 'actions' : 'groups', col: 0 } };
    case 'confirm': {
      // "Why is this cell what it is?": the Ask tab with the row's principal (or key) and the column's action.
      const subject = view.matrixAsk.rows[m.row];
      const action = view.matrixAsk.cols[m.col];
      if (subject === undefined || action === undefined) return ws;
      const fill = view.matrixAsk.kind === 'key' ? { principal: subject } : { resource: subject };
      return { ...askStep(ws, { type: 'fill', action, ...fill }, view).workspace, tab: 'ask' };
    }
    case 'transpose':
      return { ...ws, matrix: { ...m, transposed: !m.transposed } };
    default:
      return ws;
  }
}

export function findingsCommand(ws: WorkspaceState, command: Command, view: View): WorkspaceResult {
  const moved = listCursor(command, ws.finding, view.findingStatements.length, view.listPage);
  if (moved !== undefined) return { workspace: { ...ws, finding: moved } };
  switch (command) {
    case 'confirm': {
      const statement = view.findingStatements[ws.finding];
      if (statement === undefined) return { workspace: ws };
      if (statement === null) return { workspace: ws, message: { tone: 'info', text: 'This finding is about the whole document, not one statement' } };
      if (statement >= view.statements) return { workspace: ws, message: { tone: 'info', text: `Statement ${statement} cannot be shown: the policy is not readable JSON; fix it where the finding says` } };
      return { workspace: atStatement(ws, statement) };
    }
    default:
      return { workspace: ws };
  }
}

/** Export tab: ←/→ switch the format (the preview starts at its top), j/k, the page keys, Home and End scroll the preview. */
export function exportCommand(ws: WorkspaceState, command: Command, view: View): WorkspaceState {
  const last = Math.max(0, view.exportLines - view.exportPage);
  const scroll = (offset: number) => ({ ...ws, exportOffset: Math.max(0, Math.min(offset, last)) });
  const page = Math.max(1, view.exportPage - 1);
  switch (command) {
    case 'left':
    case 'right': {
      const i = EXPORT_FORMATS.indexOf(ws.format);
      const format = EXPORT_FORMATS[clamp(i + (command === 'left' ? -1 : 1), EXPORT_FORMATS.length)]!;
      return format === ws.format ? ws : { ...ws, format, exportOffset: 0 };
    }
    case 'up':
      return scroll(ws.exportOffset - 1);
    case 'down':
      return scroll(ws.exportOffset + 1);
    case 'pageUp':
    case 'scrollUp':
      return scroll(ws.exportOffset - page);
    case 'pageDown':
    case 'scrollDown':
      return scroll(ws.exportOffset + page);
    case 'first':
      return scroll(0);
    case 'last':
      return scroll(last);
    default:
      return ws;
  }
}


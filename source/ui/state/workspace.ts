import type { Command } from '../keys/bindings.js';
import { parsePolicy } from '../../core/policy/index.js';
import type { ParameterValues, Template } from '../../core/templates/types.js';
import { checkRow, isListType, otherEntries, paramRows, withEntryAdded, withEntryRemoved, withValue, type Validate } from './params.js';
import { editText, type TextEdit, type TextValue } from './text-edit.js';
import { initialAsk } from './ask.js';
import { ASK_ACTIONS, askStep, type WorkspaceResult } from './ask-step.js';
import { exportCommand, findingsCommand, matrixCommand } from './tab-commands.js';

export { askStep, type WorkspaceResult };
import { baselineOf, changesCommand } from './changes.js';
import type { View, WorkspaceSource, WorkspaceState } from './types.js';

/** Template lookup and parameter check, given to the reducer so it stays pure and testable with any library. */
export interface TemplateLibrary {
  readonly find: (id: string) => Template | undefined;
  readonly validate: Validate;
}

/** A file that is not a readable JSON policy (bad bytes or a syntax error): its workspace opens on the Findings tab, where the error is. */
export function isUnreadableFile(source: WorkspaceSource): boolean {
  if (source.kind !== 'file') return false;
  if (source.decodeFinding) return true;
  const parsed = source.policy ? source.policy.source.parsed : parsePolicy(source.text);
  return parsed.document === null || parsed.findings.some((f) => f.id === 'JSON_SYNTAX');
}

export function initialWorkspace(source: WorkspaceSource, template: Template | undefined): WorkspaceState {
  return {
    source,
    tab: isUnreadableFile(source) ? 'findings' : 'policy',
    pane: template && template.parameters.length > 0 ? 'parameters' : 'statements',
    paramRow: 0,
    statement: 0,
    detailOffset: 0,
    editing: null,
    matrix: { row: 0, col: 0, mode: 'groups', transposed: false },
    finding: 0,
    format: 'json',
    ask: initialAsk(),
    exportOffset: 0,
    baseline: baselineOf(source),
    change: 0,
    dirty: false,
  };
}

const clamp = (n: number, length: number) => Math.max(0, Math.min(n, length - 1));


function templateOf(ws: WorkspaceState, lib: TemplateLibrary): Template | undefined {
  return ws.source.kind === 'template' ? lib.find(ws.source.templateId) : undefined;
}

function setValues(ws: WorkspaceState, values: ParameterValues): WorkspaceState {
  if (ws.source.kind !== 'template') return ws;
  return { ...ws, source: { ...ws.source, values } };
}

/** A command while the workspace has the keys (no prompt, no field being edited). */
export function workspaceCommand(ws: WorkspaceState, command: Command, view: View, lib: TemplateLibrary): WorkspaceResult {
  switch (command) {
    case 'tabPolicy':
      return { workspace: { ...ws, tab: 'policy' } };
    case 'tabMatrix':
      return { workspace: { ...ws, tab: 'matrix' } };
    case 'tabFindings':
      return { workspace: { ...ws, tab: 'findings' } };
    case 'tabExport':
      return { workspace: { ...ws, tab: 'export' } };
    case 'tabAsk':
      return { workspace: { ...ws, tab: 'ask' } };
    case 'tabChanges':
      return { workspace: { ...ws, tab: 'changes' } };
    default:
  }
  switch (ws.tab) {
    case 'policy':
      return policyCommand(ws, command, view, lib);
    case 'matrix':
      return { workspace: matrixCommand(ws, command, view) };
    case 'findings':
      return findingsCommand(ws, command, view);
    case 'export':
      return { workspace: exportCommand(ws, command, view) };
    case 'ask': {
      const action = ASK_ACTIONS[command];
      return action ? askStep(ws, action, view) : { workspace: ws };
    }
    case 'changes':
      return changesCommand(ws, command, view);
  }
}

function policyCommand(ws: WorkspaceState, command: Command, view: View, lib: TemplateLibrary): WorkspaceResult {
  const template = templateOf(ws, lib);
  const rows = template && ws.source.kind === 'template' ? paramRows(template, ws.source.values) : [];
  const panes = rows.length > 0 ? (['parameters', 'statements'] as const) : (['statements'] as const);
  const move = (delta: number): WorkspaceState => {
    if (ws.pane === 'parameters') return { ...ws, paramRow: clamp(ws.paramRow + delta, rows.length) };
    const statement = clamp(ws.statement + delta, view.statements);
    return statement === ws.statement ? ws : { ...ws, statement, detailOffset: 0 };
  };
  const scroll = (direction: 1 | -1): WorkspaceState => ({ ...ws, detailOffset: Math.max(0, Math.min(ws.detailOffset + direction * view.detailPage, view.detailMax)) });
  // In the statements pane the page keys scroll the statement's detail (j/k, Home and End move in the list); in the form they page it.
  const page = (direction: 1 | -1): WorkspaceState => (ws.pane === 'parameters' ? move(view.listPage * direction) : scroll(direction));
  const far = rows.length + view.statements;
  switch (command) {
    case 'up':
      return { workspace: move(-1) };
    case 'down':
      return { workspace: move(1) };
    case 'pageUp':
      return { workspace: page(-1) };
    case 'pageDown':
      return { workspace: page(1) };
    case 'scrollUp':
      return { workspace: scroll(-1) };
    case 'scrollDown':
      return { workspace: scroll(1) };
    case 'first':
      return { workspace: move(-far) };
    case 'last':
      return { workspace: move(far) };
    case 'nextPane':
    case 'prevPane': {
      const i = panes.indexOf(ws.pane as never);
      const next = panes[(i + (command === 'nextPane' ? 1 : panes.length - 1)) % panes.length] ?? 'statements';
      return { workspace: { ...ws, pane: next } };
    }
    case 'confirm': {
      const row = rows[ws.paramRow];
      if (ws.pane !== 'parameters' || !row || ws.source.kind !== 'template') return { workspace: ws };
      return { workspace: { ...ws, editing: { row: ws.paramRow, draft: row.value, caret: row.value.length, error: null, before: ws.source.values, wasDirty: ws.dirty } } };
    }
    case 'add': {
      const row = rows[ws.paramRow];
      if (ws.pane !== 'parameters' || !row || !template || ws.source.kind !== 'template') return { workspace: ws };
      if (!isListType(row.param.type)) return { workspace: ws, message: { tone: 'info', text: `${row.param.label} holds one value; only lists take more entries` } };
      // The new entry starts empty: prefilled with a value already in the list, Enter would only add it twice.
      const values = withEntryAdded(ws.source.values, template, row.param, '');
      const count = rows.filter((r) => r.param.name === row.param.name).length;
      const newRows = paramRows(template, values);
      const newRow = newRows.findIndex((r) => r.param.name === row.param.name && r.entry === count);
      const empty = checkRow(lib.validate, newRows[newRow]!, '');
      const before = ws.source.values;
      const next = { ...setValues(ws, values), paramRow: newRow, dirty: true };
      return { workspace: { ...next, editing: { row: newRow, draft: '', caret: 0, error: empty.ok ? null : empty.message, before, wasDirty: ws.dirty } } };
    }
    case 'remove': {
      const row = rows[ws.paramRow];
      if (ws.pane !== 'parameters' || !row || !template || ws.source.kind !== 'template' || row.entry === null) return { workspace: ws };
      if (rows.filter((r) => r.param.name === row.param.name).length <= 1) return { workspace: ws, message: { tone: 'error', text: `${row.param.label} needs at least one entry` } };
      const values = withEntryRemoved(ws.source.values, template, row.param, row.entry);
      return { workspace: { ...setValues(ws, values), paramRow: clamp(ws.paramRow, rows.length - 1), dirty: true } };
    }
    default:
      return { workspace: ws };
  }
}

/**
 * A key in the field editor (see text-edit.ts). When the text changes, a valid
 * value applies at once and an invalid one only shows why; a caret move changes nothing else.
 */
export function editKey(ws: WorkspaceState, edit: TextEdit, lib: TemplateLibrary): WorkspaceState {
  if (!ws.editing) return ws;
  const next = editText({ text: ws.editing.draft, caret: ws.editing.caret }, edit);
  if (next.text === ws.editing.draft) return next.caret === ws.editing.caret ? ws : { ...ws, editing: { ...ws.editing, caret: next.caret } };
  return editChange(ws, next, lib);
}

/** The field editor's text changed: a valid value applies at once, an invalid one only shows why. */
export function editChange(ws: WorkspaceState, value: TextValue, lib: TemplateLibrary): WorkspaceState {
  const template = templateOf(ws, lib);
  if (!ws.editing || !template || ws.source.kind !== 'template') return ws;
  const rows = paramRows(template, ws.source.values);
  const row = rows[ws.editing.row];
  if (!row) return ws;
  const raw = value.text;
  const check = checkRow(lib.validate, row, raw, otherEntries(rows, row));
  if (!check.ok) return { ...ws, editing: { ...ws.editing, draft: raw, caret: value.caret, error: check.message } };
  const values = withValue(ws.source.values, template, row, check.value);
  const changed = check.value !== row.value;
  return { ...setValues(ws, values), editing: { ...ws.editing, draft: raw, caret: value.caret, error: null }, dirty: ws.dirty || changed };
}

/** Enter in the field: keeps the value if valid; an invalid draft stays open so the reason stays visible. */
export function editSubmit(ws: WorkspaceState): WorkspaceState {
  if (!ws.editing || ws.editing.error !== null) return ws;
  return { ...ws, editing: null };
}

/** Esc in the field: back to the values (and the saved/unsaved mark) from before editing. */
export function editCancel(ws: WorkspaceState): WorkspaceState {
  if (!ws.editing) return ws;
  const restored = setValues(ws, ws.editing.before);
  return { ...restored, editing: null, dirty: ws.editing.wasDirty };
}

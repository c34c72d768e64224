import { commandOf, type Command, type KeyContext, type KeyPress, type NamedKey } from '../keys/bindings.js';
import type { TemplateLibrary } from './workspace.js';
import { askStep, editCancel, editKey, editSubmit, initialWorkspace, workspaceCommand } from './workspace.js';
import { askTyping } from './ask.js';
import { editText, type TextEdit } from './text-edit.js';
import type { AppState, Effect, PickerState, Prompt, StatusMessage, View, WorkspaceSource } from './types.js';
import { pickerCommand } from './picker.js';
import { clampToView } from './view.js';
import { applySearch, cursorOf, searchTargetOf, withCursor } from './search.js';

/** Everything that can happen to the UI state; side effects come back as `effect-done`. */
export type Action =
  /** Keys from the terminal, in order; each goes where the focus is when it comes (see `pressKey`). */
  | { readonly type: 'keys'; readonly keys: readonly KeyPress[] }
  /** A command with the view it acts on (what a key means outside a text field). */
  | { readonly type: 'command'; readonly command: Command; readonly view: View }
  | { readonly type: 'effect-done'; readonly id: number; readonly message: StatusMessage | null; readonly saved?: boolean; readonly prompt?: Prompt }
  /** The lists on screen changed (an edit, a new filter): cursors are kept inside them. */
  | { readonly type: 'sync-view'; readonly view: View };

/** Where keys go. Exactly one: a text field (filter, parameter, path, an Ask field) takes typing, else keys are commands. */
export type Focus = 'filter' | 'edit' | 'ask-text' | 'prompt-text' | 'main';

export function focusOf(state: AppState): Focus {
  if (state.prompt?.kind === 'write-path' || state.prompt?.kind === 'search') return 'prompt-text';
  if (state.prompt || state.help) return 'main';
  if (state.screen === 'browser') return state.browser.filtering ? 'filter' : 'main';
  const ws = state.workspace;
  if (ws?.tab === 'ask' && askTyping(ws.ask)) return 'ask-text';
  return ws?.editing ? 'edit' : 'main';
}

/** Where the keys go now: the footer shows the commands of this context. */
export function keyContextOf(state: AppState): KeyContext {
  const focus = focusOf(state);
  if (state.help) return 'help';
  if (state.prompt) return state.prompt.kind === 'search' ? 'search' : focus === 'prompt-text' ? 'prompt-text' : 'prompt-yesno';
  if (focus === 'filter' || focus === 'edit') return focus;
  const ws = state.workspace;
  if (state.screen === 'picker') return 'picker';
  // An Ask list's filter reads as the browser's filter does; a typed value as a parameter does.
  if (focus === 'ask-text') return ws?.ask.picker?.filtering ? 'filter' : 'edit';
  if (state.screen === 'browser' || !ws) return 'browser';
  if (ws.tab === 'ask') return ws.ask.picker ? 'ask-picker' : ws.ask.pane === 'trace' ? 'ask-trace' : 'ask';
  if (ws.tab !== 'policy') return ws.tab;
  // An opened file has one pane and no browser to go back to; a policy picked from a source goes back to the picker.
  if (ws.source.kind === 'file') return state.picker ? 'picked-statements' : 'file-statements';
  return ws.pane;
}

/** The first state: the browser, the workspace on a source, or (`picker`) the list of a source's policies. */
export function initialState(source?: WorkspaceSource, lib?: TemplateLibrary, picker?: PickerState): AppState {
  const template = source?.kind === 'template' ? lib?.find(source.templateId) : undefined;
  return {
    screen: picker ? 'picker' : source ? 'workspace' : 'browser',
    browser: { filter: '', filterCaret: 0, filtering: false, selected: 0 },
    picker: picker ?? null,
    workspace: source && !picker ? initialWorkspace(source, template) : null,
    help: false,
    prompt: null,
    message: null,
    effect: null,
    effectCount: 0,
  };
}

/** An effect before it gets its id (Omit distributed over the union). */
type EffectRequest = Effect extends infer E ? (E extends Effect ? Omit<E, 'id'> : never) : never;

function withEffect(state: AppState, effect: EffectRequest): AppState {
  const id = state.effectCount + 1;
  return { ...state, effect: { ...effect, id } as Effect, effectCount: id };
}

/** The view (list lengths, targets) of a state: the reducer asks it for each key, so keys read together see the lists the keys before them left. */
export type ViewFor = (state: AppState) => View;

export function createReducer(lib: TemplateLibrary, viewFor: ViewFor): (state: AppState, action: Action) => AppState {
  return (state, action) => reduce(state, action, lib, viewFor);
}

export function reduce(state: AppState, action: Action, lib: TemplateLibrary, viewFor: ViewFor): AppState {
  const ws = state.workspace;
  switch (action.type) {
    case 'keys':
      return action.keys.reduce((s, key) => pressKey(s, key, lib, viewFor), state);
    case 'effect-done': {
      if (state.effect?.id !== action.id) return state;
      const workspace = ws && action.saved ? { ...ws, dirty: false } : ws;
      return { ...state, effect: null, workspace, message: action.message, prompt: action.prompt ?? state.prompt };
    }
    case 'sync-view':
      return clampToView(state, action.view);
    case 'command':
      return command({ ...state, message: null }, action.command, action.view, lib);
  }
}

const isTextFocus = (focus: Focus) => focus !== 'main';

/** The text-field edit a named key makes, if it makes one. */
const TEXT_EDITS: Partial<Record<NamedKey, TextEdit>> = {
  backspace: { kind: 'backspace' },
  left: { kind: 'left' },
  right: { kind: 'right' },
  home: { kind: 'home' },
  end: { kind: 'end' },
};

/**
 * One key, where the focus is now. In a text field printable text is typed,
 * Backspace deletes, arrows, Home and End move the caret, Enter submits and Esc
 * cancels. Elsewhere the key-binding table says which command it is; a run of
 * text is taken one character at a time, so `/word` opens the filter with `/`
 * and types `word` into it.
 */
export function pressKey(state: AppState, key: KeyPress, lib: TemplateLibrary, viewFor: ViewFor): AppState {
  const focus = focusOf(state);
  if (isTextFocus(focus)) {
    if (key.kind === 'text') return textKey(state, focus, { kind: 'insert', text: key.text }, lib, viewFor);
    if (key.name === 'return') return submitField(state, focus, viewFor);
    if (key.name === 'escape') return commandWithView(state, 'back', viewFor, lib);
    const edit = TEXT_EDITS[key.name];
    return edit ? textKey(state, focus, edit, lib, viewFor) : state;
  }
  if (key.kind === 'key' || key.text.length <= 1) {
    const command = commandOf(key);
    return command ? commandWithView(state, command, viewFor, lib) : state;
  }
  const chars = Array.from(key.text);
  for (let i = 0; i < chars.length; i++) {
    if (isTextFocus(focusOf(state))) return pressKey(state, { kind: 'text', text: chars.slice(i).join('') }, lib, viewFor);
    state = pressKey(state, { kind: 'text', text: chars[i]! }, lib, viewFor);
  }
  return state;
}

/** A command on the lists of this state (cursors first kept inside them, as the app's sync does after a frame). */
function commandWithView(state: AppState, cmd: Command, viewFor: ViewFor, lib: TemplateLibrary): AppState {
  const view = viewFor(state);
  return reduce(clampToView(state, view), { type: 'command', command: cmd, view }, lib, viewFor);
}

/** An Ask step from a text field (its view is that of the state the key meets). */
function askText(state: AppState, action: { readonly type: 'text'; readonly edit: TextEdit } | { readonly type: 'submit' } | { readonly type: 'back' }, viewFor: ViewFor): AppState {
  const ws = state.workspace;
  if (!ws) return state;
  const r = askStep(ws, action, viewFor(state));
  return { ...state, workspace: r.workspace, message: r.message ?? null };
}

function textKey(state: AppState, focus: Focus, edit: TextEdit, lib: TemplateLibrary, viewFor: ViewFor): AppState {
  const b = state.browser;
  const ws = state.workspace;
  switch (focus) {
    case 'filter': {
      const next = editText({ text: b.filter, caret: b.filterCaret }, edit);
      // A new filter is a new list: the selection starts again at its top.
      return { ...state, browser: { ...b, filter: next.text, filterCaret: next.caret, selected: next.text === b.filter ? b.selected : 0 } };
    }
    case 'edit':
      return ws ? { ...state, workspace: editKey(ws, edit, lib) } : state;
    case 'ask-text':
      return askText(state, { type: 'text', edit }, viewFor);
    case 'prompt-text': {
      const prompt = state.prompt;
      if (prompt?.kind !== 'write-path' && prompt?.kind !== 'search') return state;
      const next = editText({ text: prompt.draft, caret: prompt.caret }, edit);
      if (prompt.kind === 'write-path') return { ...state, prompt: { ...prompt, draft: next.text, caret: next.caret } };
      const typed = { ...state, prompt: { ...prompt, draft: next.text, caret: next.caret } };
      return next.text === prompt.draft ? typed : applySearch(typed, viewFor(typed));
    }
    case 'main':
      return state;
  }
}

/** Enter in a text field: the filter is kept, a valid value is kept, the path is written. */
function submitField(state: AppState, focus: Focus, viewFor: ViewFor): AppState {
  switch (focus) {
    case 'ask-text':
      return askText(state, { type: 'submit' }, viewFor);
    case 'filter':
      return { ...state, browser: { ...state.browser, filtering: false } };
    case 'edit':
      return state.workspace ? { ...state, workspace: editSubmit(state.workspace) } : state;
    case 'prompt-text': {
      // Enter keeps the cursor where the search took it.
      if (state.prompt?.kind === 'search') return { ...state, prompt: null };
      if (state.prompt?.kind !== 'write-path') return state;
      const path = state.prompt.draft.trim();
      if (!path) return { ...state, message: { tone: 'error', text: 'Type a file name, or Esc to cancel' } };
      return withEffect({ ...state, prompt: null }, { kind: 'check-write', path });
    }
    case 'main':
      return state;
  }
}

function command(state: AppState, cmd: Command, view: View, lib: TemplateLibrary): AppState {
  const focus = focusOf(state);
  if (state.help) return cmd === 'help' || cmd === 'back' || cmd === 'quit' || cmd === 'confirm' ? { ...state, help: false } : state;
  if (state.prompt) return promptCommand(state, state.prompt, cmd, view);
  if (focus === 'filter') return cmd === 'back' ? { ...state, browser: { filter: '', filterCaret: 0, filtering: false, selected: 0 } } : state;
  if (focus === 'edit') return cmd === 'back' && state.workspace ? { ...state, workspace: editCancel(state.workspace) } : state;
  if (focus === 'ask-text') return cmd === 'back' && state.workspace ? askText(state, { type: 'back' }, () => view) : state;
  if (cmd === 'help') return { ...state, help: true };
  if (cmd === 'quit') return state.workspace?.dirty ? { ...state, prompt: { kind: 'discard', then: 'quit' } } : withEffect(state, { kind: 'quit' });
  if (state.screen === 'picker' && state.picker) return pickerCommand(state, state.picker, cmd);
  if (state.screen === 'browser' || !state.workspace) return browserCommand(state, cmd, view, lib);
  // Esc closes an open Ask list before it could mean "back to the browser".
  if (cmd === 'back' && state.workspace.tab === 'ask' && state.workspace.ask.picker) return askText(state, { type: 'back' }, () => view);
  // Esc from a policy picked out of a source: back to its list, on the same entry (an opened file cannot be edited, so nothing is lost).
  if (cmd === 'back' && state.picker && state.workspace.source.kind === 'file' && !state.workspace.editing) return { ...state, screen: 'picker', workspace: null };
  if (cmd === 'back' && state.workspace.source.kind === 'template') {
    return state.workspace.dirty ? { ...state, prompt: { kind: 'discard', then: 'browser' } } : { ...state, screen: 'browser', workspace: null };
  }
  if ((cmd === 'copy' || cmd === 'write') && view.noOutput) return { ...state, message: { tone: 'error', text: view.noOutput } };
  if (cmd === 'copy') return withEffect(state, { kind: 'copy' });
  if (cmd === 'write') return { ...state, prompt: { kind: 'write-path', draft: view.defaultWritePath, caret: view.defaultWritePath.length } };
  // In the Ask tab `/` filters its own lists (ask.ts); elsewhere it finds in the tab's list.
  if (cmd === 'filter' && state.workspace.tab !== 'ask') {
    const target = searchTargetOf(state.workspace);
    if (!target) return { ...state, message: { tone: 'info', text: '/ finds in the statements (Tab to them), findings and matrix rows' } };
    return { ...state, prompt: { kind: 'search', target, draft: '', caret: 0, origin: cursorOf(state.workspace, target, view) } };
  }
  const result = workspaceCommand(state.workspace, cmd, view, lib);
  return { ...state, workspace: result.workspace, message: result.message ?? null };
}

function promptCommand(state: AppState, prompt: Prompt, cmd: Command, view: View): AppState {
  const no = cmd === 'no' || cmd === 'back';
  switch (prompt.kind) {
    case 'write-path':
      return cmd === 'back' ? { ...state, prompt: null, message: { tone: 'info', text: 'Nothing written' } } : state;
    case 'search': {
      if (cmd !== 'back' || !state.workspace) return state;
      // Esc: back to where the search started.
      return { ...state, prompt: null, message: null, workspace: withCursor(state.workspace, prompt.target, view, prompt.origin) };
    }
    case 'overwrite':
      if (cmd === 'yes') return withEffect({ ...state, prompt: null }, { kind: 'write', path: prompt.path });
      return no ? { ...state, prompt: null, message: { tone: 'info', text: `Nothing written; ${prompt.path} left as it was` } } : state;
    case 'discard':
      if (cmd === 'yes') {
        if (prompt.then === 'quit') return withEffect({ ...state, prompt: null }, { kind: 'quit' });
        return { ...state, prompt: null, screen: 'browser', workspace: null };
      }
      return no ? { ...state, prompt: null } : state;
  }
}

function browserCommand(state: AppState, cmd: Command, view: View, lib: TemplateLibrary): AppState {
  const b = state.browser;
  const n = view.browserIds.length;
  const select = (i: number) => ({ ...state, browser: { ...b, selected: Math.max(0, Math.min(i, n - 1)) } });
  switch (cmd) {
    case 'up':
      return select(b.selected - 1);
    case 'down':
      return select(b.selected + 1);
    case 'pageUp':
      return select(b.selected - 10);
    case 'pageDown':
      return select(b.selected + 10);
    case 'first':
      return select(0);
    case 'last':
      return select(n - 1);
    case 'filter':
      return { ...state, browser: { ...b, filtering: true, filterCaret: b.filter.length } };
    case 'back':
      return b.filter ? { ...state, browser: { filter: '', filterCaret: 0, filtering: false, selected: 0 } } : state;
    case 'confirm': {
      const id = view.browserIds[b.selected];
      const template = id === undefined ? undefined : lib.find(id);
      if (!template) return state;
      const source: WorkspaceSource = { kind: 'template', templateId: template.id, values: {} };
      return { ...state, screen: 'workspace', workspace: initialWorkspace(source, template) };
    }
    default:
      return state;
  }
}

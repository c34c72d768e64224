import type { Command, KeyContext } from '../keys/bindings.js';
import type { TemplateLibrary } from './workspace.js';
import { editCancel, editChange, editSubmit, initialWorkspace, workspaceCommand } from './workspace.js';
import type { AppState, Effect, Prompt, StatusMessage, View, WorkspaceSource } from './types.js';
import { clampToView } from './view.js';

/** Everything that can happen to the UI state; side effects come back as `effect-done`. */
export type Action =
  | { readonly type: 'command'; readonly command: Command; readonly view: View }
  | { readonly type: 'filter-change'; readonly value: string }
  | { readonly type: 'filter-submit' }
  | { readonly type: 'edit-change'; readonly value: string }
  | { readonly type: 'edit-submit' }
  | { readonly type: 'prompt-change'; readonly value: string }
  | { readonly type: 'prompt-submit' }
  | { readonly type: 'effect-done'; readonly id: number; readonly message: StatusMessage | null; readonly saved?: boolean; readonly prompt?: Prompt }
  /** The lists on screen changed (an edit, a new filter): cursors are kept inside them. */
  | { readonly type: 'sync-view'; readonly view: View };

/** Who has the keys. Exactly one: the text fields (filter, parameter, path) or the main key handler. */
export type Focus = 'filter' | 'edit' | 'prompt-text' | 'main';

export function focusOf(state: AppState): Focus {
  if (state.prompt?.kind === 'write-path') return 'prompt-text';
  if (state.prompt || state.help) return 'main';
  if (state.screen === 'browser') return state.browser.filtering ? 'filter' : 'main';
  return state.workspace?.editing ? 'edit' : 'main';
}

/** Where the keys go now: the footer shows the commands of this context. */
export function keyContextOf(state: AppState): KeyContext {
  const focus = focusOf(state);
  if (state.help) return 'help';
  if (state.prompt) return focus === 'prompt-text' ? 'prompt-text' : 'prompt-yesno';
  if (focus === 'filter' || focus === 'edit') return focus;
  const ws = state.workspace;
  if (state.screen === 'browser' || !ws) return 'browser';
  if (ws.tab !== 'policy') return ws.tab;
  // An opened file has one pane and no browser to go back to.
  return ws.source.kind === 'file' ? 'file-statements' : ws.pane;
}

export function initialState(source?: WorkspaceSource, lib?: TemplateLibrary): AppState {
  const template = source?.kind === 'template' ? lib?.find(source.templateId) : undefined;
  return {
    screen: source ? 'workspace' : 'browser',
    browser: { filter: '', filtering: false, selected: 0 },
    workspace: source ? initialWorkspace(source, template) : null,
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

export function createReducer(lib: TemplateLibrary): (state: AppState, action: Action) => AppState {
  return (state, action) => reduce(state, action, lib);
}

export function reduce(state: AppState, action: Action, lib: TemplateLibrary): AppState {
  const ws = state.workspace;
  switch (action.type) {
    case 'filter-change':
      return { ...state, browser: { ...state.browser, filter: action.value, selected: 0 } };
    case 'filter-submit':
      return { ...state, browser: { ...state.browser, filtering: false } };
    case 'edit-change':
      return ws ? { ...state, workspace: editChange(ws, action.value, lib) } : state;
    case 'edit-submit':
      return ws ? { ...state, workspace: editSubmit(ws) } : state;
    case 'prompt-change':
      return state.prompt?.kind === 'write-path' ? { ...state, prompt: { ...state.prompt, draft: action.value } } : state;
    case 'prompt-submit': {
      if (state.prompt?.kind !== 'write-path') return state;
      const path = state.prompt.draft.trim();
      if (!path) return { ...state, message: { tone: 'error', text: 'Type a file name, or Esc to cancel' } };
      return withEffect({ ...state, prompt: null }, { kind: 'check-write', path });
    }
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

function command(state: AppState, cmd: Command, view: View, lib: TemplateLibrary): AppState {
  const focus = focusOf(state);
  if (state.help) return cmd === 'help' || cmd === 'back' || cmd === 'quit' || cmd === 'confirm' ? { ...state, help: false } : state;
  if (state.prompt) return promptCommand(state, state.prompt, cmd);
  if (focus === 'filter') return cmd === 'back' ? { ...state, browser: { filter: '', filtering: false, selected: 0 } } : state;
  if (focus === 'edit') return cmd === 'back' && state.workspace ? { ...state, workspace: editCancel(state.workspace) } : state;
  if (cmd === 'help') return { ...state, help: true };
  if (cmd === 'quit') return state.workspace?.dirty ? { ...state, prompt: { kind: 'discard', then: 'quit' } } : withEffect(state, { kind: 'quit' });
  if (state.screen === 'browser' || !state.workspace) return browserCommand(state, cmd, view, lib);
  if (cmd === 'back' && state.workspace.source.kind === 'template') {
    return state.workspace.dirty ? { ...state, prompt: { kind: 'discard', then: 'browser' } } : { ...state, screen: 'browser', workspace: null };
  }
  if ((cmd === 'copy' || cmd === 'write') && view.noOutput) return { ...state, message: { tone: 'error', text: view.noOutput } };
  if (cmd === 'copy') return withEffect(state, { kind: 'copy' });
  if (cmd === 'write') return { ...state, prompt: { kind: 'write-path', draft: view.defaultWritePath } };
  const result = workspaceCommand(state.workspace, cmd, view, lib);
  return { ...state, workspace: result.workspace, message: result.message ?? null };
}

function promptCommand(state: AppState, prompt: Prompt, cmd: Command): AppState {
  const no = cmd === 'no' || cmd === 'back';
  switch (prompt.kind) {
    case 'write-path':
      return cmd === 'back' ? { ...state, prompt: null, message: { tone: 'info', text: 'Nothing written' } } : state;
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
    case 'filter':
      return { ...state, browser: { ...b, filtering: true } };
    case 'back':
      return b.filter ? { ...state, browser: { filter: '', filtering: false, selected: 0 } } : state;
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

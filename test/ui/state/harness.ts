import { allTemplates, findTemplate, validateParameter } from '../../../source/core/templates/index.js';
import type { Command } from '../../../source/ui/keys/bindings.js';
import { browseList } from '../../../source/ui/state/browse-list.js';
import { derive, type Derived } from '../../../source/ui/state/derive.js';
import { paramRows } from '../../../source/ui/state/params.js';
import { initialState, reduce, type Action } from '../../../source/ui/state/reducer.js';
import type { AppState, View, WorkspaceSource } from '../../../source/ui/state/types.js';
import { viewOf } from '../../../source/ui/state/view.js';
import type { TemplateLibrary } from '../../../source/ui/state/workspace.js';

/** The real template library: the reducer is tested with the data the app ships. */
export const LIB: TemplateLibrary = { find: findTemplate, validate: validateParameter };
export const TEMPLATES = allTemplates();

// derive() lints and builds the matrix: compute it once per policy source, as the app's useMemo does.
const derivedCache = new WeakMap<object, Derived>();
export function derivedOf(state: AppState): Derived | null {
  const ws = state.workspace;
  if (!ws) return null;
  let d = derivedCache.get(ws.source);
  if (!d) {
    d = derive(ws.source, ws.source.kind === 'template' ? LIB.find(ws.source.templateId) : undefined);
    derivedCache.set(ws.source, d);
  }
  return d;
}

/** The view as the app computes it for a state. */
export function viewFor(state: AppState): View {
  const ws = state.workspace;
  const template = ws?.source.kind === 'template' ? LIB.find(ws.source.templateId) : undefined;
  const rows = template && ws?.source.kind === 'template' ? paramRows(template, ws.source.values).length : 0;
  return viewOf(state, browseList(TEMPLATES, state.browser.filter), derivedOf(state), rows);
}

/** One action, then the cursor sync the app dispatches when lists change. */
export function act(state: AppState, action: Action): AppState {
  const next = reduce(state, action, LIB);
  return reduce(next, { type: 'sync-view', view: viewFor(next) }, LIB);
}

/** A command (what a key means), with the view of the current state. */
export function cmd(state: AppState, ...commands: Command[]): AppState {
  return commands.reduce((s, c) => act(s, { type: 'command', command: c, view: viewFor(s) }), state);
}

/** Types text into the focused field one character at a time (as ink-text-input reports it: the whole new value). */
export function typeInto(state: AppState, field: 'filter' | 'edit' | 'prompt', text: string): AppState {
  const current = () => (field === 'filter' ? state.browser.filter : field === 'edit' ? (state.workspace?.editing?.draft ?? '') : state.prompt?.kind === 'write-path' ? state.prompt.draft : '');
  for (const ch of text) {
    const value = current() + ch;
    state = act(state, field === 'filter' ? { type: 'filter-change', value } : field === 'edit' ? { type: 'edit-change', value } : { type: 'prompt-change', value });
  }
  return state;
}

/** Replaces the whole text of the field being edited. */
export function setDraft(state: AppState, value: string): AppState {
  return act(state, { type: 'edit-change', value });
}

export function browserState(): AppState {
  return initialState(undefined, LIB);
}

export function templateState(templateId: string): AppState {
  return initialState({ kind: 'template', templateId, values: {} }, LIB);
}

export function fileState(name: string, text: string): AppState {
  return initialState({ kind: 'file', name, text } satisfies WorkspaceSource, LIB);
}

export function ws(state: AppState) {
  if (!state.workspace) throw new Error('no workspace in this state');
  return state.workspace;
}

/** The policy JSON the workspace currently renders. */
export function policyText(state: AppState): string {
  return JSON.stringify(derivedOf(state)?.policy);
}

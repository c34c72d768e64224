import { readSource } from '../../../source/core/sources/index.js';
import { sourceEntries } from '../../../source/ui/state/picker.js';
import { allTemplates, findTemplate, validateParameter } from '../../../source/core/templates/index.js';
import { keyPresses, type Command, type KeyPress, type NamedKey } from '../../../source/ui/keys/bindings.js';
import { browseList } from '../../../source/ui/state/browse-list.js';
import { derive, type Derived } from '../../../source/ui/state/derive.js';
import { paramRows } from '../../../source/ui/state/params.js';
import { focusOf, initialState, reduce, type Action } from '../../../source/ui/state/reducer.js';
import type { AppState, View, WorkspaceSource } from '../../../source/ui/state/types.js';
import { viewOf } from '../../../source/ui/state/view.js';
import { changesOf, type Changes } from '../../../source/ui/state/changes-model.js';
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

// The baseline's derived data, once per baseline source.
const baselineCache = new WeakMap<object, Derived>();
/** The Changes tab's diff for a state, as the app computes it. */
export function changesFor(state: AppState): Changes | null {
  const ws = state.workspace;
  const current = derivedOf(state);
  if (!ws || !current) return null;
  if (ws.baseline === ws.source) return changesOf(current, current, true);
  let base = baselineCache.get(ws.baseline);
  if (!base) baselineCache.set(ws.baseline, (base = derive(ws.baseline, ws.baseline.kind === 'template' ? LIB.find(ws.baseline.templateId) : undefined)));
  return changesOf(base, current, false);
}

/** The view as the app computes it for a state. */
export function viewFor(state: AppState): View {
  const ws = state.workspace;
  const template = ws?.source.kind === 'template' ? LIB.find(ws.source.templateId) : undefined;
  const rows = template && ws?.source.kind === 'template' ? paramRows(template, ws.source.values).length : 0;
  return viewOf(state, browseList(TEMPLATES, state.browser.filter), derivedOf(state), rows, undefined, changesFor(state));
}

/** One action, then the cursor sync the app dispatches when lists change. */
export function act(state: AppState, action: Action): AppState {
  const next = reduce(state, action, LIB, viewFor);
  return reduce(next, { type: 'sync-view', view: viewFor(next) }, LIB, viewFor);
}

/** A command (what a key means), with the view of the current state. */
export function cmd(state: AppState, ...commands: Command[]): AppState {
  return commands.reduce((s, c) => act(s, { type: 'command', command: c, view: viewFor(s) }), state);
}

/** Named keys, one read each (Enter, Esc, Backspace, arrows...). */
export function press(state: AppState, ...names: NamedKey[]): AppState {
  return names.reduce((s, name) => act(s, { type: 'keys', keys: [{ kind: 'key', name }] }), state);
}

/** Text typed one character per read, wherever the focus is. */
export function typeText(state: AppState, text: string): AppState {
  return Array.from(text).reduce((s, ch) => act(s, { type: 'keys', keys: [{ kind: 'text', text: ch }] }), state);
}

/** One read from the terminal holding several keys (a paste, or keys typed faster than a frame), split as the app splits it. */
export function read(state: AppState, input: string): AppState {
  return act(state, { type: 'keys', keys: keyPresses(input, {}) });
}

/** The text and caret of the focused field, if a field has the focus. */
export function fieldOf(state: AppState): { text: string; caret: number } | null {
  switch (focusOf(state)) {
    case 'filter':
      return { text: state.browser.filter, caret: state.browser.filterCaret };
    case 'edit':
      return state.workspace?.editing ? { text: state.workspace.editing.draft, caret: state.workspace.editing.caret } : null;
    case 'prompt-text':
      return state.prompt?.kind === 'write-path' ? { text: state.prompt.draft, caret: state.prompt.caret } : null;
    case 'ask-text': {
      const ask = state.workspace?.ask;
      if (ask?.editing) return { text: ask.editing.draft, caret: ask.editing.caret };
      return ask?.picker ? { text: ask.picker.filter, caret: ask.picker.caret } : null;
    }
    case 'main':
      return null;
  }
}

/** Replaces the whole text of the focused field (End, Backspace over all of it, then the new text), in one read. */
export function setDraft(state: AppState, value: string): AppState {
  const length = fieldOf(state)?.text.length ?? 0;
  const keys: KeyPress[] = [{ kind: 'key', name: 'end' }, ...Array.from({ length }, (): KeyPress => ({ kind: 'key', name: 'backspace' }))];
  if (value) keys.push({ kind: 'text', text: value });
  return act(state, { type: 'keys', keys });
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

/** A CloudFormation template with a key policy and a role's inline policy, as `open` shows it: the picker. */
export const TWO_POLICY_TEMPLATE = [
  'Resources:',
  '  Key:',
  '    Type: AWS::KMS::Key',
  '    Properties:',
  '      KeyPolicy:',
  '        Version: "2012-10-17"',
  '        Statement:',
  '          - { Sid: Account, Effect: Allow, Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" }',
  '  Role:',
  '    Type: AWS::IAM::Role',
  '    Properties:',
  '      Policies:',
  '        - PolicyName: Use',
  '          PolicyDocument: { Version: "2012-10-17", Statement: [{ Sid: Use, Effect: Allow, Action: "kms:Decrypt", Resource: "*" }] }',
  '',
].join('\n');

export function pickerState(file = 'stack.yaml', text = TWO_POLICY_TEMPLATE): AppState {
  const read = readSource(file, text);
  const entries = sourceEntries(file, read.policies.map((p) => ({ policyName: p.name, kind: p.kindHint ?? 'identity', source: p })));
  return initialState(entries[0], LIB, { file, entries, selected: 0 });
}

export function ws(state: AppState) {
  if (!state.workspace) throw new Error('no workspace in this state');
  return state.workspace;
}

/** The policy JSON the workspace currently renders. */
export function policyText(state: AppState): string {
  return JSON.stringify(derivedOf(state)?.policy);
}

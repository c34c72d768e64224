/**
 * The Ask tab's state (try one request against the policy) as a pure reducer with
 * discriminated-union actions. What the lists hold (principals, actions, trace lines)
 * comes in an AskView computed from the policy (ask-model.ts), so this stays testable
 * without rendering and without a policy.
 */
import { validateParameter } from '../../core/templates/parameters.js';
import { editText, type TextEdit } from './text-edit.js';

/** What stands for the principal's IAM permissions (the key policy is the workspace's policy). */
/** `file`: the IAM policies opened with `open --identity-policy` (offered only when there are some). */
export const IAM_CHOICES = ['none', 'allow-all', 'file'] as const;
export type IamChoice = (typeof IAM_CHOICES)[number];

/** A form row of the Ask tab. */
export type AskField = { readonly kind: 'principal' } | { readonly kind: 'resource' } | { readonly kind: 'action' } | { readonly kind: 'iam' } | { readonly kind: 'context'; readonly key: string };

/** The fields that open a list to pick from. */
export type PickerField = 'principal' | 'resource' | 'action';

export interface AskPicker {
  readonly field: PickerField;
  readonly filter: string;
  readonly caret: number;
  /** The filter field has the keys (typing narrows the list). */
  readonly filtering: boolean;
  readonly selected: number;
}

/** A text typed into the Ask form: a principal ARN, or a context key's value (lower-cased key). */
export interface AskEditing {
  readonly target: { readonly kind: 'principal' } | { readonly kind: 'context'; readonly key: string };
  readonly draft: string;
  readonly caret: number;
  /** Why the draft is not applied (an invalid principal ARN), else null. */
  readonly error: string | null;
  /** The value before editing (undefined: not set), restored by Esc. */
  readonly before: string | undefined;
}

export interface AskState {
  /** The principal asked about; null: the first principal the policy names. */
  readonly principal: string | null;
  /** The key (identity policies: one of the policy's resources); null: the default key. */
  readonly resource: string | null;
  readonly action: string;
  readonly iam: IamChoice;
  /** Context values as typed, by lower-cased key; a missing or empty value is absent (derived keys: derived). */
  readonly context: ReadonlyMap<string, string>;
  readonly pane: 'form' | 'trace';
  readonly row: number;
  readonly trace: number;
  readonly picker: AskPicker | null;
  readonly editing: AskEditing | null;
}

/** The item of the principal picker that opens a field to type an ARN. */
export const TYPE_PRINCIPAL = '\u0000type';

export interface AskFieldView {
  readonly field: AskField;
  /** What ← → step through: the options of the field (context: absent, then the policy's values). */
  readonly choices: readonly string[];
  /** The field's value as asked now (the default when nothing was chosen). */
  readonly current: string;
}

/** What the reducer needs to know of the Ask tab's lists, computed from the policy and the state. */
export interface AskView {
  readonly fields: readonly AskFieldView[];
  /** Values of the open picker's items, as filtered. */
  readonly pickerItems: readonly string[];
  /** For each trace line: the statement of this policy it points to, or null (a statement of the assumed IAM policy). */
  readonly traceTargets: readonly (number | null)[];
}

export const EMPTY_ASK_VIEW: AskView = { fields: [], pickerItems: [], traceTargets: [] };

export type AskAction =
  | { readonly type: 'move'; readonly delta: number }
  /** ← →: the previous or next choice of the form row. */
  | { readonly type: 'cycle'; readonly delta: 1 | -1 }
  | { readonly type: 'confirm' }
  | { readonly type: 'back' }
  | { readonly type: 'switch-pane' }
  | { readonly type: 'filter' }
  /** Clears the form row's value (context: absent, or derived again; principal: the default). */
  | { readonly type: 'clear' }
  | { readonly type: 'text'; readonly edit: TextEdit }
  | { readonly type: 'submit' }
  /** From the matrix: this principal (or key) and this action. */
  | { readonly type: 'fill'; readonly principal?: string; readonly resource?: string; readonly action: string };

export interface AskResult {
  readonly ask: AskState;
  /** Enter on a trace line: go to this statement on the Policy tab. */
  readonly jump?: number;
  readonly message?: string;
}

export function initialAsk(): AskState {
  return { principal: null, resource: null, action: 'kms:Decrypt', iam: 'none', context: new Map(), pane: 'form', row: 0, trace: 0, picker: null, editing: null };
}

/** The Ask tab has a text field with the keys (typing goes there). */
export function askTyping(ask: AskState): boolean {
  return ask.editing !== null || ask.picker?.filtering === true;
}

const clamp = (n: number, length: number) => Math.max(0, Math.min(n, length - 1));

/** A typed principal is checked as the parameters form checks principals: an IAM principal ARN or account id, or a service principal. */
export function checkPrincipal(raw: string): { ok: true; value: string } | { ok: false; message: string } {
  const type = raw.trim().endsWith('.amazonaws.com') ? 'service-principal' : 'principal-arn';
  const check = validateParameter({ name: 'principal', type }, raw);
  return check.ok ? { ok: true, value: typeof check.value === 'string' ? check.value : raw.trim() } : check;
}

function withContext(ask: AskState, key: string, value: string | undefined): AskState {
  const context = new Map(ask.context);
  if (value === undefined || value === '') context.delete(key);
  else context.set(key, value);
  return { ...ask, context };
}

function setField(ask: AskState, field: AskField, value: string): AskState {
  switch (field.kind) {
    case 'principal':
      return { ...ask, principal: value };
    case 'resource':
      return { ...ask, resource: value };
    case 'action':
      return { ...ask, action: value };
    case 'iam':
      return { ...ask, iam: (IAM_CHOICES as readonly string[]).includes(value) ? (value as IamChoice) : 'none' };
    case 'context':
      return withContext(ask, field.key, value);
  }
}

function openPicker(ask: AskState, row: AskFieldView, filtering: boolean): AskState {
  const field = row.field.kind;
  if (field !== 'principal' && field !== 'resource' && field !== 'action') return ask;
  const selected = Math.max(0, row.choices.indexOf(row.current));
  return { ...ask, picker: { field, filter: '', caret: 0, filtering, selected } };
}

function pickerCommand(ask: AskState, picker: AskPicker, action: AskAction, view: AskView): AskResult {
  const n = view.pickerItems.length;
  switch (action.type) {
    case 'move':
      return { ask: { ...ask, picker: { ...picker, selected: clamp(picker.selected + action.delta, n) } } };
    case 'filter':
      return { ask: { ...ask, picker: { ...picker, filtering: true, caret: picker.filter.length } } };
    case 'back':
      return { ask: { ...ask, picker: null } };
    case 'confirm': {
      const value = view.pickerItems[picker.selected];
      if (value === undefined) return { ask, message: 'Nothing matches the filter; Esc closes the list' };
      if (value === TYPE_PRINCIPAL) {
        const current = ask.principal ?? view.fields.find((f) => f.field.kind === 'principal')?.current ?? '';
        return { ask: { ...ask, picker: null, editing: { target: { kind: 'principal' }, draft: current, caret: current.length, error: null, before: ask.principal ?? undefined } } };
      }
      return { ask: { ...setField(ask, { kind: picker.field }, value), picker: null } };
    }
    default:
      return { ask };
  }
}

function textAction(ask: AskState, action: Extract<AskAction, { type: 'text' | 'submit' | 'back' }>): AskResult {
  const picker = ask.picker;
  if (picker?.filtering) {
    if (action.type === 'submit') return { ask: { ...ask, picker: { ...picker, filtering: false } } };
    if (action.type === 'back') return { ask: { ...ask, picker: picker.filter ? { ...picker, filter: '', caret: 0, filtering: false, selected: 0 } : null } };
    const next = editText({ text: picker.filter, caret: picker.caret }, action.edit);
    return { ask: { ...ask, picker: { ...picker, filter: next.text, caret: next.caret, selected: next.text === picker.filter ? picker.selected : 0 } } };
  }
  const e = ask.editing;
  if (!e) return { ask };
  if (action.type === 'submit') return e.error === null ? { ask: { ...ask, editing: null } } : { ask };
  if (action.type === 'back') {
    const restored = e.target.kind === 'principal' ? { ...ask, principal: e.before ?? null } : withContext(ask, e.target.key, e.before);
    return { ask: { ...restored, editing: null } };
  }
  const next = editText({ text: e.draft, caret: e.caret }, action.edit);
  if (next.text === e.draft) return { ask: { ...ask, editing: { ...e, caret: next.caret } } };
  const editing = { ...e, draft: next.text, caret: next.caret };
  // A context value applies at every keystroke; a principal only once it is valid (the answer keeps the last valid one).
  if (e.target.kind === 'context') return { ask: { ...withContext(ask, e.target.key, next.text), editing: { ...editing, error: null } } };
  const check = checkPrincipal(next.text);
  return check.ok ? { ask: { ...ask, principal: check.value, editing: { ...editing, error: null } } } : { ask: { ...ask, editing: { ...editing, error: check.message } } };
}

/** One step of the Ask tab: the form, the open picker, the text being typed, or the trace. */
export function askReducer(ask: AskState, action: AskAction, view: AskView): AskResult {
  if (action.type === 'fill') {
    // A new question: no context and no IAM policy, so the answer starts from what the matrix cell assumes.
    const next: AskState = { ...ask, action: action.action, iam: 'none', context: new Map(), pane: 'form', row: 0, trace: 0, picker: null, editing: null };
    return { ask: { ...next, ...(action.principal !== undefined ? { principal: action.principal } : {}), ...(action.resource !== undefined ? { resource: action.resource } : {}) } };
  }
  if (action.type === 'text' || action.type === 'submit' || (action.type === 'back' && askTyping(ask))) return textAction(ask, action);
  if (ask.picker) return pickerCommand(ask, ask.picker, action, view);
  if (action.type === 'switch-pane') return { ask: { ...ask, pane: ask.pane === 'form' ? 'trace' : 'form' } };
  if (ask.pane === 'trace') {
    if (action.type === 'move') return { ask: { ...ask, trace: clamp(ask.trace + action.delta, view.traceTargets.length) } };
    if (action.type !== 'confirm') return { ask };
    const target = view.traceTargets[ask.trace];
    if (target === undefined) return { ask };
    if (target === null) return { ask, message: 'That statement is in the assumed IAM policy, not in this policy' };
    return { ask, jump: target };
  }
  const row = view.fields[ask.row];
  switch (action.type) {
    case 'move':
      return { ask: { ...ask, row: clamp(ask.row + action.delta, view.fields.length) } };
    case 'cycle': {
      if (!row || row.choices.length === 0) return { ask };
      const i = row.choices.indexOf(row.current);
      const next = row.choices[(Math.max(i, 0) + action.delta + row.choices.length) % row.choices.length]!;
      return { ask: setField(ask, row.field, next) };
    }
    case 'confirm': {
      if (!row) return { ask };
      if (row.field.kind === 'iam') return askReducer(ask, { type: 'cycle', delta: 1 }, view);
      if (row.field.kind === 'context') {
        const before = ask.context.get(row.field.key);
        return { ask: { ...ask, editing: { target: { kind: 'context', key: row.field.key }, draft: before ?? '', caret: (before ?? '').length, error: null, before } } };
      }
      return { ask: openPicker(ask, row, false) };
    }
    case 'filter':
      return row ? { ask: openPicker(ask, row, true) } : { ask };
    case 'clear':
      if (row?.field.kind === 'context') return { ask: withContext(ask, row.field.key, undefined) };
      if (row?.field.kind === 'principal') return { ask: { ...ask, principal: null } };
      return { ask };
    default:
      return { ask };
  }
}

/** Keeps the Ask cursors inside their lists (the policy changed under them); the same state when nothing moves. */
export function clampAsk(ask: AskState, view: AskView): AskState {
  const row = clamp(ask.row, view.fields.length);
  const trace = clamp(ask.trace, view.traceTargets.length);
  const selected = ask.picker ? clamp(ask.picker.selected, view.pickerItems.length) : 0;
  if (row === ask.row && trace === ask.trace && (!ask.picker || selected === ask.picker.selected)) return ask;
  return { ...ask, row, trace, picker: ask.picker ? { ...ask.picker, selected } : null };
}

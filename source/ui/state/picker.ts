/** The picker of `open` on a source with several policies (SPEC 6): a pure list, Enter opens the workspace on one. */
import type { Command } from '../keys/bindings.js';
import { listCursor } from './list-cursor.js';
import { initialWorkspace } from './workspace.js';
import type { PolicyKind } from '../../core/policy/model.js';
import type { NamedSourcePolicy } from '../../core/sources/types.js';
import type { AppState, PickerState, WorkspaceSource } from './types.js';

/** A policy of a source as the loader gives it. */
export interface PickablePolicy {
  readonly policyName: string;
  readonly kind: PolicyKind;
  readonly source: NamedSourcePolicy;
}

/** Workspace sources for a source's policies, in the order they are written in the file. */
export function sourceEntries(file: string, policies: readonly PickablePolicy[]): WorkspaceSource[] {
  const lineOf = (p: PickablePolicy) => p.source.parsed.ast?.start.line ?? 0;
  return [...policies]
    .sort((a, b) => lineOf(a) - lineOf(b))
    .map((p) => ({ kind: 'file', name: file, text: p.source.sourceText, policy: { name: p.policyName, kind: p.kind, source: p.source } }));
}

/** Rows PgUp/PgDn move in the picker's list. */
export const PICKER_PAGE = 10;

export function pickerCommand(state: AppState, picker: PickerState, cmd: Command): AppState {
  const moved = listCursor(cmd, picker.selected, picker.entries.length, PICKER_PAGE);
  if (moved !== undefined) return { ...state, picker: { ...picker, selected: moved } };
  switch (cmd) {
    case 'confirm': {
      const source = picker.entries[picker.selected];
      return source ? { ...state, screen: 'workspace', workspace: initialWorkspace(source, undefined) } : state;
    }
    default:
      return state;
  }
}

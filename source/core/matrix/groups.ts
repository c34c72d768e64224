/** Combined decision of an action group in one row, for the compact grid of `matrix`. */
import { ACTION_GROUPS, kmsActionsByGroup, type ActionGroup } from '../catalog/kms.js';
import type { PolicyKind } from '../policy/model.js';
import type { CellDecision, MatrixRow } from './types.js';

export type GroupDecision = CellDecision | 'mixed';

export const GROUP_SYMBOLS: Readonly<Record<GroupDecision, string>> = {
  allow: 'A',
  deny: 'D',
  conditional: '?',
  none: '.',
  mixed: '~',
};

/**
 * The decision shared by every action of the group in the row, or 'mixed'. In a
 * key policy, actions that are not on a key (GenerateRandom, CreateKey) can never
 * be granted, so they do not count.
 */
export function groupDecision(row: MatrixRow, group: ActionGroup, kind: PolicyKind = 'identity'): GroupDecision {
  const all = kmsActionsByGroup().get(group) ?? [];
  const actions = kind === 'key' ? all.filter((a) => a.onKey) : all;
  let out: GroupDecision | undefined;
  for (const a of actions) {
    const d = row.cells[a.id]?.decision ?? 'none';
    if (out === undefined) out = d;
    else if (out !== d) return 'mixed';
  }
  return out ?? 'none';
}

export { ACTION_GROUPS };

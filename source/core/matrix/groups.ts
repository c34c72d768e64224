/**
 * How cells and action groups are shown (the compact grid of `matrix`, the UI grid):
 * a display decision that separates an allow the key policy grants by itself from
 * one that holds only if an IAM policy of the principal allows it too.
 */
import { ACTION_GROUPS, kmsActionsByGroup, type ActionGroup } from '../catalog/kms.js';
import type { PolicyKind } from '../policy/model.js';
import type { CellDecision, MatrixCell, MatrixRow } from './types.js';

export type GroupDecision = CellDecision | 'mixed';

/**
 * A cell as shown: `allow` is granted by the policy itself; `iam` is an allow that takes
 * effect only if an IAM policy of the principal allows it too (the key policy delegates
 * to the account, or the principal is in another account); `iam-or-direct` is such an
 * allow beside a conditional direct path (allowed without IAM when its conditions hold);
 * `grant` is allowed through a grant.
 */
export type CellDisplay = 'allow' | 'iam' | 'iam-or-direct' | 'grant' | 'deny' | 'conditional' | 'none';
export type GroupDisplay = CellDisplay | 'mixed';

/** One ASCII symbol per display decision, for both the text grid and the UI. */
export const DISPLAY_SYMBOLS: Readonly<Record<GroupDisplay, string>> = {
  allow: 'A',
  iam: 'I',
  'iam-or-direct': 'B',
  grant: 'G',
  deny: 'D',
  conditional: 'C',
  none: '.',
  mixed: '~',
};

/** Short words for legends and detail lines. */
export const DISPLAY_WORDS: Readonly<Record<GroupDisplay, string>> = {
  allow: 'allow',
  iam: 'IAM decides',
  'iam-or-direct': 'IAM decides, or direct under conditions',
  grant: 'grant',
  deny: 'deny',
  conditional: 'conditional',
  none: 'none',
  mixed: 'mixed',
};

/** What each display decision means, in a sentence. */
export const DISPLAY_MEANINGS: Readonly<Record<GroupDisplay, string>> = {
  allow: 'allowed by this policy, whatever the request context',
  iam: 'allowed only if an IAM policy of the principal allows it too (the key policy delegates to the account, or the principal is in another account)',
  'iam-or-direct': 'allowed once an IAM policy of the principal allows it, and without one when the conditions of a direct statement hold',
  grant: 'allowed through a grant (under its constraints)',
  deny: 'denied, whatever the request context',
  conditional: 'depends on the request context (conditions)',
  none: 'no statement applies',
  mixed: 'differs within the group',
};

/** Legend order: the symbols a reader meets most, first. */
export const DISPLAY_LEGEND: readonly GroupDisplay[] = ['allow', 'iam', 'iam-or-direct', 'grant', 'deny', 'conditional', 'none', 'mixed'];

export function cellDisplay(cell: MatrixCell | undefined): CellDisplay {
  if (!cell) return 'none';
  // A cell a grant opens (allowed, or under the grant's constraints) is the grant's, unless the policy allows it by itself.
  const opens = cell.decision === 'allow' || cell.decision === 'conditional';
  if (opens && (cell.via === 'grant' || (!(cell.decision === 'allow' && cell.via === 'direct') && cell.paths.some((p) => p.effect === 'Allow' && p.via === 'grant')))) return 'grant';
  if (cell.decision !== 'allow') return cell.decision;
  if (cell.via !== 'iam') return 'allow';
  return cell.paths.some((p) => p.effect === 'Allow' && p.via === 'direct') ? 'iam-or-direct' : 'iam';
}

/** The actions of a group that count in a row: in a key policy, actions not on a key (GenerateRandom, CreateKey) can never be granted. */
function groupActions(group: ActionGroup, kind: PolicyKind) {
  const all = kmsActionsByGroup().get(group) ?? [];
  return kind === 'key' ? all.filter((a) => a.onKey) : all;
}

function combine<T extends string>(values: Iterable<T>): T | 'mixed' | undefined {
  let out: T | undefined;
  for (const v of values) {
    if (out === undefined) out = v;
    else if (out !== v) return 'mixed';
  }
  return out;
}

/** The decision shared by every action of the group in the row, or 'mixed'. */
export function groupDecision(row: MatrixRow, group: ActionGroup, kind: PolicyKind = 'identity'): GroupDecision {
  return combine(groupActions(group, kind).map((a) => row.cells[a.id]?.decision ?? 'none')) ?? 'none';
}

/** The display decision shared by every action of the group in the row, or 'mixed'. */
export function groupDisplay(row: MatrixRow, group: ActionGroup, kind: PolicyKind = 'identity'): GroupDisplay {
  return combine(groupActions(group, kind).map((a) => cellDisplay(row.cells[a.id]))) ?? 'none';
}

/** The display decision of a set of actions (one action, or a group's actions) in a row. */
export function actionsDisplay(row: MatrixRow, actionIds: readonly string[]): GroupDisplay {
  return combine(actionIds.map((id) => cellDisplay(row.cells[id]))) ?? 'none';
}

export { ACTION_GROUPS };

import type { PolicyKind } from '../policy/model.js';
import type { MatrixCell } from '../matrix/types.js';

/** SPEC 2.4: some request is allowed after that was not before, the reverse, or the same access from other statements. */
export type ChangeKind = 'widened' | 'narrowed' | 'changed';

export interface CellChange {
  /** The row's subject as the new version writes it (the old one's for a principal no longer named). */
  readonly subject: string;
  readonly label: string;
  readonly action: string;
  readonly change: ChangeKind;
  readonly before: MatrixCell;
  readonly after: MatrixCell;
  /** One line: the statements on each side and the conditions dropped, added or loosened. */
  readonly why: string;
  /** The statement of the new version that causes the change (SARIF location), null when none does (a Deny removed, a statement deleted). */
  readonly cause: number | null;
}

export interface PolicyDiff {
  readonly kind: PolicyKind;
  readonly summary: { readonly widened: number; readonly narrowed: number; readonly changed: number };
  readonly changes: readonly CellChange[];
}

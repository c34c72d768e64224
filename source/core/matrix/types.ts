import type { PolicyKind } from '../policy/model.js';
import type { Via } from '../evaluate/types.js';

/** A matrix cell (SPEC 2.2): allow/deny whatever the request context, conditional on it, or no statement applies. */
export type CellDecision = 'allow' | 'deny' | 'conditional' | 'none';

export interface MatrixCell {
  readonly decision: CellDecision;
  readonly via: Via | null;
  /** Indexes of the statements that decide the cell. */
  readonly statements: readonly number[];
  /** Condition keys that decide a conditional cell (as written in the policy); empty otherwise. Not in the JSON output. */
  readonly conditionKeys: readonly string[];
  /**
   * True when an allow (or a conditional allow) takes effect only if an IAM policy of the
   * principal allows it too: the key policy grants it through the principal's account
   * (delegation to IAM), or the principal is in another account than the key. Not in the JSON output.
   */
  readonly iamDecides: boolean;
}

export interface MatrixRow {
  /** The principal (key policy) or resource pattern (identity policy), or a synthetic subject for "any other principal" / "keys in other accounts". */
  readonly subject: string;
  readonly label: string;
  /** What the row stands for when that is not obvious from the label (the example subject it was evaluated with). Not in the JSON output. */
  readonly note?: string;
  readonly cells: Readonly<Record<string, MatrixCell>>;
}

export interface Matrix {
  readonly kind: PolicyKind;
  /** Every KMS action of the catalog, sorted. */
  readonly actions: readonly string[];
  readonly rows: readonly MatrixRow[];
}

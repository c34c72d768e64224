import type { PolicyKind } from '../policy/model.js';
import type { Via } from '../evaluate/types.js';

/** A matrix cell (SPEC 2.2): allow/deny whatever the request context, conditional on it, or never allowed. */
export type CellDecision = 'allow' | 'deny' | 'conditional' | 'none';

/** How a path reaches the principal: the key policy names it, the account delegates to IAM, or a grant. */
export type PathVia = Via | 'grant';

/** One condition a path needs, as written in its statement (SPEC 2.2). */
export interface PathCondition {
  /** The statement that sets the condition; null for a grant's constraint (then `grant` names it). */
  readonly statement: number | null;
  /** For a grant's constraint: the grant's id. */
  readonly grant?: string;
  /** The operator as written, e.g. "StringEquals" or "ForAnyValue:StringLike". */
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
}

/** One way a cell can end allowed or denied: a statement (or grant) that applies, and what it needs. */
export interface CellPath {
  readonly effect: 'Allow' | 'Deny';
  /** Allow paths: 'direct' needs nothing else, 'iam' needs an IAM policy of the principal too, 'grant' comes from a grant. Deny paths: null. */
  readonly via: PathVia | null;
  readonly statements: readonly number[];
  readonly grants: readonly string[];
  /** The conditions left to meet for this principal (keys it fixes are already decided); empty: unconditional. */
  readonly conditions: readonly PathCondition[];
}

export interface MatrixCell {
  readonly decision: CellDecision;
  /** For allow and conditional cells: 'direct' when a direct path decides, 'iam' when an IAM policy must allow too. */
  readonly via: PathVia | null;
  /** Indexes of the statements that decide the cell. */
  readonly statements: readonly number[];
  /** Every way the cell can end allowed or denied (SPEC 2.2). */
  readonly paths: readonly CellPath[];
}

export interface MatrixRow {
  /** The principal (key policy) or resource pattern (identity policy), or a synthetic subject for "any other principal" / "keys in other accounts". */
  readonly subject: string;
  readonly label: string;
  /** The principal the row stands for when it is simulated (key policy), or the key ARN (identity policy). */
  readonly evaluatedAs: string;
  /** What the row stands for when that is not obvious from the label. Not in the JSON output. */
  readonly note?: string;
  readonly cells: Readonly<Record<string, MatrixCell>>;
}

export interface Matrix {
  readonly kind: PolicyKind;
  /** The account the key is taken to be in (SPEC 2.2). */
  readonly keyAccount: string;
  /** The key ARN rows are evaluated on (a key of keyAccount; the grants' key id when grants are given). Not in the JSON output. */
  readonly keyArn: string;
  /** Every KMS action of the catalog, sorted. */
  readonly actions: readonly string[];
  readonly rows: readonly MatrixRow[];
}

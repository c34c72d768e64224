/**
 * The model every policy source reads to (SPEC 2.5): named policies whose
 * position tree points into the source file, so lint, explain, matrix and diff
 * see one policy model whatever the format was.
 */
import type { Finding } from '../lint/catalog.js';
import type { SourcePosition } from '../policy/json.js';
import type { ParsedPolicy } from '../policy/parse.js';
import type { PolicyKind } from '../policy/model.js';

export type SourceFormat = 'policy-document' | 'aws-cli' | 'cloudformation' | 'terraform' | 'terraform-plan';

/** A value that cannot be resolved offline (`var.account`, `!Ref KeyAdmin`, `${AWS::AccountId}`), kept as written. */
export interface UnresolvedReference {
  readonly expression: string;
  /** JSON pointer, in the policy, of the value that holds it. */
  readonly pointer: string;
  readonly line: number | null;
  readonly column: number | null;
}

export interface NamedSourcePolicy {
  /** `aws_kms_key.orders`, `Resources.OrdersKey`, `Policy` ... */
  readonly name: string;
  /** The file the policy is written in (a directory read holds several). */
  readonly file: string;
  /** Text of that file: finding lines point into it. */
  readonly sourceText: string;
  /** Key or identity, as the resource type says (null for a bare document). */
  readonly kindHint: PolicyKind | null;
  /** The document, its tree with positions in `file`, and its syntax findings. */
  readonly parsed: ParsedPolicy;
  readonly unresolved: readonly UnresolvedReference[];
  /** Where the source turns off the lockout safety check, if it does. */
  readonly bypassLockout: SourcePosition | null;
}

/** One file (or a Terraform module's files) read as a source. */
export interface SourceRead {
  readonly format: SourceFormat;
  readonly policies: readonly NamedSourcePolicy[];
  /** Problems of the source itself (bad YAML, bad HCL, a template without Resources), with file, line and column. */
  readonly problems: readonly SourceProblem[];
}

export interface SourceProblem {
  readonly file: string;
  readonly finding: Finding;
}

import type { PolicyDocument } from '../policy/model.js';
import type { Grant } from '../grants/model.js';

/** Outcome of one request (SPEC 2.1). */
export type Decision = 'allow' | 'explicit-deny' | 'implicit-deny';

/** How an allow came about: the key policy named the principal, or it delegated to IAM. */
export type Via = 'direct' | 'iam';

/** How a request ended allowed (SPEC 2.1 `via`): as Via, or through a grant (SPEC 2.6). */
export type ResultVia = Via | 'grant';

/** Request context: condition key → value(s). Keys are matched case-insensitively; absent keys are absent. */
export type RequestContext = Readonly<Record<string, string | readonly string[]>>;

export interface NamedPolicy {
  /** Shown in results as `identity:<name>` (the file name for the CLI). */
  readonly name: string;
  readonly document: PolicyDocument;
}

export interface AuthorizationRequest {
  /** e.g. "kms:Decrypt" */
  readonly action: string;
  /** A principal ARN (role, user, assumed-role session, account root), an account id, or a service principal. */
  readonly principal: string;
  /** Key ARN; defaults to a key in the principal's account in us-west-2. */
  readonly resource?: string;
  readonly context?: RequestContext;
  /** The key policy; undefined means unknown (not absent). */
  readonly keyPolicy?: PolicyDocument;
  /** All the IAM policies of the principal. */
  readonly identityPolicies?: readonly NamedPolicy[];
  /** The grants of the key (list-grants): an Allow beside the policies (SPEC 2.6). */
  readonly grants?: readonly Grant[];
}

/** Where a matched entry or trace entry comes from: the key policy, an identity policy, or a grant. */
export type PolicySource = 'key' | `identity:${string}` | 'grant';

export interface MatchedStatement {
  readonly policy: PolicySource;
  /** The statement's index; for a grant, its index in the grants given. */
  readonly statement: number;
  /** For a grant: its GrantId. */
  readonly grant?: string;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
}

export interface AuthorizationResult {
  readonly decision: Decision;
  readonly via: ResultVia | null;
  readonly matched: readonly MatchedStatement[];
  readonly notes: readonly string[];
}

/** The statement element that kept a statement from applying (SPEC 2.1 `--trace`). */
export type TraceElement =
  | 'Effect' | 'Action' | 'NotAction' | 'Resource' | 'NotResource' | 'Principal' | 'NotPrincipal' | 'Condition'
  // A grant's fields, as list-grants names them (a grant's constraints show as its Condition).
  | 'KeyId' | 'Operations' | 'GranteePrincipal';

export type TraceBecause =
  | { readonly element: Exclude<TraceElement, 'Condition'> }
  | {
      readonly element: 'Condition';
      /** The operator as written, e.g. "StringEqualsIfExists". */
      readonly operator: string;
      /** The condition key as written in the policy. */
      readonly key: string;
      /** The policy's values. */
      readonly expected: readonly string[];
      /** The request's value(s), null when the key is absent from the request. */
      readonly actual: readonly string[] | null;
    };

/** One statement of one policy: whether it applied to the request, and if not, the first element that failed. */
export interface TraceEntry {
  readonly policy: PolicySource;
  readonly statement: number;
  /** For a grant: its GrantId. */
  readonly grant?: string;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny' | null;
  readonly applies: boolean;
  readonly because?: TraceBecause;
}

/** The rule of SPEC 2.1 that decided the request. */
export type DecidingRule =
  | 'explicit-deny-wins'
  | 'key-policy-direct'
  | 'delegation-needs-iam'
  | 'cross-account-needs-both'
  | 'alias-needs-iam'
  | 'iam-only-action'
  | 'key-policy-unknown'
  | 'not-cross-account-action'
  | 'key-policy-does-not-allow'
  | 'grant-allows';

export interface AuthorizeOptions {
  /** Also return the trace and the deciding rule. Off by default: the matrix and bench pay nothing for it. */
  readonly trace?: boolean;
}

export interface TracedAuthorizationResult extends AuthorizationResult {
  readonly trace: readonly TraceEntry[];
  readonly rule: DecidingRule;
}

import type { PolicyDocument } from '../policy/model.js';

/** Outcome of one request (SPEC 2.1). */
export type Decision = 'allow' | 'explicit-deny' | 'implicit-deny';

/** How an allow came about: the key policy named the principal, or it delegated to IAM. */
export type Via = 'direct' | 'iam';

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
}

export interface MatchedStatement {
  readonly policy: 'key' | `identity:${string}`;
  readonly statement: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
}

export interface AuthorizationResult {
  readonly decision: Decision;
  readonly via: Via | null;
  readonly matched: readonly MatchedStatement[];
  readonly notes: readonly string[];
}

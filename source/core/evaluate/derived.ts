/**
 * Condition keys that AWS sets on every signed request from the principal itself
 * (SPEC 2.1), so a request never lacks them and a matrix row can fix them:
 * - kms:CallerAccount: the caller's account (conditions-kms.html, kms:CallerAccount);
 * - aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType, aws:username (IAM
 *   users only), aws:PrincipalServiceName (service principals only)
 *   (reference_policies_condition-keys.html, "Properties of the principal").
 * aws:PrincipalArn of an assumed-role session is the role's ARN, not the session's.
 * For a service principal only aws:PrincipalServiceName is derived: the page does not
 * say which account a service calls from, so kms:CallerAccount stays unknown there
 * (conditional in the matrix, absent in simulate), the answer that hides no access.
 */
import type { RequestPrincipal } from './principal.js';

/** The keys this module may derive, lower-cased, with their spelling for notes. */
export const DERIVED_KEYS = ['kms:CallerAccount', 'aws:PrincipalArn', 'aws:PrincipalAccount', 'aws:PrincipalType', 'aws:username', 'aws:PrincipalServiceName'] as const;
export const DERIVED_KEYS_LOWER: ReadonlySet<string> = new Set(DERIVED_KEYS.map((k) => k.toLowerCase()));

export interface DerivedContext {
  /** lower-cased key → value, for the keys the principal sets. */
  readonly present: ReadonlyMap<string, string>;
  /** lower-cased keys that the principal fixes: present ones, and ones it can never carry (absent). */
  readonly fixed: ReadonlySet<string>;
}

function set(entries: Array<[string, string]>, fixed: readonly string[]): DerivedContext {
  return { present: new Map(entries.map(([k, v]) => [k.toLowerCase(), v])), fixed: new Set(fixed.map((k) => k.toLowerCase())) };
}

/** The keys AWS derives from a request principal (empty for "*" and unparsed principals). */
export function derivedContext(p: RequestPrincipal): DerivedContext {
  const all = DERIVED_KEYS as readonly string[];
  if (p.kind === 'service') return set([['aws:PrincipalServiceName', p.raw]], ['aws:PrincipalServiceName', 'aws:username', 'aws:PrincipalArn', 'aws:PrincipalAccount', 'aws:PrincipalType']);
  if (p.account === undefined || p.kind === 'anyone' || p.kind === 'other') return set([], []);
  const partition = /^arn:([^:]+):/.exec(p.raw)?.[1] ?? 'aws';
  const base: Array<[string, string]> = [
    ['kms:CallerAccount', p.account],
    ['aws:PrincipalAccount', p.account],
  ];
  if (p.kind === 'root') return set([...base, ['aws:PrincipalArn', `arn:${partition}:iam::${p.account}:root`], ['aws:PrincipalType', 'Account']], all);
  if (p.kind === 'user') {
    const name = p.raw.split('/').pop() ?? '';
    return set([...base, ['aws:PrincipalArn', p.raw], ['aws:PrincipalType', 'User'], ['aws:username', name]], all);
  }
  // A role is used through its sessions: the principal ARN is the role's (reference_policies_condition-keys.html, aws:PrincipalArn).
  const roleArn = p.kind === 'role' ? p.raw : `arn:${partition}:iam::${p.account}:role/${p.roleName ?? ''}`;
  return set([...base, ['aws:PrincipalArn', roleArn], ['aws:PrincipalType', 'AssumedRole']], all);
}

/**
 * Principal matching for key policies (IAM user guide,
 * reference_policies_elements_principal.html; KMS guide, key-policy-default.html):
 * - `"*"` and {"AWS": "*"}: anyone;
 * - an account id or arn:aws:iam::ACCT:root: the account, which delegates to its
 *   IAM policies (match `via: "iam"`);
 * - a role ARN: the role and its assumed-role sessions; a user ARN: that user;
 * - a service principal: that service.
 * Wildcards other than a lone "*" are not supported in Principal, so they match nothing.
 */
import type { PrincipalElement } from '../policy/model.js';
import type { Via } from './types.js';

export type RequestPrincipalKind = 'root' | 'role' | 'session' | 'user' | 'service' | 'other' | 'anyone';

/** A request principal, parsed once. */
export interface RequestPrincipal {
  readonly raw: string;
  readonly kind: RequestPrincipalKind;
  /** The account of an IAM principal; undefined for service principals and "*". */
  readonly account: string | undefined;
  /** For a role or assumed-role session: the role name (no path). */
  readonly roleName?: string;
}

const ACCOUNT_ID = /^\d{12}$/;

export function parseRequestPrincipal(principal: string): RequestPrincipal {
  const raw = principal.trim();
  if (raw === '*') return { raw, kind: 'anyone', account: undefined };
  if (ACCOUNT_ID.test(raw)) return { raw: `arn:aws:iam::${raw}:root`, kind: 'root', account: raw };
  const m = /^arn:[^:]+:(iam|sts)::(\d{12}):(.*)$/.exec(raw);
  if (m) {
    const [, service, account, rest] = m as unknown as [string, string, string, string];
    if (service === 'iam' && rest === 'root') return { raw, kind: 'root', account };
    if (service === 'iam' && rest.startsWith('role/')) return { raw, kind: 'role', account, roleName: rest.split('/').pop()! };
    if (service === 'iam' && rest.startsWith('user/')) return { raw, kind: 'user', account };
    if (service === 'sts' && rest.startsWith('assumed-role/')) {
      return { raw, kind: 'session', account, roleName: rest.split('/')[1] ?? '' };
    }
    return { raw, kind: 'other', account };
  }
  if (/\.amazonaws\.com(\.cn)?$/i.test(raw)) return { raw, kind: 'service', account: undefined };
  return { raw, kind: 'other', account: undefined };
}

/** An AWS principal value of a policy, parsed once: an account, or an IAM/STS ARN split after its account. */
interface AwsValue {
  readonly account: string;
  /** 'iam' or 'sts'; 'account' for a bare account id. */
  readonly service: string;
  readonly rest: string;
}

// The matrix asks about every principal value once per row: parse each value once (bounded, values come from policies).
const parsedValues = new Map<string, AwsValue | null>();

function parseAwsValue(value: string): AwsValue | null {
  let parsed = parsedValues.get(value);
  if (parsed === undefined) {
    if (ACCOUNT_ID.test(value)) parsed = { account: value, service: 'account', rest: '' };
    else {
      const m = /^arn:[^:]+:(iam|sts)::(\d{12}):(.*)$/.exec(value);
      parsed = m ? { service: m[1]!, account: m[2]!, rest: m[3]! } : null;
    }
    if (parsedValues.size > 10_000) parsedValues.clear();
    parsedValues.set(value, parsed);
  }
  return parsed;
}

/** Does one AWS principal value of a policy cover the request principal, and how. */
function matchAwsValue(value: string, p: RequestPrincipal): Via | null {
  if (value === '*') return 'direct';
  if (p.kind === 'anyone' || p.kind === 'service') return null;
  // A value the engine cannot parse (an unresolved reference such as var.admin) names itself.
  if (p.kind === 'other' && value === p.raw) return 'direct';
  const v = parseAwsValue(value);
  if (!v || v.account !== p.account) return null;
  if (v.service === 'account') return p.kind === 'root' ? 'direct' : 'iam';
  const { service, rest } = v;
  // The account's root user is the account principal itself: the account statement
  // allows it with no IAM policy (key-policy-default.html, "Allows access to the AWS account").
  if (service === 'iam' && rest === 'root') return p.kind === 'root' ? 'direct' : 'iam';
  if (value === p.raw) return 'direct';
  // A role ARN also names every session of the role (the session ARN carries no role path).
  if (service === 'iam' && rest.startsWith('role/') && p.kind === 'session' && rest.split('/').pop() === p.roleName) return 'direct';
  return null;
}

/** How a Principal element covers the request principal: 'direct', 'iam' (via its account), or null. */
export function matchPrincipalElement(element: PrincipalElement, p: RequestPrincipal): Via | null {
  if (element.wildcard) return 'direct';
  let best: Via | null = null;
  // for...in, not Object.entries: the matrix calls this for every row and statement.
  for (const type in element.values) {
    for (const value of element.values[type]!) {
      let via: Via | null = null;
      if (type === 'AWS') via = matchAwsValue(value, p);
      else if (type === 'Service') via = p.kind === 'service' && value.toLowerCase() === p.raw.toLowerCase() ? 'direct' : null;
      if (via === 'direct') return 'direct';
      if (via === 'iam') best = 'iam';
    }
  }
  return best;
}

/** The ARN a NotPrincipal list must name to exempt the principal (see listedInNotPrincipal). */
function ownArn(p: RequestPrincipal): string {
  return p.kind === 'root' ? `arn:${/^arn:([^:]+):/.exec(p.raw)?.[1] ?? 'aws'}:iam::${p.account}:root` : p.raw;
}

/**
 * True when a NotPrincipal element names the principal itself
 * (reference_policies_elements_notprincipal.html): the account ARN (or id) names
 * only the account principal, not every principal in it; a role ARN names the role,
 * and an assumed-role session is named only by its session ARN (no wildcard means
 * "all sessions"). So `Deny NotPrincipal [session, role, root]` still denies any
 * other role of that account.
 */
export function listedInNotPrincipal(element: PrincipalElement, p: RequestPrincipal): boolean {
  if (element.wildcard) return true;
  const own = ownArn(p);
  for (const type in element.values) {
    for (const value of element.values[type]!) {
      if (type === 'Service') {
        if (p.kind === 'service' && value.toLowerCase() === p.raw.toLowerCase()) return true;
      } else if (type === 'AWS') {
        if (value === '*' || value === own || (p.kind === 'root' && value === p.account)) return true;
      }
    }
  }
  return false;
}

/**
 * How a statement's Principal/NotPrincipal covers the request principal.
 * NotPrincipal covers everyone it does not name itself (listedInNotPrincipal).
 */
export function statementPrincipal(principal: PrincipalElement | undefined, notPrincipal: PrincipalElement | undefined, p: RequestPrincipal): Via | null {
  if (principal) return matchPrincipalElement(principal, p);
  if (notPrincipal) return listedInNotPrincipal(notPrincipal, p) ? null : 'direct';
  return null;
}

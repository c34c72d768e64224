import type { PolicyDocument, Statement } from '../policy/model.js';
import { isRecord } from '../policy/model.js';

/** What a principal value names, as far as its text tells. */
export type PrincipalKind =
  | 'anyone'
  | 'account'
  | 'role'
  | 'user'
  | 'assumed-role'
  | 'federated-user'
  | 'service'
  | 'federated'
  | 'canonical-user'
  | 'group'
  | 'invalid';

export interface ClassifiedPrincipal {
  readonly type: string;
  readonly value: string;
  readonly kind: PrincipalKind;
  /** The account of an ARN or account id (may be malformed: lint checks it). */
  readonly account: string | null;
  /** The name after the resource type (role name, user name, ...). */
  readonly name: string | null;
}

// The account may be a reference left as written by a source (`${AWS::AccountId}`, `${var.account}`, SPEC 2.5): one token, colons included.
const IAM_ARN = /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc):(iam|sts)::((?:\$\{[^}]*\}|[^:])*):(.+)$/;

/**
 * Whether an account is a reference that could not be resolved offline (a CloudFormation
 * `${AWS::AccountId}`, a Terraform `${data.aws_caller_identity.current.account_id}`): its value
 * is unknown, so it is neither "the key's account" nor "another account" for a literal id.
 */
export function isUnresolvedAccount(account: string | null): boolean {
  return account !== null && /\$\{[^}]*\}/.test(account);
}

/**
 * Whether two accounts are known to differ. An unresolved one may be either: not "another
 * account" (a literal 111122223333 beside `${AWS::AccountId}` may well be the same account).
 */
export function isOtherAccount(account: string | null, keyAccount: string | null): boolean {
  if (account === null || keyAccount === null || account === keyAccount) return false;
  return !isUnresolvedAccount(account) && !isUnresolvedAccount(keyAccount);
}

const IAM_TYPES: Readonly<Record<string, PrincipalKind>> = { role: 'role', user: 'user', group: 'group' };
const STS_TYPES: Readonly<Record<string, PrincipalKind>> = { 'assumed-role': 'assumed-role', 'federated-user': 'federated-user' };

export function classifyPrincipal(type: string, value: string): ClassifiedPrincipal {
  const base = { type, value, account: null, name: null };
  if (type === 'AWS') {
    if (value === '*') return { ...base, kind: 'anyone' };
    if (/^\d+$/.test(value)) return { ...base, kind: 'account', account: value };
    const m = IAM_ARN.exec(value);
    if (!m) return { ...base, kind: 'invalid' };
    const account = m[3] ?? '';
    const resource = m[4] ?? '';
    const service = m[2];
    if (resource === 'root' && service === 'iam') return { ...base, kind: 'account', account };
    const slash = resource.indexOf('/');
    const rtype = slash < 0 ? resource : resource.slice(0, slash);
    const name = slash < 0 ? null : resource.slice(slash + 1);
    const types: Readonly<Record<string, PrincipalKind>> = service === 'iam' ? IAM_TYPES : STS_TYPES;
    // Own properties only: "constructor" or "toString" as a resource type is just invalid.
    const kind: PrincipalKind | undefined = Object.hasOwn(types, rtype) ? types[rtype] : undefined;
    return { ...base, kind: kind && name ? kind : 'invalid', account, name };
  }
  if (type === 'Service') return { ...base, kind: value === '*' ? 'anyone' : 'service' };
  if (type === 'Federated') return { ...base, kind: 'federated' };
  if (type === 'CanonicalUser') return { ...base, kind: 'canonical-user' };
  return { ...base, kind: 'invalid' };
}

const classified = new WeakMap<Statement, readonly ClassifiedPrincipal[]>();

/** Principals of a statement's Principal element, classified (once per statement: many rules ask). */
export function statementPrincipals(s: Statement): readonly ClassifiedPrincipal[] {
  let out = classified.get(s);
  if (out) return out;
  const p = s.principal;
  const list: ClassifiedPrincipal[] = [];
  if (p?.wildcard) list.push(classifyPrincipal('AWS', '*'));
  else if (p) for (const [type, values] of Object.entries(p.values)) for (const v of values) list.push(classifyPrincipal(type, v));
  classified.set(s, (out = list));
  return out;
}

const ACCOUNT_ID = /^\d{12}$/;

/**
 * The account that owns the key of a key policy: the account whose root is
 * named (the delegation statement), else the account most principals are in.
 */
export function keyAccountOf(doc: PolicyDocument): string | null {
  const counts = new Map<string, number>();
  for (const s of doc.statements) {
    for (const p of statementPrincipals(s)) {
      if (p.kind === 'account' && p.account) return p.account;
      if (p.account) counts.set(p.account, (counts.get(p.account) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  let n = 0;
  for (const [acct, c] of counts) if (c > n) [best, n] = [acct, c];
  return best;
}

export function isValidAccountId(v: string): boolean {
  return ACCOUNT_ID.test(v);
}

export function rawStatement(s: Statement): Record<string, unknown> {
  return isRecord(s.raw) ? s.raw : {};
}

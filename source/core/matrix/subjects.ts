/**
 * The rows of a matrix: who (key policy) or which keys (identity policy), each
 * with the concrete request subject that stands for the row when it is evaluated.
 */
import type { PolicyDocument } from '../policy/model.js';
import { EXAMPLE_ACCOUNT, EXAMPLE_KEY_ID } from '../evaluate/authorize.js';
import { splitArn } from '../evaluate/resource.js';

export interface RowSubject {
  readonly subject: string;
  readonly label: string;
  /** Key policy: the request principal the row stands for. Identity policy: the concrete key ARN of the row (SPEC 2.2 evaluatedAs). */
  readonly evaluatedAs: string;
  /** For the synthetic rows: what the row stands for and the example it is evaluated with. */
  readonly note?: string;
}

export const ANY_OTHER_PRINCIPAL = 'any-other-principal';
export const OTHER_ACCOUNT_KEYS = 'keys-in-other-accounts';
const SPARE_ACCOUNTS = ['210987654321', '000000000000', '123456789012', '999999999999'];

const ACCOUNT_ID = /^\d{12}$/;

function accountsNamed(values: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const v of values) {
    if (ACCOUNT_ID.test(v)) out.add(v);
    const m = /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(v);
    if (m) out.add(m[1]!);
  }
  return out;
}

function spareAccount(named: Set<string>): string {
  return SPARE_ACCOUNTS.find((a) => !named.has(a)) ?? '000000000001';
}

function principalValues(doc: PolicyDocument): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const s of doc.statements) {
    for (const el of [s.principal, s.notPrincipal]) {
      if (!el) continue;
      if (el.wildcard) out.push(['AWS', '*']);
      else for (const [type, values] of Object.entries(el.values)) for (const v of values) out.push([type, v]);
    }
  }
  return out;
}

/** The root of an account whose id is a reference left as written (`arn:aws:iam::${AWS::AccountId}:root`, SPEC 2.5). */
const UNRESOLVED_ROOT = /^arn:[^:]+:iam::(\$\{[^}]*\}):root$/;

/**
 * The account that owns the key a key policy is attached to (SPEC 2.2): the account
 * of the account statement (an Allow whose Principal names an account root or id,
 * key-policy-default.html), else the example account. When the account statement's
 * account is a reference (`${data.aws_caller_identity.current.account_id}`), the key's
 * account is unknown: the example account stands for it, and a root named later in the
 * policy (often another account given access) is not taken for it.
 */
export function keyPolicyAccount(doc: PolicyDocument): string {
  return accountStatementAccount(doc) ?? EXAMPLE_ACCOUNT;
}

/** The account of the account statement, or null when the policy has none (keyPolicyAccount then takes the example account). */
export function accountStatementAccount(doc: PolicyDocument): string | null {
  for (const s of doc.statements) {
    if (s.effect !== 'Allow' || !s.principal || s.principal.wildcard) continue;
    for (const v of s.principal.values.AWS ?? []) {
      const root = ACCOUNT_ID.test(v) ? v : /^arn:[^:]+:iam::(\d{12}):root$/.exec(v)?.[1];
      if (root) return root;
      if (UNRESOLVED_ROOT.test(v)) return EXAMPLE_ACCOUNT;
    }
  }
  return null;
}

/** A role name the policy does not name, for rows that stand for "some role" of an account. */
function unnamedRole(account: string, named: ReadonlySet<string>): string {
  for (let i = 0; ; i++) {
    const arn = `arn:aws:iam::${account}:role/UnnamedRole${i === 0 ? '' : i}`;
    if (!named.has(arn)) return arn;
  }
}

function describePrincipal(type: string, v: string, keyAccount: string, named: ReadonlySet<string>): RowSubject {
  if (v === '*') {
    const as = unnamedRole(keyAccount, named);
    return { subject: '*', label: 'Anyone (*)', evaluatedAs: as, note: `Anyone; evaluated as a role of the key's account that the policy does not name (${as}). Other accounts: see "Any other principal".` };
  }
  if (type === 'Service') return { subject: v, label: `Service ${v}`, evaluatedAs: v };
  const root = ACCOUNT_ID.test(v) ? v : /^arn:[^:]+:iam::(\d{12}):root$/.exec(v)?.[1];
  if (root) {
    const as = unnamedRole(root, named);
    return { subject: `arn:aws:iam::${root}:root`, label: `Account ${root} (IAM policies decide)`, evaluatedAs: as, note: `The principals of account ${root}; evaluated as a role the policy does not name (${as}).` };
  }
  const unresolved = UNRESOLVED_ROOT.exec(v)?.[1];
  if (unresolved) {
    // Its own row, labelled by the expression as written (issue 17); evaluated as the principal it names, which no concrete request matches.
    return { subject: v, label: `Account ${unresolved} (unresolved reference)`, evaluatedAs: v, note: `An account given by a reference that cannot be resolved offline (${unresolved}), evaluated as written (its root user); check the deployed policy once the account is known.` };
  }
  const m = /^arn:[^:]+:(?:iam|sts)::(\d{12}):(role|user|assumed-role)\/(.*)$/.exec(v);
  if (m) {
    const kind = m[2] === 'role' ? 'Role' : m[2] === 'user' ? 'User' : 'Session';
    return { subject: v, label: `${kind} ${m[3]!.split('/').pop()} (account ${m[1]})`, evaluatedAs: v };
  }
  return { subject: v, label: `${type} ${v}`, evaluatedAs: v };
}

/** The grantee and retiring principal of a grant, as principal values (type, value) of rows. */
export interface GrantPrincipals {
  readonly grantee: string;
  readonly retiringPrincipal?: string;
}

const SERVICE_PRINCIPAL = /\.amazonaws\.com(\.cn)?$/i;

/**
 * Key policy rows: every principal named, then every grantee and retiring principal of
 * the grants not already named (SPEC 2.6), then "any other principal" (an unnamed
 * principal of an unnamed account).
 */
export function keyPolicyRows(doc: PolicyDocument, grants: readonly GrantPrincipals[] = [], keyAccount: string = keyPolicyAccount(doc)): RowSubject[] {
  const seen = new Map<string, RowSubject>();
  const fromGrants: Array<[string, string]> = grants.flatMap((g) => [g.grantee, ...(g.retiringPrincipal !== undefined ? [g.retiringPrincipal] : [])].map((v): [string, string] => [SERVICE_PRINCIPAL.test(v) ? 'Service' : 'AWS', v]));
  const values = [...principalValues(doc), ...fromGrants];
  const named = new Set(values.map(([, v]) => v));
  for (const [type, v] of values) {
    const row = describePrincipal(type, v, keyAccount, named);
    if (!seen.has(row.subject)) seen.set(row.subject, row);
  }
  const other = spareAccount(accountsNamed(values.map(([, v]) => v)));
  return [
    ...seen.values(),
    {
      subject: ANY_OTHER_PRINCIPAL,
      label: 'Any other principal',
      evaluatedAs: `arn:aws:iam::${other}:role/AnyOtherPrincipal`,
      note: `A principal the policy does not name, in an account it does not name (evaluated as arn:aws:iam::${other}:role/AnyOtherPrincipal).`,
    },
  ];
}

/** A concrete key ARN that a resource pattern matches, to stand for the pattern. */
export function instantiatePattern(pattern: string): string {
  if (pattern === '*') return `arn:aws:kms:us-west-2:${EXAMPLE_ACCOUNT}:key/${EXAMPLE_KEY_ID}`;
  const seg = splitArn(pattern);
  if (!seg) return pattern.replace(/\*/g, '').replace(/\?/g, 'x');
  const fill = (s: string, whole: string) => (s === '*' ? whole : s.replace(/\*/g, '').replace(/\?/g, '0'));
  const resource = seg[5] === '*' || seg[5] === 'key*' ? `key/${EXAMPLE_KEY_ID}` : seg[5]!.replace(/^key\/\*$/, `key/${EXAMPLE_KEY_ID}`);
  return [
    fill(seg[0]!, 'arn'),
    fill(seg[1]!, 'aws'),
    fill(seg[2]!, 'kms'),
    fill(seg[3]!, 'us-west-2'),
    fill(seg[4]!, EXAMPLE_ACCOUNT),
    resource.replace(/\*/g, '').replace(/\?/g, '0'),
  ].join(':');
}

/** Identity policy rows: every resource pattern named, then "keys in other accounts". */
export function identityRows(doc: PolicyDocument): RowSubject[] {
  const seen = new Map<string, RowSubject>();
  const patterns: string[] = [];
  for (const s of doc.statements) for (const r of [...(s.resource ?? []), ...(s.notResource ?? [])]) patterns.push(r);
  for (const p of patterns) {
    if (seen.has(p)) continue;
    const label = p === '*' ? 'Every key (*)' : p.trim() === '' ? `(empty resource ${JSON.stringify(p)})` : p;
    seen.set(p, { subject: p, label, evaluatedAs: instantiatePattern(p) });
  }
  const other = spareAccount(accountsNamed(patterns));
  return [
    ...seen.values(),
    {
      subject: OTHER_ACCOUNT_KEYS,
      label: 'Keys in other accounts',
      evaluatedAs: `arn:aws:kms:us-west-2:${other}:key/${EXAMPLE_KEY_ID}`,
      note: `A key in an account the policy does not name (evaluated as arn:aws:kms:us-west-2:${other}:key/${EXAMPLE_KEY_ID}).`,
    },
  ];
}

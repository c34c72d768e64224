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
  /** Key policy: the request principal of the row. Identity policy: the concrete key ARN of the row. */
  readonly probe: string;
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

/** The account that owns the key a key policy is attached to: the first account named, else the example account. */
export function keyPolicyAccount(doc: PolicyDocument): string {
  for (const [, v] of principalValues(doc)) {
    const [a] = accountsNamed([v]);
    if (a) return a;
  }
  return EXAMPLE_ACCOUNT;
}

function describePrincipal(type: string, v: string): RowSubject {
  if (v === '*') return { subject: '*', label: 'Anyone (*)', probe: '*' };
  if (type === 'Service') return { subject: v, label: `Service ${v}`, probe: v };
  const root = ACCOUNT_ID.test(v) ? v : /^arn:[^:]+:iam::(\d{12}):root$/.exec(v)?.[1];
  if (root) return { subject: `arn:aws:iam::${root}:root`, label: `Account ${root} (IAM policies decide)`, probe: `arn:aws:iam::${root}:root` };
  const m = /^arn:[^:]+:(?:iam|sts)::(\d{12}):(role|user|assumed-role)\/(.*)$/.exec(v);
  if (m) {
    const kind = m[2] === 'role' ? 'Role' : m[2] === 'user' ? 'User' : 'Session';
    return { subject: v, label: `${kind} ${m[3]!.split('/').pop()} (account ${m[1]})`, probe: v };
  }
  return { subject: v, label: `${type} ${v}`, probe: v };
}

/** Key policy rows: every principal named, then "any other principal" (an unnamed principal of an unnamed account). */
export function keyPolicyRows(doc: PolicyDocument): RowSubject[] {
  const seen = new Map<string, RowSubject>();
  for (const [type, v] of principalValues(doc)) {
    const row = describePrincipal(type, v);
    if (!seen.has(row.subject)) seen.set(row.subject, row);
  }
  const other = spareAccount(accountsNamed(principalValues(doc).map(([, v]) => v)));
  return [
    ...seen.values(),
    {
      subject: ANY_OTHER_PRINCIPAL,
      label: 'Any other principal',
      probe: `arn:aws:iam::${other}:role/AnyOtherPrincipal`,
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
    seen.set(p, { subject: p, label, probe: instantiatePattern(p) });
  }
  const other = spareAccount(accountsNamed(patterns));
  return [
    ...seen.values(),
    {
      subject: OTHER_ACCOUNT_KEYS,
      label: 'Keys in other accounts',
      probe: `arn:aws:kms:us-west-2:${other}:key/${EXAMPLE_KEY_ID}`,
      note: `A key in an account the policy does not name (evaluated as arn:aws:kms:us-west-2:${other}:key/${EXAMPLE_KEY_ID}).`,
    },
  ];
}

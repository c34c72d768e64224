import type { PolicyDocument, Statement } from '../policy/model.js';
import { coveredKmsActions } from './match.js';
import { keyAccountOf, statementPrincipals, type ClassifiedPrincipal } from './principals.js';

/** Why a key policy may leave nobody able to change it (KMS_LOCKOUT_RISK), or null when it is safe. */
export interface LockoutRisk {
  readonly reason: 'nobody' | 'other-account' | 'denied' | 'conditional';
  readonly message: string;
  /** Statement behind the risk (the shadowing Deny or the conditional Allow), when there is one. */
  readonly statement: number | null;
}

function coversPutKeyPolicy(s: Statement): boolean {
  return coveredKmsActions(s.action, s.notAction).some((a) => a.id === 'kms:PutKeyPolicy');
}

/** A Deny principal p covers q: same principal, anyone, or q's whole account. */
export function denies(d: ClassifiedPrincipal, q: ClassifiedPrincipal): boolean {
  return d.kind === 'anyone' || d.value === q.value || (d.kind === 'account' && d.account !== null && d.account === q.account);
}

/**
 * The unconditional Denies of PutKeyPolicy, indexed by whom they name, so that finding the
 * first one that shadows a principal costs a few lookups rather than a scan of the policy.
 * A conditional Deny leaves the grant usable when its condition fails (e.g. "deny unless
 * the caller is the admin role"), so it does not count.
 */
export function shadowingDenyFinder(doc: PolicyDocument): (p: ClassifiedPrincipal) => Statement | undefined {
  const anyone: Statement[] = [];
  const byValue = new Map<string, Statement[]>();
  const byAccount = new Map<string, Statement[]>();
  const except: { d: Statement; spared: Set<string> }[] = [];
  const push = (m: Map<string, Statement[]>, k: string, d: Statement) => {
    const list = m.get(k);
    if (!list) m.set(k, [d]);
    else if (list[list.length - 1] !== d) list.push(d);
  };
  for (const d of doc.statements) {
    if (d.effect !== 'Deny' || d.conditions.length > 0 || !coversPutKeyPolicy(d)) continue;
    if (d.notPrincipal) {
      except.push({ d, spared: new Set(Object.values(d.notPrincipal.values).flat()) });
      continue;
    }
    for (const x of statementPrincipals(d)) {
      if (x.kind === 'anyone') anyone.push(d);
      push(byValue, x.value, d);
      if (x.kind === 'account' && x.account !== null) push(byAccount, x.account, d);
    }
  }
  return (p) => {
    // The first in document order among the candidates, as a scan of every statement finds it.
    const first = (list: readonly Statement[] | undefined) => list?.[0];
    const found = [first(anyone), first(byValue.get(p.value)), p.account === null ? undefined : first(byAccount.get(p.account)), except.find((e) => !e.spared.has(p.value))?.d];
    let best: Statement | undefined;
    for (const d of found) if (d && (!best || d.index < best.index)) best = d;
    return best;
  };
}

/**
 * Decides, on the policy model, whether some principal of the key's account
 * can call kms:PutKeyPolicy unconditionally (the account root counts: its
 * administrators get the permission through IAM). Without one, the key policy
 * can never be changed again without AWS Support.
 * https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-root-enable-iam
 */
export function lockoutRisk(doc: PolicyDocument, keyAccount: string | null = keyAccountOf(doc)): LockoutRisk | null {
  let denied: { p: ClassifiedPrincipal; by: Statement } | undefined;
  let conditional: { p: ClassifiedPrincipal; s: Statement } | undefined;
  const foreign: string[] = [];
  const shadowingDeny = shadowingDenyFinder(doc);
  for (const s of doc.statements) {
    if (s.effect !== 'Allow' || !coversPutKeyPolicy(s)) continue;
    for (const p of statementPrincipals(s)) {
      if (p.kind === 'service' || p.kind === 'invalid' || p.kind === 'group') continue;
      const sameAccount = p.kind === 'anyone' || keyAccount === null || p.account === keyAccount;
      if (!sameAccount) {
        foreign.push(p.value);
        continue;
      }
      const deny = shadowingDeny(p);
      if (deny) denied ??= { p, by: deny };
      else if (s.conditions.length > 0) conditional ??= { p, s };
      else return null;
    }
  }
  if (denied) {
    return { reason: 'denied', statement: denied.by.index, message: `kms:PutKeyPolicy is allowed to ${denied.p.value}, but statement ${denied.by.index} denies it: nobody in the key's account could change this key policy` };
  }
  if (conditional) {
    return { reason: 'conditional', statement: conditional.s.index, message: `Only a conditional grant (statement ${conditional.s.index}) lets ${conditional.p.value} call kms:PutKeyPolicy: when its condition does not hold, nobody could change this key policy` };
  }
  if (foreign.length > 0) {
    return { reason: 'other-account', statement: null, message: `Only principals of other accounts (${[...new Set(foreign)].join(', ')}) are allowed kms:PutKeyPolicy, and KMS never allows it across accounts: nobody could change this key policy` };
  }
  return { reason: 'nobody', statement: null, message: 'No statement allows any principal to call kms:PutKeyPolicy: once this policy is set, nobody could change it' };
}

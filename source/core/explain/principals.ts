import { childPointer } from '../policy/json-pointer.js';
import type { PolicyKind, Statement } from '../policy/model.js';
import { classifyPrincipal, type ClassifiedPrincipal } from '../lint/principals.js';
import type { ExplanationPart } from './types.js';

/**
 * How a principal is named: in Principal or NotPrincipal, of an Allow or a Deny. The
 * account principal delegates to IAM only in an Allow's Principal; in a Deny's Principal it
 * covers every principal of the account; in a Deny's NotPrincipal it exempts only the
 * account principal itself, and a role session is matched by its session ARN.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
 * https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
 */
export type PrincipalRole = 'allow' | 'deny' | 'allow-except' | 'deny-except';

/** One principal in words, e.g. "the IAM role KMSAdminRole in account 111122223333". */
export function describePrincipal(p: ClassifiedPrincipal, keyAccount: string | null, role: PrincipalRole = 'allow'): string {
  const other = keyAccount !== null && p.account !== null && p.account !== keyAccount ? ' (another account)' : '';
  const name = plainName(p, other);
  if (role === 'allow-except') return `${name}: not allowed by this statement`;
  if (role === 'deny-except') {
    if (p.kind === 'account') return `account ${p.account}${other}: the account principal (its root user) is exempt from this Deny; its roles and users are not, unless named too`;
    if (p.kind === 'role') return `${name}: exempt from this Deny as the role itself; a caller using the role is matched by its session ARN (arn:aws:sts::${p.account}:assumed-role/${p.name}/SESSION), which must be named too`;
    return `${name}: exempt from this Deny`;
  }
  if (p.kind === 'account') {
    return role === 'deny'
      ? `account ${p.account}${other}: every principal in account ${p.account} (its root user, roles, users and their sessions)`
      : // The account principal is a delegation: IAM policies of that account decide (and its root user).
        `account ${p.account}${other}: lets IAM policies in account ${p.account} grant this (the account's root user included)`;
  }
  return name;
}

function plainName(p: ClassifiedPrincipal, other: string): string {
  switch (p.kind) {
    case 'anyone':
      return 'anyone: every AWS principal in every account';
    case 'account':
      return `account ${p.account}${other}`;
    case 'role':
      return `the IAM role ${p.name} in account ${p.account}${other}`;
    case 'user':
      return `the IAM user ${p.name} in account ${p.account}${other}`;
    case 'assumed-role':
    {
      const [role, ...session] = (p.name ?? '').split('/');
      return session.length > 0
        ? `the session ${session.join('/')} of the assumed role ${role} in account ${p.account}${other}`
        : `sessions of the role ${role} in account ${p.account}${other}`;
    }
    case 'federated-user':
      return `the federated user ${p.name} in account ${p.account}${other}`;
    case 'service':
      return `the AWS service ${p.value}`;
    case 'federated':
      return `users federated through ${p.value}`;
    case 'canonical-user':
      return `the canonical user ${p.value.slice(0, 12)}...`;
    case 'group':
      return `the IAM group ${p.name} (not allowed: groups cannot be principals)`;
    default:
      return `"${p.value}" (not a valid principal)`;
  }
}

function roleOf(s: Statement, name: 'Principal' | 'NotPrincipal'): PrincipalRole {
  const deny = s.effect === 'Deny';
  if (name === 'NotPrincipal') return deny ? 'deny-except' : 'allow-except';
  return deny ? 'deny' : 'allow';
}

function listPrincipals(s: Statement, name: 'Principal' | 'NotPrincipal', keyAccount: string | null): ExplanationPart[] {
  const el = name === 'Principal' ? s.principal : s.notPrincipal;
  const base = childPointer(s.pointer, name);
  if (!el) return [];
  const role = roleOf(s, name);
  if (el.wildcard) return [{ kind: 'principal', text: describePrincipal(classifyPrincipal('AWS', '*'), keyAccount, role), path: base }];
  const parts: ExplanationPart[] = [];
  for (const [type, values] of Object.entries(el.values)) {
    const multiple = Array.isArray((el.raw as Record<string, unknown>)[type]);
    values.forEach((v, i) => {
      const path = multiple ? childPointer(childPointer(base, type), i) : childPointer(base, type);
      parts.push({ kind: 'principal', text: describePrincipal(classifyPrincipal(type, v), keyAccount, role), path });
    });
  }
  return parts;
}

/** "Who" of a statement: principals of a key policy, or the attached identities of an IAM policy. */
export function explainWho(s: Statement, kind: PolicyKind, keyAccount: string | null): ExplanationPart {
  if (kind === 'identity') {
    return { kind: 'principal', text: 'Who: the IAM users, groups and roles this policy is attached to', path: s.pointer };
  }
  if (!s.principal && !s.notPrincipal) {
    return { kind: 'principal', text: 'Who: nobody named (a key policy statement needs a Principal; AWS rejects it without one)', path: s.pointer };
  }
  if (s.notPrincipal) {
    const except = listPrincipals(s, 'NotPrincipal', keyAccount);
    return { kind: 'principal', text: `Who: every principal except ${except.length === 1 ? 'the one' : `the ${except.length}`} named (NotPrincipal), including principals of other accounts`, path: childPointer(s.pointer, 'NotPrincipal'), children: except };
  }
  const children = listPrincipals(s, 'Principal', keyAccount);
  if (children.length === 1) return { ...children[0]!, text: `Who: ${children[0]!.text}` };
  return { kind: 'principal', text: `Who: ${children.length} principals`, path: childPointer(s.pointer, 'Principal'), children };
}

/** A few words for the one-sentence summary: "account 111122223333 (through its IAM policies)", "anyone", "3 principals". */
export function shortWho(s: Statement, kind: PolicyKind, keyAccount: string | null): string {
  if (kind === 'identity') return 'the identities this policy is attached to';
  if (s.notPrincipal) return 'every principal except those named';
  const el = s.principal;
  if (!el) return 'nobody named';
  if (el.wildcard) return 'anyone';
  const all = Object.entries(el.values).flatMap(([type, values]) => values.map((v) => classifyPrincipal(type, v)));
  if (all.length !== 1) return `${all.length} principals`;
  const p = all[0]!;
  if (p.kind === 'account') return s.effect === 'Deny' ? `every principal in account ${p.account}` : `account ${p.account} (through its IAM policies)`;
  if (p.kind === 'anyone') return 'anyone';
  return describePrincipal(p, keyAccount, roleOf(s, 'Principal'));
}

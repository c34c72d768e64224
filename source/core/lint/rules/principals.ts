import { childPointer } from '../../policy/json-pointer.js';
import type { Statement } from '../../policy/model.js';
import type { LintContext } from '../context.js';
import { isAllow, principalValues, quote } from '../context.js';
import { CALLER_PINNING_KEYS, clausePinsCallers } from '../caller-pins.js';
import { classifyPrincipal, isValidAccountId, rawStatement, statementPrincipals } from '../principals.js';

/** Keys that tie a service principal's use of the key to one customer's resources (confused deputy). */
function limitsService(key: string): boolean {
  const k = key.toLowerCase();
  return k === 'aws:sourcearn' || k === 'aws:sourceaccount' || k === 'aws:sourceorgid' || k === 'aws:sourceorgpaths' || k === 'kms:calleraccount' || k.startsWith('kms:encryptioncontext:');
}

const NEGATED = /Not|^Null$/;

/** True when some positive (non-negated) condition of the statement uses a key accepted by `accept`. */
export function hasPositiveCondition(s: Statement, accept: (key: string) => boolean): boolean {
  return s.conditions.some((c) => !NEGATED.test(c.baseOperator) && accept(c.key));
}

/** Keys present in every authenticated request, so ...IfExists on them still limits. */
const ALWAYS_PRESENT = new Set(['kms:calleraccount', 'aws:principalaccount', 'aws:principalarn', 'aws:userid']);

/**
 * Like hasPositiveCondition, but an ...IfExists clause only counts on a key every
 * request carries: "StringEqualsIfExists": {"aws:SourceAccount": ...} passes every
 * direct call (no aws:SourceAccount), so it limits nobody.
 */
function limitsCallers(s: Statement, accept: (key: string) => boolean): boolean {
  return s.conditions.some((c) => !NEGATED.test(c.baseOperator) && accept(c.key) && (!c.ifExists || ALWAYS_PRESENT.has(c.key.toLowerCase())));
}

const SERVICE_NAME = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/;

/** Principal syntax, account ids, public and NotPrincipal grants, service principals. */
export function principalRules(ctx: LintContext): void {
  for (const s of ctx.doc.statements) {
    const r = rawStatement(s);
    for (const name of ['Principal', 'NotPrincipal'] as const) {
      if (!Object.hasOwn(r, name)) continue;
      const raw = r[name];
      const at = childPointer(s.pointer, name);
      if (typeof raw === 'string' && raw !== '*') {
        ctx.report('INVALID_PRINCIPAL', at, `${name} ${quote(raw)} must be "*" or an object such as {"AWS": "${raw}"}`, `Write {"AWS": ${quote(raw)}}.`);
        continue;
      }
      if (typeof raw !== 'string' && (typeof raw !== 'object' || raw === null || Array.isArray(raw))) {
        ctx.report('INVALID_PRINCIPAL', at, `${name} must be "*" or an object of principal types, not ${quote(raw)}`);
        continue;
      }
      for (const { type, value, pointer } of principalValues(s, name)) checkPrincipal(ctx, type, value, pointer);
    }
    if (!isAllow(s)) continue;
    if (Object.hasOwn(r, 'NotPrincipal')) {
      ctx.report('ALLOW_WITH_NOT_PRINCIPAL', childPointer(s.pointer, 'NotPrincipal'), `Statement ${s.index} allows every principal except the ones named, including other accounts and anonymous callers`);
    }
    const principals = statementPrincipals(s);
    // The condition's operator and values decide, not only its key (see caller-pins.ts).
    if (principals.some((p) => p.kind === 'anyone') && !s.conditions.some(clausePinsCallers)) {
      const loose = s.conditions.find((c) => CALLER_PINNING_KEYS.has(c.key.toLowerCase()));
      const why = loose ? `: "${loose.operator}" on ${loose.key} does not pin the caller to specific accounts or organizations` : '';
      ctx.report('PUBLIC_PRINCIPAL', childPointer(s.pointer, 'Principal'), `Statement ${s.index} allows any principal in any AWS account${why}`, 'Add a condition such as "StringEquals": {"kms:CallerAccount": "111122223333"} or aws:PrincipalOrgID, or name the principals.');
    }
    const service = principals.find((p) => p.kind === 'service');
    if (service && !limitsCallers(s, limitsService)) {
      ctx.report('SERVICE_PRINCIPAL_UNRESTRICTED', childPointer(s.pointer, 'Principal'), `${service.value} may use the key on behalf of any AWS customer: nothing ties it to your account or resources`, 'Add "StringEquals": {"aws:SourceAccount": "ACCOUNT"} or an "ArnLike": {"aws:SourceArn": ...} condition.');
    }
  }
}

function checkPrincipal(ctx: LintContext, type: string, value: unknown, pointer: string): void {
  if (typeof value !== 'string') {
    ctx.report('INVALID_PRINCIPAL', pointer, `A ${type} principal must be a string, not ${quote(value)}`);
    return;
  }
  if (value === '') return;
  const p = classifyPrincipal(type, value);
  if (!['AWS', 'Service', 'Federated', 'CanonicalUser'].includes(type)) {
    ctx.report('INVALID_PRINCIPAL', pointer, `"${type}" is not a principal type (AWS, Service, Federated or CanonicalUser)`);
    return;
  }
  if (type === 'AWS') {
    if (value !== '*' && value.includes('*')) {
      ctx.report('INVALID_PRINCIPAL', pointer, `"${value}": a wildcard inside a principal ARN is not allowed`, 'Use "*" with a condition such as aws:PrincipalArn (ArnLike) to match principals by pattern.');
      return;
    }
    if (p.kind === 'group') {
      ctx.report('INVALID_PRINCIPAL', pointer, `"${value}" is an IAM group; groups cannot be principals`, 'Name the account root and grant the group access with an IAM policy, or name roles or users.');
      return;
    }
    if (p.account !== null && !isValidAccountId(p.account)) {
      ctx.report('INVALID_ACCOUNT_ID', pointer, `The account "${p.account}" in "${value}" is not 12 digits (it has ${p.account.length})`, 'Use the 12-digit account id, e.g. 111122223333.');
      return;
    }
    if (p.kind === 'invalid') ctx.report('INVALID_PRINCIPAL', pointer, `"${value}" is not an account id, account root, role, user or assumed-role session ARN`);
    return;
  }
  if (type === 'Service' && !SERVICE_NAME.test(value)) {
    ctx.report('INVALID_PRINCIPAL', pointer, `"${value}" is not a service principal name such as "cloudtrail.amazonaws.com"`);
  }
  if (type === 'CanonicalUser' && !/^[0-9a-f]{64}$/i.test(value)) {
    ctx.report('INVALID_PRINCIPAL', pointer, `"${value}" is not a canonical user id (64 hex digits)`);
  }
}

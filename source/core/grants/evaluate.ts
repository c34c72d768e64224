/**
 * How one grant applies to one request, shared by `authorize` (and its trace) and the
 * matrix, so the two cannot disagree. After the KMS developer guide:
 * - grants.html: "the grant allows the grantee principal to call the specified grant
 *   operations on the KMS key provided that all conditions specified in the grant are met";
 *   "Each grant allows access to exactly one KMS key"; "A grant can allow access to a KMS
 *   key, but not deny access".
 * - grant-delete.html: a grant can be retired by its retiring principal, by the grantee if
 *   the grant includes RetireGrant, and by the AWS account in which the grant was created.
 * - API_GrantConstraints.html: EncryptionContextEquals: "the encryption context in the
 *   request is the same as the encryption context specified in this constraint";
 *   EncryptionContextSubset: the request "includes the key-value pairs specified in this
 *   constraint, although it can include additional key-value pairs"; "in a grant
 *   constraint, the key in each key-value pair is not case sensitive, but the value is
 *   case sensitive".
 * The constraints become IAM condition clauses on the request's encryption context
 * (kms:EncryptionContext:KEY StringEquals VALUE, and for Equals no other key:
 * ForAllValues:StringEqualsIgnoreCase on kms:EncryptionContextKeys), evaluated by the
 * same clauseHolds as policy conditions: request keys are matched case-insensitively,
 * values exactly, which is the constraint's rule.
 */
import type { ConditionClause } from '../policy/model.js';
import { clauseHolds, type NormalizedContext } from '../evaluate/conditions.js';
import { matchPrincipalElement, type RequestPrincipal } from '../evaluate/principal.js';
import { CONTEXT_OPERATIONS, type Grant } from './model.js';

const CONTEXT_PREFIX = 'kms:encryptioncontext:';
const CONTEXT_KEYS = 'kms:encryptioncontextkeys';

const clause = (operator: string, baseOperator: string, key: string, values: readonly string[], qualifier: ConditionClause['qualifier'] = null): ConditionClause => ({
  operator,
  baseOperator,
  qualifier,
  ifExists: false,
  key,
  values,
  pointer: '',
});

/** The conditions a grant puts on a request for one operation ("Decrypt"); empty when its constraints do not apply to it. */
export function grantClauses(grant: Grant, operation: string): readonly ConditionClause[] {
  if (!CONTEXT_OPERATIONS.has(operation)) return [];
  const out: ConditionClause[] = [];
  const equals = grant.constraints?.encryptionContextEquals ?? {};
  const subset = grant.constraints?.encryptionContextSubset ?? {};
  for (const [k, v] of Object.entries(subset)) out.push(clause('StringEquals', 'StringEquals', `kms:EncryptionContext:${k}`, [v]));
  const keys = Object.keys(equals);
  if (keys.length > 0) {
    for (const [k, v] of Object.entries(equals)) out.push(clause('StringEquals', 'StringEquals', `kms:EncryptionContext:${k}`, [v]));
    out.push(clause('ForAllValues:StringEqualsIgnoreCase', 'StringEqualsIgnoreCase', 'kms:EncryptionContextKeys', keys, 'ForAllValues'));
  }
  return out;
}

/**
 * The context a grant is checked against: the request's, with kms:EncryptionContextKeys
 * taken from its kms:EncryptionContext:KEY pairs when the request does not give it (AWS
 * sets both from the one encryption context of the request).
 */
export function grantContext(context: NormalizedContext): NormalizedContext {
  if (context.has(CONTEXT_KEYS)) return context;
  const keys: string[] = [];
  for (const k of context.keys()) if (k.startsWith(CONTEXT_PREFIX) && k.length > CONTEXT_PREFIX.length) keys.push(k.slice(CONTEXT_PREFIX.length));
  if (keys.length === 0) return context;
  return new Map([...context, [CONTEXT_KEYS, keys]]);
}

const SERVICE = /\.amazonaws\.com(\.cn)?$/i;

/**
 * Whether a principal value of a grant (grantee or retiring principal) names the request
 * principal. An account (arn:aws:iam::ACCT:root) "can represent one or more identities"
 * (grants.html): it is taken to cover every principal of that account, the reading that
 * shows the key's owner the most access; a role covers its sessions.
 */
export function grantPrincipalCovers(value: string, p: RequestPrincipal): boolean {
  if (SERVICE.test(value)) return p.kind === 'service' && value.toLowerCase() === p.raw.toLowerCase();
  if (value === '*') return false;
  return matchPrincipalElement({ wildcard: false, values: { AWS: [value] }, raw: value }, p) !== null;
}

const KEY_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}/i;

/**
 * Whether a grant is one of this key's. A key id is unique, so the key ids are compared
 * (a grant's KeyId is the key ARN in list-grants, often a key id or a reference in
 * Terraform); a KeyId that holds no key id (an unresolved `aws_kms_key.x.key_id`) is
 * taken to be the key's, as the grants file is given with the key.
 */
export function grantCoversKey(grant: Grant, keyArn: string): boolean {
  const mine = KEY_ID.exec(grant.keyId)?.[0];
  if (mine === undefined) return true;
  const theirs = KEY_ID.exec(keyArn)?.[0];
  return theirs !== undefined && theirs.toLowerCase() === mine.toLowerCase();
}

/** The key id a grant names, if any (the matrix evaluates its rows on that key). */
export function grantKeyId(grant: Grant): string | undefined {
  return KEY_ID.exec(grant.keyId)?.[0];
}

/** How a grant reaches a principal for an operation: as its grantee, as its retiring principal / issuing account (RetireGrant), or not. */
export type GrantReach = 'grantee' | 'retiring' | null;

function issuingAccountRoot(grant: Grant, p: RequestPrincipal): boolean {
  const account = /^(?:arn:[^:]+:iam::)?(\d{12})(?::root)?$/.exec(grant.issuingAccount ?? '')?.[1];
  return account !== undefined && p.kind === 'root' && p.account === account;
}

export function grantReach(grant: Grant, operation: string, p: RequestPrincipal): GrantReach {
  if (grant.operations.includes(operation) && grantPrincipalCovers(grant.grantee, p)) return 'grantee';
  if (operation === 'RetireGrant' && ((grant.retiringPrincipal !== undefined && grantPrincipalCovers(grant.retiringPrincipal, p)) || issuingAccountRoot(grant, p))) return 'retiring';
  return null;
}

/** What kept a grant from allowing a request (SPEC 2.1 --trace), or null when it allows it. */
export type GrantMiss = 'KeyId' | 'Operations' | 'GranteePrincipal' | ConditionClause;

/** One grant against one request: the one matching path of authorize, its trace and (through grantReach/grantClauses) the matrix. */
export function grantMiss(grant: Grant, operation: string, keyArn: string, p: RequestPrincipal, context: NormalizedContext): GrantMiss | null {
  if (!grantCoversKey(grant, keyArn)) return 'KeyId';
  const reach = grantReach(grant, operation, p);
  if (reach === null) {
    const retiring = operation === 'RetireGrant' && grant.retiringPrincipal !== undefined;
    return grant.operations.includes(operation) || retiring ? 'GranteePrincipal' : 'Operations';
  }
  // The retiring principal's RetireGrant is not an operation of the grant: its constraints do not apply.
  if (reach === 'retiring') return null;
  const ctx = grantContext(context);
  for (const c of grantClauses(grant, operation)) if (!clauseHolds(c, ctx)) return c;
  return null;
}

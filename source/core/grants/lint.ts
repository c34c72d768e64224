/**
 * Lint of a key's grants (SPEC 3, `lint --grants FILE`), after the KMS developer guide:
 * - GRANT_UNCONSTRAINED_CRYPTO: an operation that takes an encryption context, granted
 *   without EncryptionContextEquals/Subset (create-grant-overview.html, "Grant constraints");
 * - GRANT_CROSS_ACCOUNT: a grantee of another account than the key's (grants.html: "You can
 *   create a grant for a KMS key in a different AWS account");
 * - GRANT_SELF_RETIRING: the grantee is its own retiring principal (grant-delete.html);
 * - GRANT_DENIED_BY_POLICY: the key policy explicitly denies the grantee an operation of the
 *   grant, for a request that meets the grant's constraints: the Deny wins
 *   (control-access.html: "...unless that permission is provided explicitly and never denied").
 * GRANT_INVALID comes from the readers.
 */
import { authorize } from '../evaluate/authorize.js';
import { EXAMPLE_KEY_ID } from '../evaluate/authorize.js';
import { parseRequestPrincipal } from '../evaluate/principal.js';
import { FINDING_RULES, type Finding, type FindingId } from '../lint/catalog.js';
import type { PolicyDocument } from '../policy/model.js';
import { grantKeyId } from './evaluate.js';
import { CONTEXT_OPERATIONS, isConstrained, type Grant } from './model.js';

const KEY_ARN = /^arn:[^:]+:kms:[^:]+:(\d{12}):key\/.+$/;

function finding(id: FindingId, g: Grant, message: string): Finding {
  return { id, severity: FINDING_RULES[id].severity, statement: null, path: g.path, line: g.position.line, column: g.position.column, message, fix: FINDING_RULES[id].fix };
}

const accountOf = (principal: string) => /^arn:[^:]+:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1] ?? (/^\d{12}$/.test(principal) ? principal : undefined);

export interface GrantLintOptions {
  /** The key policy of the key, when known: GRANT_DENIED_BY_POLICY is checked against it. */
  readonly keyPolicy?: PolicyDocument;
  /** The key's account when the grant does not say (the key policy's account). */
  readonly keyAccount?: string;
}

/** The account the grant's key is in: its key ARN, else the issuing account, else the given one. */
function keyAccountOf(g: Grant, fallback: string | undefined): string | undefined {
  return KEY_ARN.exec(g.keyId)?.[1] ?? accountOf(g.issuingAccount ?? '') ?? fallback;
}

export function lintGrants(grants: readonly Grant[], options: GrantLintOptions = {}): Finding[] {
  const out: Finding[] = [];
  for (const g of grants) {
    const crypto = g.operations.filter((o) => CONTEXT_OPERATIONS.has(o));
    if (crypto.length > 0 && !isConstrained(g)) {
      out.push(finding('GRANT_UNCONSTRAINED_CRYPTO', g, `Grant ${g.id} lets ${g.grantee} call ${crypto.join(', ')} under any encryption context`));
    }
    const keyAccount = keyAccountOf(g, options.keyAccount);
    const granteeAccount = accountOf(g.grantee);
    if (keyAccount !== undefined && granteeAccount !== undefined && granteeAccount !== keyAccount) {
      out.push(finding('GRANT_CROSS_ACCOUNT', g, `Grant ${g.id} lets ${g.grantee} (account ${granteeAccount}) use the key of account ${keyAccount}: ${g.operations.join(', ')}`));
    }
    if (g.retiringPrincipal !== undefined && g.retiringPrincipal === g.grantee) {
      out.push(finding('GRANT_SELF_RETIRING', g, `Grant ${g.id}: the grantee ${g.grantee} is also its retiring principal`));
    }
    if (options.keyPolicy) {
      const principal = parseRequestPrincipal(g.grantee);
      if (principal.kind === 'other' || principal.kind === 'anyone') continue;
      const keyArn = KEY_ARN.test(g.keyId) ? g.keyId : `arn:aws:kms:us-west-2:${keyAccount ?? options.keyAccount ?? '111122223333'}:key/${grantKeyId(g) ?? EXAMPLE_KEY_ID}`;
      // A request the grant is meant for: its constraints' pairs as the encryption context.
      const context: Record<string, string> = Object.create(null) as Record<string, string>;
      for (const [k, v] of Object.entries({ ...g.constraints?.encryptionContextSubset, ...g.constraints?.encryptionContextEquals })) context[`kms:EncryptionContext:${k}`] = v;
      const denied = g.operations.filter((op) => authorize({ action: `kms:${op}`, principal: g.grantee, resource: keyArn, context, keyPolicy: options.keyPolicy }).decision === 'explicit-deny');
      if (denied.length > 0) out.push(finding('GRANT_DENIED_BY_POLICY', g, `Grant ${g.id}: the key policy explicitly denies ${g.grantee} ${denied.join(', ')}, so the grant never allows ${denied.length === 1 ? 'it' : 'them'}`));
    }
  }
  return out;
}

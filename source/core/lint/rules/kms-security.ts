import { childPointer } from '../../policy/json-pointer.js';
import type { Statement } from '../../policy/model.js';
import { kmsAction, type KmsAction } from '../../catalog/index.js';
import type { LintContext } from '../context.js';
import { elementValues, isAllow } from '../context.js';
import { coveredKmsActions, isAllKms } from '../match.js';
import { isOtherAccount, statementPrincipals, rawStatement, type ClassifiedPrincipal } from '../principals.js';
import { hasPositiveCondition } from './principals.js';

const PERMISSION_ACTIONS = ['kms:PutKeyPolicy', 'kms:CreateGrant', 'kms:RevokeGrant', 'kms:RetireGrant'];
const MANAGEMENT_GROUPS = new Set(['Key management', 'Access control', 'Tagging', 'Aliases']);

function isKeyAccountRoot(ctx: LintContext, p: ClassifiedPrincipal): boolean {
  return p.kind === 'account' && ctx.keyAccount !== null && p.account === ctx.keyAccount;
}

/** Principals of an Allow statement other than the key's own account root (which only delegates to IAM). */
function beyondAccount(ctx: LintContext, s: Statement): ClassifiedPrincipal[] {
  return statementPrincipals(s).filter((p) => !isKeyAccountRoot(ctx, p));
}

function explicitActionPointer(s: Statement, id: string): string | undefined {
  return elementValues(s, 'Action').find((v) => typeof v.value === 'string' && v.value.toLowerCase() === id.toLowerCase())?.pointer;
}

function names(list: readonly KmsAction[], max = 4): string {
  return list.slice(0, max).map((a) => a.name).join(', ') + (list.length > max ? ` and ${list.length - max} more` : '');
}

/**
 * Conditions that limit what grants a principal can create: only for AWS resources, only
 * through a service, or only for a named grantee / set of operations.
 * https://docs.aws.amazon.com/kms/latest/developerguide/grant-authorization.html
 */
const GRANT_LIMITING_KEYS = new Set(['kms:grantisforawsresource', 'kms:viaservice', 'kms:granteeprincipal', 'kms:grantoperations', 'kms:grantconstrainttype', 'kms:retiringprincipal']);
const grantForAws = (k: string) => GRANT_LIMITING_KEYS.has(k.toLowerCase());

/** KMS-specific risks: wildcards, grants, other accounts, delegation, NotAction. */
export function kmsSecurityRules(ctx: LintContext): void {
  const r0 = (s: Statement) => rawStatement(s);
  for (const s of ctx.doc.statements) {
    if (!isAllow(s)) continue;
    if (Object.hasOwn(r0(s), 'NotAction')) {
      ctx.report('ALLOW_WITH_NOT_ACTION', childPointer(s.pointer, 'NotAction'), `Statement ${s.index} allows every action except the ones listed, including actions KMS adds later`);
    }
    const others = ctx.kind === 'key' ? beyondAccount(ctx, s) : [];
    const appliesBeyondAccount = ctx.kind === 'identity' || others.length > 0;
    const wildcard = elementValues(s, 'Action').find((v) => typeof v.value === 'string' && isAllKms(v.value));
    if (wildcard && appliesBeyondAccount) {
      const who = ctx.kind === 'key' ? others.map((p) => p.value).join(', ') : 'the identities this policy is attached to';
      // Principals of another account get only the cross-account operations (key-policy-modifying-external-accounts.html).
      const onlyForeign = ctx.kind === 'key' && ctx.keyAccount !== null && others.every((p) => isOtherAccount(p.account, ctx.keyAccount));
      const what = onlyForeign ? 'every KMS action that works across accounts: all cryptographic operations, DescribeKey and creating and revoking grants' : 'every KMS action, including PutKeyPolicy and ScheduleKeyDeletion';
      ctx.report('KMS_WILDCARD_ACTION', wildcard.pointer, `"${String(wildcard.value)}" gives ${who} ${what}`);
    }
    const createGrant = explicitActionPointer(s, 'kms:CreateGrant');
    if (createGrant && appliesBeyondAccount && !hasPositiveCondition(s, grantForAws)) {
      ctx.report('CREATE_GRANT_UNRESTRICTED', createGrant, 'kms:CreateGrant without kms:GrantIsForAWSResource lets the principal create grants for anyone, passing on its permissions', 'Add "Bool": {"kms:GrantIsForAWSResource": "true"} so that only AWS services integrated with KMS get grants.');
    }
    const covered = coveredKmsActions(s.action, s.notAction);
    if (!wildcard && appliesBeyondAccount && !hasPositiveCondition(s, grantForAws) && covered.some((a) => a.group === 'Cryptographic')) {
      const perms = PERMISSION_ACTIONS.map((id) => [id, explicitActionPointer(s, id)] as const).filter(([, p]) => p !== undefined);
      const first = perms[0];
      if (first) {
        ctx.report('PERMISSIONS_MANAGEMENT', first[1]!, `Statement ${s.index} gives key users ${perms.map(([id]) => id).join(', ')}: they can change who may use the key`);
      }
    }
    if (ctx.kind === 'key' && ctx.keyAccount) crossAccount(ctx, s, covered);
  }
  if (ctx.kind === 'key') delegation(ctx);
  describeKey(ctx);
}

/**
 * Another account can use only the operations KMS permits across accounts; a grant of any
 * other action (PutKeyPolicy, DisableKey, EnableKeyRotation, ScheduleKeyDeletion ...) has no
 * effect. What another account can really do to who uses the key is create, retire and
 * revoke grants: that is CROSS_ACCOUNT_ADMIN, unless a grant condition ties the grants to
 * AWS services or named grantees.
 * https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html
 */
function crossAccount(ctx: LintContext, s: Statement, covered: readonly KmsAction[]): void {
  // Only accounts known to differ: with the key's account (or the principal's) unresolved, nothing is known to be cross-account.
  const foreign = statementPrincipals(s).filter((p) => isOtherAccount(p.account, ctx.keyAccount));
  if (foreign.length === 0) return;
  const who = foreign.map((p) => p.value).join(', ');
  const at = childPointer(s.pointer, Object.hasOwn(rawStatement(s), 'Action') ? 'Action' : 'NotAction');
  const admin = covered.filter((a) => a.crossAccount && MANAGEMENT_GROUPS.has(a.group));
  if (admin.length > 0 && !hasPositiveCondition(s, grantForAws)) {
    ctx.report('CROSS_ACCOUNT_ADMIN', at, `${who} (another account than ${ctx.keyAccount}) gets ${names(admin)}: it can give other principals its permissions on this key through grants`);
  }
  const never = covered.filter((a) => !a.crossAccount);
  if (never.length > 0) ctx.report('NOT_CROSS_ACCOUNT_ACTION', at, `KMS never allows ${names(never)} from another account, so this does nothing for ${who}`);
}

function delegation(ctx: LintContext): void {
  const delegated = ctx.doc.statements.some((s) => isAllow(s) && statementPrincipals(s).some((p) => p.kind === 'account' && (ctx.keyAccount === null || p.account === ctx.keyAccount)));
  if (!delegated && ctx.doc.statements.length > 0) {
    ctx.report('NO_IAM_DELEGATION', '', `No statement allows the account${ctx.keyAccount ? ` ${ctx.keyAccount}` : ''} (its root), so IAM policies cannot grant access to this key`, ctx.keyAccount ? `Add {"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::${ctx.keyAccount}:root"}, "Action": "kms:*", "Resource": "*"} if IAM policies should work.` : undefined);
  }
}

const SDK_CRYPTO = new Set(['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:Sign', 'kms:Verify', 'kms:GenerateMac', 'kms:VerifyMac']);

function describeKey(ctx: LintContext): void {
  const allows = ctx.doc.statements.filter((s) => isAllow(s) && s.action !== undefined);
  const describes = allows.filter((s) => coveredKmsActions(s.action, s.notAction).some((a) => a.id === 'kms:DescribeKey'));
  // Who is allowed DescribeKey, as a set: one lookup per statement instead of a scan of every describing statement.
  const describers = new Set(describes.flatMap((t) => statementPrincipals(t).map((p) => p.value)));
  const anyoneDescribes = describes.some((t) => statementPrincipals(t).some((p) => p.kind === 'anyone'));
  for (const s of allows) {
    const explicit = elementValues(s, 'Action').filter((v) => typeof v.value === 'string' && v.value.toLowerCase().startsWith('kms:') && SDK_CRYPTO.has(kmsAction(v.value)?.id ?? ''));
    if (explicit.length === 0 || s.action!.some(isAllKms)) continue;
    // Service principals call what their integration needs; AWS's documented statements for them omit DescribeKey.
    const principals = statementPrincipals(s);
    if (principals.length > 0 && principals.every((p) => p.kind === 'service')) continue;
    const ok = ctx.kind === 'identity' ? describes.length > 0 : anyoneDescribes || principals.some((p) => describers.has(p.value));
    if (!ok) ctx.report('MISSING_DESCRIBE_KEY', childPointer(s.pointer, 'Action'), `Statement ${s.index} allows cryptographic operations but not kms:DescribeKey, which many SDKs and AWS services call first`);
  }
}

import type { Statement } from '../../policy/model.js';
import { childPointer } from '../../policy/json-pointer.js';
import type { LintContext } from '../context.js';
import { elementValues, isAllow, quote } from '../context.js';
import { coveredKmsActions, hasWildcard } from '../match.js';
import { isValidAccountId, rawStatement } from '../principals.js';

const KEY_ID = /^(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** A written account field that is neither 12 digits nor a wildcard/variable. */
export function badAccountField(account: string): boolean {
  return account !== '' && !hasWildcard(account) && !account.includes('${') && !isValidAccountId(account);
}

/** Resource checks: ARN form, key policy "*", aliases, Resource "*" reach, NotResource. */
export function resourceRules(ctx: LintContext): void {
  for (const s of ctx.doc.statements) {
    const r = rawStatement(s);
    if (isAllow(s) && Object.hasOwn(r, 'NotResource')) {
      ctx.report('ALLOW_WITH_NOT_RESOURCE', childPointer(s.pointer, 'NotResource'), `Statement ${s.index} allows on every resource except the ones listed`);
    }
    const keyActions = coveredKmsActions(s.action, s.notAction).filter((a) => a.onKey);
    for (const name of ['Resource', 'NotResource'] as const) {
      for (const { value, pointer } of elementValues(s, name)) {
        if (typeof value !== 'string') {
          ctx.report('INVALID_ARN', pointer, `${name} must be a string or a list of strings, not ${quote(value)}`);
          continue;
        }
        if (value === '') continue;
        if (ctx.kind === 'key') {
          if (value !== '*') ctx.report('KEY_POLICY_RESOURCE_NOT_STAR', pointer, `In a key policy, ${name} ${quote(value)} matches nothing; "*" means this key`, `Write "${name}": "*".`);
          continue;
        }
        if (value === '*') {
          if (name === 'Resource' && isAllow(s)) starResource(ctx, s, pointer);
          continue;
        }
        checkIdentityResource(ctx, s, value, pointer, keyActions.length > 0 && name === 'Resource');
      }
    }
  }
}

/** ABAC: conditions on the key's tags or aliases choose the keys, so a key/* pattern is the documented form. */
function selectsKeysByAttribute(s: Statement): boolean {
  return s.conditions.some((c) => /^aws:resourcetag\/|^kms:resourcealiases$|^kms:requestalias$/i.test(c.key));
}

function starResource(ctx: LintContext, s: Statement, pointer: string): void {
  const reach = coveredKmsActions(s.action, s.notAction).filter((a) => a.crossAccount && (a.group === 'Cryptographic' || a.group === 'Access control'));
  if (reach.length === 0) return;
  const names = reach.slice(0, 4).map((a) => a.name).join(', ') + (reach.length > 4 ? `, and ${reach.length - 4} more` : '');
  ctx.report(
    'RESOURCE_STAR_SENSITIVE',
    pointer,
    `"Resource": "*" lets this identity use ${names} on every KMS key that allows it, including keys in other accounts`,
    'Name the key ARNs, e.g. arn:aws:kms:us-west-2:111122223333:key/<key-id>, or at least arn:aws:kms:*:ACCOUNT:key/*.',
  );
}

function checkIdentityResource(ctx: LintContext, s: Statement, value: string, pointer: string, keyActions: boolean): void {
  if (!value.startsWith('arn:')) {
    if (keyActions && (KEY_ID.test(value) || value.startsWith('alias/'))) {
      ctx.report('ALIAS_IN_IAM_RESOURCE', pointer, `"${value}" is a key id or alias name; IAM policies match KMS keys only by key ARN`);
    } else {
      ctx.report('INVALID_ARN', pointer, `"${value}" is not an ARN or "*"`);
    }
    return;
  }
  const parts = value.split(':');
  if (parts.length < 6 || !parts[1] || !parts[2] || (parts.slice(5).join(':') === '')) {
    ctx.report('INVALID_ARN', pointer, `"${value}" does not have the six parts arn:partition:service:region:account:resource`);
    return;
  }
  const account = parts[4]!;
  if (badAccountField(account)) {
    ctx.report('INVALID_ACCOUNT_ID', pointer, `The account "${account}" in ${value} is not 12 digits (it has ${account.length} characters)`);
  }
  if (parts[2] !== 'kms' || !keyActions) return;
  const resource = parts.slice(5).join(':');
  if (resource.startsWith('alias/')) {
    const onlyAlias = coveredKmsActions(s.action, s.notAction).every((a) => a.onAlias || !a.onKey);
    if (!onlyAlias) ctx.report('ALIAS_IN_IAM_RESOURCE', pointer, `${value} is an alias ARN; for key operations IAM matches only the key ARN`, 'Use the key ARN, or the kms:RequestAlias / kms:ResourceAliases condition keys to control access by alias.');
  } else if (resource.startsWith('key/') && hasWildcard(resource) && isAllow(s) && !selectsKeysByAttribute(s)) {
    ctx.report('PREFER_KEY_ARN', pointer, `${value} covers every key that matches the pattern; name the keys if you can`);
  }
}

/**
 * The trace of one request in words (SPEC 2.1 `--trace`), shared by `simulate --trace`
 * and the UI's Ask tab so both say the same thing. Every string from the policy or
 * the request is shown through visibleLine: escapes are shown, never sent.
 */
import { visibleLine } from '../text/visible.js';
import type { DecidingRule, TraceBecause } from './types.js';

export const ELEMENT_TEXT = {
  Effect: 'Effect is neither Allow nor Deny, so the statement does nothing',
  Principal: 'Principal does not name this principal',
  NotPrincipal: 'NotPrincipal names this principal',
  Action: 'Action does not list this action',
  NotAction: 'NotAction excludes this action',
  Resource: 'Resource does not name this key',
  NotResource: 'NotResource excludes this key',
  KeyId: 'the grant is for another key',
  Operations: 'the grant does not allow this operation',
  GranteePrincipal: 'the grant is for another grantee principal (and this principal is not its retiring principal)',
} as const;

const list = (values: readonly string[]) => values.map((v) => `"${visibleLine(v)}"`).join(', ');

/** Why a statement did not apply: the element, or the failed condition with its values and the request's (or "absent"). */
export function becauseText(b: TraceBecause): string {
  if (b.element !== 'Condition') return ELEMENT_TEXT[b.element];
  const actual = b.actual === null ? 'absent (the key is not in the request)' : list(b.actual);
  return `Condition ${visibleLine(b.operator)} ${visibleLine(b.key)} fails: expected ${list(b.expected)}, request: ${actual}`;
}

/** The rule of SPEC 2.1 that decided, in a sentence. */
export const RULE_TEXT: Readonly<Record<DecidingRule, string>> = {
  'explicit-deny-wins': 'an explicit Deny wins over every Allow',
  'key-policy-direct': 'the key policy allowed the principal directly',
  'delegation-needs-iam': 'the key policy delegates to IAM: an IAM policy of the principal must allow too',
  'cross-account-needs-both': 'the principal is in another account: the key policy and an IAM policy must both allow',
  'alias-needs-iam': 'alias operations need permission on the alias, which only an IAM policy gives',
  'iam-only-action': 'this action is not authorized on a key: only IAM policies decide it',
  'key-policy-unknown': 'the key policy was not given: only the IAM policies were checked, and the key policy must also allow',
  'not-cross-account-action': 'KMS does not allow this action on a key in another account',
  'key-policy-does-not-allow': 'no key policy statement allows this principal, so nothing allows the request',
  'grant-allows': 'a grant allows it (a grant needs no IAM policy), and no explicit Deny applies',
};

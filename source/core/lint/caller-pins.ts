import type { ConditionClause } from '../policy/model.js';

/**
 * Whether a condition clause pins the caller to specific accounts or organizations,
 * judged by its operator and its values, not only by its key (PUBLIC_PRINCIPAL, SPEC 3).
 *
 * - "*" with `StringLike kms:CallerAccount "*"` or `ArnLike aws:PrincipalArn
 *   arn:aws:iam::*:role/app-*` still admits every account: a wildcard in the account part
 *   limits nobody (reference_policies_elements_condition_operators.html: String and ARN
 *   operators; ArnEquals and ArnLike both match each ARN field with wildcards).
 * - `ForAllValues:` is true when the key is absent, e.g. aws:PrincipalOrgPaths for a caller
 *   outside any organization (reference_policies_condition-single-vs-multi-valued-context-keys.html).
 * - `...IfExists` passes when the key is absent; negated operators match everyone the
 *   values do not name; Null only tests presence. None of these pins the caller.
 * - A policy variable such as "${aws:PrincipalAccount}" is the caller's own value: always true.
 *
 * https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-caller-account
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */

type KeyShape = 'account' | 'org-id' | 'org-paths' | 'arn' | 'userid';

const CALLER_KEYS: Readonly<Record<string, KeyShape>> = {
  'kms:calleraccount': 'account',
  'aws:principalaccount': 'account',
  'aws:sourceaccount': 'account',
  'aws:principalorgid': 'org-id',
  'aws:sourceorgid': 'org-id',
  'aws:principalorgpaths': 'org-paths',
  'aws:sourceorgpaths': 'org-paths',
  'aws:principalarn': 'arn',
  'aws:sourcearn': 'arn',
  // Unique ids are global ("AROA...:session", "AIDA...", or the account id for the root user).
  'aws:userid': 'userid',
};

/** The keys a caller-pinning condition can use (the keys of CALLER_KEYS, lower case). */
export const CALLER_PINNING_KEYS: ReadonlySet<string> = new Set(Object.keys(CALLER_KEYS));

const LITERAL_OPERATORS = new Set(['StringEquals', 'StringEqualsIgnoreCase']);
const LIKE_OPERATORS = new Set(['StringLike']);
const ARN_OPERATORS = new Set(['ArnEquals', 'ArnLike']);

/** The escapes ${*} ${?} ${$} are literal characters; any other ${...} is a variable. */
function hasVariable(v: string): boolean {
  return /\$\{(?![*?$]\})[^}]*\}/.test(v);
}

function withoutEscapes(v: string): string {
  return v.replace(/\$\{[*?$]\}/g, 'x');
}

const hasWildcard = (v: string) => /[*?]/.test(withoutEscapes(v));

/** True when one value names specific callers under the operator family ('literal', 'like' or 'arn'). */
function valuePins(shape: KeyShape, family: 'literal' | 'like' | 'arn', value: string): boolean {
  if (value === '' || hasVariable(value)) return false;
  // StringEquals compares "*" literally: it names no caller, so nobody else gets in.
  if (family === 'literal') return true;
  const text = withoutEscapes(value);
  if (shape === 'arn') {
    const fields = text.split(':');
    if (fields.length < 6) return false;
    // Under StringLike a "*" may span colons, so no field up to the account may hold one.
    const upTo = family === 'like' ? fields.slice(0, 5) : [fields[4]!];
    if (upTo.some(hasWildcard)) return false;
    // An ARN without an account (an S3 bucket) is pinned by its globally unique name instead.
    return fields[4] !== '' || !hasWildcard(fields.slice(5).join(':'));
  }
  if (family === 'arn') return false;
  if (shape === 'org-paths') return !hasWildcard(text.split('/')[0] ?? '');
  if (shape === 'userid') return !hasWildcard(text.split(':')[0] ?? '');
  return !hasWildcard(text);
}

/** True when the clause admits only callers of specific accounts or organizations. */
export function clausePinsCallers(c: ConditionClause): boolean {
  const key = c.key.toLowerCase();
  const shape = Object.hasOwn(CALLER_KEYS, key) ? CALLER_KEYS[key] : undefined;
  if (!shape || c.ifExists || c.qualifier === 'ForAllValues') return false;
  // A multi-valued key pins only with ForAnyValue (some path of the caller is in the org).
  if (shape === 'org-paths' && c.qualifier !== 'ForAnyValue') return false;
  const family = LITERAL_OPERATORS.has(c.baseOperator) ? 'literal' : LIKE_OPERATORS.has(c.baseOperator) ? 'like' : ARN_OPERATORS.has(c.baseOperator) ? 'arn' : null;
  if (!family || c.values.length === 0) return false;
  // Values are ORed: one unpinned value lets everyone in.
  return c.values.every((v) => valuePins(shape, family, v));
}

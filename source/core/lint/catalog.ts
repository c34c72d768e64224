/**
 * The one catalog of finding ids (SPEC 3). Ids are a stable contract: tests,
 * SARIF rules and users' CI scripts depend on them.
 */

export type Severity = 'error' | 'security' | 'warning' | 'suggestion';

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'security', 'warning', 'suggestion'];

export interface FindingRule {
  readonly title: string;
  readonly severity: Severity;
  /** Why it matters, in plain English. */
  readonly explanation: string;
  /** How to fix it, in general terms (findings carry a specific fix). */
  readonly fix: string;
}

const rule = (severity: Severity, title: string, explanation: string, fix: string): FindingRule => ({
  severity,
  title,
  explanation,
  fix,
});

export const FINDING_RULES = {
  // Errors: AWS would reject the policy, or it does not mean what it says.
  JSON_SYNTAX: rule('error', 'JSON syntax error', 'The document is not valid JSON, so AWS rejects it.', 'Correct the JSON at the reported line and column.'),
  DUPLICATE_JSON_KEY: rule('error', 'Duplicate JSON key', 'The same key appears twice in one object; parsers keep only one of the values, so part of what you wrote is silently ignored.', 'Keep one occurrence of the key and merge the values.'),
  INVALID_VERSION: rule('error', 'Invalid policy version', 'Version must be "2012-10-17" (or the obsolete "2008-10-17", which lacks policy variables).', 'Set "Version": "2012-10-17".'),
  MISSING_EFFECT: rule('error', 'Statement without Effect', 'Every statement needs "Effect": "Allow" or "Deny".', 'Add "Effect": "Allow" or "Effect": "Deny".'),
  INVALID_EFFECT: rule('error', 'Invalid Effect', 'Effect is case-sensitive and must be exactly "Allow" or "Deny".', 'Write "Allow" or "Deny".'),
  MISSING_ACTION: rule('error', 'Statement without Action', 'A statement needs Action or NotAction; without one it grants or denies nothing.', 'Add an Action list.'),
  MISSING_RESOURCE: rule('error', 'Statement without Resource', 'A statement needs Resource or NotResource; in a key policy use "*" (this key).', 'Add "Resource": "*" in a key policy, or key ARNs in an IAM policy.'),
  MISSING_PRINCIPAL: rule('error', 'Key policy statement without Principal', 'Every key policy statement must name who it applies to.', 'Add a Principal, e.g. {"AWS": "arn:aws:iam::111122223333:root"}.'),
  UNSUPPORTED_PRINCIPAL: rule('error', 'Principal in an identity policy', 'IAM identity policies apply to the identity they are attached to; Principal is not allowed in them.', 'Remove Principal, or use this document as a key policy.'),
  UNSUPPORTED_ELEMENT_COMBINATION: rule('error', 'Conflicting elements', 'A statement cannot have both Action and NotAction, Resource and NotResource, or Principal and NotPrincipal.', 'Keep one of the two elements.'),
  UNKNOWN_ELEMENT: rule('error', 'Unknown policy element', 'Element names are case-sensitive; AWS rejects unknown elements, and a misspelled Condition would otherwise be silently dropped.', 'Correct the element name.'),
  INVALID_ACTION: rule('error', 'Invalid action', 'The action is malformed or does not exist in its service, so it matches nothing.', 'Use service:ActionName with an existing action.'),
  UNKNOWN_SERVICE: rule('error', 'Unknown service prefix', 'No AWS service uses this prefix, so the action matches nothing.', 'Correct the service prefix (e.g. kms).'),
  INVALID_ARN: rule('error', 'Invalid ARN', 'The ARN does not have the form arn:partition:service:region:account:resource.', 'Write a complete ARN, e.g. arn:aws:kms:us-west-2:111122223333:key/<key-id>.'),
  INVALID_ACCOUNT_ID: rule('error', 'Invalid account id', 'AWS account ids are exactly 12 digits.', 'Use the 12-digit account id.'),
  INVALID_PRINCIPAL: rule('error', 'Invalid principal', 'The principal is malformed, of an unknown type, contains a wildcard inside an ARN, or names an IAM group (groups cannot be principals).', 'Name an account, role, user, assumed-role session, service or "*".'),
  INVALID_CONDITION_OPERATOR: rule('error', 'Invalid condition operator', 'The condition operator is not one AWS knows; AWS rejects the policy.', 'Use an operator such as StringEquals, StringLike, ArnLike, Bool, NumericLessThan.'),
  UNKNOWN_CONDITION_KEY: rule('error', 'Unknown condition key', 'No service defines this condition key, so it is always absent and the condition never matches as intended.', 'Correct the condition key name.'),
  INVALID_CONDITION_VALUE: rule('error', 'Invalid condition value', 'The value does not fit the operator (e.g. Bool needs "true"/"false"; Null cannot take IfExists).', 'Use a value of the operator\'s type.'),
  INVALID_SID: rule('error', 'Invalid Sid', 'In IAM policies a Sid may contain only ASCII letters and digits; key policies also allow spaces. It must be a string.', 'Use letters and digits only, e.g. "AllowUseOfTheKey".'),
  DUPLICATE_SID: rule('error', 'Duplicate Sid', 'Sids must be unique within a policy.', 'Rename one of the statements.'),
  KEY_POLICY_RESOURCE_NOT_STAR: rule('error', 'Key policy Resource is not "*"', 'In a key policy, Resource "*" means this key; any other value makes the statement match nothing.', 'Use "Resource": "*".'),
  POLICY_TOO_LARGE: rule('error', 'Policy too large', 'Key policies are limited to 32 KB; IAM managed policies to 6,144 characters without whitespace.', 'Split the permissions, use wildcards carefully, or move statements elsewhere.'),

  // Security: valid, but grants more than people usually mean.
  KMS_LOCKOUT_RISK: rule('security', 'Key could become unmanageable', 'If no principal can call kms:PutKeyPolicy, nobody can change the key policy again without AWS Support.', 'Keep the statement that lets the account (arn:aws:iam::ACCOUNT:root) use IAM policies, or grant PutKeyPolicy to a key administrator.'),
  PUBLIC_PRINCIPAL: rule('security', 'Anyone can use the key', 'Principal "*" without a condition that limits the caller lets any AWS principal, in any account, use the key.', 'Add a condition such as kms:CallerAccount, aws:PrincipalOrgID or aws:PrincipalAccount, or name the principals.'),
  ALLOW_WITH_NOT_PRINCIPAL: rule('security', 'Allow with NotPrincipal', 'Allow with NotPrincipal grants access to every principal except the ones named, including anonymous and other accounts.', 'Name the principals to allow in Principal instead.'),
  ALLOW_WITH_NOT_ACTION: rule('security', 'Allow with NotAction', 'Allow with NotAction grants every other action, including ones added to the service later.', 'List the actions to allow in Action instead.'),
  ALLOW_WITH_NOT_RESOURCE: rule('security', 'Allow with NotResource', 'Allow with NotResource grants on every other resource, including keys in other accounts.', 'List the resources to allow in Resource instead.'),
  RESOURCE_STAR_SENSITIVE: rule('security', 'Key actions on every key in every account', 'In an IAM policy, Resource "*" covers every KMS key the account can reach, including keys in other accounts whose key policies allow your account.', 'Name the key ARNs, or at least arn:aws:kms:REGION:ACCOUNT:key/*.'),
  KMS_WILDCARD_ACTION: rule('security', 'All KMS actions to a principal', 'kms:* (or *) gives a principal full control of the key, including changing its policy and scheduling deletion.', 'Grant the specific actions the principal needs.'),
  CREATE_GRANT_UNRESTRICTED: rule('security', 'CreateGrant without kms:GrantIsForAWSResource', 'Without the condition, the principal can create grants for anyone, passing on its own permissions.', 'Add "Bool": {"kms:GrantIsForAWSResource": "true"}.'),
  CROSS_ACCOUNT_ADMIN: rule('security', 'Another account can manage the key', 'A principal of another account gets management or permissions actions on the key.', 'Give other accounts only the cryptographic operations they need.'),
  SERVICE_PRINCIPAL_UNRESTRICTED: rule('security', 'Service principal without source condition', 'Without aws:SourceArn or aws:SourceAccount, the service can use the key on behalf of any customer (confused deputy).', 'Add aws:SourceArn or aws:SourceAccount conditions.'),
  ALIAS_IN_IAM_RESOURCE: rule('security', 'Key id or alias as Resource', 'For key operations IAM matches only key ARNs; a key id, alias name or alias ARN in Resource matches nothing.', 'Use the key ARN (arn:aws:kms:REGION:ACCOUNT:key/KEY-ID).'),
  CONTROL_CHARACTER: rule('security', 'Control, bidi or zero-width character', 'A string of the policy holds a character that people cannot see as written: a terminal control (an escape sequence can rename the window, write the clipboard or clear the screen of whoever prints the policy), a bidi control that makes text read in another order ("Trojan Source"), or a zero-width character that makes two different names look the same. Reviewers then approve something other than what AWS enforces.', 'Remove the character, or write the string in plain text; the message shows it escaped (\\u001b).'),

  // Warnings: probably not what was intended.
  MISSING_VERSION: rule('warning', 'No Version', 'Without Version, AWS uses 2008-10-17, where policy variables such as ${aws:username} are plain text.', 'Add "Version": "2012-10-17".'),
  NO_IAM_DELEGATION: rule('warning', 'IAM policies have no effect on this key', 'The key policy does not let the account use IAM policies, so IAM policies cannot grant access to this key.', 'Add the statement that allows arn:aws:iam::ACCOUNT:root kms:*, if IAM policies should work.'),
  IAM_ONLY_ACTION_IN_KEY_POLICY: rule('warning', 'Action that a key policy cannot grant', 'CreateKey, ListKeys, ListAliases, GenerateRandom and custom key store actions do not apply to a key, so a key policy cannot grant them.', 'Grant these in an IAM policy with "Resource": "*".'),
  NOT_CROSS_ACCOUNT_ACTION: rule('warning', 'Action not available across accounts', 'KMS never allows this action from another account, whatever the key policy says.', 'Remove the action for the other account.'),
  DEPRECATED_CONDITION_KEY: rule('warning', 'Deprecated condition key', 'kms:CustomerMasterKeySpec and kms:CustomerMasterKeyUsage are deprecated.', 'Use kms:KeySpec and kms:KeyUsage.'),
  MISSING_QUALIFIER: rule('warning', 'Multi-valued key without ForAnyValue/ForAllValues', 'The key can hold several values; without a set operator qualifier the comparison may not mean what you expect.', 'Prefix the operator with ForAnyValue: or ForAllValues:.'),
  FORALLVALUES_SINGLE_VALUED_KEY: rule('warning', 'ForAllValues/ForAnyValue on a single-valued key', 'Set operators are meant for multi-valued keys; ForAllValues is also true when the key is absent.', 'Use the plain operator.'),
  WILDCARD_WITHOUT_LIKE: rule('warning', 'Wildcard with an Equals operator', 'StringEquals and ArnEquals compare * and ? literally.', 'Use StringLike or ArnLike for wildcards.'),
  CONDITION_KEY_NOT_FOR_ACTION: rule('warning', 'Condition key not used by the actions', 'Some or all of the statement\'s actions never carry this condition key, so it is absent from their requests: a positive test on it is false for them, and an Allow never allows them.', 'Remove the condition, move the actions that lack the key to their own statement, or use a key that the actions support.'),
  PERMISSIONS_MANAGEMENT: rule('warning', 'Permissions management beyond administrators', 'PutKeyPolicy, CreateGrant, RevokeGrant and RetireGrant let a principal change who can use the key.', 'Keep these for key administrators, or restrict them with conditions.'),
  NEGATED_CONDITION_ABSENT_KEY: rule('warning', 'Negated condition on a key that may be absent', 'Negated operators match when the key is absent, so the statement applies to requests that do not carry the key at all.', 'Add a Null condition, or use IfExists deliberately.'),
  EMPTY_VALUE: rule('warning', 'Empty value', 'An empty string, array or object in a policy element matches nothing.', 'Fill in the value or remove the element.'),

  // Added with the policy sources (SPEC 2.5, 3).
  UNRESOLVED_REFERENCE: rule('warning', 'Value not known until deployment', 'The source uses a value that cannot be resolved offline (var.x, local.y, !Ref, ${AWS::AccountId}); it is shown as written and checked as that text, so what AWS finally receives may differ.', 'Check the deployed policy (terraform show -json, aws kms get-key-policy) once the value is known, or write the value literally.'),
  BYPASS_LOCKOUT_CHECK: rule('security', 'Policy lockout safety check turned off', 'The source sets bypass_policy_lockout_safety_check / BypassPolicyLockoutSafetyCheck, so KMS does not check that the principal setting the policy can change it again; a wrong policy can make the key unmanageable.', 'Remove the setting (it defaults to false) and make sure a key administrator keeps kms:PutKeyPolicy.'),

  // Added with diff (SPEC 2.4, 3).
  DEPLOYER_LOCKOUT: rule('security', 'The deployer could not change the policy again', 'The principal that sets this key policy (lint --as ARN) could not call kms:PutKeyPolicy under it, neither directly nor through the account statement with an IAM policy: after deploying, that pipeline or person is locked out of the key policy.', 'Keep kms:PutKeyPolicy for that principal (directly, or through the account statement plus its IAM policy), or deploy with a principal that keeps it.'),
  ACCESS_WIDENED: rule('security', 'Access widened', 'Compared with the old version, the new version of the policy allows a request that was not allowed before (diff).', 'Check that the new access is intended; if not, restore the condition, Deny or narrower principal that the old version had.'),
  // Added with the grants (SPEC 2.6, 3): raised only by `lint --grants FILE`, after the KMS
  // developer guide (grants.html, create-grant-overview.html, grant-delete.html).
  GRANT_INVALID: rule('error', 'Grant that cannot be read', 'The grants file holds an entry that is not a grant KMS could hold: no grantee principal, no Operations list, or an operation that a grant can never allow (only cryptographic operations, CreateGrant, DescribeKey, GetPublicKey and RetireGrant can be in a grant). The entry, or the operation, is left out of the answer.', 'Give the output of `aws kms list-grants --output json` as it is, or correct the aws_kms_grant resource.'),
  GRANT_UNCONSTRAINED_CRYPTO: rule('warning', 'Grant for cryptographic operations without an encryption context constraint', 'The grantee can use the key for any data, whatever the encryption context, for as long as the grant lives. An EncryptionContextEquals or EncryptionContextSubset constraint limits it to the data it is meant for (create-grant-overview.html, "Grant constraints").', 'Create the grant with --constraints EncryptionContextSubset={...} (or EncryptionContextEquals), and retire the unconstrained one.'),
  GRANT_CROSS_ACCOUNT: rule('security', 'Grant to a principal of another account', 'A grant lets a principal of another account use the key without any change to the key policy, so a review of the key policy alone misses it (grants.html: "You can create a grant for a KMS key in a different AWS account").', 'Retire or revoke the grant if the other account should not use the key; otherwise constrain it and name a retiring principal of your account.'),
  GRANT_SELF_RETIRING: rule('warning', 'Grantee is its own retiring principal', 'Only the grantee itself (besides the key\'s account and principals with kms:RevokeGrant) can end the grant, so it lives as long as the grantee wants (grant-delete.html).', 'Name a retiring principal that owns the grant\'s lifecycle (the service or the account that created it), or revoke the grant when its task is done.'),
  GRANT_DENIED_BY_POLICY: rule('warning', 'Grant for an operation the key policy denies', 'An explicit Deny in the key policy wins over the grant ("No AWS principal has any permissions to a KMS key unless that permission is provided explicitly and never denied", control-access.html), so this operation of the grant never takes effect: the grant outlived its purpose or was created by mistake.', 'Remove the operation from a new grant and retire this one, or change the Deny if the grant is meant to work.'),

  // Suggestions: tidier or more robust.
  REDUNDANT_ACTION: rule('suggestion', 'Redundant action', 'The action is already covered by another entry of the same list.', 'Remove the redundant entry.'),
  REDUNDANT_STATEMENT: rule('suggestion', 'Redundant statement', 'Another statement already grants everything this one does.', 'Remove or merge the statement.'),
  MISSING_DESCRIBE_KEY: rule('suggestion', 'Cryptographic actions without DescribeKey', 'Many SDKs and AWS services call DescribeKey before using a key.', 'Add kms:DescribeKey.'),
  PREFER_KEY_ARN: rule('suggestion', 'Prefer key ARNs', 'Naming the key ARN limits the permission to the keys that are meant.', 'Use key ARNs instead of wildcards where possible.'),
} as const satisfies Record<string, FindingRule>;

export type FindingId = keyof typeof FINDING_RULES;

export const FINDING_IDS = Object.keys(FINDING_RULES) as FindingId[];

/** A problem in a policy, located as precisely as the input allows. */
export interface Finding {
  readonly id: FindingId;
  readonly severity: Severity;
  /** Statement index, or null when the finding is about the whole document. */
  readonly statement: number | null;
  /** JSON pointer of the element, "" for the whole document. */
  readonly path: string;
  readonly line: number | null;
  readonly column: number | null;
  readonly message: string;
  readonly fix: string;
}

export function severityOf(id: FindingId): Severity {
  return FINDING_RULES[id].severity;
}

/** Sorts findings by severity, then by position in the document. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.id.localeCompare(b.id),
  );
}

/**
 * Generated KMS requests for the differential test against @cloud-copilot/iam-simulate:
 * key policies and identity policies with Allow/Deny, Action/NotAction with `*` and `?`,
 * Resource/NotResource patterns, every principal form, and conditions of every
 * operator family (with IfExists, ForAnyValue/ForAllValues), with a request
 * context built from the keys the policies mention.
 */
import fc from 'fast-check';

export const KEY_ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';
export const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
export const KEY_ARN = `arn:aws:kms:us-west-2:${KEY_ACCOUNT}:key/${KEY_ID}`;

const ACCOUNTS = [KEY_ACCOUNT, OTHER_ACCOUNT] as const;
const SERVICES = ['cloudtrail.amazonaws.com', 'logs.us-west-2.amazonaws.com'] as const;

/** Condition keys by type, as the IAM and KMS references type them. */
export const CONDITION_KEYS = {
  string: ['kms:CallerAccount', 'kms:ViaService', 'kms:EncryptionContext:Department', 'aws:PrincipalOrgID'],
  strings: ['kms:EncryptionContextKeys', 'aws:TagKeys'],
  numeric: ['aws:MultiFactorAuthAge', 'kms:ScheduleKeyDeletionPendingWindowInDays'],
  date: ['aws:CurrentTime', 'aws:TokenIssueTime'],
  bool: ['aws:SecureTransport', 'aws:MultiFactorAuthPresent', 'kms:GrantIsForAWSResource'],
  ip: ['aws:SourceIp'],
  arn: ['aws:PrincipalArn', 'aws:SourceArn'],
  binary: ['kms:RecipientAttestation:ImageSha384'],
} as const;
export type KeyType = keyof typeof CONDITION_KEYS;

const OPERATORS: Record<KeyType, readonly string[]> = {
  string: ['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike'],
  strings: ['StringEquals', 'StringNotEquals', 'StringLike', 'StringNotLike', 'StringEqualsIgnoreCase'],
  numeric: ['NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals'],
  date: ['DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals'],
  bool: ['Bool'],
  ip: ['IpAddress', 'NotIpAddress'],
  arn: ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike'],
  binary: ['BinaryEquals'],
};

/** Values a policy or a request may use for a key type (policy values may carry wildcards where the operator allows). */
const VALUES: Record<KeyType, readonly string[]> = {
  string: ['111122223333', '444455556666', 'ec2.us-west-2.amazonaws.com', 's3.us-west-2.amazonaws.com', 'IT', 'Finance', 'finance', 'o-a1b2c3d4e5', 'AROAEXAMPLE:bob', 'SYMMETRIC_DEFAULT'],
  strings: ['Department', 'Project', 'department', 'Encrypt', 'Decrypt', 'RetireGrant', 'o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/'],
  numeric: ['0', '7', '30', '30.0', '300', '3600', '-1', '1e2'],
  date: ['2026-01-01T00:00:00Z', '2026-06-01T12:00:00Z', '2025-12-31T23:59:59Z', '2026-01-01T00:00:00.000Z', '1767225600'],
  bool: ['true', 'false'],
  ip: ['203.0.113.0/24', '203.0.113.77', '198.51.100.7', '203.0.114.1', '2001:DB8:1234:5678::/64', '2001:db8:1234:5678:abcd::1', '2001:db8::5', '10.0.0.0/8', '10.1.2.3'],
  arn: [
    'arn:aws:iam::111122223333:role/Admin',
    'arn:aws:iam::444455556666:role/App',
    'arn:aws:cloudtrail:us-west-2:111122223333:trail/t',
    'arn:aws:s3:::bucket',
  ],
  binary: ['QmluYXJ5VmFsdWVJbkJhc2U2NA==', 'b3RoZXI=', 'AAECAwQF'],
};

/** Wildcard policy values for the Like operators. */
const LIKE_VALUES: Partial<Record<KeyType, readonly string[]>> = {
  string: ['Fin*', '*.us-west-2.amazonaws.com', '1111?2223333', 'AROA*', '*'],
  strings: ['Dep*', 'Pro?ect', '*'],
  arn: ['arn:aws:iam::*:role/Admin*', 'arn:aws:iam::111122223333:*', 'arn:aws:*:*:111122223333:*', 'arn:aws:s3:::*'],
};

const KEY_TYPE_OF = new Map<string, KeyType>();
for (const [type, keys] of Object.entries(CONDITION_KEYS) as Array<[KeyType, readonly string[]]>) for (const k of keys) KEY_TYPE_OF.set(k.toLowerCase(), type);
export const keyTypeOf = (key: string): KeyType | undefined => KEY_TYPE_OF.get(key.toLowerCase());

const oneOrMany = <T>(arb: fc.Arbitrary<T>, max = 3) => fc.oneof(arb, fc.array(arb, { minLength: 1, maxLength: max }));

/** One condition clause: operator (maybe with a set qualifier and IfExists), key, values. */
const clause: fc.Arbitrary<[string, string, string | string[]]> = fc
  .constantFrom(...(Object.keys(CONDITION_KEYS) as KeyType[]))
  .chain((type) =>
    fc.record({
      type: fc.constant(type),
      key: fc.constantFrom(...CONDITION_KEYS[type]),
      op: fc.constantFrom(...OPERATORS[type], ...(type === 'bool' || type === 'binary' ? [] : ['Null'])),
      qualifier: type === 'strings' ? fc.constantFrom('ForAnyValue:', 'ForAllValues:', 'ForAnyValue:', 'ForAllValues:', '') : fc.constantFrom('', '', '', '', 'ForAnyValue:', 'ForAllValues:'),
      ifExists: fc.boolean(),
      values: fc.array(fc.constantFrom(...VALUES[type], ...(LIKE_VALUES[type] ?? [])), { minLength: 1, maxLength: 3 }),
      nullValue: fc.constantFrom('true', 'false'),
      keyCase: fc.constantFrom('as-is', 'as-is', 'lower'),
    }),
  )
  .map((c) => {
    const key = c.keyCase === 'lower' ? c.key.toLowerCase() : c.key;
    if (c.op === 'Null') return ['Null', key, c.nullValue];
    const op = `${c.qualifier}${c.op}${c.ifExists ? 'IfExists' : ''}`;
    return [op, key, c.values.length === 1 ? c.values[0]! : c.values];
  });

const condition = fc.array(clause, { minLength: 1, maxLength: 3 }).map((clauses) => {
  const out: Record<string, Record<string, string | string[]>> = {};
  for (const [op, key, values] of clauses) (out[op] ??= {})[key] = values;
  return out;
});

const actionPattern = fc.constantFrom(
  'kms:Decrypt', 'kms:Encrypt', 'kms:*', 'kms:Gen*', 'kms:GenerateDataKey*', 'kms:ReEncrypt*', 'kms:Describe*', 'kms:?ncrypt',
  'kms:De?rypt', 'KMS:DECRYPT', 'kms:decrypt', 'kms:Create*', 'kms:List*', 'kms:Get*', 'kms:PutKeyPolicy', '*', 'kms:Schedule*',
  'kms:*Key*', 'kms:CreateGrant', 'kms:TagResource', 's3:GetObject', 'kms:Sign', 'kms:Verify*', 'kms:Enable*',
);

const keyPolicyResource = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.constantFrom(
      '*', '*', '*', '*', '*', KEY_ARN, `arn:aws:kms:*:${KEY_ACCOUNT}:key/*`, `arn:aws:kms:us-west-2:${KEY_ACCOUNT}:key/1234*`,
      `arn:aws:kms:us-west-2:${OTHER_ACCOUNT}:key/*`, `arn:aws:kms:us-west-2:${KEY_ACCOUNT}:alias/app`, 'arn:aws:kms:us-west-2:111122223333:key/????????-*',
    ),
  },
  { weight: 1, arbitrary: fc.constant(KEY_ID) },
);

const identityResource = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.constantFrom(
      '*', '*', '*', KEY_ARN, `arn:aws:kms:*:${KEY_ACCOUNT}:key/*`, `arn:aws:kms:*:${OTHER_ACCOUNT}:key/*`, `arn:aws:kms:us-west-2:*:key/1234*`,
      `arn:aws:kms:us-east-1:${KEY_ACCOUNT}:key/*`, 'arn:aws:kms:*:*:key/*', `arn:aws:kms:us-west-2:${KEY_ACCOUNT}:alias/app`,
      `arn:aws:kms:us-west-2:${KEY_ACCOUNT}:key/${KEY_ID.toUpperCase()}`, `arn:aws:kms:*:${KEY_ACCOUNT}:*`,
    ),
  },
  // Key ids and alias names are not ARNs: they never name a key (cmks-in-iam-policies.html).
  { weight: 1, arbitrary: fc.constantFrom('alias/app', KEY_ID) },
);

const awsPrincipal = fc.constantFrom(
  `arn:aws:iam::${KEY_ACCOUNT}:root`, KEY_ACCOUNT, `arn:aws:iam::${OTHER_ACCOUNT}:root`, OTHER_ACCOUNT,
  `arn:aws:iam::${KEY_ACCOUNT}:role/Admin`, `arn:aws:iam::${KEY_ACCOUNT}:role/App`, `arn:aws:iam::${OTHER_ACCOUNT}:role/App`,
  `arn:aws:iam::${KEY_ACCOUNT}:user/alice`, `arn:aws:iam::${OTHER_ACCOUNT}:user/bob`, '*',
);

const principalElement: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 1, arbitrary: fc.constant('*') },
  { weight: 6, arbitrary: oneOrMany(awsPrincipal).map((aws) => ({ AWS: aws })) },
  { weight: 1, arbitrary: oneOrMany(fc.constantFrom(...SERVICES), 2).map((s) => ({ Service: s })) },
  { weight: 1, arbitrary: fc.tuple(awsPrincipal, fc.constantFrom(...SERVICES)).map(([a, s]) => ({ AWS: a, Service: s })) },
);

function statementArb(kind: 'key' | 'identity'): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      sid: fc.option(fc.constantFrom('A', 'B', 'Enable IAM', 'Deny1'), { nil: undefined }),
      effect: fc.constantFrom('Allow', 'Allow', 'Allow', 'Deny'),
      principal: principalElement,
      notPrincipal: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      action: oneOrMany(actionPattern),
      notAction: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
      resource: oneOrMany(kind === 'key' ? keyPolicyResource : identityResource, 2),
      notResource: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
      condition: fc.option(condition, { nil: undefined, freq: 2 }),
    })
    .map((s) => {
      const out: Record<string, unknown> = {};
      if (s.sid !== undefined) out.Sid = s.sid;
      out.Effect = s.effect;
      if (kind === 'key') out[s.notPrincipal ? 'NotPrincipal' : 'Principal'] = s.notPrincipal && s.principal === '*' ? { AWS: `arn:aws:iam::${KEY_ACCOUNT}:role/Admin` } : s.principal;
      out[s.notAction ? 'NotAction' : 'Action'] = s.action;
      out[s.notResource ? 'NotResource' : 'Resource'] = s.resource;
      if (s.condition) out.Condition = s.condition;
      return out;
    });
}

/** The account statement of the default key policy (KMS guide, key-policy-default.html). */
const ENABLE_IAM = { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${KEY_ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' };

export const policyArb = (kind: 'key' | 'identity', max: number) =>
  fc
    .tuple(fc.array(statementArb(kind), { minLength: 1, maxLength: max }), fc.boolean())
    .map(([Statement, enableIam]) => ({ Version: '2012-10-17', Statement: kind === 'key' && enableIam ? [ENABLE_IAM, ...Statement] : Statement }));

/** Request principals: roles, users, sessions and roots (also as a bare account id) of both accounts, and service principals. */
export const requestPrincipal = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      `arn:aws:iam::${KEY_ACCOUNT}:role/Admin`, `arn:aws:iam::${KEY_ACCOUNT}:role/App`, `arn:aws:sts::${KEY_ACCOUNT}:assumed-role/App/session-1`,
      `arn:aws:iam::${KEY_ACCOUNT}:user/alice`, `arn:aws:iam::${KEY_ACCOUNT}:user/carol`, `arn:aws:iam::${KEY_ACCOUNT}:root`, KEY_ACCOUNT,
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      `arn:aws:iam::${OTHER_ACCOUNT}:role/App`, `arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/App/s2`, `arn:aws:iam::${OTHER_ACCOUNT}:user/bob`,
      `arn:aws:iam::${OTHER_ACCOUNT}:role/Other`, `arn:aws:iam::${OTHER_ACCOUNT}:root`, OTHER_ACCOUNT,
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(...SERVICES) },
);

export const requestAction = fc.constantFrom(
  'kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:ReEncryptFrom', 'kms:ReEncryptTo',
  'kms:DescribeKey', 'kms:CreateGrant', 'kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion', 'kms:GetKeyPolicy', 'kms:ListGrants',
  'kms:TagResource', 'kms:Sign', 'kms:Verify', 'kms:GetPublicKey', 'kms:EnableKeyRotation', 'kms:RetireGrant', 'kms:GetKeyRotationStatus',
  'kms:CreateKey', 'kms:ListKeys', 'kms:GenerateRandom', 'kms:ListAliases',
);

/** Key ARNs a request may name: the key, another key of the same account, a key in the other account. */
export const requestKey = fc.constantFrom(
  KEY_ARN, KEY_ARN, KEY_ARN, `arn:aws:kms:us-east-1:${KEY_ACCOUNT}:key/0987dcba-09fe-87dc-65ba-ab0987654321`,
  `arn:aws:kms:us-west-2:${OTHER_ACCOUNT}:key/${KEY_ID}`,
);

/** A request value for a condition key of a known type (dates as the ISO 8601 strings AWS sends). */
const requestValue = (type: KeyType): fc.Arbitrary<string | string[]> => {
  const plain = VALUES[type].filter((v) => !(type === 'ip' && v.includes('/')) && !(type === 'date' && /^\d+$/.test(v)));
  const one = fc.constantFrom(...plain, ...(type === 'string' ? ['fin', 'IT-2'] : []));
  return type === 'strings' ? fc.uniqueArray(one, { minLength: 1, maxLength: 3 }) : one;
};

const ALL_KEYS = Object.values(CONDITION_KEYS).flat();

/** A request context: some condition keys present (spelled in any case), the others absent. */
export const contextArb: fc.Arbitrary<Record<string, string | string[]>> = fc
  .array(
    fc.constantFrom(...ALL_KEYS).chain((key) => fc.tuple(fc.constant(key), requestValue(keyTypeOf(key)!), fc.constantFrom('as-is', 'as-is', 'upper'))),
    { maxLength: 8 },
  )
  .map((entries) => {
    const out: Record<string, string | string[]> = {};
    const seen = new Set<string>();
    // A request carries each key once, however it is spelled.
    for (const [key, value, spelling] of entries) {
      if (seen.has(key.toLowerCase())) continue;
      seen.add(key.toLowerCase());
      out[spelling === 'upper' ? key.toUpperCase() : key] = value;
    }
    return out;
  });

export interface GeneratedRequest {
  readonly principal: string;
  readonly action: string;
  readonly key: string;
  readonly context: Record<string, string | string[]>;
}

export interface GeneratedCase {
  /** undefined: the key policy is unknown (identity-only request). */
  readonly keyPolicy: Record<string, unknown> | undefined;
  readonly identityPolicies: ReadonlyArray<Record<string, unknown>>;
  readonly requests: readonly GeneratedRequest[];
}

/** A set of policies and several requests against them. */
export function caseArb(mode: 'key' | 'identity-only', requestsPerCase: number): fc.Arbitrary<GeneratedCase> {
  const request = fc.record({
    principal: requestPrincipal,
    action: requestAction,
    key: mode === 'key' ? fc.constant(KEY_ARN) : requestKey,
    context: contextArb,
  });
  return fc.record({
    keyPolicy: mode === 'key' ? policyArb('key', 5).map((p) => p as Record<string, unknown> | undefined) : fc.constant(undefined),
    identityPolicies: fc.array(policyArb('identity', 3), { minLength: mode === 'key' ? 0 : 1, maxLength: 2 }),
    requests: fc.array(request, { minLength: requestsPerCase, maxLength: requestsPerCase }),
  });
}

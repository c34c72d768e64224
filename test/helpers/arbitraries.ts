import fc from 'fast-check';

/** Building blocks for generated policies, shared by property tests. */
export const accountId = fc.constantFrom('111122223333', '444455556666', '777788889999');
export const region = fc.constantFrom('us-west-2', 'us-east-1', 'eu-west-1', '*');
export const keyId = fc.constantFrom('1234abcd-12ab-34cd-56ef-1234567890ab', '0987dcba-09fe-87dc-65ba-ab0987654321', 'mrk-1234abcd12ab34cd56ef1234567890ab');

export const kmsActionName = fc.constantFrom(
  'kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKey*', 'kms:ReEncrypt*', 'kms:DescribeKey',
  'kms:CreateGrant', 'kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion', 'kms:Get*', 'kms:List*', 'kms:*', 'kms:Sign',
  'kms:TagResource', 'kms:CreateKey', 'kms:Describe*', 'KMS:decrypt', 'kms:Enable*', '*',
);

export const principalArn = fc.oneof(
  accountId.map((a) => `arn:aws:iam::${a}:root`),
  accountId,
  fc.tuple(accountId, fc.constantFrom('Admin', 'App', 'ExampleRole')).map(([a, r]) => `arn:aws:iam::${a}:role/${r}`),
  fc.tuple(accountId, fc.constantFrom('alice', 'bob')).map(([a, u]) => `arn:aws:iam::${a}:user/${u}`),
);

export const principal = fc.oneof(
  { weight: 1, arbitrary: fc.constant('*' as unknown) },
  { weight: 4, arbitrary: fc.oneof(principalArn, fc.array(principalArn, { minLength: 1, maxLength: 3 })).map((aws) => ({ AWS: aws }) as unknown) },
  { weight: 1, arbitrary: fc.constantFrom('cloudtrail.amazonaws.com', 'logs.us-west-2.amazonaws.com').map((s) => ({ Service: s }) as unknown) },
);

export const keyArn = fc.tuple(region, accountId, fc.oneof(keyId, fc.constant('*'))).map(([r, a, k]) => `arn:aws:kms:${r}:${a}:key/${k}`);

const conditionEntry = fc.oneof(
  fc.constant({ StringEquals: { 'kms:CallerAccount': '111122223333' } }),
  fc.constant({ StringEquals: { 'kms:ViaService': 'ec2.us-west-2.amazonaws.com' } }),
  fc.constant({ Bool: { 'kms:GrantIsForAWSResource': 'true' } }),
  fc.constant({ StringLike: { 'kms:EncryptionContext:Department': ['Fin*', 'IT'] } }),
  fc.constant({ 'ForAnyValue:StringEquals': { 'kms:EncryptionContextKeys': 'Department' } }),
  fc.constant({ StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }),
  fc.constant({ NumericLessThan: { 'aws:MultiFactorAuthAge': '300' } }),
  fc.constant({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } }),
  fc.constant({ StringNotEquals: { 'kms:CallerAccount': '111122223333' } }),
  fc.constant({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/App*' } }),
  fc.constant({ StringEquals: { 'kms:EncryptionContext:user': '${aws:username}' } }),
);

const oneOrMany = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.array(arb, { minLength: 1, maxLength: 4 }));

export function statement(kind: 'key' | 'identity'): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(
    {
      Sid: fc.stringMatching(/^[A-Za-z0-9]{1,12}$/),
      Effect: fc.constantFrom('Allow', 'Deny'),
      ...(kind === 'key' ? { Principal: principal } : {}),
      Action: oneOrMany(kmsActionName),
      Resource: kind === 'key' ? fc.constant('*') : oneOrMany(fc.oneof(keyArn, fc.constant('*'))),
      Condition: fc.array(conditionEntry, { maxLength: 2 }).map((list) => Object.assign({}, ...list)),
    },
    { requiredKeys: kind === 'key' ? ['Effect', 'Principal', 'Action', 'Resource'] : ['Effect', 'Action', 'Resource'] },
  );
}

export function policy(kind: 'key' | 'identity', maxStatements = 5): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(
    {
      Version: fc.constant('2012-10-17'),
      Id: fc.constantFrom('key-policy-1', 'example'),
      Statement: fc.oneof(statement(kind), fc.array(statement(kind), { minLength: 1, maxLength: maxStatements })),
    },
    { requiredKeys: ['Version', 'Statement'] },
  );
}

export const anyPolicy = fc.oneof(policy('key'), policy('identity'));

/** Replaces, deletes or renames one member somewhere in a JSON value (op 0 delete, 1 replace, 2 rename). */
export function mutate(value: unknown, path: readonly number[], replacement: unknown, op: number): unknown {
  if (typeof value !== 'object' || value === null) return replacement;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  if (entries.length === 0) return replacement;
  const [step = 0, ...rest] = path;
  const at = step % entries.length;
  const next = entries.map(([k, v], i) => (i === at && rest.length > 0 ? ([k, mutate(v, rest, replacement, op)] as const) : ([k, v] as const)));
  if (rest.length === 0) {
    if (op === 0) next.splice(at, 1);
    else if (op === 1) next[at] = [next[at]![0], replacement];
    else next[at] = [`${next[at]![0]}x`, next[at]![1]];
  }
  return Array.isArray(value) ? next.map(([, v]) => v) : Object.fromEntries(next);
}

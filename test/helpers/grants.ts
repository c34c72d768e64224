import fc from 'fast-check';
import { readListGrants, type Grant } from '../../source/core/grants/index.js';
import { accountId, principalArn } from './arbitraries.js';

/** The example key (of every generated key policy's example account): generated grants are its grants. */
export const GRANT_KEY = 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

const operations = fc.subarray(['Decrypt', 'Encrypt', 'GenerateDataKey', 'ReEncryptFrom', 'DescribeKey', 'CreateGrant', 'RetireGrant', 'Sign', 'GetPublicKey'], { minLength: 1, maxLength: 4 });
const pairs = fc.oneof(
  fc.constant({ Department: 'IT' }),
  fc.constant({ Department: 'HR' }),
  fc.constant({ Department: 'IT', Project: 'Alpha' }),
  fc.constant({ 'aws:ebs:id': 'vol-5cccfb4e' }),
);
const constraints = fc.oneof(
  fc.constant(undefined),
  pairs.map((p) => ({ EncryptionContextSubset: p })),
  pairs.map((p) => ({ EncryptionContextEquals: p })),
);
const grantee = fc.oneof(
  { weight: 5, arbitrary: principalArn.map((p) => (/^\d{12}$/.test(p) ? `arn:aws:iam::${p}:root` : p)) },
  { weight: 1, arbitrary: accountId.map((a) => `arn:aws:sts::${a}:assumed-role/App/session-1`) },
  { weight: 1, arbitrary: fc.constant('logs.us-west-2.amazonaws.com') },
);

/** One GrantListEntry of list-grants, for the example key. */
export const grantEntry = fc
  .record({ grantee, retiring: fc.option(fc.oneof(grantee, accountId.map((a) => `arn:aws:iam::${a}:root`)), { nil: undefined }), operations, constraints, n: fc.nat(9999) })
  .map(({ grantee: g, retiring, operations: ops, constraints: c, n }) => ({
    KeyId: GRANT_KEY,
    GrantId: `grant-${n}`,
    GranteePrincipal: g,
    ...(retiring !== undefined ? { RetiringPrincipal: retiring } : {}),
    IssuingAccount: 'arn:aws:iam::111122223333:root',
    Operations: ops,
    ...(c ? { Constraints: c } : {}),
  }));

/** Grants read as the CLI reads them (ids made unique). */
export function readGrants(entries: readonly object[]): Grant[] {
  const unique = entries.map((e, i) => ({ ...e, GrantId: `${(e as { GrantId: string }).GrantId}-${i}` }));
  const read = readListGrants('grants.json', JSON.stringify({ Grants: unique }));
  if (read.findings.length > 0) throw new Error(JSON.stringify(read.findings));
  return [...read.grants];
}

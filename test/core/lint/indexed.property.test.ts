import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintPolicy } from '../../../source/core/lint/index.js';
import { shadowingDenyFinder } from '../../../source/core/lint/lockout.js';
import { statementPrincipals } from '../../../source/core/lint/principals.js';
import { coveringStatements } from '../../../source/core/lint/rules/redundancy.js';
import { regexCaseKey } from '../../../source/core/lint/cover-index.js';
import { buildDocument } from '../../../source/core/policy/model.js';
import { keyArn, principalArn, statement } from '../../helpers/arbitraries.js';
import { naiveCovering, naiveMissingDescribeKey, naiveShadowingDeny } from './naive.js';

/**
 * The indexed lint checks (linear cost, SPEC 7) find exactly what a scan of every pair
 * finds. Policies are drawn from small pools so that statements repeat, cover each other,
 * differ only in case or in a wildcard, and Deny with NotPrincipal.
 */
const resource = fc.oneof(
  keyArn,
  keyArn.map((r) => r.toUpperCase()),
  fc.constantFrom('*', 'arn:aws:kms:*', 'arn:aws:kms:us-west-2:111122223333:key/?234*', 'ARN:aws:KMS:us-west-2:111122223333:key/*', 'arn:aws:s3:::bucket/*', 'arn:aws:kms:us-west-2:111122223333:key/σς', 'arn:aws:kms:us-west-2:111122223333:key/ΣΣ'),
);
const action = fc.constantFrom('kms:Decrypt', 'KMS:DECRYPT', 'kms:Decryp?', 'kms:De*', 'kms:*', '*', 'kms:Encrypt', 'kms:PutKeyPolicy', 'kms:Put*', 'kms:DescribeKey', 'kms:Describe*', 's3:GetObject', 's3:*', 'kms:ſign', 'kms:Sign');
const oneOrMany = <T>(a: fc.Arbitrary<T>) => fc.oneof(a, fc.array(a, { minLength: 1, maxLength: 3 }));
const principalEl = fc.oneof(fc.constant('*' as unknown), fc.constant({ AWS: '*' } as unknown), oneOrMany(principalArn).map((aws) => ({ AWS: aws }) as unknown), fc.constant({ Service: 'logs.amazonaws.com' } as unknown));

function varied(kind: 'key' | 'identity'): fc.Arbitrary<Record<string, unknown>> {
  const base = fc.record(
    {
      Effect: fc.constantFrom('Allow', 'Deny'),
      Action: oneOrMany(action),
      Resource: oneOrMany(resource),
      Condition: fc.constantFrom(undefined, { Bool: { 'aws:SecureTransport': 'true' } }, { StringEquals: { 'kms:ViaService': 'ec2.us-west-2.amazonaws.com' } }),
      ...(kind === 'key' ? { Principal: principalEl } : {}),
    },
    { requiredKeys: kind === 'key' ? ['Effect', 'Action', 'Resource', 'Principal'] : ['Effect', 'Action', 'Resource'] },
  );
  const notPrincipalDeny = fc.record({ Effect: fc.constant('Deny'), NotPrincipal: oneOrMany(principalArn).map((aws) => ({ AWS: aws })), Action: oneOrMany(action), Resource: fc.constant('*') });
  return kind === 'key' ? fc.oneof({ weight: 5, arbitrary: base }, { weight: 1, arbitrary: notPrincipalDeny }, { weight: 1, arbitrary: statement('key') }) : fc.oneof({ weight: 5, arbitrary: base }, { weight: 1, arbitrary: statement('identity') });
}

const policyOf = (kind: 'key' | 'identity') =>
  fc.array(varied(kind), { minLength: 1, maxLength: 25 }).map((Statement) => ({ Version: '2012-10-17', Statement: JSON.parse(JSON.stringify(Statement)) as unknown[] }));

describe('indexed lint checks agree with the pairwise reference', () => {
  it.each(['key', 'identity'] as const)('REDUNDANT_STATEMENT: the same covering statement (%s policies)', (kind) => {
    fc.assert(
      fc.property(policyOf(kind), (p) => {
        const doc = buildDocument(p);
        expect(coveringStatements(doc.statements).map((s) => s?.index ?? null)).toEqual(naiveCovering(doc.statements).map((s) => s?.index ?? null));
      }),
      { numRuns: 300 },
    );
  });

  it('KMS_LOCKOUT_RISK: the same shadowing Deny for every principal', () => {
    fc.assert(
      fc.property(policyOf('key'), (p) => {
        const doc = buildDocument(p);
        const indexed = shadowingDenyFinder(doc);
        for (const s of doc.statements) for (const q of statementPrincipals(s)) expect(indexed(q)?.index ?? null).toBe(naiveShadowingDeny(doc, q)?.index ?? null);
      }),
      { numRuns: 300 },
    );
  });

  it.each(['key', 'identity'] as const)('MISSING_DESCRIBE_KEY: the same statements (%s policies)', (kind) => {
    fc.assert(
      fc.property(policyOf(kind), (p) => {
        const found = lintPolicy(JSON.stringify(p), { kind }).findings.filter((f) => f.id === 'MISSING_DESCRIBE_KEY').map((f) => f.statement);
        expect(found).toEqual(naiveMissingDescribeKey(buildDocument(p), kind));
      }),
      { numRuns: 200 },
    );
  });

  it('compares case as a case-insensitive RegExp does', () => {
    for (const [a, b] of [['σ', 'ς'], ['k', 'K'], ['ſ', 's'], ['K', 'k'], ['ß', 'SS'], ['é', 'É']] as const) {
      expect(regexCaseKey(a) === regexCaseKey(b), `${a} ${b}`).toBe(new RegExp(`^${a}$`, 'is').test(b));
    }
  });
});

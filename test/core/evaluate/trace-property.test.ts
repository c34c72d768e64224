import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorize, type TracedAuthorizationResult } from '../../../source/core/evaluate/index.js';
import { buildDocument } from '../../../source/core/policy/model.js';
import { kmsActionName, keyArn, policy, principalArn } from '../../helpers/arbitraries.js';

const request = fc.record({
  action: kmsActionName.filter((a) => !a.includes('*')),
  principal: principalArn,
  resource: keyArn.filter((a) => !a.includes('*')),
  keyPolicy: fc.option(policy('key'), { nil: undefined }),
  identity: fc.array(policy('identity', 3), { maxLength: 2 }),
  context: fc.record(
    {
      'kms:ViaService': fc.constantFrom('ec2.us-west-2.amazonaws.com', 's3.us-east-1.amazonaws.com'),
      'kms:EncryptionContext:Department': fc.constantFrom('Finance', 'IT', 'HR'),
      'aws:MultiFactorAuthPresent': fc.constantFrom('true', 'false'),
    },
    { requiredKeys: [] },
  ),
});

/** The invariants that tie the trace to the decision (SPEC 2.1). */
function checkAgreement(r: TracedAuthorizationResult, plain: ReturnType<typeof authorize>) {
  // The trace changes nothing about the answer.
  expect({ decision: r.decision, via: r.via, matched: r.matched, notes: r.notes }).toEqual(plain);
  const applying = r.trace.filter((t) => t.applies);
  // Every statement that applied is in matched (denies only when a deny decided), and nothing else is.
  const key = (t: { policy: string; statement: number }) => `${t.policy}#${t.statement}`;
  const denies = applying.filter((t) => t.effect === 'Deny');
  if (r.decision === 'explicit-deny') {
    expect(r.rule).toBe('explicit-deny-wins');
    expect(r.matched.map(key)).toEqual(denies.map(key));
  } else {
    expect(denies).toEqual([]);
    expect(r.matched.map(key)).toEqual(applying.map(key));
  }
  if (r.decision === 'allow') expect(applying.some((t) => t.effect === 'Allow')).toBe(true);
  // A statement that did not apply says why; one that applied does not.
  for (const t of r.trace) expect(t.applies).toBe(t.because === undefined);
  if (r.rule === 'key-policy-direct') expect(r.decision).toBe('allow');
}

describe('authorize trace', () => {
  it('never disagrees with the decision (seeded: the seed is printed on failure)', () => {
    fc.assert(
      fc.property(request, (q) => {
        const req = {
          action: q.action,
          principal: q.principal,
          resource: q.resource,
          context: q.context,
          ...(q.keyPolicy ? { keyPolicy: buildDocument(q.keyPolicy) } : {}),
          identityPolicies: q.identity.map((p, i) => ({ name: `p${i}.json`, document: buildDocument(p) })),
        };
        checkAgreement(authorize(req, { trace: true }), authorize(req));
      }),
      { numRuns: 400 },
    );
  });
});

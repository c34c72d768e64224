import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectKind, locate, parsePolicy, serializePolicy } from '../../../source/core/policy/index.js';
import { anyPolicy, policy } from '../../helpers/arbitraries.js';

describe('parse ∘ serialize', () => {
  it('keeps the same JSON value for generated policies', () => {
    fc.assert(
      fc.property(anyPolicy, (p) => {
        const parsed = parsePolicy(serializePolicy(p));
        expect(parsed.findings).toEqual([]);
        expect(parsed.document!.raw).toEqual(p);
      }),
    );
  });

  it('is stable: serializing again gives the same text', () => {
    fc.assert(
      fc.property(anyPolicy, (p) => {
        const once = serializePolicy(p);
        expect(serializePolicy(parsePolicy(once).document!.raw)).toBe(once);
      }),
    );
  });

  it('orders keys canonically whatever order they were written in', () => {
    const text = serializePolicy({ Statement: [{ Resource: '*', Action: 'kms:Decrypt', Effect: 'Allow', Sid: 'A' }], Version: '2012-10-17' });
    expect(text).toBe(
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "A",\n      "Effect": "Allow",\n      "Action": "kms:Decrypt",\n      "Resource": "*"\n    }\n  ]\n}\n',
    );
  });

  it('detects key policies by Principal and locates every statement', () => {
    fc.assert(
      fc.property(fc.constantFrom('key', 'identity' as const), fc.nat(), (kind, seed) => {
        const p = fc.sample(policy(kind), { seed, numRuns: 1 })[0]!;
        const text = serializePolicy(p);
        const parsed = parsePolicy(text);
        expect(detectKind(parsed.document!)).toBe(kind);
        for (const s of parsed.document!.statements) {
          const loc = locate(parsed.ast, `${s.pointer}/Effect`);
          expect(text.split('\n')[loc.line! - 1]!.slice(loc.column! - 1)).toMatch(/^"Effect"/);
        }
      }),
      { numRuns: 50 },
    );
  });
});

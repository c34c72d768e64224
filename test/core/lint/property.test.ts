import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FINDING_IDS, lintPolicy } from '../../../source/core/lint/index.js';
import { anyPolicy, mutate } from '../../helpers/arbitraries.js';

function wellFormed(text: string, kind?: 'key' | 'identity'): void {
  const result = lintPolicy(text, kind ? { kind } : {});
  for (const f of result.findings) {
    expect(FINDING_IDS).toContain(f.id);
    expect(typeof f.message).toBe('string');
    if (f.line !== null) expect(f.line).toBeGreaterThan(0);
    if (f.column !== null) expect(f.column).toBeGreaterThan(0);
  }
}


describe('lint never throws', () => {
  it('on any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.constantFrom(undefined, 'key', 'identity'), (v, kind) => wellFormed(JSON.stringify(v) ?? 'null', kind)), { numRuns: 200 });
  });

  it('on any text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (t) => wellFormed(t)), { numRuns: 200 });
  });

  it('on mutated policies', () => {
    fc.assert(
      fc.property(anyPolicy, fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), fc.nat(2), (policy, path, replacement, op) => {
        wellFormed(JSON.stringify(mutate(policy, path, replacement, op), null, 2));
      }),
      { numRuns: 250 },
    );
  });

  it('on generated valid policies, reports no syntax or structure errors', () => {
    fc.assert(
      fc.property(anyPolicy, (policy) => {
        const { findings } = lintPolicy(JSON.stringify(policy, null, 2));
        const structural = findings.filter((f) => ['JSON_SYNTAX', 'MISSING_EFFECT', 'MISSING_ACTION', 'MISSING_RESOURCE', 'UNKNOWN_ELEMENT', 'INVALID_VERSION'].includes(f.id));
        expect(structural).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FINDING_IDS, lintPolicy } from '../../../source/core/lint/index.js';
import { anyPolicy } from '../../helpers/arbitraries.js';

function wellFormed(text: string, kind?: 'key' | 'identity'): void {
  const result = lintPolicy(text, kind ? { kind } : {});
  for (const f of result.findings) {
    expect(FINDING_IDS).toContain(f.id);
    expect(typeof f.message).toBe('string');
    if (f.line !== null) expect(f.line).toBeGreaterThan(0);
    if (f.column !== null) expect(f.column).toBeGreaterThan(0);
  }
}

/** Replaces, deletes or renames one member somewhere in a JSON value. */
function mutate(value: unknown, path: readonly number[], replacement: unknown, op: number): unknown {
  if (typeof value !== 'object' || value === null) return replacement;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  if (entries.length === 0) return replacement;
  const [step = 0, ...rest] = path;
  const at = step % entries.length;
  const next = entries.map(([k, v], i) => (i === at && rest.length > 0 ? [k, mutate(v, rest, replacement, op)] as const : [k, v] as const));
  if (rest.length === 0) {
    if (op === 0) next.splice(at, 1);
    else if (op === 1) next[at] = [next[at]![0], replacement];
    else next[at] = [`${next[at]![0]}x`, next[at]![1]];
  }
  return Array.isArray(value) ? next.map(([, v]) => v) : Object.fromEntries(next);
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

/** SPEC 2.2's promise of every cell (see promise.ts) over generated key and identity policies. */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { policy } from '../../helpers/arbitraries.js';
import { checkAgreement } from './promise.js';

describe('matrix cells keep the SPEC 2.2 promise with authorize', () => {
  it('key policies', () => {
    fc.assert(fc.property(policy('key', 6), fc.integer({ min: 1, max: 2 ** 30 }), (raw, seed) => checkAgreement(raw, 'key', seed)), { numRuns: 150 });
  }, 180_000);
  it('identity policies', () => {
    fc.assert(fc.property(policy('identity', 6), fc.integer({ min: 1, max: 2 ** 30 }), (raw, seed) => checkAgreement(raw, 'identity', seed)), { numRuns: 120 });
  }, 180_000);
});


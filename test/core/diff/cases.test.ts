/**
 * Table-driven diff pairs (test/fixtures/diff/cases.json): each equivalence of
 * SPEC 2.4 is no change, each kind of widening and narrowing is found, and the
 * whole SPEC 2.4 JSON equals the reviewed file in test/fixtures/diff/expected/.
 * Every case names the AWS page that decides it ("doc").
 */
import { describe, expect, it } from 'vitest';
import { diffJson, diffPolicies } from '../../../source/core/diff/index.js';
import { detectKind, parsePolicy } from '../../../source/core/policy/index.js';
import { readFixture } from '../../helpers/fixtures.js';

interface DiffCase {
  readonly name: string;
  readonly doc: string;
  readonly note: string;
  readonly old: unknown;
  readonly new: unknown;
  readonly newText?: 'compact';
  readonly expect: { widened: number; narrowed: number; changed: number };
}

const cases = JSON.parse(readFixture('diff', 'cases.json')) as DiffCase[];

function run(c: DiffCase) {
  const before = parsePolicy(JSON.stringify(c.old, null, 2)).document!;
  const after = parsePolicy(c.newText === 'compact' ? JSON.stringify(c.new) : JSON.stringify(c.new, null, 2)).document!;
  return diffPolicies(before, after, detectKind(after));
}

describe.each(cases.map((c) => [c.name, c] as const))('diff %s', (_name, c) => {
  it('cites the AWS page that decides it', () => {
    expect(c.doc).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
  });
  it('finds the widened / narrowed / changed cells the case expects', () => {
    expect(run(c).summary).toEqual(c.expect);
  });
  it('prints exactly the reviewed SPEC 2.4 JSON', () => {
    expect(diffJson(run(c))).toEqual(JSON.parse(readFixture('diff', 'expected', `${c.name}.json`)));
  });
  it('the reverse diff swaps widened and narrowed', () => {
    const reverse = diffPolicies(parsePolicy(JSON.stringify(c.new)).document!, parsePolicy(JSON.stringify(c.old)).document!, detectKind(parsePolicy(JSON.stringify(c.new)).document!));
    const { widened, narrowed, changed } = reverse.summary;
    // A change that is neither way is widened in both directions (the safe answer).
    if (c.name === 'via-service-changed') expect({ widened, narrowed, changed }).toEqual({ widened: 1, narrowed: 0, changed: 0 });
    else expect({ widened, narrowed, changed }).toEqual({ widened: c.expect.narrowed, narrowed: c.expect.widened, changed: c.expect.changed });
  });
});

/** When one condition implies another (diff's comparison of conditional cells), table-driven from test/fixtures/diff/implies.cases.json. */
import { describe, expect, it } from 'vitest';
import { implies } from '../../../source/core/diff/index.js';
import type { PathCondition } from '../../../source/core/matrix/index.js';
import { readFixture } from '../../helpers/fixtures.js';

type Written = [operator: string, key: string, values: string[]];
interface ImpliesCase { b: Written; a: Written; implies: boolean; why: string }
const table = JSON.parse(readFixture('diff', 'implies.cases.json')) as { doc: string; cases: ImpliesCase[] };
const condition = ([operator, key, values]: Written): PathCondition => ({ statement: 0, operator, key, values });

describe('condition implication', () => {
  it('cites the IAM condition operators page', () => {
    expect(table.doc).toBe('https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html');
  });
  it.each(table.cases.map((c) => [`${c.b.join(' ')} => ${c.a.join(' ')}: ${c.implies} (${c.why})`, c] as const))('%s', (_n, c) => {
    expect(implies(condition(c.b), condition(c.a))).toBe(c.implies);
  });
});

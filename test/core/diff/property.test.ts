/**
 * Properties of diff (SPEC 2.4) over generated policies (test/helpers/arbitraries.ts):
 * a semantics-preserving rewrite — shuffled statements, renamed Sids, wildcard
 * actions expanded to the KMS actions they match
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html),
 * a statement split in two with the same effect — is no change at all; adding one
 * Allow statement is never a narrowing (an Allow only adds ways to be allowed,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kmsActionIds } from '../../../source/core/catalog/kms.js';
import { diffPolicies } from '../../../source/core/diff/index.js';
import { wildcardMatch } from '../../../source/core/evaluate/wildcard.js';
import { buildDocument } from '../../../source/core/policy/index.js';
import { policy, statement } from '../../helpers/arbitraries.js';

type Raw = Record<string, unknown>;
const statementsOf = (p: Raw): Raw[] => (Array.isArray(p.Statement) ? (p.Statement as Raw[]) : [p.Statement as Raw]);
const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : [v as string]);

/** An action pattern as the KMS actions it matches (a pattern of another service, or "*", matches no more KMS actions than the list). */
function expand(action: string): string[] {
  if (!/[*?]/.test(action)) return [action];
  return kmsActionIds().filter((id) => wildcardMatch(action, id, true));
}

function rewrite(p: Raw, seed: number): Raw {
  const r = fc.sample(fc.nat(), { numRuns: 64, seed });
  let k = 0;
  const next = () => r[k++ % r.length]!;
  let ss = statementsOf(p).map((s) => ({ ...s }) as Raw);
  // Rename Sids (kept unique) and expand wildcard actions.
  ss = ss.map((s, i) => {
    const out: Raw = { ...s, ...(s.Sid !== undefined ? { Sid: `Renamed${i}` } : {}) };
    if (next() % 2 === 0) {
      const actions = [...new Set(list(s.Action).flatMap(expand))];
      if (actions.length > 0) out.Action = actions;
    }
    return out;
  });
  // Split one statement with several actions into two with the same effect.
  const at = ss.findIndex((s) => list(s.Action).length > 1);
  if (at >= 0) {
    const actions = list(ss[at]!.Action);
    const half = 1 + (next() % (actions.length - 1));
    const a: Raw = { ...ss[at]!, Action: actions.slice(0, half) };
    const b: Raw = { ...ss[at]!, Action: actions.slice(half), ...(ss[at]!.Sid !== undefined ? { Sid: 'SplitHalf' } : {}) };
    ss.splice(at, 1, a, b);
  }
  // Shuffle.
  for (let i = ss.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [ss[i], ss[j]] = [ss[j]!, ss[i]!];
  }
  return { ...p, Statement: ss };
}

const summaryOf = (before: Raw, after: Raw, kind: 'key' | 'identity') => diffPolicies(buildDocument(before), buildDocument(after), kind);

describe.each(['key', 'identity'] as const)('diff properties, %s policies', (kind) => {
  it('a semantics-preserving rewrite is no change', () => {
    fc.assert(
      fc.property(policy(kind, 5), fc.integer({ min: 1, max: 2 ** 30 }), (p, seed) => {
        const d = summaryOf(p, rewrite(p, seed), kind);
        expect(d.changes.map((c) => `${c.subject} ${c.action} ${c.change}: ${c.why}`)).toEqual([]);
      }),
      { numRuns: 120 },
    );
  }, 120_000);

  it('P plus one Allow statement is never narrowed', () => {
    fc.assert(
      fc.property(policy(kind, 5), statement(kind), (p, extra) => {
        const after = { ...p, Statement: [...statementsOf(p), { ...extra, Effect: 'Allow' }] };
        const d = summaryOf(p, after, kind);
        expect(d.changes.filter((c) => c.change === 'narrowed').map((c) => `${c.subject} ${c.action}: ${c.why}`)).toEqual([]);
      }),
      { numRuns: 120 },
    );
  }, 120_000);
});

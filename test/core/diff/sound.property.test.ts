/**
 * Diff never misses a widening (SPEC 2.4, the claim CI relies on): for a generated
 * policy and a generated edit of it (a statement replaced or added), every request
 * that `authorize` allows under the new version and not under the old one — on a
 * row both versions are evaluated on, with and without an IAM policy that allows
 * everything — is a `widened` cell of the diff. Contexts come from the condition
 * keys and values both versions mention (test/core/matrix/context-space.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kmsAction } from '../../../source/core/catalog/kms.js';
import { diffPolicies, diffRows } from '../../../source/core/diff/index.js';
import { derivedContext } from '../../../source/core/evaluate/derived.js';
import { authorize, EXAMPLE_KEY_ID, parseRequestPrincipal, type RequestContext } from '../../../source/core/evaluate/index.js';
import { buildDocument, type PolicyDocument } from '../../../source/core/policy/model.js';
import { policy, statement } from '../../helpers/arbitraries.js';
import { contextSpace, sampleContexts, statementContexts } from '../matrix/context-space.js';
import { IAM_ALLOWS_ALL } from '../matrix/promise.js';

type Raw = Record<string, unknown>;
const statementsOf = (p: Raw): Raw[] => (Array.isArray(p.Statement) ? (p.Statement as Raw[]) : [p.Statement as Raw]);
const ACTIONS = ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:PutKeyPolicy', 'kms:CreateGrant', 'kms:DescribeKey', 'kms:ScheduleKeyDeletion', 'kms:TagResource', 'kms:Sign', 'kms:CreateKey'];
const ALICE = 'arn:aws:iam::111122223333:user/alice';

function allowed(kind: 'key' | 'identity', doc: PolicyDocument, principal: string, resource: string, action: string, context: RequestContext, iam: boolean): boolean {
  if (kind === 'key') return authorize({ action, principal, resource, context, keyPolicy: doc, identityPolicies: iam ? [IAM_ALLOWS_ALL] : [] }).decision === 'allow';
  return authorize({ action, principal: ALICE, resource, context, identityPolicies: [{ name: 'p', document: doc }] }).decision === 'allow';
}

describe.each(['key', 'identity'] as const)('diff finds every widening, %s policies', (kind) => {
  it('a request allowed after and not before is a widened cell', () => {
    fc.assert(
      fc.property(policy(kind, 4), statement(kind), fc.nat(), fc.boolean(), fc.integer({ min: 1, max: 2 ** 30 }), (p, extra, at, replace, seed) => {
        const old = statementsOf(p);
        const edited = [...old];
        if (replace) edited.splice(at % old.length, 1, extra);
        else edited.push(extra);
        const before = buildDocument(p);
        const after = buildDocument({ ...p, Statement: edited });
        const d = diffPolicies(before, after, kind);
        const widened = new Set(d.changes.filter((c) => c.change === 'widened').map((c) => `${c.subject}\u0000${c.action}`));
        const { keyAccount, rows } = diffRows(before, after, kind);
        const both = buildDocument({ Statement: [...old, extra] });
        const contexts = [...statementContexts(both), ...sampleContexts(contextSpace(both), 12, seed)];
        for (const row of rows) {
          const principal = kind === 'key' ? row.evaluatedAs : ALICE;
          const resource = kind === 'key' ? `arn:aws:kms:us-west-2:${keyAccount}:key/${EXAMPLE_KEY_ID}` : row.evaluatedAs;
          // Keys AWS sets from the principal are derived by authorize, never given.
          const fixed = kind === 'key' ? derivedContext(parseRequestPrincipal(principal)).fixed : new Set<string>();
          for (const action of ACTIONS) {
            if (kind === 'key' && !kmsAction(action)!.onKey) continue;
            for (const raw of contexts) {
              const context = Object.fromEntries(Object.entries(raw).filter(([k]) => !fixed.has(k.toLowerCase())));
              for (const iam of kind === 'key' ? [true, false] : [true]) {
                if (allowed(kind, after, principal, resource, action, context, iam) && !allowed(kind, before, principal, resource, action, context, iam)) {
                  expect(widened.has(`${row.subject}\u0000${action}`), `${row.subject} ${action} ${JSON.stringify(context)} iam=${iam}`).toBe(true);
                }
              }
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  }, 180_000);
});

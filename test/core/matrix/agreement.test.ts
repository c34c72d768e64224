import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorize, EXAMPLE_KEY_ID, type AuthorizationResult, type NamedPolicy, type RequestContext } from '../../../source/core/evaluate/index.js';
import { buildMatrix, identityRows, keyPolicyAccount, keyPolicyRows, type CellDecision } from '../../../source/core/matrix/index.js';
import { buildDocument, type PolicyDocument } from '../../../source/core/policy/model.js';
import { policy } from '../../helpers/arbitraries.js';
import { contextSpace, sampleContexts, statementContexts } from './context-space.js';

/** With every key operation allowed by IAM, a delegated grant is decided by the key policy alone. */
const IAM_ALLOWS_KEYS: NamedPolicy = {
  name: 'iam-allows-keys',
  document: buildDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: 'arn:aws:kms:*:*:key/*' }] }),
};

const EXPECTED: Record<Exclude<CellDecision, 'conditional'>, AuthorizationResult['decision']> = {
  allow: 'allow',
  deny: 'explicit-deny',
  none: 'implicit-deny',
};

type Probe = (action: string, context: RequestContext) => AuthorizationResult;

function probes(doc: PolicyDocument, kind: 'key' | 'identity'): Probe[] {
  if (kind === 'key') {
    const keyArn = `arn:aws:kms:us-west-2:${keyPolicyAccount(doc)}:key/${EXAMPLE_KEY_ID}`;
    return keyPolicyRows(doc).map((row) => (action, context) =>
      authorize({ action, principal: row.probe, resource: keyArn, context, keyPolicy: doc, identityPolicies: [IAM_ALLOWS_KEYS] }),
    );
  }
  return identityRows(doc).map((row) => (action, context) =>
    authorize({ action, principal: 'arn:aws:iam::111122223333:user/alice', resource: row.probe, context, identityPolicies: [{ name: 'p', document: doc }] }),
  );
}

function checkAgreement(raw: unknown, kind: 'key' | 'identity', seed: number) {
  const doc = buildDocument(raw);
  const matrix = buildMatrix(doc, kind);
  const rowProbes = probes(doc, kind);
  expect(matrix.rows.length).toBe(rowProbes.length);
  const space = contextSpace(doc);
  const few = [...statementContexts(doc), ...sampleContexts(space, 4, seed)];
  const many = [...statementContexts(doc), ...sampleContexts(space, 150, seed + 1)];
  matrix.rows.forEach((row, i) => {
    const probe = rowProbes[i]!;
    for (const action of matrix.actions) {
      const cell = row.cells[action]!;
      if (cell.decision === 'conditional') {
        const seen = new Set(many.map((ctx) => probe(action, ctx).decision));
        expect(seen.size, `${row.subject} ${action} conditional but always ${[...seen].join()}`).toBeGreaterThan(1);
        expect(cell.conditionKeys.length).toBeGreaterThan(0);
      } else {
        for (const ctx of few) {
          expect(probe(action, ctx).decision, `${row.subject} ${action} ${JSON.stringify(ctx)}`).toBe(EXPECTED[cell.decision]);
        }
      }
    }
  });
}

/**
 * The display (A or I) of every allow cell of a key policy: A means the key policy alone
 * allows (no IAM policy needed, every sampled context); I means it does not: without the
 * statements that have conditions and without IAM policies, the request is denied.
 */
function checkDisplay(raw: unknown, seed: number) {
  const doc = buildDocument(raw);
  const matrix = buildMatrix(doc, 'key');
  const keyArn = `arn:aws:kms:us-west-2:${keyPolicyAccount(doc)}:key/${EXAMPLE_KEY_ID}`;
  const unconditional = buildDocument({ ...(raw as object), Statement: doc.statements.filter((st) => st.conditions.length === 0).map((st) => st.raw) });
  const contexts = sampleContexts(contextSpace(doc), 4, seed);
  keyPolicyRows(doc).forEach((row, i) => {
    for (const action of matrix.actions) {
      const cell = matrix.rows[i]!.cells[action]!;
      if (cell.decision !== 'allow') continue;
      if (cell.iamDecides) {
        const r = authorize({ action, principal: row.probe, resource: keyArn, keyPolicy: unconditional, identityPolicies: [] });
        expect(r.decision, `${row.subject} ${action} is I but the key policy alone allows`).toBe('implicit-deny');
      } else {
        for (const context of contexts) {
          const r = authorize({ action, principal: row.probe, resource: keyArn, context, keyPolicy: doc, identityPolicies: [] });
          expect(r.decision, `${row.subject} ${action} is A but needs IAM ${JSON.stringify(context)}`).toBe('allow');
        }
      }
    }
  });
}

describe('matrix cells agree with authorize', () => {
  it('key policies: A cells need no IAM policy, I cells do', () => {
    fc.assert(fc.property(policy('key', 6), fc.integer({ min: 1, max: 2 ** 30 }), (raw, seed) => checkDisplay(raw, seed)), { numRuns: 120 });
  });

  it('key policies: allow/deny/none hold for every sampled context; conditional cells go both ways', () => {
    fc.assert(fc.property(policy('key', 6), fc.integer({ min: 1, max: 2 ** 30 }), (raw, seed) => checkAgreement(raw, 'key', seed)), { numRuns: 120 });
  });
  it('identity policies', () => {
    fc.assert(fc.property(policy('identity', 6), fc.integer({ min: 1, max: 2 ** 30 }), (raw, seed) => checkAgreement(raw, 'identity', seed)), { numRuns: 120 });
  });
});

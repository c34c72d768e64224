/**
 * Grants in the matrix (SPEC 2.2, 2.6), over generated key policies and grants:
 * - the cell promise (promise.ts) holds with grants, probed with `authorize` and the same grants;
 * - adding a grant never narrows a cell, removing one never widens one;
 * - a cell that only a grant opens names that grant, and `simulate` (authorize) matches it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorize } from '../../../source/core/evaluate/index.js';
import type { Grant } from '../../../source/core/grants/index.js';
import { buildMatrix, type Matrix, type MatrixCell } from '../../../source/core/matrix/index.js';
import { buildDocument } from '../../../source/core/policy/model.js';
import { kmsAction } from '../../../source/core/catalog/kms.js';
import { policy } from '../../helpers/arbitraries.js';
import { grantEntry, readGrants } from '../../helpers/grants.js';
import { checkAgreement } from './promise.js';

/** How much a cell allows: never < under conditions < once IAM allows < by itself. */
function reach(c: MatrixCell): number {
  if (c.decision === 'deny' || c.decision === 'none') return 0;
  if (c.decision === 'conditional') return 1;
  return c.via === 'iam' ? 2 : 3;
}

/** Every cell of `narrow` (by row subject) allows no more than the same cell of `wide`. */
function neverNarrower(narrow: Matrix, wide: Matrix): void {
  const wideRows = new Map(wide.rows.map((r) => [r.subject, r]));
  for (const row of narrow.rows) {
    const other = wideRows.get(row.subject);
    expect(other, `row ${row.subject} kept`).toBeDefined();
    for (const a of narrow.actions) {
      const before = row.cells[a]!;
      const after = other!.cells[a]!;
      expect(reach(after), `${row.subject} ${a}: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`).toBeGreaterThanOrEqual(reach(before));
    }
  }
}

const case_ = fc.record({ raw: policy('key', 5), entries: fc.array(grantEntry, { minLength: 0, maxLength: 3 }), extra: grantEntry, seed: fc.integer({ min: 1, max: 2 ** 30 }) });

describe('grants in the matrix', () => {
  it('keep the cell promise with authorize (same grants)', () => {
    fc.assert(fc.property(case_, ({ raw, entries, extra, seed }) => checkAgreement(raw, 'key', seed, readGrants([...entries, extra]))), { numRuns: 100 });
  }, 180_000);

  it('adding a grant never narrows a cell; removing one never widens one', () => {
    fc.assert(
      fc.property(case_, fc.nat(), ({ raw, entries, extra }, pick) => {
        const doc = buildDocument(raw);
        const all = readGrants([...entries, extra]);
        const without: Grant[] = all.filter((_, i) => i !== pick % all.length);
        const fewer = buildMatrix(doc, 'key', { grants: without });
        const more = buildMatrix(doc, 'key', { grants: all });
        neverNarrower(fewer, more);
      }),
      { numRuns: 150 },
    );
  }, 180_000);

  it('a cell that only a grant opens names the grant, and authorize matches it', () => {
    fc.assert(
      fc.property(case_, ({ raw, entries, extra }) => {
        const doc = buildDocument(raw);
        const grants = readGrants([...entries, extra]);
        const m = buildMatrix(doc, 'key', { grants });
        for (const row of m.rows) {
          for (const a of m.actions) {
            const cell = row.cells[a]!;
            if (cell.decision !== 'allow' && cell.decision !== 'conditional') continue;
            const allows = cell.paths.filter((p) => p.effect === 'Allow');
            if (allows.some((p) => p.statements.length > 0)) continue;
            const at = `${row.subject} ${a} ${JSON.stringify(cell)}`;
            expect(allows.length, at).toBeGreaterThan(0);
            for (const p of allows) {
              expect(p.via, at).toBe('grant');
              expect(p.grants.length, at).toBeGreaterThan(0);
              for (const id of p.grants) expect(grants.some((g) => g.id === id), at).toBe(true);
            }
            expect(cell.via, at).toBe('grant');
            if (cell.decision !== 'allow' || !kmsAction(a)!.onKey) continue;
            const r = authorize({ action: a, principal: row.evaluatedAs, resource: m.keyArn, keyPolicy: doc, grants });
            expect(r.decision, at).toBe('allow');
            const named = new Set(allows.flatMap((p) => p.grants));
            expect(r.matched.some((x) => x.policy === 'grant' && named.has(x.grant!)), `${at} ${JSON.stringify(r)}`).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  }, 180_000);
});

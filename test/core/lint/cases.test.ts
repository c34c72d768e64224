import { describe, expect, it } from 'vitest';
import { FINDING_IDS, lintPolicy, type FindingId } from '../../../source/core/lint/index.js';
import { parseJson } from '../../../source/core/policy/json.js';
import { nodeAt } from '../../../source/core/policy/json-pointer.js';
import { readFixture } from '../../helpers/fixtures.js';

interface LintCase {
  readonly id: FindingId;
  readonly kind: 'key' | 'identity';
  readonly fires?: unknown;
  readonly firesText?: string;
  readonly ok?: unknown;
  readonly note?: string;
  /** The AWS documentation page that decides the case. */
  readonly doc?: string;
  /** Ids that must not fire on the triggering policy (a neighbour the case is told apart from). */
  readonly notOnFires?: readonly FindingId[];
}

const cases = JSON.parse(readFixture('lint', 'cases.json')) as LintCase[];
const text = (c: LintCase) => c.firesText ?? JSON.stringify(c.fires, null, 2);

describe('lint catalog coverage', () => {
  it('has a triggering fixture and a near miss for every finding id', () => {
    // Raised only by a source (Terraform, CloudFormation), not by a policy document: test/cli/sources.test.ts;
    // by `lint --as ARN` (test/core/lint/deployer.test.ts) or by `diff` (test/cli/diff.test.ts).
    const sourceOnly = new Set(['UNRESOLVED_REFERENCE', 'BYPASS_LOCKOUT_CHECK', 'DEPLOYER_LOCKOUT', 'ACCESS_WIDENED']);
    // Raised only by a grants file (lint --grants): their cases are test/fixtures/grants/lint.json (test/core/grants/lint.test.ts).
    const grantsOnly = (id: string) => id.startsWith('GRANT_');
    for (const id of FINDING_IDS.filter((x) => !sourceOnly.has(x) && !grantsOnly(x))) {
      expect(cases.some((c) => c.id === id), `${id} fires`).toBe(true);
      expect(cases.some((c) => c.id === id && c.ok !== undefined), `${id} near miss`).toBe(true);
    }
  });
});

describe.each(cases.map((c, i) => [`${c.id}${c.note ? ` (${c.note})` : ''} #${i}`, c] as const))('%s', (_name, c) => {
  it('fires on the triggering policy, located at a real element', () => {
    const source = text(c);
    const { findings } = lintPolicy(source, { kind: c.kind });
    const hits = findings.filter((f) => f.id === c.id);
    expect(hits.length, JSON.stringify(findings.map((f) => f.id))).toBeGreaterThan(0);
    const root = parseJson(source).root;
    for (const f of hits) {
      expect(f.message.length).toBeGreaterThan(0);
      expect(f.fix.length).toBeGreaterThan(0);
      if (f.path !== '' && f.id !== 'JSON_SYNTAX') {
        expect(nodeAt(root, f.path), f.path).not.toBeNull();
        expect(f.line).not.toBeNull();
        expect(f.column).not.toBeNull();
      }
    }
    for (const other of c.notOnFires ?? []) expect(findings.filter((f) => f.id === other), other).toEqual([]);
  });
  if (c.ok !== undefined) {
    it('does not fire on the near miss', () => {
      const { findings } = lintPolicy(JSON.stringify(c.ok, null, 2), { kind: c.kind });
      expect(findings.filter((f) => f.id === c.id)).toEqual([]);
    });
  }
});

/** lint of grants (SPEC 3, lint --grants): every GRANT_ id fires on its fixture, located in the grants file, and not on its near miss. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintGrants, readListGrants } from '../../../source/core/grants/index.js';
import { FINDING_IDS, type FindingId } from '../../../source/core/lint/index.js';
import { buildDocument } from '../../../source/core/policy/model.js';
import { FIXTURES } from '../../helpers/cli.js';

interface GrantLintCase {
  readonly id: FindingId;
  readonly note?: string;
  readonly keyPolicy?: object;
  readonly fires: unknown;
  readonly ok?: unknown;
}

export const GRANT_LINT_CASES = (JSON.parse(readFileSync(join(FIXTURES, 'grants', 'lint.json'), 'utf8')) as { cases: GrantLintCase[] }).cases;

function findings(c: GrantLintCase, value: unknown) {
  const text = JSON.stringify(value, null, 2);
  const read = readListGrants('grants.json', text);
  return [...read.findings, ...lintGrants(read.grants, c.keyPolicy ? { keyPolicy: buildDocument(c.keyPolicy) } : {})];
}

describe('grant finding ids', () => {
  it('every GRANT_ id of the catalog has a triggering case and a near miss', () => {
    for (const id of FINDING_IDS.filter((x) => x.startsWith('GRANT_'))) {
      expect(GRANT_LINT_CASES.some((c) => c.id === id), `${id} fires`).toBe(true);
      expect(GRANT_LINT_CASES.some((c) => c.id === id && c.ok !== undefined), `${id} near miss`).toBe(true);
    }
  });
});

describe.each(GRANT_LINT_CASES.map((c, i) => [`${c.id}${c.note ? ` (${c.note})` : ''} #${i}`, c] as const))('%s', (_n, c) => {
  it('fires, with line and column in the grants file', () => {
    const all = findings(c, c.fires);
    const hits = all.filter((f) => f.id === c.id);
    expect(hits.length, JSON.stringify(all)).toBeGreaterThan(0);
    for (const f of hits) {
      expect(f.line).not.toBeNull();
      expect(f.column).not.toBeNull();
      expect(f.message.length).toBeGreaterThan(0);
      expect(f.fix.length).toBeGreaterThan(0);
    }
  });
  if (c.ok !== undefined) it('does not fire on the near miss', () => expect(findings(c, c.ok).filter((f) => f.id === c.id)).toEqual([]));
});

/** Table-driven grants fixtures (test/fixtures/grants/*.cases.json), as test/fixtures/evaluate: authorize with grants beside the policies. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authorize, type RequestContext } from '../../../source/core/evaluate/index.js';
import { readListGrants } from '../../../source/core/grants/index.js';
import { buildDocument } from '../../../source/core/policy/model.js';
import { FIXTURES } from '../../helpers/cli.js';

const DIR = join(FIXTURES, 'grants');

interface Case {
  name: string;
  action: string;
  principal: string;
  resource?: string;
  context?: RequestContext;
  /** grants: the ids of the grants that allow (matched entries of policy "grant"). */
  expect: { decision: string; via?: string | null; grants?: string[]; note?: string };
}
interface CaseFile {
  source: string;
  keyPolicy?: string | object;
  identityPolicies?: Array<{ name: string; policy: object }>;
  grants: string | object;
  cases: Case[];
}

const json = (ref: string | object): unknown => (typeof ref === 'string' ? JSON.parse(readFileSync(join(DIR, ref), 'utf8')) : ref);

describe.each(readdirSync(DIR).filter((f) => f.endsWith('.cases.json')))('grants: %s', (file) => {
  const data = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as CaseFile;
  const keyPolicy = data.keyPolicy ? buildDocument(json(data.keyPolicy)) : undefined;
  const identityPolicies = (data.identityPolicies ?? []).map((p) => ({ name: p.name, document: buildDocument(p.policy) }));
  const read = readListGrants(file, JSON.stringify(json(data.grants), null, 2));
  it('cites its AWS documentation page, and its grants read without findings', () => {
    expect(data.source).toMatch(/docs\.aws\.amazon\.com/);
    expect(read.findings).toEqual([]);
    expect(read.grants.length).toBeGreaterThan(0);
  });
  it.each(data.cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const r = authorize({
      action: c.action,
      principal: c.principal,
      ...(c.resource ? { resource: c.resource } : {}),
      ...(c.context ? { context: c.context } : {}),
      ...(keyPolicy ? { keyPolicy } : {}),
      identityPolicies,
      grants: read.grants,
    });
    expect(r.decision, JSON.stringify(r)).toBe(c.expect.decision);
    if ('via' in c.expect) expect(r.via, JSON.stringify(r)).toBe(c.expect.via);
    if (c.expect.grants) expect(r.matched.filter((m) => m.policy === 'grant').map((m) => m.grant)).toEqual(c.expect.grants);
    if (c.expect.note) expect(r.notes.join('\n')).toContain(c.expect.note);
  });
});

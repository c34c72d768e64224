import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authorize, type RequestContext } from '../../../source/core/evaluate/index.js';
import { buildDocument } from '../../../source/core/policy/model.js';
import { FIXTURES } from '../../helpers/cli.js';

const DIR = join(FIXTURES, 'evaluate');

interface TraceCase {
  name: string;
  keyPolicy?: string | object;
  identityPolicies?: Array<{ name: string; policy: object }>;
  request: { action: string; principal: string; resource?: string; context?: RequestContext };
  expect: { decision: string; via?: string | null; rule?: string; trace?: object[] };
}

const data = JSON.parse(readFileSync(join(DIR, 'trace.json'), 'utf8')) as { source: string; cases: TraceCase[] };

describe('authorize trace fixtures', () => {
  it('cite the AWS pages they follow', () => expect(data.source).toMatch(/\.html/));
  it.each(data.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const raw = typeof c.keyPolicy === 'string' ? JSON.parse(readFileSync(join(DIR, c.keyPolicy), 'utf8')) : c.keyPolicy;
    const req = {
      ...c.request,
      ...(raw ? { keyPolicy: buildDocument(raw) } : {}),
      identityPolicies: (c.identityPolicies ?? []).map((p) => ({ name: p.name, document: buildDocument(p.policy) })),
    };
    const r = authorize(req, { trace: true });
    expect(r.decision, JSON.stringify(r)).toBe(c.expect.decision);
    // The trace never disagrees with the plain decision.
    expect(authorize(req).decision).toBe(r.decision);
    if ('via' in c.expect) expect(r.via).toBe(c.expect.via);
    if (c.expect.rule) expect(r.rule).toBe(c.expect.rule);
    if (c.expect.trace) expect(r.trace.map(({ sid: _sid, effect: _effect, ...t }) => t)).toEqual(c.expect.trace);
  });
});

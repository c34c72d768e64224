import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authorize, clauseHolds, normalizeContext, type NamedPolicy, type RequestContext } from '../../../source/core/evaluate/index.js';
import { buildDocument, parseConditions, type PolicyDocument } from '../../../source/core/policy/model.js';
import { FIXTURES } from '../../helpers/cli.js';
import { seedManifest } from '../../helpers/fixtures.js';

const DIR = join(FIXTURES, 'evaluate');

interface Case {
  name: string;
  action: string;
  principal: string;
  resource?: string;
  context?: RequestContext;
  expect: { decision: string; via?: string | null; note?: string };
}
interface CaseFile {
  source: string;
  keyPolicy?: string | object;
  identityPolicies?: Array<{ name: string; policy: object }>;
  cases: Case[];
}

function doc(ref: string | object): PolicyDocument {
  const raw: unknown = typeof ref === 'string' ? JSON.parse(readFileSync(join(DIR, ref), 'utf8')) : ref;
  return buildDocument(raw);
}

function check(c: Case, keyPolicy: PolicyDocument | undefined, identityPolicies: NamedPolicy[]) {
  const r = authorize({
    action: c.action,
    principal: c.principal,
    ...(c.resource ? { resource: c.resource } : {}),
    ...(c.context ? { context: c.context } : {}),
    ...(keyPolicy ? { keyPolicy } : {}),
    identityPolicies,
  });
  expect(r.decision, JSON.stringify(r)).toBe(c.expect.decision);
  if ('via' in c.expect) expect(r.via, JSON.stringify(r)).toBe(c.expect.via);
  if (c.expect.note) expect(r.notes.join('\n')).toContain(c.expect.note);
}

const requestFiles = readdirSync(DIR).filter((f) => f.endsWith('.cases.json') && f !== 'conditions.cases.json' && f !== 'seeds.cases.json');

describe.each(requestFiles)('authorize: %s', (file) => {
  const data = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as CaseFile;
  const keyPolicy = data.keyPolicy ? doc(data.keyPolicy) : undefined;
  const identity = (data.identityPolicies ?? []).map((p) => ({ name: p.name, document: buildDocument(p.policy) }));
  it('cites its AWS documentation page', () => expect(data.source).toMatch(/docs\.aws\.amazon\.com/));
  it.each(data.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => check(c, keyPolicy, identity));
});

describe('conditions (IAM condition operators)', () => {
  const data = JSON.parse(readFileSync(join(DIR, 'conditions.cases.json'), 'utf8')) as {
    cases: Array<{ name: string; condition: unknown; context: RequestContext; holds: boolean }>;
  };
  it.each(data.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const clauses = parseConditions(c.condition, '/Statement/0');
    expect(clauses.length).toBeGreaterThan(0);
    const ctx = normalizeContext(c.context);
    expect(clauses.every((cl) => clauseHolds(cl, ctx))).toBe(c.holds);
  });
});

describe('every seed policy', () => {
  const data = JSON.parse(readFileSync(join(DIR, 'seeds.cases.json'), 'utf8')) as { seeds: Array<{ file: string; cases: Case[] }> };
  it('covers every readable seed of the manifest', () => {
    const readable = seedManifest().filter((s) => s.valid).map((s) => s.file);
    expect(data.seeds.map((s) => s.file).sort()).toEqual([...new Set(readable)].sort());
  });
  for (const seed of data.seeds) {
    const document = buildDocument(JSON.parse(readFileSync(join(FIXTURES, 'seeds', seed.file), 'utf8')));
    const isKey = document.statements.some((s) => s.principal || s.notPrincipal);
    it.each(seed.cases.map((c) => [`${seed.file}: ${c.name}`, c] as const))('%s', (_n, c) =>
      check(c, isKey ? document : undefined, isKey ? [] : [{ name: seed.file, document }]),
    );
  }
});

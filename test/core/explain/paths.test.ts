import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainPolicy, type ExplanationPart, type PolicyExplanation } from '../../../source/core/explain/index.js';
import { parseJson } from '../../../source/core/policy/json.js';
import { nodeAt } from '../../../source/core/policy/json-pointer.js';
import { detectKind } from '../../../source/core/policy/model.js';
import { parsePolicy } from '../../../source/core/policy/parse.js';
import { allTemplates, renderTemplate } from '../../../source/core/templates/index.js';
import { anyPolicy } from '../../helpers/arbitraries.js';
import { readFixture, seedManifest } from '../../helpers/fixtures.js';

function flatten(parts: readonly ExplanationPart[]): ExplanationPart[] {
  return parts.flatMap((p) => [p, ...flatten(p.children ?? [])]);
}

/** Every path an explanation part points at, with the ones that do not exist in the document. */
function missingPaths(text: string, kind?: 'key' | 'identity'): { explanation: PolicyExplanation; missing: string[] } {
  const parsed = parsePolicy(text);
  const doc = parsed.document!;
  const explanation = explainPolicy(doc, kind ?? detectKind(doc));
  const root = parseJson(text).root;
  const missing: string[] = [];
  for (const s of explanation.statements) {
    if (nodeAt(root, s.path) === null) missing.push(s.path);
    for (const p of flatten(s.parts)) {
      if (nodeAt(root, p.path) === null) missing.push(`${p.kind} ${p.path}`);
      expect(p.text.length, p.path).toBeGreaterThan(0);
      expect(p.text).not.toMatch(/undefined|NaN|\[object /);
    }
  }
  return { explanation, missing };
}

describe('every part of an explanation points at an element of the document', () => {
  it.each(allTemplates().map((t) => [t.id, t] as const))('template %s at its defaults', (_id, t) => {
    const { explanation, missing } = missingPaths(JSON.stringify(renderTemplate(t), null, 2), t.kind);
    expect(missing).toEqual([]);
    expect(explanation.statements.length).toBeGreaterThan(0);
  });

  it.each(seedManifest().filter((s) => s.valid).map((s) => [s.file] as const))('seed %s', (file) => {
    expect(missingPaths(readFixture('seeds', file)).missing).toEqual([]);
  });

  it('the explain fixtures', () => {
    const cases = JSON.parse(readFixture('explain', 'cases.json')) as { kind: 'key' | 'identity'; statement?: unknown; policy?: unknown }[];
    for (const c of cases) {
      const raw = c.policy ?? { Version: '2012-10-17', Statement: [c.statement] };
      expect(missingPaths(JSON.stringify(raw), c.kind).missing).toEqual([]);
    }
  });

  it('a single statement object (Statement is not an array)', () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:Get*'], Resource: ['arn:aws:kms:us-west-2:111122223333:key/*', '*'], Condition: { StringEquals: { 'kms:ViaService': 's3.us-west-2.amazonaws.com' } } } });
    const { explanation, missing } = missingPaths(text);
    expect(missing).toEqual([]);
    expect(explanation.statements[0]!.path).toBe('/Statement');
  });

  it('names of Object.prototype as operators, keys, services or context keys read as what they are', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root', [name]: 'x' }, Action: ['kms:Decrypt', `kms:${name}`], Resource: '*', Condition: { [name]: { [name]: 'x' }, StringEquals: { [name]: 'y', 'kms:ViaService': `${name}.us-west-2.amazonaws.com`, [`kms:EncryptionContext:${name}`]: 'z' } } }] });
      const { explanation, missing } = missingPaths(text, 'key');
      expect(missing).toEqual([]);
      const all = explanation.statements.flatMap((s) => [s.summary, ...flatten(s.parts).map((p) => p.text)]).join('\n');
      expect(all, name).not.toMatch(/native code|function |\[object|undefined/);
      expect(all).toContain(`through ${name}`);
    }
  });

  it('generated policies, both kinds, explained as either kind', () => {
    fc.assert(
      fc.property(anyPolicy, fc.constantFrom(undefined, 'key' as const, 'identity' as const), (policy, kind) => {
        const { explanation, missing } = missingPaths(JSON.stringify(policy, null, 2), kind);
        expect(missing).toEqual([]);
        for (const s of explanation.statements) {
          expect(s.summary).toMatch(/^(Allows|Denies|Would apply to) .+\.$/);
          const who = s.parts.find((p) => p.kind === 'principal');
          expect(who).toBeDefined();
        }
      }),
      { numRuns: 200 },
    );
  });
});

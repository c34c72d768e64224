import { describe, expect, it } from 'vitest';
import { kmsActions } from '../../../source/core/catalog/index.js';
import { explainPolicy, renderExplanation, type ExplanationPart } from '../../../source/core/explain/index.js';
import { buildDocument, type PolicyKind } from '../../../source/core/policy/model.js';
import { readFixture } from '../../helpers/fixtures.js';

interface ExpectedPart {
  readonly kind: ExplanationPart['kind'];
  readonly path: string;
  readonly text: string;
}

interface ExplainCase {
  readonly name: string;
  readonly kind: PolicyKind;
  /** The AWS documentation page the wording follows. */
  readonly doc?: string;
  readonly statement?: unknown;
  readonly policy?: unknown;
  readonly expect: readonly ExpectedPart[];
  readonly summary?: string;
  readonly notText?: readonly string[];
}

const cases = JSON.parse(readFixture('explain', 'cases.json')) as ExplainCase[];
const all = kmsActions().length;
const onKey = kmsActions().filter((a) => a.onKey).length;

/** Fills in the catalog's counts, so the fixture survives a new iam-data release. */
function fill(text: string): string {
  return text.replaceAll('{ALL-1}', String(all - 1)).replaceAll('{ON_KEY-1}', String(onKey - 1)).replaceAll('{ALL}', String(all)).replaceAll('{ON_KEY}', String(onKey));
}

function flatten(parts: readonly ExplanationPart[]): ExplanationPart[] {
  return parts.flatMap((p) => [p, ...flatten(p.children ?? [])]);
}

describe.each(cases.map((c) => [c.name, c] as const))('explain: %s', (_name, c) => {
  const raw = c.policy ?? { Version: '2012-10-17', Statement: [c.statement] };
  const explanation = explainPolicy(buildDocument(raw), c.kind);
  const parts = explanation.statements.flatMap((s) => flatten(s.parts));

  it.each(c.expect.map((e) => [`${e.kind} at ${e.path}`, e] as const))('has the %s part', (_label, e) => {
    const candidates = parts.filter((p) => p.kind === e.kind && p.path === e.path);
    expect(candidates.map((p) => p.text), `no ${e.kind} part at ${e.path}: ${JSON.stringify(parts.map((p) => [p.kind, p.path]))}`).not.toEqual([]);
    expect(candidates.some((p) => p.text.includes(fill(e.text))), `${candidates.map((p) => p.text).join('\n')}\n  expected to contain: ${fill(e.text)}`).toBe(true);
  });

  if (c.summary) {
    it('summarizes the statement in one sentence', () => {
      expect(explanation.statements[0]!.summary).toContain(fill(c.summary!));
    });
  }

  if (c.notText) {
    it('does not name what the statement excludes', () => {
      const text = renderExplanation(explanation);
      for (const t of c.notText!) expect(text).not.toContain(t);
    });
  }
});

describe('explanation text', () => {
  it('renders every part, children indented under their parent', () => {
    const doc = buildDocument({ Version: '2012-10-17', Statement: [{ Sid: 'Use', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/R' }, Action: ['kms:Encrypt', 'kms:Decrypt'], Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 's3.us-west-2.amazonaws.com' } } }] });
    const e = explainPolicy(doc, 'key');
    const lines = renderExplanation(e).split('\n');
    expect(lines[0]).toBe('Statement 0 "Use"');
    const flat = flatten(e.statements[0]!.parts);
    for (const p of flat) expect(lines.some((l) => l.trim() === p.text)).toBe(true);
    const actions = lines.findIndex((l) => l.startsWith('  Actions:'));
    expect(lines[actions + 1]).toMatch(/^ {4}2 cryptographic operations: Decrypt, Encrypt/);
  });

  it('appends a teaching note after the generated parts of its statement', () => {
    const doc = buildDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }, { Effect: 'Allow', Action: 'kms:Encrypt', Resource: '*' }] });
    const e = explainPolicy(doc, 'identity', [undefined, 'Second note.']);
    expect(e.statements[0]!.parts.some((p) => p.kind === 'note')).toBe(false);
    const last = e.statements[1]!.parts.at(-1)!;
    expect(last).toMatchObject({ kind: 'note', text: 'Note: Second note.', path: '/Statement/1' });
  });
});

import { describe, expect, it } from 'vitest';
import { explainDocument, matchTemplate, renderExplanation } from '../../../source/core/explain/index.js';
import { buildDocument } from '../../../source/core/policy/model.js';
import { allTemplates, renderTemplate, validateParameter, type ParameterType, type Template } from '../../../source/core/templates/index.js';

/** Values other than the defaults, one per parameter type (lists get two). */
const OTHER: Partial<Record<ParameterType, string | string[]>> = {
  'account-id': '444455556666',
  region: 'eu-west-1',
  'key-id': '0987dcba-09fe-87dc-65ba-ab0987654321',
  'key-arn': 'arn:aws:kms:eu-west-1:444455556666:key/0987dcba-09fe-87dc-65ba-ab0987654321',
  'principal-arn': 'arn:aws:iam::444455556666:role/OtherRole',
  'org-id': 'o-zz9yy8xx7w',
  'account-id-list': ['444455556666', '777788889999'],
  'key-arn-list': ['arn:aws:kms:eu-west-1:444455556666:key/0987dcba-09fe-87dc-65ba-ab0987654321', 'arn:aws:kms:eu-west-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
  'key-id-list': ['0987dcba-09fe-87dc-65ba-ab0987654321', '1234abcd-12ab-34cd-56ef-1234567890ab'],
  'principal-arn-list': ['arn:aws:iam::444455556666:role/A', 'arn:aws:iam::444455556666:user/B'],
};

function otherValues(t: Template): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const p of t.parameters) {
    const v = OTHER[p.type];
    if (v !== undefined && validateParameter(p, v).ok) values[p.name] = v;
  }
  return values;
}

describe('a policy that is a render of a template is recognized', () => {
  it.each(allTemplates().map((t) => [t.id, t] as const))('%s, at its defaults and with other values', (_id, t) => {
    expect(matchTemplate(renderTemplate(t))?.id).toBe(t.id);
    const values = otherValues(t);
    const rendered = renderTemplate(t, values);
    expect(matchTemplate(rendered)?.id, JSON.stringify(values)).toBe(t.id);
    // Round trip through text, as `explain` reads a file.
    expect(matchTemplate(JSON.parse(JSON.stringify(rendered)))?.id).toBe(t.id);
  });

  it('an edited render (one literal changed) is not taken for the template', () => {
    for (const t of allTemplates()) {
      const policy = renderTemplate(t) as { Statement: Record<string, unknown> | Record<string, unknown>[] };
      const first = Array.isArray(policy.Statement) ? policy.Statement[0]! : policy.Statement;
      first.Effect = first.Effect === 'Allow' ? 'Deny' : 'Allow';
      expect(matchTemplate(policy)?.id, t.id).not.toBe(t.id);
    }
  });

  it('a scalar placeholder must hold the same value everywhere', () => {
    // {{account}} is both kms:CallerAccount and the root principal of the second statement.
    const via = allTemplates().find((x) => x.id === 'caller-account-via-service')!;
    const p2 = renderTemplate(via, { account: '111122223333' }) as { Statement: { Principal: unknown }[] };
    expect(matchTemplate(p2)?.id).toBe(via.id);
    p2.Statement[1]!.Principal = { AWS: 'arn:aws:iam::444455556666:root' };
    expect(matchTemplate(p2)?.id).not.toBe(via.id);
  });

  it('a policy that is no template has no template notes', () => {
    const doc = buildDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }] });
    expect(matchTemplate(doc.raw)).toBeNull();
    const e = explainDocument(doc, 'identity');
    expect(e.template).toBeUndefined();
    expect(renderExplanation(e)).not.toContain('Note:');
  });
});

describe('explain shows the template teaching notes after the generated text', () => {
  it.each(allTemplates().map((t) => [t.id, t] as const))('%s', (_id, t) => {
    const doc = buildDocument(renderTemplate(t, otherValues(t)));
    const e = explainDocument(doc, t.kind);
    expect(e.template?.id).toBe(t.id);
    expect(e.template?.notes ?? null).toBe(t.notes ?? null);
    e.statements.forEach((s, i) => {
      const note = t.statementNotes[i];
      if (note === undefined) return;
      const last = s.parts.at(-1)!;
      expect(last.kind).toBe('note');
      expect(last.text).toBe(`Note: ${note}`);
    });
    const text = renderExplanation(e);
    const lines = text.split('\n');
    // Each statement's note is its block's last line; the template's own note ends the text.
    for (const note of t.statementNotes) {
      const at = lines.indexOf(`  Note: ${note}`);
      expect(at, note).toBeGreaterThan(0);
      expect(lines[at + 1] ?? '', note).toBe('');
    }
    expect(text).toContain(`Template ${t.id}: ${t.title}`);
    if (t.notes) expect(text.trimEnd().endsWith(`Note: ${t.notes}`)).toBe(true);
  });
});

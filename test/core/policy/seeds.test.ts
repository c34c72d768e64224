import { describe, expect, it } from 'vitest';
import { detectKind, parsePolicy, serializePolicy } from '../../../source/core/policy/index.js';
import { readFixture, seedManifest } from '../../helpers/fixtures.js';

describe('seed policies', () => {
  const valid = seedManifest().filter((s) => s.valid);

  it.each(valid.map((s) => [s.file, s] as const))('%s: parses, round-trips and has the expected kind', (_file, seed) => {
    const text = readFixture('seeds', seed.file);
    const parsed = parsePolicy(text);
    expect(parsed.findings).toEqual([]);
    const doc = parsed.document!;
    expect(doc.statements).toHaveLength(seed.statements!);
    expect(detectKind(doc)).toBe(seed.kind);
    const again = parsePolicy(serializePolicy(doc.raw));
    expect(again.document!.raw).toEqual(JSON.parse(text));
  });

  it('reports the invalid "Action": { ... } block of the older page with its line and column', () => {
    const text = readFixture('seeds', 'cmk-create-key-related-invalid.json');
    const { document, findings } = parsePolicy(text);
    expect(document).toBeNull();
    expect(findings).toEqual([
      expect.objectContaining({
        id: 'JSON_SYNTAX',
        severity: 'error',
        statement: 0,
        line: 8,
        column: 9,
        message: '"kms:TagResource" has no value: an object holds "name": value pairs. For a list of values, use [ ] instead of the { at line 7, column 17',
      }),
    ]);
    expect(text.split('\n')[7]).toContain('"kms:TagResource"');
  });

  it('normalizes a single statement object and single strings without losing what was written', () => {
    const text = readFixture('seeds', 'create-key.json');
    const doc = parsePolicy(text).document!;
    expect(doc.singleStatement).toBe(true);
    expect(doc.statements[0]).toMatchObject({ pointer: '/Statement', action: ['kms:CreateKey'], resource: ['*'] });
    expect(serializePolicy(doc.raw)).toContain('"Action": "kms:CreateKey"');
  });
});

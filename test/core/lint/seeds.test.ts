import { describe, expect, it } from 'vitest';
import { lintPolicy } from '../../../source/core/lint/index.js';
import { allTemplates, renderTemplate } from '../../../source/core/templates/index.js';
import { readFixture, seedManifest } from '../../helpers/fixtures.js';

describe('seed policies', () => {
  it.each(seedManifest().map((s) => [s.file, s] as const))('%s lints without crashing, as its manifest says', (_file, seed) => {
    const { findings, kind } = lintPolicy(readFixture('seeds', seed.file));
    if (seed.kind) expect(kind).toBe(seed.kind);
    const syntax = findings.filter((f) => f.id === 'JSON_SYNTAX');
    if (seed.valid) expect(syntax).toEqual([]);
    else {
      expect(syntax.length).toBeGreaterThan(0);
      expect(syntax[0]!.line).toBeGreaterThan(0);
    }
    for (const f of findings) expect(f.message).not.toMatch(/undefined|NaN|\[object/);
  });

  it('reports the IAM Pulse account ids of 10 and 11 digits', () => {
    for (const file of ['iampulse-default-key-policy.json', 'iampulse-cross-account.json']) {
      const { findings } = lintPolicy(readFixture('seeds', file));
      const bad = findings.filter((f) => f.id === 'INVALID_ACCOUNT_ID');
      expect(bad.length, file).toBeGreaterThan(0);
      expect(bad.every((f) => /^\/Statement\/\d+\/Principal\/AWS/.test(f.path))).toBe(true);
    }
  });
});

describe('well-known good policies', () => {
  it('the console default key policy (account, administrators, users, grants for AWS resources) has no finding at all', () => {
    const { findings, kind } = lintPolicy(readFixture('lint', 'default-key-policy.json'));
    expect(kind).toBe('key');
    expect(findings).toEqual([]);
  });

  it('every template renders without an error finding at its defaults', () => {
    const templates = allTemplates();
    expect(templates.length).toBeGreaterThan(0);
    for (const t of templates) {
      const { findings } = lintPolicy(JSON.stringify(renderTemplate(t), null, 2), { kind: t.kind });
      expect(findings.filter((f) => f.severity === 'error').map((f) => `${f.id} ${f.path}: ${f.message}`), t.id).toEqual([]);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { lintPolicy } from '../../../source/core/lint/index.js';
import { artifactUri, formatJson, formatSarif, formatText } from '../../../source/core/lint/report.js';

describe('SARIF artifact URIs', () => {
  it.each([
    ['policy.json', 'policy.json'],
    ['policies/key policy.json', 'policies/key%20policy.json'],
    ['a/b#c?.json', 'a/b%23c%3F.json'],
    ['/tmp/x/policy.json', 'file:///tmp/x/policy.json'],
    ['C:\\Users\\me\\policy.json', 'file:///C:/Users/me/policy.json'],
    ['..\\up\\p.json', '../up/p.json'],
  ])('%s → %s', (name, uri) => {
    expect(artifactUri(name)).toBe(uri);
    expect(() => new URL(uri, 'file:///repo/')).not.toThrow();
  });

  it('stdin is named "stdin"', () => {
    const log = JSON.parse(formatSarif(lintPolicy('{').findings, '<stdin>', '1.0.0')) as { runs: { artifacts: { location: { uri: string } }[] }[] };
    expect(log.runs[0]!.artifacts[0]!.location.uri).toBe('stdin');
  });
});

describe('report formats agree', () => {
  const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' }] }, null, 2);
  const { findings, kind } = lintPolicy(text);

  it('text, JSON and SARIF carry the same findings in the same order', () => {
    expect(findings.length).toBeGreaterThan(1);
    const json = (JSON.parse(formatJson(findings)) as { findings: { id: string }[] }).findings.map((f) => f.id);
    const sarif = (JSON.parse(formatSarif(findings, 'p.json', '1.0.0')) as { runs: { results: { ruleId: string }[] }[] }).runs[0]!.results.map((r) => r.ruleId);
    const lines = formatText(findings, 'p.json', text, kind).split('\n');
    const textIds = lines.filter((l) => /^ {2}p\.json/.test(l)).map((l) => l.split(/\s{2,}/)[2]);
    expect(json).toEqual(findings.map((f) => f.id));
    expect(sarif).toEqual(json);
    expect(textIds).toEqual(json);
  });
});

describe('text summary line', () => {
  it('counts findings per severity in words ("2 security findings", "1 warning")', () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' }] }, null, 2);
    const { findings, kind } = lintPolicy(text);
    const security = findings.filter((f) => f.severity === 'security').length;
    expect(security).toBeGreaterThan(1);
    const first = formatText(findings, 'p.json', text, kind).split('\n')[0];
    expect(first).toContain(`${security} security findings`);
    expect(first).not.toMatch(/securitys/);
  });
});

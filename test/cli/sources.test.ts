/**
 * Policies where they live (SPEC 2.5), through the built CLI: Terraform, CloudFormation
 * and AWS CLI output are read to named policies whose findings point into the source file.
 * The finding ids that only a source can raise (UNRESOLVED_REFERENCE, BYPASS_LOCKOUT_CHECK)
 * are covered here instead of in the document-level lint fixtures.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runBuiltCli } from '../helpers/cli.js';

const SOURCES = join(FIXTURES, 'sources');

interface Finding { id: string; file: string; policy: string; line: number | null; column: number | null }

function lint(file: string): { code: number; findings: Finding[] } {
  const r = runBuiltCli(['lint', join(SOURCES, file), '--format', 'json']);
  return { code: r.code, findings: (JSON.parse(r.stdout) as { findings: Finding[] }).findings };
}

describe('lint reads sources', () => {
  it('get-key-policy output: the Policy string is read as the key policy (clean)', () => {
    expect(lint('get-key-policy.json')).toEqual({ code: 0, findings: [] });
  });

  it('Terraform: findings name the resource and point at the .tf line', () => {
    const { findings } = lint('policy-document.tf');
    const unresolved = findings.filter((f) => f.id === 'UNRESOLVED_REFERENCE');
    expect(unresolved.length).toBeGreaterThan(0);
    for (const f of unresolved) {
      expect(f.policy).toMatch(/^aws_[a-z_]+\.[a-z_]+$/);
      expect(f.line).toBeGreaterThan(1);
    }
  });

  it('CloudFormation YAML: findings name the logical resource', () => {
    const { findings } = lint('kms-key.cfn.yaml');
    expect(findings.length).toBeGreaterThan(0);
    expect(new Set(findings.map((f) => f.policy))).toContain('Resources.OrdersKey');
  });

  it('BYPASS_LOCKOUT_CHECK: the source turns the lockout safety check off (security, exit 1)', () => {
    const { code, findings } = lint('bypass-lockout.tf');
    expect(code).toBe(1);
    expect(findings.find((f) => f.id === 'BYPASS_LOCKOUT_CHECK')).toMatchObject({ policy: 'aws_kms_key.k', line: 3 });
  });
});

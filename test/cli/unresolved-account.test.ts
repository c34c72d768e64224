/**
 * Issue 17, false positive: the key's account is a reference (the Terraform registry's
 * aws_kms_key example names `${data.aws_caller_identity.current.account_id}`, CloudFormation
 * `!Sub ${AWS::AccountId}`). A literal account beside it may be that very account: it is not
 * "another account", and the account statement still counts as the account statement.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runBuiltCli } from '../helpers/cli.js';

const SOURCES = join(FIXTURES, 'sources');
const CROSS_ACCOUNT_IDS = ['CROSS_ACCOUNT_ADMIN', 'NOT_CROSS_ACCOUNT_ACTION', 'KMS_LOCKOUT_RISK', 'NO_IAM_DELEGATION', 'KMS_WILDCARD_ACTION'];

describe.each([
  ['kms-key.tf', 'aws_kms_key.example', 'data.aws_caller_identity.current.account_id'],
  ['kms-key.cfn.yaml', 'Resources.OrdersKey', '${AWS::AccountId}'],
])('%s', (file, policy, reference) => {
  it('lint: no cross-account, lockout or delegation finding; the reference is UNRESOLVED_REFERENCE at its line', () => {
    const r = runBuiltCli(['lint', join(SOURCES, file), '--format', 'json']);
    const findings = (JSON.parse(r.stdout) as { findings: { id: string; policy: string; message: string; line: number | null }[] }).findings.filter((f) => f.policy === policy);
    expect(findings.filter((f) => CROSS_ACCOUNT_IDS.includes(f.id))).toEqual([]);
    const unresolved = findings.find((f) => f.id === 'UNRESOLVED_REFERENCE' && f.message.startsWith(reference));
    expect(unresolved?.line).toBeGreaterThan(1);
  });

  it('matrix: the unresolved account root is its own row, labelled by the expression as written', () => {
    const r = runBuiltCli(['matrix', join(SOURCES, file), '--policy', policy, '--json']);
    expect(r.code).toBe(0);
    const m = JSON.parse(r.stdout) as { keyAccount: string; rows: { subject: string; label: string }[] };
    const row = m.rows.find((x) => x.label.includes(reference.startsWith('$') ? reference : `\${${reference}}`));
    expect(row?.label).toMatch(/^Account .*\(unresolved reference\)$/);
    // A root named later (often another account) is never taken for the key's account.
    expect(m.keyAccount).toBe('111122223333');
  });
});

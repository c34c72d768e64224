/** `--grants FILE` on simulate, matrix and lint (SPEC 2.1, 2.2, 2.3, 2.6), run on the built CLI with real list-grants output shapes. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, runBuiltCli } from '../helpers/cli.js';

const KEY_POLICY = join(FIXTURES, 'evaluate', 'default-key-policy.json');
const GRANTS = join(FIXTURES, 'grants', 'list-grants.json');
const TF_GRANTS = join(FIXTURES, 'grants', 'grants.tf');
const KEY = 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const EBS_GRANT = 'dc716f53c93acacf291b1540de3e5a232b76256c83b2ecb22cdefa26576a2d3e';
const PARTNER_GRANT = '0c237476b39f8bc44e45212e08498fbe3151305030726c0590dd8d3e9f3d6a60';
const SESSION = 'arn:aws:sts::111122223333:assumed-role/aws:ec2-infrastructure/i-5d476fab';
const PARTNER = 'arn:aws:iam::444455556666:role/ExampleRole';

const work = mkdtempSync(join(tmpdir(), 'kpt-grants-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(work, name);
  writeFileSync(p, text);
  return p;
};
const EMPTY = file('empty.json', '{\n    "Grants": []\n}\n');
const MALFORMED = file('malformed.json', '{\n    "Grants": [\n        {\n            "GrantId": "g1",\n            "GranteePrincipal": "arn:aws:iam::111122223333:role/App",\n            "Operations": ["Decrypt", "PutKeyPolicy"]\n        }\n    ]\n}\n');
const BAD_JSON = file('bad.json', '{\n    "Grants": [\n        {"GrantId": "g1",}\n    ]\n}\n');

const simulate = (args: string[]) => runBuiltCli(['simulate', ...args]);
const json = (r: { stdout: string }) => JSON.parse(r.stdout) as Record<string, unknown>;

describe('simulate --grants', () => {
  it('a grant allows its grantee under its constraints, with the grant in matched and via "grant"', () => {
    const r = simulate(['--action', 'kms:Decrypt', '--principal', SESSION, '--key-policy', KEY_POLICY, '--grants', GRANTS, '--context', 'kms:EncryptionContext:aws:ebs:id=vol-5cccfb4e', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = json(r);
    expect(out.decision).toBe('allow');
    expect(out.via).toBe('grant');
    // The account statement applies too (it delegates to IAM, and no IAM policy was given); the grant decides.
    expect(out.matched).toEqual([
      { policy: 'key', statement: 0, sid: 'Enable IAM User Permissions', effect: 'Allow' },
      { policy: 'grant', grant: EBS_GRANT, statement: 0, sid: null, effect: 'Allow' },
    ]);
  });

  it('outside the constraint the grant does not apply, and the trace says which pair failed', () => {
    const r = simulate(['--action', 'kms:Decrypt', '--principal', SESSION, '--key-policy', KEY_POLICY, '--grants', GRANTS, '--context', 'kms:EncryptionContext:aws:ebs:id=vol-other', '--json', '--trace']);
    expect(r.code, r.stderr).toBe(0);
    const out = json(r);
    expect(out.decision).toBe('implicit-deny');
    const trace = out.trace as Array<Record<string, unknown>>;
    expect(trace.filter((t) => t.policy === 'grant').map((t) => t.grant)).toEqual([EBS_GRANT, PARTNER_GRANT, 'f271e8328717f8bde5d03f4981f06a6b3fc18bcae2da12ac38bd9186e7925d11']);
    expect(trace.find((t) => t.grant === EBS_GRANT)).toEqual({
      policy: 'grant', grant: EBS_GRANT, statement: 0, applies: false,
      because: { element: 'Condition', operator: 'StringEquals', key: 'kms:EncryptionContext:aws:ebs:id', expected: ['vol-5cccfb4e'], actual: ['vol-other'] },
    });
    expect(trace.find((t) => t.grant === PARTNER_GRANT)).toMatchObject({ applies: false, because: { element: 'GranteePrincipal' } });
  });

  it('text: the grant is named among the matches and in the trace', () => {
    const r = simulate(['--action', 'kms:Decrypt', '--principal', PARTNER, '--resource', KEY, '--key-policy', KEY_POLICY, '--grants', GRANTS, '--context', 'kms:EncryptionContext:Department=IT', '--trace']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Decision:  ALLOW - a grant allows it');
    expect(r.stdout).toContain(`  Allow grant ${PARTNER_GRANT}`);
    expect(r.stdout).toContain('  Grants:');
    expect(r.stdout).toContain(`    grant ${PARTNER_GRANT}: Allow applies`);
  });

  it('an empty list changes nothing', () => {
    const args = ['--action', 'kms:Decrypt', '--principal', SESSION, '--key-policy', KEY_POLICY, '--json'];
    const without = simulate(args);
    const withEmpty = simulate([...args, '--grants', EMPTY]);
    expect(withEmpty.code).toBe(0);
    expect(json(withEmpty)).toEqual(json(without));
  });

  it('a malformed grants file is exit 2 with file, line and column', () => {
    const r = simulate(['--action', 'kms:Decrypt', '--principal', SESSION, '--key-policy', KEY_POLICY, '--grants', MALFORMED]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/malformed\.json:6:39: "PutKeyPolicy" is not an operation a grant can allow/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const bad = simulate(['--action', 'kms:Decrypt', '--principal', SESSION, '--grants', BAD_JSON]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.json:3:\d+: /);
  });
});

describe('matrix --grants', () => {
  it('JSON: grant paths with via "grant", grants [id] and the constraints as conditions; rows for grantees and retiring principals', () => {
    const r = runBuiltCli(['matrix', KEY_POLICY, '--grants', GRANTS, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const m = json(r) as { rows: Array<{ subject: string; cells: Record<string, { decision: string; via: string | null; paths: Array<Record<string, unknown>> }> }> };
    const row = (s: string) => m.rows.find((x) => x.subject === s)!;
    expect(m.rows.map((x) => x.subject)).toEqual(expect.arrayContaining([SESSION, PARTNER, 'arn:aws:iam::123456789012:root', 'arn:aws:iam::111122223333:role/LambdaRole']));
    const decrypt = row(SESSION).cells['kms:Decrypt']!;
    expect(decrypt.paths).toContainEqual({
      effect: 'Allow', via: 'grant', statements: [], grants: [EBS_GRANT],
      conditions: [{ statement: null, grant: EBS_GRANT, operator: 'StringEquals', key: 'kms:EncryptionContext:aws:ebs:id', values: ['vol-5cccfb4e'] }],
    });
    const sign = row('arn:aws:iam::111122223333:role/LambdaRole').cells['kms:Sign']!;
    expect(sign).toMatchObject({ decision: 'allow', via: 'grant' });
    expect(row('arn:aws:iam::123456789012:root').cells['kms:RetireGrant']).toMatchObject({ decision: 'allow', via: 'grant' });
    expect(row(PARTNER).cells['kms:Decrypt']!.paths.find((p) => p.via === 'grant')!.conditions).toEqual([
      { statement: null, grant: PARTNER_GRANT, operator: 'StringEquals', key: 'kms:EncryptionContext:Department', values: ['IT'] },
      { statement: null, grant: PARTNER_GRANT, operator: 'ForAllValues:StringEqualsIgnoreCase', key: 'kms:EncryptionContextKeys', values: ['Department'] },
    ]);
  });

  it('simulate agrees with the grant cells of the matrix', () => {
    const m = json(runBuiltCli(['matrix', KEY_POLICY, '--grants', GRANTS, '--json'])) as { rows: Array<{ subject: string; evaluatedAs: string; cells: Record<string, { decision: string; via: string | null }> }> };
    const lambda = m.rows.find((x) => x.subject === 'arn:aws:iam::111122223333:role/LambdaRole')!;
    for (const [action, cell] of Object.entries(lambda.cells).filter(([, c]) => c.via === 'grant' && c.decision === 'allow')) {
      const r = json(simulate(['--action', action, '--principal', lambda.evaluatedAs, '--resource', KEY, '--key-policy', KEY_POLICY, '--grants', GRANTS, '--json']));
      expect(r.decision, action).toBe('allow');
      expect(r.via, action).toBe('grant');
    }
  });

  it('text: G marks grant cells, and each grant is explained in a line', () => {
    const crypto = ['Decrypt', 'DeriveSharedSecret', 'Encrypt', 'GenerateDataKey', 'GenerateDataKeyPair', 'GenerateDataKeyPairWithoutPlaintext', 'GenerateDataKeyWithoutPlaintext', 'GenerateMac', 'ReEncryptFrom', 'ReEncryptTo', 'Sign', 'Verify', 'VerifyMac'];
    const all = file('crypto.json', JSON.stringify({ Grants: [{ KeyId: KEY, GrantId: 'g-all', GranteePrincipal: 'arn:aws:iam::111122223333:role/Batch', Operations: crypto }] }));
    const grid = runBuiltCli(['matrix', KEY_POLICY, '--grants', all]);
    expect(grid.code, grid.stderr).toBe(0);
    expect(grid.stdout.split('\n').find((l) => l.startsWith('Role Batch'))).toMatch(/^Role Batch \(account 111122223333\)\s+G\s+~\s+I\s/);
    const r = runBuiltCli(['matrix', KEY_POLICY, '--grants', GRANTS]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('G grant');
    expect(r.stdout).toContain(`grant ${PARTNER_GRANT} lets ${PARTNER} call Encrypt, Decrypt, GenerateDataKey, DescribeKey only when the encryption context is exactly {Department=IT} (for Encrypt, Decrypt, GenerateDataKey); ${PARTNER} may retire it`);
  });

  it('an empty list gives the matrix without grants; a malformed one is exit 2', () => {
    expect(runBuiltCli(['matrix', KEY_POLICY, '--grants', EMPTY, '--json']).stdout).toBe(runBuiltCli(['matrix', KEY_POLICY, '--json']).stdout);
    const r = runBuiltCli(['matrix', KEY_POLICY, '--grants', MALFORMED]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/malformed\.json:6:39: /);
  });

  it('reads aws_kms_grant resources from Terraform', () => {
    const r = runBuiltCli(['matrix', KEY_POLICY, '--grants', TF_GRANTS, '--json']);
    // The partner grant lists ListGrants, which no grant can carry: refused, exit 2 naming the line.
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/grants\.tf:18:1: aws_kms_grant\.partner: "ListGrants" is not an operation a grant can allow/);
    const lint = runBuiltCli(['lint', KEY_POLICY, '--grants', TF_GRANTS, '--format', 'json']);
    const ids = (JSON.parse(lint.stdout) as { findings: Array<{ id: string; line: number; file: string }> }).findings.filter((f) => f.file.endsWith('grants.tf')).map((f) => [f.id, f.line]);
    expect(ids).toEqual(expect.arrayContaining([['GRANT_INVALID', 18], ['GRANT_CROSS_ACCOUNT', 18], ['GRANT_UNCONSTRAINED_CRYPTO', 18]]));
    // The lambda grant (line 5) is constrained, in the key's account, retired by someone else: no finding.
    expect(ids.filter(([, line]) => line === 5)).toEqual([]);
  });
});

describe('lint --grants', () => {
  it('JSON: grant findings under the grants file, with line and column; exit 1 for a security finding', () => {
    const r = runBuiltCli(['lint', KEY_POLICY, '--grants', GRANTS, '--format', 'json']);
    expect(r.code).toBe(1);
    const findings = (JSON.parse(r.stdout) as { findings: Array<Record<string, unknown>> }).findings.filter((f) => f.policy === 'grants');
    expect(findings.map((f) => f.id).sort()).toEqual(['GRANT_CROSS_ACCOUNT', 'GRANT_SELF_RETIRING']);
    for (const f of findings) {
      expect(f.file).toBe(GRANTS);
      expect(f.line).toBe(20);
      expect(f.column).toBe(9);
    }
  });

  it('an empty list has no finding; the key policy alone decides the exit code', () => {
    const r = runBuiltCli(['lint', KEY_POLICY, '--grants', EMPTY, '--format', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { findings: unknown[] }).findings).toEqual([]);
  });

  it('a malformed grant is GRANT_INVALID (exit 1); unreadable JSON is JSON_SYNTAX (exit 2), in the requested format', () => {
    const r = runBuiltCli(['lint', KEY_POLICY, '--grants', MALFORMED, '--format', 'json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { findings: Array<Record<string, unknown>> }).findings).toContainEqual(expect.objectContaining({ id: 'GRANT_INVALID', severity: 'error', line: 6, column: 39, path: '/Grants/0/Operations/1' }));
    const bad = runBuiltCli(['lint', KEY_POLICY, '--grants', BAD_JSON, '--format', 'sarif']);
    expect(bad.code).toBe(2);
    const sarif = JSON.parse(bad.stdout) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(sarif.runs[0]!.results.map((x) => x.ruleId)).toContain('JSON_SYNTAX');
  });

  it('GRANT_DENIED_BY_POLICY against the key policy of the source', () => {
    const deny = file('deny.json', JSON.stringify({ Version: '2012-10-17', Statement: [
      { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
      { Sid: 'NoSign', Effect: 'Deny', Principal: '*', Action: 'kms:Sign', Resource: '*' },
    ] }, null, 2));
    const r = runBuiltCli(['lint', deny, '--grants', GRANTS]);
    expect(r.stdout).toMatch(/list-grants\.json:40:9 {2}GRANT_DENIED_BY_POLICY {2}Grant f271e8328717f8bde5d03f4981f06a6b3fc18bcae2da12ac38bd9186e7925d11: the key policy explicitly denies arn:aws:iam::111122223333:role\/LambdaRole Sign/);
  });

  it('text from the grants file is shown escaped', () => {
    const evil = file('evil.json', JSON.stringify({ Grants: [{ GrantId: 'g\u001b]0;pwned\u0007', GranteePrincipal: 'arn:aws:iam::444455556666:role/X', Operations: ['Decrypt'] }] }));
    const r = runBuiltCli(['lint', KEY_POLICY, '--grants', evil]);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toContain('\\u001b');
    const m = runBuiltCli(['matrix', KEY_POLICY, '--grants', evil]);
    expect(m.stdout).not.toContain('\u001b]');
  });
});

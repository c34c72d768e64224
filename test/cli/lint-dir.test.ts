/**
 * `lint DIR` (SPEC 2.5, issue 17) on a generated repository: every format, nested folders,
 * node_modules / .git / .terraform skipped, and a file that looks like a source but cannot
 * be read — a finding of the run, never skipped silently. One exit code, a summary line.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_CLI } from '../helpers/cli.js';

const ACCOUNT_STATEMENT = { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' };
const KEY_POLICY = { Version: '2012-10-17', Statement: [ACCOUNT_STATEMENT] };
const PUBLIC = { Version: '2012-10-17', Statement: [ACCOUNT_STATEMENT, { Sid: 'Public', Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' }] };
const IDENTITY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' }] };

/** The repository: path → content. Policies: 2 (.tf module) + 1 (nested .tf) + 2 (YAML) + 1 (.template) + 2 (CLI) + 1 (plan) + 1 (document) = 10. */
const TREE: Record<string, string> = {
  'infra/main.tf': `resource "aws_kms_key" "orders" {\n  description = "orders"\n  policy = jsonencode(${JSON.stringify(KEY_POLICY)})\n}\n`,
  'infra/iam.tf': 'data "aws_iam_policy_document" "use" {\n  statement {\n    actions   = ["kms:Decrypt", "kms:DescribeKey"]\n    resources = [aws_kms_key.orders.arn]\n  }\n}\n\nresource "aws_iam_policy" "use" {\n  name   = "use"\n  policy = data.aws_iam_policy_document.use.json\n}\n',
  'infra/modules/kms/key.tf': `resource "aws_kms_key_policy" "k" {\n  key_id = "k"\n  policy = <<EOT\n${JSON.stringify(KEY_POLICY, null, 2)}\nEOT\n}\n`,
  'cfn/stack.yaml': [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Resources:',
    '  Key:',
    '    Type: AWS::KMS::Key',
    '    Properties:',
    '      KeyPolicy:',
    '        Version: "2012-10-17"',
    '        Statement:',
    "          - { Sid: Account, Effect: Allow, Principal: { AWS: !Sub 'arn:aws:iam::${AWS::AccountId}:root' }, Action: 'kms:*', Resource: '*' }",
    '  Use:',
    '    Type: AWS::IAM::ManagedPolicy',
    '    Properties:',
    '      PolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: kms:Decrypt, Resource: !GetAtt Key.Arn }] }',
    '',
  ].join('\n'),
  'cfn/nested/deep/stack.template': JSON.stringify({ Resources: { Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: KEY_POLICY } } } }, null, 2),
  'cli/get-key-policy.json': JSON.stringify({ Policy: JSON.stringify(KEY_POLICY, null, 2), PolicyName: 'default' }, null, 4),
  'cli/get-role-policy.json': JSON.stringify({ RoleName: 'App', PolicyName: 'UseKey', PolicyDocument: IDENTITY }, null, 4),
  'plan/plan.json': JSON.stringify({ format_version: '1.2', terraform_version: '1.9.0', planned_values: { root_module: { resources: [{ address: 'aws_kms_key.k', type: 'aws_kms_key', name: 'k', values: { policy: JSON.stringify(KEY_POLICY) } }] } } }, null, 2),
  'docs/public.json': JSON.stringify(PUBLIC, null, 2),
  // Read, but not sources: no policies, no findings.
  'package.json': '{"name": "infra", "version": "1.0.0"}',
  'docs/readme.md': '# not read',
  // Skipped: each would add a security finding if it were read.
  'node_modules/dep/public.json': JSON.stringify(PUBLIC),
  '.git/public.json': JSON.stringify(PUBLIC),
  '.terraform/modules/m/public.tf': `resource "aws_kms_key" "p" {\n  policy = jsonencode(${JSON.stringify(PUBLIC)})\n}\n`,
  'infra/.terraform/providers/public.json': JSON.stringify(PUBLIC),
};
const UNREADABLE = 'secrets/key-policy.json';

let dir = '';
const isRoot = process.getuid?.() === 0;
/**
 * Root reads every file whatever its mode. As root the run goes through setpriv without the
 * capabilities that override file permissions (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH): still
 * root, so it reaches the clone wherever it is (a 0700 temp folder too), but a mode-000 file
 * is refused as it is for any user.
 */
const DROP_DAC = ['--bounding-set=-dac_override,-dac_read_search', '--inh-caps=-dac_override,-dac_read_search'];
const dropsDac = isRoot && spawnSync('setpriv', [...DROP_DAC, 'true']).status === 0;
const canTestUnreadable = !isRoot || dropsDac;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kms-lint-dir-'));
  chmodSync(dir, 0o755);
  for (const [path, text] of Object.entries({ ...TREE, [UNREADABLE]: JSON.stringify(KEY_POLICY) })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  chmodSync(join(dir, UNREADABLE), 0o000);
  if (canTestUnreadable && !isRoot) expect(() => accessSync(join(dir, UNREADABLE), constants.R_OK)).toThrow();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lint(format: 'text' | 'json') {
  const args = [BUILT_CLI, 'lint', '.', '--format', format];
  const [cmd, argv] = dropsDac ? ['setpriv', [...DROP_DAC, process.execPath, ...args]] : [process.execPath, args];
  const r = spawnSync(cmd, argv, { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

interface Finding { id: string; severity: string; file: string; policy: string | null; line: number | null }

describe('lint DIR on a generated repository', () => {
  it('reads every format in nested folders, skips node_modules, .git and .terraform, and names each policy', () => {
    const r = lint('json');
    const out = JSON.parse(r.stdout) as { findings: Finding[]; summary: { filesRead: number; policies: number; bySeverity: Record<string, number> } };
    const sourceFiles = Object.keys(TREE).filter((p) => /\.(json|ya?ml|tf|template)$/.test(p) && !/(^|\/)(node_modules|\.git|\.terraform)\//.test(p));
    expect(out.summary.filesRead).toBe(sourceFiles.length + 1);
    // The mode-000 file is read only where nothing can make it unreadable (root without setpriv).
    expect(out.summary.policies).toBe(canTestUnreadable ? 10 : 11);
    const files = new Set(out.findings.map((f) => f.file));
    for (const skipped of ['node_modules', '.git', '.terraform']) expect([...files].some((f) => f.split('/').includes(skipped)), skipped).toBe(false);
    // The one security finding is the document's public statement, at its line in docs/public.json.
    const security = out.findings.filter((f) => f.severity === 'security');
    expect(security.map((f) => [f.id, f.file, f.line])).toEqual([['PUBLIC_PRINCIPAL', 'docs/public.json', 16]]);
    // Each finding counts once in the summary.
    const counted: Record<string, number> = { error: 0, security: 0, warning: 0, suggestion: 0 };
    for (const f of out.findings) counted[f.severity]! += 1;
    expect(out.summary.bySeverity).toEqual(counted);
  });

  // Skipped only on a machine where root cannot drop its file capabilities; never under CI.
  it.runIf(canTestUnreadable || process.env.CI === 'true')('a source file that cannot be read is a finding naming it (exit 2), not skipped', () => {
    const r = lint('json');
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as { findings: Finding[] };
    const unreadable = out.findings.filter((f) => f.file === UNREADABLE);
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]).toMatchObject({ id: 'JSON_SYNTAX', severity: 'error' });
    expect(JSON.stringify(unreadable[0])).toMatch(/EACCES|permission denied/i);
  });

  it('text: findings grouped by policy name, then one summary line with files, policies and findings by severity', () => {
    const r = lint('text');
    expect(r.stderr).toBe('');
    const json = JSON.parse(lint('json').stdout) as { summary: { filesRead: number; policies: number; bySeverity: Record<string, number> } };
    const s = json.summary;
    const last = r.stdout.trimEnd().split('\n').pop();
    expect(last).toBe(`${s.filesRead} files read, ${s.policies} policies found; findings: ${s.bySeverity.error} error, ${s.bySeverity.security} security, ${s.bySeverity.warning} warning, ${s.bySeverity.suggestion} suggestion`);
    for (const name of ['infra/main.tf: aws_kms_key.orders', 'infra/iam.tf: aws_iam_policy.use', 'cfn/stack.yaml: Resources.Key', 'cfn/stack.yaml: Resources.Use', 'plan/plan.json: aws_kms_key.k']) expect(r.stdout).toContain(`== ${name}`);
    expect(r.stdout).not.toContain('node_modules');
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILT_CLI, FIXTURES, runBuiltCli } from '../helpers/cli.js';

/** The console default key policy: account statement, ExampleRole, external account 444455556666, deny of deletion. */
const KEY_POLICY = join(FIXTURES, 'evaluate', 'default-key-policy.json');
const KEY = 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const ROLE = 'arn:aws:iam::111122223333:role/ExampleRole';

const work = mkdtempSync(join(tmpdir(), 'kpt-simulate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function policyFile(name: string, statements: object[]): string {
  const path = join(work, name);
  writeFileSync(path, JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2));
  return path;
}

const ALLOW_KEYS = policyFile('allow-keys.json', [{ Sid: 'UseKeys', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:PutKeyPolicy', 'kms:CreateKey'], Resource: '*' }]);
const DENY_DECRYPT = policyFile('deny-decrypt.json', [{ Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*' }]);

function simulate(args: string[], input?: string) {
  const r = runBuiltCli(['simulate', ...args], input !== undefined ? { input } : {});
  return { ...r, json: r.code === 0 && args.includes('--json') ? (JSON.parse(r.stdout) as Record<string, unknown>) : undefined };
}

/** SPEC 2.1: the keys AWS sets for a role session, derived from the principal and named in the notes. */
const DERIVED = 'derived from the principal: kms:CallerAccount, aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType';

describe('kms-policy-tui simulate --json (SPEC 2.1)', () => {
  it('has exactly the keys decision, via, matched, notes; each match has policy, statement, sid, effect', () => {
    const r = simulate(['--action', 'kms:Decrypt', '--principal', ROLE, '--key-policy', KEY_POLICY, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.json).toEqual({
      decision: 'allow',
      via: 'direct',
      matched: [
        { policy: 'key', statement: 0, sid: 'Enable IAM User Permissions', effect: 'Allow' },
        { policy: 'key', statement: 1, sid: 'Allow use of the key', effect: 'Allow' },
      ],
      notes: [DERIVED],
    });
    expect(Object.keys(r.json!)).toEqual(['decision', 'via', 'matched', 'notes']);
    for (const m of r.json!.matched as object[]) expect(Object.keys(m)).toEqual(['policy', 'statement', 'sid', 'effect']);
    expect(r.stdout).toBe(`${JSON.stringify(r.json, null, 2)}\n`);
  });

  it('a statement without Sid is matched with sid null', () => {
    const r = simulate(['--action', 'kms:Decrypt', '--principal', ROLE, '--key-policy', KEY_POLICY, '--identity-policy', DENY_DECRYPT, '--json']);
    expect(r.json).toEqual({ decision: 'explicit-deny', via: null, matched: [{ policy: `identity:${DENY_DECRYPT}`, statement: 0, sid: null, effect: 'Deny' }], notes: [DERIVED] });
  });

  it('key policy only, delegation to IAM: implicit-deny, via iam, with the SPEC note', () => {
    const r = simulate(['--action', 'kms:PutKeyPolicy', '--principal', ROLE, '--key-policy', KEY_POLICY, '--json']);
    expect(r.json).toEqual({
      decision: 'implicit-deny',
      via: 'iam',
      matched: [{ policy: 'key', statement: 0, sid: 'Enable IAM User Permissions', effect: 'Allow' }],
      notes: [DERIVED, 'allowed if an IAM policy of the principal allows it'],
    });
  });

  it('key policy and an identity policy that allows: allow via iam, both policies matched', () => {
    const r = simulate(['--action', 'kms:PutKeyPolicy', '--principal', ROLE, '--key-policy', KEY_POLICY, '--identity-policy', ALLOW_KEYS, '--json']);
    expect(r.json).toMatchObject({ decision: 'allow', via: 'iam', notes: [DERIVED] });
    expect(r.json!.matched).toEqual([
      { policy: 'key', statement: 0, sid: 'Enable IAM User Permissions', effect: 'Allow' },
      { policy: `identity:${ALLOW_KEYS}`, statement: 0, sid: 'UseKeys', effect: 'Allow' },
    ]);
  });

  it('identity policies only: their own decision, with the note that the key policy must also allow', () => {
    const allowed = simulate(['--action', 'kms:Decrypt', '--principal', ROLE, '--identity-policy', ALLOW_KEYS, '--json']);
    expect(allowed.json).toMatchObject({ decision: 'allow', via: null, notes: [DERIVED, 'the key policy was not given: it must also allow this request'] });
    const notCovered = simulate(['--action', 'kms:Encrypt', '--principal', ROLE, '--identity-policy', ALLOW_KEYS, '--json']);
    expect(notCovered.json).toMatchObject({ decision: 'implicit-deny', via: null, matched: [] });
    expect(notCovered.json!.notes).toContain('the key policy was not given: it must also allow this request');
  });

  it('an explicit Deny in any identity policy wins over every Allow, and only the Deny is reported', () => {
    const r = simulate(['--action', 'kms:Decrypt', '--principal', ROLE, '--key-policy', KEY_POLICY, '--identity-policy', ALLOW_KEYS, '--identity-policy', DENY_DECRYPT, '--json']);
    expect(r.json).toMatchObject({ decision: 'explicit-deny', via: null, matched: [{ policy: `identity:${DENY_DECRYPT}`, effect: 'Deny' }] });
  });

  it('cross-account: the key policy names the account and an IAM policy allows; not for operations KMS keeps in the key account', () => {
    const external = 'arn:aws:iam::444455556666:role/Reader';
    const decrypt = simulate(['--action', 'kms:Decrypt', '--principal', external, '--resource', KEY, '--key-policy', KEY_POLICY, '--identity-policy', ALLOW_KEYS, '--json']);
    expect(decrypt.json).toMatchObject({ decision: 'allow', via: 'iam' });
    expect((decrypt.json!.notes as string[]).join('\n')).toMatch(/another account \(111122223333\): the key policy and an IAM policy must both allow/);
    const withoutIam = simulate(['--action', 'kms:Decrypt', '--principal', external, '--resource', KEY, '--key-policy', KEY_POLICY, '--json']);
    expect(withoutIam.json).toMatchObject({ decision: 'implicit-deny', via: 'iam' });
    const put = simulate(['--action', 'kms:PutKeyPolicy', '--principal', external, '--resource', KEY, '--key-policy', KEY_POLICY, '--identity-policy', ALLOW_KEYS, '--json']);
    expect(put.json).toMatchObject({ decision: 'implicit-deny', via: null });
    expect((put.json!.notes as string[]).join('\n')).toContain('kms:PutKeyPolicy cannot be used on a key in another account (111122223333)');
  });

  it('an operation without a key (CreateKey) is decided by IAM alone, on "*"', () => {
    const r = simulate(['--action', 'kms:CreateKey', '--principal', ROLE, '--key-policy', KEY_POLICY, '--identity-policy', ALLOW_KEYS, '--json']);
    expect(r.json).toMatchObject({ decision: 'allow', via: 'iam', matched: [{ policy: `identity:${ALLOW_KEYS}` }] });
    expect((r.json!.notes as string[])[1]).toMatch(/kms:CreateKey is not authorized on a key/);
  });

  it('reads the key policy from standard input with -', () => {
    const r = simulate(['--action', 'kms:Decrypt', '--principal', ROLE, '--key-policy', '-', '--json'], JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: ROLE }, Action: 'kms:Decrypt', Resource: '*' }] }));
    expect(r.json).toMatchObject({ decision: 'allow', via: 'direct', matched: [{ policy: 'key', statement: 0, sid: null }] });
  });
});

describe('kms-policy-tui simulate --context', () => {
  const viaService = policyFile('via-service.json', [
    { Effect: 'Allow', Principal: { AWS: ROLE }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 'ec2.us-west-2.amazonaws.com', 'kms:EncryptionContext:app': 'a=b' } } },
    { Effect: 'Allow', Principal: { AWS: ROLE }, Action: 'kms:Encrypt', Resource: '*', Condition: { 'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': ['Department', 'Project'] }, Null: { 'kms:EncryptionContextKeys': 'false' } } },
  ]);
  const decide = (action: string, ...context: string[]) =>
    simulate(['--action', action, '--principal', ROLE, '--key-policy', viaService, ...context.flatMap((c) => ['--context', c]), '--json']).json!.decision;

  it('KEY=VALUE pairs; the value may contain "="; a missing key is absent from the request', () => {
    expect(decide('kms:Decrypt', 'kms:ViaService=ec2.us-west-2.amazonaws.com', 'kms:EncryptionContext:app=a=b')).toBe('allow');
    expect(decide('kms:Decrypt', 'kms:ViaService=ec2.us-west-2.amazonaws.com')).toBe('implicit-deny');
    expect(decide('kms:Decrypt', 'kms:ViaService=s3.us-west-2.amazonaws.com', 'kms:EncryptionContext:app=a=b')).toBe('implicit-deny');
  });

  it('condition key names are case-insensitive', () => {
    expect(decide('kms:Decrypt', 'KMS:VIASERVICE=ec2.us-west-2.amazonaws.com', 'kms:encryptioncontext:app=a=b')).toBe('allow');
  });

  it('a key given twice is one multivalued key', () => {
    expect(decide('kms:Encrypt', 'kms:EncryptionContextKeys=Project', 'kms:EncryptionContextKeys=Department')).toBe('allow');
    expect(decide('kms:Encrypt', 'kms:EncryptionContextKeys=Project', 'kms:EncryptionContextKeys=Owner')).toBe('implicit-deny');
    expect(decide('kms:Encrypt')).toBe('implicit-deny');
  });
});

describe('kms-policy-tui simulate --resource', () => {
  const onlyOneKey = policyFile('one-key.json', [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-west-2:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab' }]);

  it('defaults to a key in the principal\'s account, us-west-2 (text output names it)', () => {
    const r = simulate(['--action', 'kms:Decrypt', '--principal', 'arn:aws:iam::444455556666:user/bob', '--identity-policy', onlyOneKey]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Resource: {2}arn:aws:kms:us-west-2:444455556666:key\/1234abcd-12ab-34cd-56ef-1234567890ab$/m);
    expect(r.stdout).toMatch(/^Decision: {2}ALLOW$/m);
  });

  it('an account id as principal stands for its root, and the default key is in that account', () => {
    const r = simulate(['--action', 'kms:Decrypt', '--principal', '444455556666', '--identity-policy', onlyOneKey, '--json']);
    expect(r.json).toMatchObject({ decision: 'allow' });
  });

  it('a given key ARN replaces the default', () => {
    const r = simulate(['--action', 'kms:Decrypt', '--principal', 'arn:aws:iam::444455556666:user/bob', '--identity-policy', onlyOneKey, '--resource', KEY, '--json']);
    expect(r.json).toMatchObject({ decision: 'implicit-deny' });
  });
});

describe('kms-policy-tui simulate text output', () => {
  it('decision, request, matched statements and notes; no color with NO_COLOR', () => {
    const r = simulate(['--action', 'kms:PutKeyPolicy', '--principal', ROLE, '--key-policy', KEY_POLICY]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'Decision:  DENY (implicit) - the key policy delegates to IAM: allowed only if an IAM policy of the principal allows it',
        'Action:    kms:PutKeyPolicy',
        `Principal: ${ROLE}`,
        `Resource:  ${KEY}`,
        'Matched statements:',
        '  Allow key policy, statement 0 (Enable IAM User Permissions)',
        `Note: ${DERIVED}`,
        'Note: allowed if an IAM policy of the principal allows it',
        '',
      ].join('\n'),
    );
  });

  it('an explicit deny names the denying statement; FORCE_COLOR paints the decision', () => {
    const r = spawnSync(process.execPath, [BUILT_CLI, 'simulate', '--action', 'kms:ScheduleKeyDeletion', '--principal', ROLE, '--key-policy', KEY_POLICY], {
      env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('\u001b[31mDENY (explicit)\u001b[0m');
    expect(r.stdout).toContain('Deny  key policy, statement 3 (Deny deletion)');
  });
});

describe('kms-policy-tui simulate usage errors (exit 2, one clear line)', () => {
  it.each([
    [['--principal', ROLE], /simulate: --action is required, e.g. --action kms:Decrypt/],
    [['--action', 'kms:Decrypt'], /simulate: --principal is required/],
    [['--action', 'kms:Frobnicate', '--principal', ROLE], /unknown KMS action 'kms:Frobnicate'/],
    [['--action', 'kms:Decrypt', '--principal', 'bob'], /--principal must be an IAM ARN .* \(got 'bob'\)/],
    [['--action', 'kms:Decrypt', '--principal', '*'], /--principal must be an IAM ARN/],
    [['--action', 'kms:Decrypt', '--principal', ROLE, '--context', 'kms:ViaService'], /--context expects KEY=VALUE \(got 'kms:ViaService'\)/],
    [['--action', 'kms:Decrypt', '--principal', ROLE, '--context', '=x'], /--context expects KEY=VALUE/],
    [['--action', 'kms:Decrypt', '--principal', ROLE, '--resource', 'alias/app'], /--resource must be a key ARN.*not on an alias/],
    [['--action', 'kms:Decrypt', '--principal', ROLE, '--resource', '1234abcd-12ab-34cd-56ef-1234567890ab'], /--resource must be a key ARN, e\.g\. arn:aws:kms:/],
    [['--action', 'kms:Decrypt', '--principal', ROLE, '--key-policy', '-', '--identity-policy', '-'], /only one policy can be read from standard input/],
    [['--action', 'kms:Decrypt', '--principal', ROLE, '--key-policy', 'missing.json'], /missing\.json: cannot read: no such file/],
    [['--action', 'kms:Decrypt', '--action', 'kms:Encrypt', '--principal', ROLE], /--action may be given only once/],
    [['--action', 'kms:Decrypt', '--principal', ROLE, 'extra'], /simulate: unexpected argument 'extra'/],
    [['--action', 'kms:Decrypt', '--principal', ROLE, '--frobnicate'], /simulate: Unknown option '--frobnicate'/],
  ])('%j', (args, message) => {
    const r = runBuiltCli(['simulate', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a key policy that is not JSON: file:line:column of the error', () => {
    const bad = join(work, 'bad.json');
    writeFileSync(bad, '{\n  "Version": "2012-10-17",\n  "Statement": [\n');
    const r = runBuiltCli(['simulate', '--action', 'kms:Decrypt', '--principal', ROLE, '--key-policy', bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
  });
});

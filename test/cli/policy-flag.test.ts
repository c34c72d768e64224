/**
 * `--policy NAME` (SPEC 2.5): every command that works on one policy picks it out of a
 * source with several, and without it lists the names and exits 2 (the one helper
 * choosePolicy of commands/load-policy.ts).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runBuiltCli } from '../helpers/cli.js';

const TWO = join(FIXTURES, 'sources', 'two-policies.tf');
const PRINCIPAL = 'arn:aws:iam::111122223333:role/App';

const COMMANDS: Record<string, (policy: string[]) => string[]> = {
  explain: (p) => ['explain', TWO, '--json', ...p],
  matrix: (p) => ['matrix', TWO, '--json', ...p],
  'simulate --key-policy': (p) => ['simulate', '--action', 'kms:Decrypt', '--principal', PRINCIPAL, '--key-policy', TWO, '--json', ...p],
};

describe.each(Object.entries(COMMANDS))('%s', (name, argv) => {
  it('Given a source with two policies and no --policy, Then exit 2 and the names, one a line', () => {
    const r = runBuiltCli(argv([]));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('holds 2 policies');
    expect(r.stderr).toContain('--policy NAME');
    expect(r.stderr).toMatch(/^ {2}aws_kms_key\.orders$/m);
    expect(r.stderr).toMatch(/^ {2}aws_iam_policy\.use_orders$/m);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('Given --policy aws_kms_key.orders, Then it works on that policy', () => {
    const r = runBuiltCli(argv(['--policy', 'aws_kms_key.orders']));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    if (name === 'matrix') expect(out).toMatchObject({ kind: 'key', keyAccount: '111122223333' });
    // The account statement delegates to IAM: no identity policy given, so implicit deny via IAM.
    if (name.startsWith('simulate')) expect(out).toMatchObject({ decision: 'implicit-deny', via: 'iam', matched: [{ policy: 'key', statement: 0 }] });
    if (name === 'explain') expect(JSON.stringify(out)).toContain('Enable IAM User Permissions');
  });

  it('Given --policy with a name the source does not hold, Then exit 2 naming the wrong name and listing the right ones', () => {
    const r = runBuiltCli(argv(['--policy', 'aws_kms_key.nope']));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no policy named 'aws_kms_key.nope'");
    expect(r.stderr).toMatch(/^ {2}aws_kms_key\.orders$/m);
  });
});

describe('names come from the file: shown escaped', () => {
  it('Given a CloudFormation policy name with an escape character, Then the listing shows it as \\u001b', () => {
    const template = [
      'Resources:',
      '  Role:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      Policies:',
      '        - PolicyName: "a\\e[2Jb"',
      '          PolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "kms:Decrypt", Resource: "*" }] }',
      '        - PolicyName: other',
      '          PolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "kms:Encrypt", Resource: "*" }] }',
      '',
    ].join('\n');
    const r = runBuiltCli(['explain', '-'], { input: template });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).toContain('a\\u001b[2Jb');
  });

  it('Given a source whose other resource only turns the lockout check off, Then explain --policy still works (that is a lint finding, not a read error)', () => {
    const r = runBuiltCli(['explain', join(FIXTURES, 'sources', 'policy-document.tf'), '--policy', 'aws_iam_policy.heredoc']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

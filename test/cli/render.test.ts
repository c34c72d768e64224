import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from '../helpers/cli.js';
import { readFixture } from '../helpers/fixtures.js';

const work = mkdtempSync(join(tmpdir(), 'kpt-render-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('kms-policy-tui render', () => {
  it('renders a template at its defaults as canonical JSON (the seed example)', () => {
    const r = runBuiltCli(['render', 'encrypt-decrypt-specific-keys']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFixture('seeds', 'encrypt-decrypt-specific-keys.json')));
    expect(r.stdout).toBe(`${JSON.stringify(JSON.parse(r.stdout), null, 2)}\n`);
  });

  it('applies --param values, list parameters as NAME=a,b', () => {
    const r = runBuiltCli(['render', 'describe-generate-trusted-accounts', '--param', 'accounts=444455556666, 777788889999']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).Statement.Resource).toEqual(['arn:aws:kms:*:444455556666:key/*', 'arn:aws:kms:*:777788889999:key/*']);
  });

  it.each([
    [['--param', 'account=12345'], /--param account: "12345" has 5 digits.*expected 12 digits/],
    [['--param', 'account='], /account: a value is required \(expected 12 digits/],
    [['--param', 'account'], /--param account: missing value.*expected 12 digits/],
    [['--param', 'region=mars-1'], /region: "mars-1" is not an AWS Region code/],
    [['--param', 'keys=1234abcd-12ab-34cd-56ef-1234567890ab,alias/x'], /keys\[1\]: "alias\/x" is an alias name/],
    [['--param', 'nope=1'], /has no parameter 'nope'; its parameters are region, account, keys/],
    [['--param', 'account=111122223333', '--param', 'account=444455556666'], /given twice/],
    [['--format', 'xml'], /--format must be one of json, terraform, cloudformation/],
    [['--force'], /--force applies only with --out/],
  ])('%j is a usage error naming the parameter (exit 2)', (args, message) => {
    const r = runBuiltCli(['render', 'encrypt-decrypt-specific-keys', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unknown template id is exit 2 with close matches', () => {
    const r = runBuiltCli(['render', 'encrypt-decrypt-acount']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown template 'encrypt-decrypt-acount'\. Did you mean: encrypt-decrypt-account\b/);
  });

  it('--format terraform and cloudformation', () => {
    const tf = runBuiltCli(['render', 'key-policy-cross-account-roles', '--format', 'terraform']);
    expect(tf.code).toBe(0);
    expect(tf.stdout).toMatch(/^data "aws_iam_policy_document" "key_policy_cross_account_roles" \{/);
    expect(tf.stdout).toContain('identifiers = ["arn:aws:iam::444455556666:role/RoleName1", "arn:aws:iam::777788889999:role/RoleName2"]');
    const cf = runBuiltCli(['render', 'key-policy-cross-account-roles', '--format', 'cloudformation']);
    const json = runBuiltCli(['render', 'key-policy-cross-account-roles']);
    expect(parseYaml(cf.stdout)).toEqual({ KeyPolicy: JSON.parse(json.stdout) });
    const identity = runBuiltCli(['render', 'create-key', '--format', 'cloudformation']);
    expect(Object.keys(parseYaml(identity.stdout) as object)).toEqual(['PolicyDocument']);
  });

  it('--out writes the file, refuses to overwrite it, and replaces it with --force', () => {
    const out = join(work, 'policy.json');
    const first = runBuiltCli(['render', 'create-key', '--out', out]);
    expect(first).toMatchObject({ code: 0, stdout: '' });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(readFixture('seeds', 'create-key.json')));

    writeFileSync(out, 'keep me');
    const again = runBuiltCli(['render', 'create-key', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists.*--force/);
    expect(readFileSync(out, 'utf8')).toBe('keep me');

    const forced = runBuiltCli(['render', 'create-key', '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toMatch(/Replaced/);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(readFixture('seeds', 'create-key.json')));
  });

  it('--out into a missing folder is exit 2 with a clear message', () => {
    const r = runBuiltCli(['render', 'create-key', '--out', join(work, 'nope', 'p.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does not exist/);
  });

  it('--copy reports on stderr how (or that nothing) was copied, and still prints the policy', () => {
    // No display and no terminal here: clipboardy fails and OSC 52 has no terminal.
    const r = runBuiltCli(['render', 'create-key', '--copy'], { env: { DISPLAY: '', WAYLAND_DISPLAY: '' } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFixture('seeds', 'create-key.json')));
    expect(r.stderr).toMatch(/^(Copied to the system clipboard\.|Nothing was copied: .*)\n$/);
  });
});

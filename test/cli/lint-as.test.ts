/** `lint --as ARN` (SPEC 2, 3 DEPLOYER_LOCKOUT) through the built CLI: exit 1 and the finding when the deployer is locked out, the route it keeps otherwise. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runBuiltCli } from '../helpers/cli.js';

const NEW = join('test', 'fixtures', 'diff', 'cli', 'new.json');

describe('lint --as ARN', () => {
  it('a principal of another account is locked out: DEPLOYER_LOCKOUT (security), exit 1', () => {
    const r = runBuiltCli(['lint', NEW, '--as', 'arn:aws:iam::444455556666:role/Deployer', '--format', 'json']);
    expect(r.code).toBe(1);
    const f = (JSON.parse(r.stdout) as { findings: { id: string; severity: string; message: string }[] }).findings.find((x) => x.id === 'DEPLOYER_LOCKOUT');
    expect(f).toMatchObject({ severity: 'security' });
    expect(f!.message).toMatch(/KMS never allows kms:PutKeyPolicy across accounts/);
  });
  it('a principal of the key account keeps it through the account statement, and the text says so', () => {
    const r = runBuiltCli(['lint', NEW, '--as', 'arn:aws:iam::111122223333:role/Deployer']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('DEPLOYER_LOCKOUT');
    expect(r.stdout).toContain('arn:aws:iam::111122223333:role/Deployer keeps kms:PutKeyPolicy through the account statement, as long as its IAM policy allows kms:PutKeyPolicy');
  });
  it('refuses an --as that is not an IAM principal ARN (exit 2)', () => {
    const r = runBuiltCli(['lint', NEW, '--as', 'someone']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--as must be the IAM ARN/);
  });
});

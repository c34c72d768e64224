import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from '../helpers/cli.js';

const ROLE = 'arn:aws:iam::111122223333:role/App';
const work = mkdtempSync(join(tmpdir(), 'kpt-simulate-trace-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// A key policy that lets App decrypt only through EC2 (conditions-kms.html#conditions-kms-via-service),
// and denies everyone decryption outside us-west-2 EC2; the Sid carries a terminal escape.
const KEY_POLICY = join(work, 'key.json');
writeFileSync(
  KEY_POLICY,
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Admins', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/Admin' }, Action: 'kms:*', Resource: '*' },
      { Sid: 'ViaEc2\u001b[31m', Effect: 'Allow', Principal: { AWS: ROLE }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 'ec2.us-west-2.amazonaws.com' } } },
    ],
  }),
);

const simulate = (...args: string[]) => runBuiltCli(['simulate', '--key-policy', KEY_POLICY, '--principal', ROLE, '--action', 'kms:Decrypt', ...args]);

describe('simulate --trace', () => {
  it('JSON: one entry per statement as SPEC 2.1 shows, the failing condition with actual null when absent', () => {
    const r = simulate('--json', '--trace');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { decision: string; trace: unknown[] };
    expect(out.decision).toBe('implicit-deny');
    expect(out.trace).toEqual([
      { policy: 'key', statement: 0, applies: false, because: { element: 'Principal' } },
      { policy: 'key', statement: 1, applies: false, because: { element: 'Condition', operator: 'StringEquals', key: 'kms:ViaService', expected: ['ec2.us-west-2.amazonaws.com'], actual: null } },
    ]);
  });

  it('JSON: the request value makes the statement apply; without --trace there is no trace', () => {
    const r = simulate('--json', '--trace', '--context', 'kms:ViaService=ec2.us-west-2.amazonaws.com');
    const out = JSON.parse(r.stdout) as { decision: string; via: string; trace: Array<{ applies: boolean }> };
    expect([out.decision, out.via]).toEqual(['allow', 'direct']);
    expect(out.trace.map((t) => t.applies)).toEqual([false, true]);
    expect(JSON.parse(simulate('--json').stdout)).not.toHaveProperty('trace');
  });

  it('text: an indented list per policy ending with the rule that decided, escapes shown not sent', () => {
    const r = simulate('--trace');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Trace:\n  Key policy:\n    statement 0 (Admins): Allow does not apply\n      because Principal does not name this principal');
    expect(r.stdout).toContain('because Condition StringEquals kms:ViaService fails: expected "ec2.us-west-2.amazonaws.com", request: absent (the key is not in the request)');
    expect(r.stdout).toMatch(/Decided by: no key policy statement allows this principal/);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toContain('ViaEc2\\u001b[31m');
    const allowed = simulate('--trace', '--context', 'kms:ViaService=ec2.us-west-2.amazonaws.com');
    expect(allowed.stdout.trimEnd().split('\n').at(-1)).toBe('Decided by: the key policy allowed the principal directly');
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/cli.js';
import { KEYS, startCli, type TerminalSession } from './terminal.js';

// `open main.tf` on a Terraform file with two policies (SPEC 6, issue 17): a picker of them first,
// Enter opens one, Esc comes back to the list; `--policy NAME` goes straight to the workspace.

// Run in the fixture folder: the title names the file as given, and a short name leaves room for the policy's.
const DIR = join(FIXTURES, 'sources');
const TWO = 'two-policies.tf';
let sessions: TerminalSession[] = [];
afterEach(() => {
  for (const s of sessions) s.kill();
  sessions = [];
});

function start(args: readonly string[]): TerminalSession {
  const s = startCli(args, { columns: 120, rows: 24, cwd: DIR });
  sessions.push(s);
  return s;
}

describe('open on a source with several policies', () => {
  it('Given a .tf with two policies, When opened, Then a picker lists them in file order; Enter opens one, Esc returns, q quits', async () => {
    const s = start(['open', TWO]);
    const picker = await s.waitFor((t) => t.includes('holds 2 policies'), 'the picker');
    const rows = picker.split('\n');
    const key = rows.findIndex((r) => r.includes('aws_kms_key.orders'));
    const iam = rows.findIndex((r) => r.includes('aws_iam_policy.use_orders'));
    expect(key).toBeGreaterThan(0);
    expect(iam).toBeGreaterThan(key);
    expect(rows[key]).toMatch(/key policy .*1 statement .*line 5/);
    expect(rows[iam]).toMatch(/IAM policy .*1 statement .*line 21/);

    await s.settle();
    s.press(KEYS.down);
    await s.waitFor((t) => /[›>] aws_iam_policy\.use_orders/.test(t), 'the selection on the second policy');
    s.press(KEYS.enter);
    const ws = await s.waitFor((t) => t.includes('1 Policy') && t.includes('UseOrdersKey'), 'the workspace on the IAM policy');
    expect(ws).toContain('two-policies.tf: aws_iam_policy.use_orders');
    expect(ws).toContain('Esc policies');

    await s.settle();
    s.press(KEYS.escape);
    const back = await s.waitFor((t) => t.includes('holds 2 policies'), 'back on the picker');
    // The picker keeps the entry that was opened.
    expect(back).toMatch(/[›>] aws_iam_policy\.use_orders/);

    await s.settle();
    s.press('q');
    expect(await s.exited()).toBe(0);
  });

  it('Given --policy NAME, When opened, Then the workspace opens on that policy without a picker, and its findings point into the .tf', async () => {
    const s = start(['open', TWO, '--policy', 'aws_kms_key.orders']);
    const ws = await s.waitFor((t) => t.includes('1 Policy') && t.includes('Enable IAM User Permissions'), 'the workspace on the key policy');
    expect(ws).not.toContain('holds 2 policies');
    expect(ws).toContain('two-policies.tf: aws_kms_key.orders');
    expect(ws).toContain('key policy');
    await s.settle();
    s.press('q');
    expect(await s.exited()).toBe(0);
  });

  it('Given --policy with a name the source does not hold, Then exit 2 with the names', async () => {
    const s = start(['open', TWO, '--policy', 'aws_kms_key.nope']);
    expect(await s.exited()).toBe(2);
    // The message may wrap at the terminal's width.
    const text = s.screen().join('');
    expect(text).toMatch(/no policy named 'aws_kms_key\.nope'/);
    expect(text).toContain('aws_iam_policy.use_orders');
  });

  it('Given a .tf the HCL parser cannot read, Then exit 2 with file:line:column, and the terminal is restored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kms-open-bad-tf-'));
    try {
      writeFileSync(join(dir, 'main.tf'), 'resource "aws_kms_key" "k" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n\n}\n');
      const s = startCli(['open', 'main.tf'], { columns: 120, rows: 24, cwd: dir });
      sessions.push(s);
      expect(await s.exited()).toBe(2);
      const text = s.screen().join('');
      expect(text).toMatch(/main\.tf:2:12: Terraform \(HCL\): Unterminated function call/);
      expect(text).not.toMatch(/\s+at .+:\d+:\d+/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

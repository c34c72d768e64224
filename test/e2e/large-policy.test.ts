import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KEYS, startCli, type TerminalSession } from './terminal.js';

// Issue 13, in a real terminal: `open` of a 2,000-statement policy draws its statements at
// once, its findings and matrix come from the built CLI's worker thread, and Ctrl+C ends it
// while that worker is busy. How fast is the bench's business (npm run bench, section scale).

const work = mkdtempSync(join(tmpdir(), 'kpt-large-'));
const sessions: TerminalSession[] = [];
afterAll(() => {
  for (const s of sessions) s.kill();
  rmSync(work, { recursive: true, force: true });
});

function largePolicyFile(n: number): string {
  const statements: unknown[] = [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }];
  for (let i = 1; i < n; i++) {
    statements.push({ Sid: `Use${i}`, Effect: 'Allow', Principal: { AWS: `arn:aws:iam::111122223333:role/App${i % 50}` }, Action: ['kms:Decrypt', 'kms:Encrypt'], Resource: '*', Condition: { StringEquals: { 'kms:ViaService': `s3.us-west-2.amazonaws.com` } } });
  }
  const file = join(work, `policy-${n}.json`);
  writeFileSync(file, JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2));
  return file;
}

const file = largePolicyFile(2000);
const start = () => {
  const s = startCli(['open', file], { columns: 120, rows: 40 });
  sessions.push(s);
  return s;
};

describe('open of a 2,000-statement policy', () => {
  it('shows the statements first, then the findings and the matrix the worker computed', async () => {
    const s = start();
    await s.waitFor((t) => t.includes('Statements (2000)'), 'the statement list');
    await s.waitFor((t) => /Findings \(\d+\)/.test(t), 'the findings count from the worker', 60_000);
    s.press('2');
    await s.waitFor((t) => t.includes('Role App1 (account'), 'the matrix rows');
    s.press('q');
    expect(await s.exited()).toBe(0);
  });

  it('says what it is checking in its first frame, and ends on Ctrl+C as soon as the statements show (the worker started before that frame)', async () => {
    const s = start();
    await s.waitFor((t) => t.includes('Statements (2000)'), 'the statement list');
    s.press(KEYS.ctrlC);
    await s.exited(30_000);
    expect(s.raw()).toContain('checking 2,000 statements');
    expect(s.raw()).toContain('\u001b[?1049l');
  });
});

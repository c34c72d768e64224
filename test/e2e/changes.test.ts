import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, startCli, type TerminalSession } from './terminal.js';

// The Changes tab (issue 16, SPEC 6) in a real pseudo-terminal: what the edits widen, and `open --against`.

const PARTNER = 'arn:aws:iam::777788889999:role/Partner';

let sessions: TerminalSession[] = [];
let dirs: string[] = [];
afterEach(() => {
  for (const s of sessions) s.kill();
  sessions = [];
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function start(args: readonly string[], cwd?: string): TerminalSession {
  const s = startCli(args, { columns: 100, rows: 30, ...(cwd ? { cwd } : {}) });
  sessions.push(s);
  return s;
}

const footer = (text: string) => text.trimEnd().split('\n').at(-1) ?? '';
const doc = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
const ACCOUNT = { Sid: 'Account', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' };

describe('Changes tab in a terminal', () => {
  it('a template from the browser, a principal added: 6 shows the widened cells, Enter goes to the statement', async () => {
    const t = start([]);
    await t.waitFor((s) => s.includes('Key policies') && footer(s).includes('/ filter'), 'the template browser');
    t.press('/');
    await t.waitFor((s) => footer(s).includes('keep filter'), 'the filter field');
    await t.type('cross-account-key-policy');
    await t.waitFor((s) => /1 of \d+ templates/.test(s), 'the one template left');
    t.press(KEYS.enter);
    await t.waitFor((s) => footer(s).includes('Enter open'), 'the filter kept, focus on the list');
    t.press(KEYS.enter);
    await t.waitFor((s) => s.includes('Parameters') && / 6 Changes$/m.test(s), 'the workspace, with the Changes tab and no change yet');
    t.press('j');
    await t.waitFor((s) => /› External princip/.test(s), 'the principals list');
    t.press('a');
    await t.waitFor((s) => footer(s).includes('Enter done'), 'a new entry being edited');
    await t.type(PARTNER);
    t.press(KEYS.enter);
    await t.waitFor((s) => /6 Changes \+\d+/.test(s) && footer(s).includes('Enter edit'), 'the widened count in the tab title');
    t.press('6');
    const shown = await t.waitFor((s) => s.includes('[6 Changes +') && s.includes('+ kms:Decrypt'), 'the widened lines');
    expect(shown).toContain('Compared with the template at its defaults: +');
    expect(shown).toContain('Role Partner (account 777788889999)');
    expect(shown).toMatch(/\+ kms:Decrypt {2}statement 1 \(Sid Allow an external account/);
    // The first line (kms:CreateGrant) is caused by statement 2.
    expect(shown).toMatch(/› \+ kms:CreateGrant/);
    t.press(KEYS.enter);
    await t.waitFor((s) => s.includes('[1 Policy]') && s.includes('Statement 2 JSON'), 'the Policy tab on statement 2');
  });

  it('open NEW --against OLD shows the changes at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpt-changes-'));
    dirs.push(dir);
    const partner = { Sid: 'Partner', Effect: 'Allow', Principal: { AWS: PARTNER }, Action: ['kms:Decrypt', 'kms:Encrypt'], Resource: '*' };
    writeFileSync(join(dir, 'old.json'), doc(ACCOUNT, partner));
    writeFileSync(join(dir, 'new.json'), doc(ACCOUNT, { ...partner, Action: ['kms:Decrypt', 'kms:GenerateDataKey'] }));
    const t = start(['open', 'new.json', '--against', 'old.json'], dir);
    await t.waitFor((s) => s.includes('6 Changes +1 -1'), 'the counts in the tab title');
    t.press('6');
    const shown = await t.waitFor((s) => s.includes('Compared with old.json: +1 widened -1 narrowed'), 'the Changes tab');
    expect(shown).toMatch(/› - kms:Encrypt {2}statement 1 \(Sid Partner\) no longer allows it/);
    expect(shown).toMatch(/\+ kms:GenerateDataKey {2}statement 1 \(Sid Partner\) allows it/);
  });

  it('open NEW --against OLD with an unreadable OLD: one line naming file, line and column, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpt-changes-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'old.json'), '{\n  "Statement": [\n');
    writeFileSync(join(dir, 'new.json'), doc(ACCOUNT));
    const t = start(['open', 'new.json', '--against', 'old.json'], dir);
    expect(await t.exited()).toBe(2);
    expect(t.text()).toMatch(/kms-policy-tui: --against old\.json:3:1: /);
    expect(t.text()).not.toMatch(/at .*\.js:\d+/);
  });

  it('a large policy against its old version: the worker diffs it, and the changes show', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpt-changes-'));
    dirs.push(dir);
    const many = Array.from({ length: 450 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Principal: { AWS: PARTNER }, Action: 'kms:Decrypt', Resource: '*' }));
    writeFileSync(join(dir, 'old.json'), doc(ACCOUNT, ...many, { Sid: 'Gone', Effect: 'Allow', Principal: { AWS: PARTNER }, Action: 'kms:Encrypt', Resource: '*' }));
    writeFileSync(join(dir, 'new.json'), doc(ACCOUNT, ...many));
    const t = start(['open', 'new.json', '--against', 'old.json'], dir);
    await t.waitFor((s) => s.includes('Statements (451)'), 'the workspace');
    t.press('6');
    const shown = await t.waitFor((s) => s.includes('[6 Changes -1]'), 'the diff from the worker', 20_000);
    expect(shown).toMatch(/› - kms:Encrypt {2}statement 451 \(Sid Gone\) no longer allows it/);
  });
});

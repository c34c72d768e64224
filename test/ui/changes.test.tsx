import { afterEach, describe, expect, it } from 'vitest';
import type { WorkspaceSource } from '../../source/ui/state/types.js';
import { diffPolicies, type PolicyDiff } from '../../source/core/diff/index.js';
import { parsePolicy } from '../../source/core/policy/index.js';
import { slowParts } from '../../source/ui/state/derive.js';
import { KEY, renderApp, type Rendered } from './render.js';

let app: Rendered | undefined;
afterEach(() => app?.unmount());

const PARTNER = 'arn:aws:iam::777788889999:role/Partner';
const doc = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
const ACCOUNT = { Sid: 'Account', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' };
const partner = (sid: string) => ({ Sid: sid, Effect: 'Allow', Principal: { AWS: PARTNER }, Action: 'kms:Decrypt', Resource: '*' });

function against(oldText: string, newText: string): WorkspaceSource {
  return { kind: 'file', name: 'new.json', text: newText, against: { kind: 'file', name: 'old.json', text: oldText } };
}

describe('Changes tab', () => {
  it('a template as opened has no change; adding a principal widens its cells, counted in the tab title; Enter goes to the statement', async () => {
    const a = (app = await renderApp({ source: { kind: 'template', templateId: 'cross-account-key-policy', values: {} }, columns: 120, rows: 40 }));
    expect(a.frame()).toMatch(/ 6 Changes$/m);
    await a.press('6');
    expect(a.frame()).toContain('No change in who can do what, compared with the template at its defaults.');
    await a.press('1');
    await a.press('j');
    await a.press('a');
    await a.type(PARTNER);
    await a.press(KEY.enter);
    await a.press('6');
    const frame = a.frame();
    const widened = Number(/\[6 Changes \+(\d+)\]/.exec(frame)?.[1]);
    expect(widened).toBeGreaterThan(0);
    expect(frame).toContain(`Compared with the template at its defaults: +${widened} widened -0 narrowed`);
    expect(frame).toContain(`Role Partner (account 777788889999)  (${PARTNER})`);
    expect(frame).toMatch(/\+ kms:Decrypt {2}statement 1 \(Sid Allow an external account to use this KMS key\) allows it/);
    expect(frame.match(/^ {2}\+ kms:|^› \+ kms:/gm)?.length).toBe(widened);
    // The first line is selected: its statement is the one Enter shows.
    const first = /^› \+ (kms:\w+)/m.exec(frame)?.[1];
    expect(first).toBe('kms:CreateGrant');
    await a.press(KEY.enter);
    expect(a.frame()).toContain('[1 Policy]');
    expect(a.frame()).toContain('Statement 2 JSON');
  });

  it('open NEW --against OLD shows the changes at once, widened and narrowed, with policy text shown escaped', async () => {
    const oldText = doc(ACCOUNT, { ...partner('Old'), Action: ['kms:Decrypt', 'kms:Encrypt'] });
    const newText = doc(ACCOUNT, { ...partner('New\u001b[2J\u202e'), Action: ['kms:Decrypt', 'kms:GenerateDataKey'] });
    const a = (app = await renderApp({ source: against(oldText, newText), columns: 120, rows: 30 }));
    expect(a.frame()).toContain('6 Changes +1 -1');
    await a.press('6');
    const frame = a.frame();
    expect(frame).toContain('Compared with old.json: +1 widened -1 narrowed');
    expect(frame).toMatch(/\+ kms:GenerateDataKey {2}statement 1 \(Sid New\\u001b\[2J\\u202e\)/);
    expect(frame).toMatch(/- kms:Encrypt {2}/);
    expect(frame).not.toContain('\u202e');
    // The narrowing (first, in action order) has no statement in the new version to go to.
    expect(frame).toMatch(/^› - kms:Encrypt/m);
    await a.press(KEY.enter);
    expect(a.frame()).toContain('No statement of the current policy causes this change');
    expect(a.frame()).toContain('[6 Changes +1 -1]');
  });

  it('the footer and the help list key 6', async () => {
    const a = (app = await renderApp({ source: { kind: 'file', name: 'key.json', text: doc(ACCOUNT) }, columns: 120, rows: 40 }));
    await a.press('6');
    expect(a.frame()).toContain('No change in who can do what, compared with the policy as opened.');
    expect(a.frame()).toContain('1-6 tabs');
    await a.press('?');
    expect(a.frame()).toMatch(/6 +Changes tab \(widened \/ narrowed\)/);
  });

  it('at 80 columns the Changes tab shows its counts without its name, and the tab bar stays in the first row', async () => {
    const oldText = doc(ACCOUNT, { ...partner('P'), Action: ['kms:Decrypt', 'kms:Encrypt'] });
    const newText = doc(ACCOUNT, { ...partner('P'), Action: ['kms:Decrypt', 'kms:GenerateDataKey'] });
    const a = (app = await renderApp({ source: against(oldText, newText), columns: 80, rows: 24 }));
    const top = () => a.frame().split('\n')[0] ?? '';
    expect(top()).toMatch(/5 Ask {2}6 \+1 -1$/);
    await a.press('6');
    expect(top()).toMatch(/5 Ask \[6 \+1 -1\]$/);
    expect(a.frame().split('\n')[1]).toMatch(/^Compared with old\.json: \+1 widened -1 narrowed/);
    expect(a.frame()).toMatch(/^› - kms:Encrypt/m);
  });

  it('a large policy against its old version: comparing first, while keys work; the changes once the background diff is in', async () => {
    const many = Array.from({ length: 450 }, (_, i) => ({ ...partner(`S${i}`), Action: 'kms:Decrypt' }));
    const oldText = doc(ACCOUNT, ...many, { ...partner('Gone'), Action: 'kms:Encrypt' });
    const newText = doc(ACCOUNT, ...many);
    let release: (() => void) | undefined;
    const asked: string[] = [];
    const a = (app = await renderApp({
      source: against(oldText, newText),
      columns: 120,
      rows: 30,
      background: async (text, kind, grants) => slowParts(text, kind, parsePolicy(text).document, grants),
      backgroundDiff: (before, after, kind) => {
        asked.push(before === oldText && after === newText ? 'old→new' : 'other');
        return new Promise<PolicyDiff>((resolve) => {
          release = () => resolve(diffPolicies(parsePolicy(before).document!, parsePolicy(after).document!, kind));
        });
      },
    }));
    await a.press('6');
    expect(a.frame()).toContain('Comparing 451 statements with old.json');
    await a.press('1');
    expect(a.frame()).toContain('[1 Policy]');
    await a.press('6');
    expect(asked).toEqual(['old→new']);
    release?.();
    await a.press('j');
    expect(a.frame()).toContain('[6 Changes -1]');
    expect(a.frame()).toMatch(/› - kms:Encrypt {2}statement 451 \(Sid Gone\) no longer allows it/);
  });
});

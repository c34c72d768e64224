import { describe, expect, it } from 'vitest';
import { initialState } from '../../../source/ui/state/reducer.js';
import fc from 'fast-check';
import { diffPolicies } from '../../../source/core/diff/index.js';
import { changeCounts, changesOf, diffOf } from '../../../source/ui/state/changes-model.js';
import { derive } from '../../../source/ui/state/derive.js';
import type { WorkspaceSource } from '../../../source/ui/state/types.js';
import { changesFor, cmd, fileState, LIB, press, templateState, typeText, viewFor, ws } from './harness.js';

const CROSS = 'cross-account-key-policy';
const PARTNER = 'arn:aws:iam::777788889999:role/Partner';

const doc = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
const ACCOUNT = { Sid: 'Account', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' };
const PARTNER_DECRYPT = { Sid: 'Partner', Effect: 'Allow', Principal: { AWS: PARTNER }, Action: 'kms:Decrypt', Resource: '*' };
const DENY_DELETE = { Sid: 'NoDelete', Effect: 'Deny', Principal: { AWS: '*' }, Action: 'kms:ScheduleKeyDeletion', Resource: '*' };

/** `open NEW --against OLD` as run.tsx builds it. */
function againstState(oldText: string, newText: string) {
  const against: WorkspaceSource = { kind: 'file', name: 'old.json', text: oldText };
  return initialState({ kind: 'file', name: 'new.json', text: newText, against }, LIB);
}

/** The template with one more external principal, added and typed in the form as a user does. */
function withPartner() {
  let s = templateState(CROSS);
  s = cmd(s, 'down', 'add');
  s = typeText(s, PARTNER);
  return press(s, 'return');
}

describe('Changes tab state', () => {
  it('Given a template as opened, then its baseline is itself and the tab says nothing changed', () => {
    const s = cmd(templateState(CROSS), 'tabChanges');
    expect(ws(s).tab).toBe('changes');
    expect(ws(s).baseline).toBe(ws(s).source);
    expect(changesFor(s)).toEqual({ status: 'same' });
    expect(viewFor(s).changeStatements).toEqual([]);
  });

  it('Given a template, when a principal is added, then its cells are widened against the template at its defaults', () => {
    const s = cmd(withPartner(), 'tabChanges');
    expect(ws(s).baseline).toEqual({ kind: 'template', templateId: CROSS, values: {} });
    const c = changesFor(s);
    if (c?.status !== 'ready') throw new Error(`expected a diff, got ${c?.status}`);
    expect(c.summary.narrowed).toBe(0);
    expect(c.summary.widened).toBeGreaterThan(0);
    expect(c.groups.map((g) => g.title)).toEqual([`Role Partner (account 777788889999)  (${PARTNER})`]);
    expect(c.groups[0]!.lines.find((l) => l.action === 'kms:Decrypt')).toMatchObject({ change: 'widened', before: 'none', after: '1', statement: 1 });
    expect(changeCounts(c)).toBe(`+${c.summary.widened}`);
  });

  it('Given the Changes tab, when j and Enter are pressed, then the Policy tab shows the statement that causes the selected change', () => {
    let s = cmd(withPartner(), 'tabChanges');
    const statements = viewFor(s).changeStatements;
    s = cmd(s, 'down');
    expect(ws(s).change).toBe(1);
    s = cmd(s, 'confirm');
    expect(ws(s).tab).toBe('policy');
    expect(ws(s).pane).toBe('statements');
    expect(ws(s).statement).toBe(statements[1]);
  });

  it('Given open NEW --against OLD, then the changes show at once: a new principal widened, a removed Deny widened', () => {
    const s = againstState(doc(ACCOUNT, DENY_DELETE), doc(ACCOUNT, PARTNER_DECRYPT));
    const c = changesFor(s);
    if (c?.status !== 'ready') throw new Error(`expected a diff, got ${c?.status}`);
    expect(c.summary.narrowed).toBe(0);
    const partner = c.groups.find((g) => g.title.includes(PARTNER));
    expect(partner?.lines.find((l) => l.action === 'kms:Decrypt')).toMatchObject({ change: 'widened', before: 'none', after: '1', statement: 1 });
    // Removing the Deny widens ScheduleKeyDeletion for the account: its Allow (statement 0) now decides.
    const account = c.groups.find((g) => g.title.startsWith('Account 111122223333'));
    expect(account?.lines.find((l) => l.action === 'kms:ScheduleKeyDeletion')).toMatchObject({ change: 'widened', statement: 0 });
  });

  it('Given a narrowing, then it is narrowed and counted with -', () => {
    const s = againstState(doc(ACCOUNT, PARTNER_DECRYPT), doc(ACCOUNT));
    const c = changesFor(s);
    if (c?.status !== 'ready') throw new Error(`expected a diff, got ${c?.status}`);
    expect(c.summary).toEqual({ widened: 0, narrowed: 1, changed: 0 });
    expect(c.groups[0]!.lines[0]).toMatchObject({ change: 'narrowed', action: 'kms:Decrypt', statement: null });
    expect(changeCounts(c)).toBe('-1');
    // No statement of the new version causes it: Enter says so and stays.
    const after = cmd(s, 'tabChanges', 'confirm');
    expect(ws(after).tab).toBe('changes');
    expect(after.message?.text).toMatch(/^No statement of the current policy causes this change/);
  });

  it('Given a reordered copy with renamed Sids, then there is no change', () => {
    const c = changesFor(againstState(doc(ACCOUNT, PARTNER_DECRYPT), doc({ ...PARTNER_DECRYPT, Sid: 'Renamed' }, { ...ACCOUNT, Principal: { AWS: '111122223333' } })));
    expect(c).toMatchObject({ status: 'ready', groups: [], summary: { widened: 0, narrowed: 0, changed: 0 } });
    expect(changeCounts(c)).toBe('');
  });

  it('Given an opened file, then its baseline is the file as opened', () => {
    const s = fileState('key.json', doc(ACCOUNT));
    expect(ws(s).baseline).toBe(ws(s).source);
    expect(changesFor(cmd(s, 'tabChanges'))).toEqual({ status: 'same' });
  });

  it('Given a baseline or policy that is not readable, then the tab says so instead of a diff', () => {
    const bad = derive({ kind: 'file', name: 'bad.json', text: '{"Statement": [' }, undefined);
    const good = derive({ kind: 'file', name: 'good.json', text: doc(ACCOUNT) }, undefined);
    expect(changesOf(bad, good, false)).toMatchObject({ status: 'unreadable', reason: 'the baseline (bad.json) is not a readable policy' });
    expect(changesOf(good, bad, false).status).toBe('unreadable');
  });

  it('Given a large policy still being derived, then the diff is pending', () => {
    const big = derive({ kind: 'file', name: 'big.json', text: doc(...Array.from({ length: 450 }, (_, i) => ({ ...PARTNER_DECRYPT, Sid: `S${i}` }))) }, undefined, { deferSlow: true });
    expect(big.pending).not.toBeNull();
    const good = derive({ kind: 'file', name: 'good.json', text: doc(ACCOUNT) }, undefined);
    expect(changesOf(good, big, false)).toEqual({ status: 'pending', statements: 450 });
  });
});

describe('the diff of two derived policies (diffOf)', () => {
  // Statements over a fixed set of principals, so both versions usually stand on the same rows
  // (the fast path) and sometimes not (a principal only one side names: the full diff).
  const principals = ['arn:aws:iam::111122223333:root', '111122223333', PARTNER, 'arn:aws:iam::444455556666:root', '*'];
  const actions = ['kms:Decrypt', 'kms:Encrypt', 'kms:*', 'kms:Get*', 'kms:PutKeyPolicy', 'kms:CreateGrant'];
  const statement = fc.record({
    Effect: fc.constantFrom('Allow', 'Deny'),
    Principal: fc.record({ AWS: fc.constantFrom(...principals) }),
    Action: fc.subarray(actions, { minLength: 1 }),
    Resource: fc.constant('*'),
    Condition: fc.option(fc.constantFrom({ StringEquals: { 'kms:ViaService': 's3.us-west-2.amazonaws.com' } }, { Bool: { 'kms:GrantIsForAWSResource': 'true' } }), { nil: undefined }),
  });
  const policy = fc.array(statement, { minLength: 1, maxLength: 5 }).map((s) => doc(...s.map((x) => JSON.parse(JSON.stringify(x)))));
  const derived = (text: string) => derive({ kind: 'file', name: 'p.json', text }, undefined);

  it('gives what diffPolicies gives, whichever path it takes', () => {
    fc.assert(
      fc.property(policy, policy, (oldText, newText) => {
        const before = derived(oldText);
        const after = derived(newText);
        expect(diffOf(before, after)).toEqual(diffPolicies(before.document!, after.document!, after.kind));
      }),
      { numRuns: 60 },
    );
  });
});

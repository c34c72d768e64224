import { describe, expect, it } from 'vitest';
import { paramRows } from '../../../source/ui/state/params.js';
import { focusOf } from '../../../source/ui/state/reducer.js';
import { cmd, derivedOf, LIB, policyText, press, setDraft, templateState, typeText, ws } from './harness.js';

const TEMPLATE = 'console-default-key-policy';
const rowsOf = (s: ReturnType<typeof templateState>) => {
  const w = ws(s);
  if (w.source.kind !== 'template') throw new Error('not a template');
  return paramRows(LIB.find(w.source.templateId)!, w.source.values);
};
const rowIndex = (s: ReturnType<typeof templateState>, name: string) => rowsOf(s).findIndex((r) => r.param.name === name);

describe('editing parameters inline', () => {
  it('Given the parameters form, when Enter is pressed, then the field opens with its current value and takes the keys', () => {
    const s = cmd(templateState(TEMPLATE), 'confirm');
    expect(ws(s).editing).toMatchObject({ row: 0, draft: '111122223333', error: null });
    expect(focusOf(s)).toBe('edit');
  });

  it('Given the account field open, when a valid id is typed, then the policy changes at once and is marked edited', () => {
    let s = cmd(templateState(TEMPLATE), 'confirm');
    expect(policyText(s)).toContain('111122223333');
    s = setDraft(s, '444455556666');
    expect(ws(s).editing?.error).toBeNull();
    expect(policyText(s)).toContain('arn:aws:iam::444455556666:root');
    expect(derivedOf(s)?.statements[0]?.summary).toContain('444455556666');
    expect(derivedOf(s)?.matrix?.rows.map((r) => r.subject)).toContain('arn:aws:iam::444455556666:root');
    expect(ws(s).dirty).toBe(true);
  });

  it('Given the account field open, when an invalid id is typed, then the reason shows and the policy keeps the old value', () => {
    let s = cmd(templateState(TEMPLATE), 'confirm');
    s = setDraft(s, '44445555666');
    expect(ws(s).editing?.error).toMatch(/11 digits|12/);
    expect(ws(s).editing?.draft).toBe('44445555666');
    expect(policyText(s)).toContain('arn:aws:iam::111122223333:root');
    expect(policyText(s)).not.toContain('44445555666');
    expect(ws(s).dirty).toBe(false);
  });

  it('Given an invalid draft, when Enter is pressed, then the field stays open with its reason', () => {
    let s = setDraft(cmd(templateState(TEMPLATE), 'confirm'), 'not-an-account');
    s = press(s, 'return');
    expect(ws(s).editing).not.toBeNull();
    expect(ws(s).editing?.error).toBeTruthy();
    expect(focusOf(s)).toBe('edit');
  });

  it('Given a valid draft, when Enter is pressed, then the field closes and the value stays', () => {
    let s = setDraft(cmd(templateState(TEMPLATE), 'confirm'), '444455556666');
    s = press(s, 'return');
    expect(ws(s).editing).toBeNull();
    expect(rowsOf(s)[0]?.value).toBe('444455556666');
    expect(focusOf(s)).toBe('main');
  });

  it('Given a valid value typed, when Esc is pressed, then the value and the unsaved mark from before come back', () => {
    let s = setDraft(cmd(templateState(TEMPLATE), 'confirm'), '444455556666');
    s = cmd(s, 'back');
    expect(ws(s).editing).toBeNull();
    expect(rowsOf(s)[0]?.value).toBe('111122223333');
    expect(policyText(s)).not.toContain('444455556666');
    expect(ws(s).dirty).toBe(false);
  });

  it('Given an earlier saved-less edit, when a later edit is cancelled, then the earlier edit stays and is still unsaved', () => {
    let s = press(setDraft(cmd(templateState(TEMPLATE), 'confirm'), '444455556666'), 'return');
    s = setDraft(cmd(s, 'confirm'), '777788889999');
    s = cmd(s, 'back');
    expect(rowsOf(s)[0]?.value).toBe('444455556666');
    expect(ws(s).dirty).toBe(true);
  });

  it('Given a list parameter, when a is pressed, then a new entry opens for editing after the others', () => {
    let s = templateState(TEMPLATE);
    const admins = rowIndex(s, 'admins');
    s = cmd(s, ...Array<'down'>(admins).fill('down'), 'add');
    const rows = rowsOf(s);
    expect(rows.filter((r) => r.param.name === 'admins')).toHaveLength(2);
    expect(ws(s).paramRow).toBe(admins + 1);
    expect(ws(s).editing?.row).toBe(admins + 1);
    s = setDraft(s, 'arn:aws:iam::111122223333:role/SecondAdmin');
    s = press(s, 'return');
    expect(policyText(s)).toContain('role/SecondAdmin');
    expect(policyText(s)).toContain('role/KMSAdminRole');
  });

  it('Given a new list entry, when Esc is pressed, then the entry is gone again', () => {
    let s = templateState(TEMPLATE);
    const admins = rowIndex(s, 'admins');
    s = cmd(s, ...Array<'down'>(admins).fill('down'), 'add', 'back');
    expect(rowsOf(s).filter((r) => r.param.name === 'admins')).toHaveLength(1);
    expect(ws(s).dirty).toBe(false);
  });

  it('Given two entries, when x is pressed on one, then it is removed from the policy', () => {
    let s = templateState(TEMPLATE);
    const admins = rowIndex(s, 'admins');
    s = cmd(s, ...Array<'down'>(admins).fill('down'), 'add');
    s = press(setDraft(s, 'arn:aws:iam::111122223333:role/SecondAdmin'), 'return');
    s = cmd(s, 'remove');
    expect(policyText(s)).not.toContain('SecondAdmin');
    expect(rowsOf(s).filter((r) => r.param.name === 'admins')).toHaveLength(1);
    expect(ws(s).paramRow).toBeLessThan(rowsOf(s).length);
  });

  it('Given the only entry of a list, when x is pressed, then it stays and a message says why', () => {
    let s = templateState(TEMPLATE);
    const users = rowIndex(s, 'users');
    s = cmd(s, ...Array<'down'>(users).fill('down'), 'remove');
    expect(rowsOf(s).filter((r) => r.param.name === 'users')).toHaveLength(1);
    expect(s.message?.text).toMatch(/at least one entry/);
  });

  it('Given a scalar parameter, when a is pressed, then nothing is added and a message says why', () => {
    const s = cmd(templateState(TEMPLATE), 'add');
    expect(rowsOf(s)).toHaveLength(rowsOf(templateState(TEMPLATE)).length);
    expect(s.message?.text).toMatch(/one value/);
  });

  it('Given a list entry, when an invalid principal is typed, then the reason names the parameter and nothing changes', () => {
    let s = templateState(TEMPLATE);
    const users = rowIndex(s, 'users');
    s = setDraft(cmd(s, ...Array<'down'>(users).fill('down'), 'confirm'), '');
    const before = policyText(s);
    s = typeText(s, 'ExampleRole');
    expect(ws(s).editing?.error).toMatch(/users/);
    expect(policyText(s)).toBe(before);
  });
});

describe('precise fields in the form', () => {
  it('Given a key id field, when a full key ARN is pasted, then the policy takes its id; the form names the field by its label', () => {
    const id = 'cross-account-iam-policy';
    let s = templateState(id);
    const row = rowIndex(s, 'keyId');
    for (let i = 0; i < row; i++) s = cmd(s, 'down');
    s = cmd(s, 'confirm');
    s = setDraft(s, 'arn:aws:kms:us-west-2:444455556666:key/0987dcba-09fe-87dc-65ba-ab0987654321');
    expect(ws(s).editing?.error).toBeNull();
    expect(policyText(s)).toContain('key/0987dcba-09fe-87dc-65ba-ab0987654321');
    expect(policyText(s)).not.toContain('key/arn:aws:kms');
    s = press(s, 'return');
    expect(rowsOf(s)[row]!.value).toBe('0987dcba-09fe-87dc-65ba-ab0987654321');
    s = setDraft(cmd(s, 'confirm'), 'not-a-key');
    expect(ws(s).editing?.error).toMatch(/^Key id: "not-a-key" is not a key id \(expected a key id/);
  });

  it('Given the pending window field, when 3 is typed, then it is refused with the 7-30 range and the policy keeps 21', () => {
    let s = templateState('deletion-minimum-waiting-period');
    const row = rowIndex(s, 'minDays');
    for (let i = 0; i < row; i++) s = cmd(s, 'down');
    s = setDraft(cmd(s, 'confirm'), '3');
    expect(ws(s).editing?.error).toContain('it must be between 7 and 30');
    expect(policyText(s)).toContain('"21"');
  });
});

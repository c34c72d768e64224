import { describe, expect, it } from 'vitest';
import { focusOf } from '../../../source/ui/state/reducer.js';
import { browserState, cmd, fieldOf, LIB, policyText, press, read, templateState, typeText, viewFor, ws } from './harness.js';

// Keys arrive as terminal reads: one key, or several at once (a paste, or keys typed faster than a frame).
// Each goes where the focus is when it comes, whatever the read held before it.

const TEMPLATE = 'console-default-key-policy';

describe('reads of several keys', () => {
  it('Given the browser, when "/word" comes in one read, then / opens the filter and "word" is typed into it', () => {
    const s = read(browserState(), '/hmac');
    expect(focusOf(s)).toBe('filter');
    expect(s.browser.filter).toBe('hmac');
    expect(fieldOf(s)).toEqual({ text: 'hmac', caret: 4 });
    expect(viewFor(s).browserIds).toEqual(viewFor(typeText(cmd(browserState(), 'filter'), 'hmac')).browserIds);
  });

  it('Given the browser, when "/cloudtrail" Enter Enter comes in one read, then the template the filter left on top opens', () => {
    const s = read(browserState(), '/cloudtrail\r\r');
    expect(s.screen).toBe('workspace');
    expect(ws(s).source).toMatchObject({ kind: 'template', templateId: 'cloudtrail-key-policy' });
  });

  it('Given the browser, when "jj" Enter comes in one read, then the third template opens', () => {
    const third = viewFor(browserState()).browserIds[2];
    const s = read(browserState(), 'jj\r');
    expect(ws(s).source).toMatchObject({ kind: 'template', templateId: third });
  });

  it('Given the parameters form, when Enter and a new account come in one read, then the field opens and keeps every character', () => {
    // The field opens with its value and the caret at its end: Backspace clears it, the new digits follow.
    let s = read(templateState(TEMPLATE), '\r');
    s = read(s, '\u007f'.repeat(12) + '444455556666');
    expect(ws(s).editing).toMatchObject({ draft: '444455556666', caret: 12, error: null });
    expect(policyText(s)).toContain('arn:aws:iam::444455556666:root');
    const fast = read(templateState(TEMPLATE), '\r' + '\u007f'.repeat(12) + '444455556666\r');
    expect(ws(fast).editing).toBeNull();
    expect(focusOf(fast)).toBe('main');
    expect(policyText(fast)).toBe(policyText(s));
    expect(ws(fast).dirty).toBe(true);
  });

  it('Given the account field, when the caret moves, then typing goes in at the caret and the value applies once valid', () => {
    let s = cmd(templateState(TEMPLATE), 'confirm');
    s = press(s, 'home', 'right', 'right', 'right', 'right', 'backspace', 'backspace', 'backspace', 'backspace');
    expect(fieldOf(s)).toEqual({ text: '22223333', caret: 0 });
    s = typeText(s, '9999');
    expect(fieldOf(s)).toEqual({ text: '999922223333', caret: 4 });
    expect(policyText(s)).toContain('arn:aws:iam::999922223333:root');
    s = press(s, 'escape');
    expect(ws(s).editing).toBeNull();
    expect(policyText(s)).toContain('arn:aws:iam::111122223333:root');
    expect(ws(s).dirty).toBe(false);
  });

  it('Given a pasted value with a line break, when it comes in one read, then the text goes into the field and the line break submits it', () => {
    const s = read(cmd(templateState(TEMPLATE), 'confirm'), '\u007f'.repeat(12) + '123456789012\r\n');
    expect(ws(s).editing).toBeNull();
    expect(policyText(s)).toContain('arn:aws:iam::123456789012:root');
  });

  it('Given the write prompt, when a path and Enter come in one read, then the path is written', () => {
    let s = cmd(templateState(TEMPLATE), 'write');
    s = read(s, '\u007f'.repeat(40) + 'out.json\r');
    expect(s.prompt).toBeNull();
    expect(s.effect).toMatchObject({ kind: 'check-write', path: 'out.json' });
  });

  it('Given the filter, when keys that are commands elsewhere are typed, then they are text (j, q and / do not move, quit or reopen)', () => {
    const s = read(browserState(), '/jq/');
    expect(s.browser.filter).toBe('jq/');
    expect(s.effect).toBeNull();
    expect(s.browser.selected).toBe(0);
  });

  it('Given the filter, when Esc then keys come in one read, then the filter is cleared and the keys are commands again', () => {
    let s = read(browserState(), '/zzz');
    s = press(s, 'escape');
    s = read(s, 'jj');
    expect(s.browser.filter).toBe('');
    expect(s.browser.selected).toBe(2);
    expect(LIB.find(viewFor(s).browserIds[2]!)).toBeDefined();
  });
});

import { describe, expect, it } from 'vitest';
import { focusOf, keyContextOf } from '../../../source/ui/state/reducer.js';
import type { AppState } from '../../../source/ui/state/types.js';
import { CONTEXT_COMMANDS } from '../../../source/ui/keys/bindings.js';
import { act, browserState, cmd, fileState, pickerState, press, setDraft, templateState, typeText, ws } from './harness.js';

const TEMPLATE = 'console-default-key-policy';
const edited = (): AppState => press(setDraft(cmd(templateState(TEMPLATE), 'confirm'), '444455556666'), 'return');
const done = (s: AppState, extra: { saved?: boolean; text?: string } = {}): AppState =>
  act(s, { type: 'effect-done', id: s.effect!.id, message: { tone: 'info', text: extra.text ?? 'done' }, ...(extra.saved === undefined ? {} : { saved: extra.saved }) });

describe('copy', () => {
  it('Given a workspace, when c is pressed, then a copy effect is asked for', () => {
    const s = cmd(templateState(TEMPLATE), 'copy');
    expect(s.effect).toMatchObject({ kind: 'copy' });
  });

  it('Given unsaved edits, when the copy succeeds, then the edits count as saved and the message shows', () => {
    let s = cmd(edited(), 'copy');
    expect(ws(s).dirty).toBe(true);
    s = done(s, { saved: true, text: 'Copied to the system clipboard.' });
    expect(s.effect).toBeNull();
    expect(ws(s).dirty).toBe(false);
    expect(s.message?.text).toBe('Copied to the system clipboard.');
  });

  it('Given unsaved edits, when nothing could be copied, then the edits stay unsaved', () => {
    const s = done(cmd(edited(), 'copy'), { saved: false });
    expect(ws(s).dirty).toBe(true);
  });

  it('ignores the answer of an effect that is no longer current', () => {
    const s = cmd(edited(), 'copy');
    const stale = act(s, { type: 'effect-done', id: s.effect!.id + 7, message: null, saved: true });
    expect(stale).toBe(s);
  });

  it('Given the browser, when c or w is pressed, then nothing happens', () => {
    const s = cmd(browserState(), 'copy', 'write');
    expect(s.effect).toBeNull();
    expect(s.prompt).toBeNull();
  });
});

describe('write', () => {
  it('Given a template, when w is pressed, then the path prompt is prefilled with ./<template-id>.<ext> for the format', () => {
    expect(cmd(templateState(TEMPLATE), 'write').prompt).toEqual({ kind: 'write-path', draft: `./${TEMPLATE}.json`, caret: `./${TEMPLATE}.json`.length });
    expect(cmd(templateState(TEMPLATE), 'tabExport', 'right', 'write').prompt).toEqual({ kind: 'write-path', draft: `./${TEMPLATE}.tf`, caret: `./${TEMPLATE}.tf`.length });
    const s = cmd(templateState(TEMPLATE), 'write');
    expect(focusOf(s)).toBe('prompt-text');
  });

  it("Given an opened file, when w is pressed, then the prompt proposes the file's own name (its extension for the format)", () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }] });
    expect(cmd(fileState('policies/app.json', text), 'write').prompt).toEqual({ kind: 'write-path', draft: 'policies/app.json', caret: 'policies/app.json'.length });
    expect(cmd(fileState('policies/app.json', text), 'tabExport', 'right', 'right', 'write').prompt).toEqual({ kind: 'write-path', draft: 'policies/app.yaml', caret: 'policies/app.yaml'.length });
  });

  it('Given the path prompt, when Enter is pressed, then a write is checked for that path', () => {
    let s = cmd(templateState(TEMPLATE), 'write');
    s = typeText(s, '.bak');
    s = press(s, 'return');
    expect(s.prompt).toBeNull();
    expect(s.effect).toMatchObject({ kind: 'check-write', path: `./${TEMPLATE}.json.bak` });
  });

  it('Given an empty path, when Enter is pressed, then the prompt stays and says what to do', () => {
    let s = cmd(templateState(TEMPLATE), 'write');
    s = setDraft(s, '  ');
    s = press(s, 'return');
    expect(s.prompt?.kind).toBe('write-path');
    expect(s.effect).toBeNull();
    expect(s.message?.tone).toBe('error');
  });

  it('Given the path prompt, when Esc is pressed, then nothing is written', () => {
    const s = cmd(cmd(templateState(TEMPLATE), 'write'), 'back');
    expect(s.prompt).toBeNull();
    expect(s.effect).toBeNull();
    expect(s.message?.text).toMatch(/Nothing written/);
  });

  it('Given an existing file, when the check answers, then it asks before overwriting; y writes with overwrite', () => {
    let s = press(cmd(templateState(TEMPLATE), 'write'), 'return');
    s = act(s, { type: 'effect-done', id: s.effect!.id, message: null, prompt: { kind: 'overwrite', path: 'x.json' } });
    expect(s.prompt).toEqual({ kind: 'overwrite', path: 'x.json' });
    expect(focusOf(s)).toBe('main');
    // Other keys do not answer the question.
    expect(cmd(s, 'down', 'copy').prompt).toEqual({ kind: 'overwrite', path: 'x.json' });
    const yes = cmd(s, 'yes');
    expect(yes.prompt).toBeNull();
    expect(yes.effect).toMatchObject({ kind: 'write', path: 'x.json' });
  });

  it.each(['no', 'back'] as const)('Given the overwrite question, when %s is pressed, then the file is left as it was', (answer) => {
    let s = press(cmd(templateState(TEMPLATE), 'write'), 'return');
    s = act(s, { type: 'effect-done', id: s.effect!.id, message: null, prompt: { kind: 'overwrite', path: 'x.json' } });
    s = cmd(s, answer);
    expect(s.prompt).toBeNull();
    expect(s.effect).toBeNull();
    expect(s.message?.text).toMatch(/left as it was/);
  });

  it('Given unsaved edits, when the write succeeds, then they count as saved and q quits at once', () => {
    let s = press(cmd(edited(), 'write'), 'return');
    s = done(s, { saved: true, text: 'Wrote x.json' });
    expect(ws(s).dirty).toBe(false);
    expect(cmd(s, 'quit').effect).toMatchObject({ kind: 'quit' });
  });
});

describe('quit', () => {
  it('Given no edits, when q is pressed, then the app quits', () => {
    expect(cmd(templateState(TEMPLATE), 'quit').effect).toMatchObject({ kind: 'quit' });
    expect(cmd(browserState(), 'quit').effect).toMatchObject({ kind: 'quit' });
  });

  it('Given unsaved edits, when q is pressed, then it asks first; n stays, y quits', () => {
    const asked = cmd(edited(), 'quit');
    expect(asked.effect).toBeNull();
    expect(asked.prompt).toEqual({ kind: 'discard', then: 'quit' });
    const stay = cmd(asked, 'no');
    expect(stay.prompt).toBeNull();
    expect(stay.effect).toBeNull();
    expect(ws(stay).dirty).toBe(true);
    expect(cmd(asked, 'yes').effect).toMatchObject({ kind: 'quit' });
  });

  it('Given unsaved edits, when Esc leaves the template, then it asks first; y goes back to the browser', () => {
    const asked = cmd(edited(), 'back');
    expect(asked.prompt).toEqual({ kind: 'discard', then: 'browser' });
    const left = cmd(asked, 'yes');
    expect(left.screen).toBe('browser');
    expect(left.workspace).toBeNull();
  });

  it('Given a field being edited, when q is typed, then it is text for the field, not quit', () => {
    const s = cmd(cmd(templateState(TEMPLATE), 'confirm'), 'quit');
    expect(s.effect).toBeNull();
    expect(ws(s).editing).not.toBeNull();
  });
});

describe('help overlay', () => {
  it('Given any screen, when ? is pressed, then help shows; Esc or ? closes it and other keys do nothing', () => {
    let s = cmd(templateState(TEMPLATE), 'help');
    expect(s.help).toBe(true);
    expect(cmd(s, 'down', 'tabMatrix').workspace).toEqual(s.workspace);
    expect(cmd(s, 'back').help).toBe(false);
    expect(cmd(s, 'help').help).toBe(false);
    s = cmd(browserState(), 'help');
    expect(cmd(s, 'quit').effect).toBeNull();
  });
});

describe('key context (what the footer offers)', () => {
  const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }] });
  const cases: [string, () => AppState, string][] = [
    ['the browser', () => browserState(), 'browser'],
    ['the filter field', () => cmd(browserState(), 'filter'), 'filter'],
    ['the parameters', () => templateState(TEMPLATE), 'parameters'],
    ['the statements of a template', () => cmd(templateState(TEMPLATE), 'nextPane'), 'statements'],
    ['the statements of an opened file (no Esc back, no panes)', () => fileState('p.json', text), 'file-statements'],
    ['the picker of a source with several policies', () => pickerState(), 'picker'],
    ['the statements of a policy picked from a source (Esc back to the picker)', () => cmd(pickerState(), 'confirm'), 'picked-statements'],
    ['a field being edited', () => cmd(templateState(TEMPLATE), 'confirm'), 'edit'],
    ['the matrix', () => cmd(templateState(TEMPLATE), 'tabMatrix'), 'matrix'],
    ['the findings', () => cmd(templateState(TEMPLATE), 'tabFindings'), 'findings'],
    ['the export tab', () => cmd(templateState(TEMPLATE), 'tabExport'), 'export'],
    ['the Ask form', () => cmd(templateState(TEMPLATE), 'tabAsk'), 'ask'],
    ['an open Ask list', () => cmd(templateState(TEMPLATE), 'tabAsk', 'confirm'), 'ask-picker'],
    ['the Ask trace', () => cmd(templateState(TEMPLATE), 'tabAsk', 'nextPane'), 'ask-trace'],
    ['the Changes tab', () => cmd(templateState(TEMPLATE), 'tabChanges'), 'changes'],
    ['an Ask list being filtered (as the browser filter)', () => cmd(templateState(TEMPLATE), 'tabAsk', 'down', 'filter'), 'filter'],
    ['the path prompt', () => cmd(templateState(TEMPLATE), 'write'), 'prompt-text'],
    ['a search in the statements', () => cmd(templateState(TEMPLATE), 'nextPane', 'filter'), 'search'],
    ['a yes/no question', () => cmd(edited(), 'quit'), 'prompt-yesno'],
    ['the help overlay', () => cmd(templateState(TEMPLATE), 'help'), 'help'],
  ];
  it.each(cases)('in %s it is %s', (_where, state, context) => {
    expect(keyContextOf(state())).toBe(context);
  });

  it('covers every context of the key-binding table', () => {
    expect(Object.keys(CONTEXT_COMMANDS).sort()).toEqual([...new Set(cases.map((c) => c[2]))].sort());
  });
});

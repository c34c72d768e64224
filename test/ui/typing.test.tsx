import { afterEach, describe, expect, it } from 'vitest';
import { browseList } from '../../source/ui/state/browse-list.js';
import { KEY, renderApp, type Rendered } from './render.js';
import { TEMPLATES } from './state/harness.js';

// Keys typed faster than the screen, and pastes: every key reaches the one input
// handler, which sends it where the focus is when it comes (issue 6, issue 8 "nothing lost").

let app: Rendered | undefined;
afterEach(() => app?.unmount());

const TEMPLATE = 'console-default-key-policy';
const countOf = (frame: string) => Number(/(\d+) of \d+ templates/.exec(frame)?.[1] ?? NaN);

describe('fast typing and pastes', () => {
  it('"/hmac" in one write opens the filter and narrows the list to hmac', async () => {
    app = await renderApp({ columns: 100, rows: 40 });
    await app.press('/hmac'); // deliberately one write
    const frame = app.frame();
    expect(frame).toMatch(/Filter: hmac/);
    expect(countOf(frame)).toBe(browseList(TEMPLATES, 'hmac').length);
    expect(countOf(frame)).toBeLessThan(TEMPLATES.length);
    expect(frame.split('\n').at(-1)).toContain('keep filter');
  });

  it('/ and the word in separate writes before any frame: the word still goes into the filter', async () => {
    app = await renderApp({ columns: 100, rows: 40 });
    await app.burst('/', 'h', 'm', 'a', 'c');
    expect(app.frame()).toMatch(/Filter: hmac/);
    expect(countOf(app.frame())).toBe(browseList(TEMPLATES, 'hmac').length);
  });

  it('Enter, then typing at once into the field editor: every character is kept and the value applies', async () => {
    app = await renderApp({ source: { kind: 'template', templateId: TEMPLATE, values: {} }, columns: 120, rows: 40 });
    await app.burst(KEY.enter, ...Array<string>(12).fill(KEY.backspace), ...'444455556666');
    const frame = app.frame();
    expect(frame).toContain('444455556666');
    expect(frame).toContain('"arn:aws:iam::444455556666:root"');
    expect(frame).not.toContain('✗');
    expect(frame.split('\n').at(-1)).toContain('Enter done');
    await app.burst(KEY.enter, '2');
    expect(app.frame()).toContain('Account 444455556666');
  });

  it('a pasted value with its line break fills the field and closes it', async () => {
    app = await renderApp({ source: { kind: 'template', templateId: TEMPLATE, values: {} }, columns: 120, rows: 40 });
    await app.press(KEY.enter);
    await app.press(KEY.backspace.repeat(12));
    await app.press('123456789012\r');
    const frame = app.frame();
    expect(frame).toContain('"arn:aws:iam::123456789012:root"');
    expect(frame.split('\n').at(-1)).toContain('Enter edit');
  });

  it('the caret moves with ← → Home End and typing goes in where it is', async () => {
    app = await renderApp({ source: { kind: 'template', templateId: TEMPLATE, values: {} }, columns: 120, rows: 40 });
    await app.press(KEY.enter);
    await app.press(KEY.home);
    for (let i = 0; i < 4; i++) await app.press(KEY.delete);
    await app.press(KEY.end);
    await app.type('4');
    // Home went to the start, Delete there deleted nothing (Ink reports it as Backspace), End came back: one digit more, refused.
    expect(app.frame()).toContain('1111222233334');
    expect(app.frame()).toContain('✗');
    await app.press(KEY.left);
    await app.press(KEY.left);
    await app.press(KEY.backspace);
    expect(app.frame()).toContain('111122223334');
    expect(app.frame()).toContain('"arn:aws:iam::111122223334:root"');
  });
});

describe('a long value while editing', () => {
  const LONG = 'arn:aws:iam::111122223333:role/service-role/KeyAdministratorsForTheProductionWorkloadAccount';

  it('stays on one row at 80 columns, shows its end with the caret, and the next parameters keep their rows', async () => {
    app = await renderApp({ source: { kind: 'template', templateId: TEMPLATE, values: {} }, columns: 80, rows: 24 });
    await app.press('j');
    await app.press(KEY.enter);
    await app.press(KEY.backspace.repeat(60));
    await app.press(LONG);
    const lines = app.frame().split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    const field = lines.find((l) => l.includes('Key administ'))!;
    expect(field).toBeDefined();
    // The end of the value is in view next to the caret; its start is scrolled out, marked with a cut mark.
    expect(field).toContain('WorkloadAccount');
    expect(field).not.toContain('arn:aws:iam');
    expect(field).toMatch(/…/);
    // The rows after it are still in the form.
    expect(lines.some((l) => l.includes('Key users'))).toBe(true);
    expect(lines.some((l) => l.includes('Key owner'))).toBe(true);
    await app.press(KEY.home);
    const atStart = app.frame().split('\n').find((l) => l.includes('Key administ'))!;
    expect(atStart).toContain('arn:aws:iam::1111');
    expect(atStart).not.toContain('WorkloadAccount');
    // The value is valid: Enter closes the field, which shortens the value in the middle (its start and its name stay).
    await app.press(KEY.enter);
    const closed = app.frame().split('\n').find((l) => l.includes('Key administ'))!;
    expect(closed).toContain(`arn:aw…${LONG.slice(-14)} `);
    expect(app.frame().split('\n').at(-1)).toContain('Enter edit');
  });
});

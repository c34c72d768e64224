import { afterEach, describe, expect, it } from 'vitest';
import { SYMBOLS } from '../../source/ui/components/symbols.js';
import { KEY, renderApp, type Rendered } from './render.js';

// At 80x24 a statement's JSON and explanation rarely fit under the lists: they scroll (PgDn/PgUp, d/u) and say what is cut.
const SOURCE = { kind: 'template', templateId: 'console-default-key-policy', values: {} } as const;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MORE = new RegExp(`${escape(SYMBOLS.ellipsis)} \\d+ more lines? \\(PgDn or d\\)`);
const MORE_WITHOUT_KEYS = new RegExp(`${escape(SYMBOLS.ellipsis)} \\d+ more lines?$`, 'm');
const ABOVE = new RegExp(`${escape(SYMBOLS.up)} \\d+ lines? above`);

let app: Rendered | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

/** The key administrators' statement (#1), with the statements pane focused. */
async function onAdministrators(): Promise<Rendered> {
  const a = await renderApp({ source: SOURCE, columns: 80, rows: 24 });
  await a.press(KEY.tab);
  await a.press('j');
  expect(a.frame()).toContain('Statement 1 JSON');
  return a;
}

describe('statement detail scrolling at 80x24', () => {
  it('shows the cut explanation and JSON to their last lines with PgDn, saying how much is above and below', async () => {
    app = await onAdministrators();
    let frame = app.frame();
    // The teaching note's last words and the resources line are below the pane, and the columns say so.
    expect(frame).not.toContain('who is in this list.');
    expect(frame).not.toContain('On: this key');
    expect(frame).toMatch(MORE);
    expect(frame).not.toMatch(ABOVE);
    const seen = new Set<string>();
    for (let i = 0; i < 30 && MORE.test(app.frame()); i++) {
      await app.press(KEY.pageDown);
      for (const line of app.frame().split('\n')) seen.add(line.slice(40).trim());
    }
    frame = app.frame();
    expect(frame).not.toMatch(MORE);
    expect(frame).toMatch(ABOVE);
    expect(frame).toContain('On: this key');
    expect(frame).toContain('"Resource": "*"');
    expect([...seen].some((l) => l.endsWith('who is in this list.'))).toBe(true);
    // The statement stays selected while its detail scrolls.
    expect(frame).toContain('Statement 1 JSON');
  });

  it('scrolls back with u (and PgUp) to the top, and another statement starts at its top', async () => {
    app = await onAdministrators();
    await app.press('d');
    await app.press('d');
    expect(app.frame()).toMatch(ABOVE);
    await app.press(KEY.pageUp);
    expect(app.frame()).toMatch(ABOVE);
    await app.press('u');
    expect(app.frame()).not.toMatch(ABOVE);
    expect(app.frame()).toContain('Statement 1 JSON');
    await app.press('d');
    await app.press('j');
    const frame = app.frame();
    expect(frame).toContain('Statement 2 JSON');
    expect(frame).not.toMatch(ABOVE);
    expect(frame).toContain('"Sid": "Allow use of the key"');
  });

  it('in the parameters pane the cut columns say so without offering the page keys, which move the parameter rows there', async () => {
    app = await renderApp({ source: SOURCE, columns: 80, rows: 24 });
    await app.press(KEY.tab);
    await app.press('j');
    await app.press(KEY.shiftTab);
    const frame = app.frame();
    expect(frame).toMatch(MORE_WITHOUT_KEYS);
    expect(frame).not.toMatch(MORE);
  });
});

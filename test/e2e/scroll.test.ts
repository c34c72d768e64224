import { afterEach, describe, expect, it } from 'vitest';
import { cleanEnv, KEYS, startCli, type TerminalSession } from './terminal.js';

// The statement detail in a real terminal at 80x24 (the smallest supported): what is cut says so, and PgDn / d / u reach all of it.

const PAGE_DOWN = '\u001b[6~';
const PAGE_UP = '\u001b[5~';
const MORE = /… \d+ more lines? \(PgDn or d\)/;
const ABOVE = /↑ \d+ lines? above/;

let session: TerminalSession | null = null;
afterEach(() => {
  session?.kill();
  session = null;
});

const footer = (text: string) => text.trimEnd().split('\n').at(-1) ?? '';
/** The list line marked as selected (`›`, or `>` in ASCII). */
const selectedLine = (t: TerminalSession) => t.screen().find((l) => /^\s*[›>] /.test(l)) ?? '';
/** The right half of the screen: the explanation column of the detail. */
const rightColumn = (t: TerminalSession) => t.screen().map((l) => l.slice(40).trimEnd());

/** Browser → the console default key policy → statements pane → statement #1 (the key administrators). */
async function openAdministrators(t: TerminalSession, more: RegExp) {
  await t.waitFor((s) => s.includes('Key policies'), 'the template browser');
  t.press('/');
  await t.waitFor((s) => footer(s).includes('keep filter'), 'the filter field');
  await t.type('console-default');
  t.press(KEYS.enter);
  await t.waitFor((s) => footer(s).includes('/ filter'), 'focus back on the list');
  for (let i = 0; i < 10 && !selectedLine(t).includes('Console default key policy'); i++) {
    const before = selectedLine(t);
    t.press(KEYS.down);
    await t.waitFor(() => selectedLine(t) !== before, 'the selection to move');
  }
  t.press(KEYS.enter);
  await t.waitFor((s) => s.includes('Statements (4)'), 'the workspace');
  t.press(KEYS.tab);
  await t.waitFor((s) => footer(s).includes('PgUp/Dn scroll'), 'the statements pane, offering the scroll keys');
  t.press('j');
  const s = await t.waitFor((x) => x.includes('Statement 1 JSON'), 'the key administrators statement');
  expect(s).toMatch(more);
  expect(s).not.toContain('On: this key');
}

describe('statement detail scrolling in a real terminal', () => {
  it('scrolls the key administrators statement of the console default key policy to its last lines at 80x24', async () => {
    const t = startCli([], { columns: 80, rows: 24 });
    session = t;
    await openAdministrators(t, MORE);
    let s: string;

    const seen: string[] = [];
    for (let i = 0; i < 30 && MORE.test(t.text()); i++) {
      const before = t.text();
      t.press(i % 2 === 0 ? PAGE_DOWN : 'd');
      await t.waitFor((x) => x !== before, 'the detail to scroll');
      seen.push(...rightColumn(t));
    }
    s = t.text();
    expect(s).not.toMatch(MORE);
    expect(s).toMatch(ABOVE);
    expect(s).toContain('On: this key');
    expect(s).toContain('"Resource": "*"');
    expect(seen.some((l) => l.endsWith('who is in this list.'))).toBe(true);
    // The selection did not move while the detail scrolled.
    // (At 80 columns the Sid is cut, the Effect never.)
    expect(t.text()).toMatch(/› #1 Allow access for Key Admi\S* .*· Allow/);

    t.press(PAGE_UP);
    await t.waitFor((x) => MORE.test(x), 'a page back up, the more-lines hint again');
    for (let i = 0; i < 30 && ABOVE.test(t.text()); i++) {
      const before = t.text();
      t.press('u');
      await t.waitFor((x) => x !== before, 'the detail to scroll up');
    }
    s = t.text();
    expect(s).not.toMatch(ABOVE);
    expect(s).toContain('"Sid": "Allow access for Key Administ');
  });

  it('says what is cut in ASCII where the terminal cannot show Unicode (LANG=C)', async () => {
    const t = startCli([], { columns: 80, rows: 24, env: cleanEnv({ LANG: 'C' }) });
    session = t;
    const more = /\.\.\. \d+ more lines? \(PgDn or d\)/;
    await openAdministrators(t, more);
    t.press('d');
    const s = await t.waitFor((x) => /Up \d+ lines? above/.test(x), 'the lines-above hint in ASCII');
    expect(s).toMatch(more);
    expect(s).not.toContain('↑');
    expect(s).not.toContain('…');
  });
});

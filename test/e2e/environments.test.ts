import { afterEach, describe, expect, it } from 'vitest';
import { cleanEnv, KEYS, startCli, type TerminalSession } from './terminal.js';

// Where users run it (issue 8): terminal sizes, NO_COLOR, TERM=dumb, terminals without Unicode.

let sessions: TerminalSession[] = [];
afterEach(() => {
  for (const s of sessions) s.kill();
  sessions = [];
});

function start(args: readonly string[], columns: number, rows: number, env: Record<string, string | undefined> = {}): TerminalSession {
  const s = startCli(args, { columns, rows, env: cleanEnv(env) });
  sessions.push(s);
  return s;
}

const footer = (text: string) => text.trimEnd().split('\n').at(-1) ?? '';
const ON_LIST = (s: string) => footer(s).includes('/ filter');

/** The screens a person meets first: the browser, then each workspace tab and the help overlay. */
const SCREENS = [
  { name: 'browser', key: null, ready: (s: string) => ON_LIST(s) && s.includes('Key policies'), top: /^Filter:/ },
  // The tab bar ends the first row, the current tab in brackets (readable without colour).
  { name: 'policy tab', key: KEYS.enter, ready: (s: string) => s.includes('Statements ('), top: /\[1 Policy\]\s+2 Matrix\s+3 Findings \(\d+\)\s+4 Export\s+5 Ask\s+6(?: Changes)?(?: [+~-]\d+)*\s*$/ },
  { name: 'matrix tab', key: '2', ready: (s: string) => s.includes('Action groups'), top: /\[2 Matrix\]\s+3 Findings \(\d+\)\s+4 Export\s+5 Ask\s+6(?: Changes)?(?: [+~-]\d+)*\s*$/ },
  { name: 'findings tab', key: '3', ready: (s: string) => /Findings \(\d+\) |No findings/.test(s.split('\n').slice(1).join('\n')), top: /\[3 Findings \(\d+\)\]\s+4 Export\s+5 Ask\s+6(?: Changes)?(?: [+~-]\d+)*\s*$/ },
  { name: 'export tab', key: '4', ready: (s: string) => s.includes('Format:'), top: /\[4 Export\]\s+5 Ask\s+6(?: Changes)?(?: [+~-]\d+)*\s*$/ },
  { name: 'ask tab', key: '5', ready: (s: string) => s.includes('Answer:') && s.includes('Trace'), top: /\[5 Ask\]\s+6(?: Changes)?(?: [+~-]\d+)*\s*$/ },
  { name: 'changes tab', key: '6', ready: (s: string) => s.includes('No change in who can do what'), top: /\[6 Changes\]\s*$/ },
  { name: 'help overlay', key: '?', ready: (s: string) => s.includes('Keys (Esc or ? closes this help)'), top: null },
] as const;

/** Walks every screen; `check` sees each once it is drawn. */
async function walkScreens(t: TerminalSession, check: (name: string, text: string) => void) {
  for (const screen of SCREENS) {
    if (screen.key) t.press(screen.key);
    const text = await t.waitFor(screen.ready, `the ${screen.name}`);
    check(screen.name, text);
  }
  t.press(KEYS.escape);
  await t.waitFor((s) => !s.includes('Keys (Esc or ? closes this help)'), 'the help closed');
  t.press('q');
  expect(await t.exited()).toBe(0);
}

describe('terminal sizes', () => {
  // Widths 80, 100, 160 and heights from 24 to 60, the corners and the middle.
  const sizes = [
    [80, 24],
    [80, 60],
    [100, 40],
    [160, 24],
    [160, 60],
  ] as const;
  it.each(sizes)('at %ix%i every screen fits: no line wider than the terminal, the first row in place', async (columns, rows) => {
    const t = start([], columns, rows);
    await walkScreens(t, (name, text) => {
      const lines = text.split('\n');
      expect(lines, name).toHaveLength(rows);
      for (const line of lines) expect(line.length, `${name}: ${line}`).toBeLessThanOrEqual(columns);
      // A line wider than the terminal wraps onto the next row; a frame taller than it scrolls the first row away.
      expect(t.wrappedRows(), `${name} has wrapped rows`).toEqual([]);
      const top = SCREENS.find((s) => s.name === name)!.top;
      if (top) expect(lines[0], name).toMatch(top);
      // The footer is on the last row or the one above (the frame is one row short of the terminal).
      expect(lines.slice(-2).join(' '), name).toMatch(/\? help/);
    });
  });
});

// SGR parameters that set a colour: 30-37, 38;..., 39, 40-47, 48;..., 49, 90-97, 100-107.
const COLOUR_SGR = /\u001b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/;
// SGR 7, inverse video: the selected row and the text-field caret.
const INVERSE_SGR = /\u001b\[(?:[0-9;]*;)?7(?:;[0-9;]*)?m/;
// The filter field with a caret after "kms": the caret is an inverse space.
const CARET_AFTER_KMS = /kms\u001b\[(?:[0-9;]*;)?7(?:;[0-9;]*)?m /;

describe('NO_COLOR', () => {
  it('draws no colour at all, and the matrix cells and the selection still read by their symbols', async () => {
    const t = start([], 100, 30, { NO_COLOR: '1' });
    let matrix = '';
    await walkScreens(t, (name, text) => {
      if (name === 'matrix tab') matrix = text;
      if (name === 'browser') expect(text).toMatch(/^\s*› /m);
    });
    expect(t.raw()).not.toMatch(COLOUR_SGR);
    // NO_COLOR drops colour only: the selection (inverse) still shows.
    expect(t.raw()).toMatch(INVERSE_SGR);
    // The cursor cell is bracketed and every cell is a legend symbol.
    // The grid: the rows between the heading line and the legend.
    const lines = matrix.split('\n');
    // (The heading's corner names the mode, or the rows in view when the grid scrolls.)
    const heading = lines.findIndex((l) => l.includes(' Crypto ') && l.includes(' KeyMgmt '));
    expect(heading).toBeGreaterThan(0);
    const grid = lines.slice(heading + 1, lines.findIndex((l) => l.includes('A allow'))).filter((l) => l.trim() !== '');
    expect(grid.length).toBeGreaterThan(0);
    expect(grid.join('\n')).toMatch(/\[[AIBGDC.]\]|>\d+\/\d+ [AIBGDC.]/);
    // Seven action groups: seven cells a row, each one symbol (or a count and a symbol) after a space, a bracket or the cursor's pointer.
    const cells = lines[heading]!.indexOf(' Crypto ');
    for (const row of grid) expect(`${row} `.slice(cells).match(/[ [>](?:\d+\/\d+ )?[AIBGDC.](?=[ \]])/g), row).toHaveLength(7);
  });

  it('keeps the text-field caret visible (inverse video) while typing into the filter', async () => {
    const t = start([], 100, 30, { NO_COLOR: '1' });
    await t.waitFor(ON_LIST, 'the template browser');
    t.press('/');
    await t.waitFor((s) => footer(s).includes('keep filter'), 'the filter field');
    const before = t.raw().length;
    t.press('kms');
    await t.waitFor((s) => /Filter: kms/.test(s), 'the typed filter');
    const frame = t.raw().slice(before);
    expect(frame).toMatch(CARET_AFTER_KMS);
    expect(frame).not.toMatch(COLOUR_SGR);
    t.press(KEYS.escape);
    await t.waitFor((s) => ON_LIST(s) && s.includes('press / to filter'), 'the filter cleared');
    t.press('q');
    expect(await t.exited()).toBe(0);
  });

  it('FORCE_COLOR wins over NO_COLOR (SPEC 2): the screens are coloured', async () => {
    const t = start([], 100, 30, { NO_COLOR: '1', FORCE_COLOR: '1' });
    await walkScreens(t, () => {});
    expect(t.raw()).toMatch(COLOUR_SGR);
  });

  it('without NO_COLOR the same screens are coloured (the check above can fail)', async () => {
    const t = start([], 100, 30);
    await walkScreens(t, () => {});
    expect(t.raw()).toMatch(COLOUR_SGR);
  });
});

describe('TERM=dumb', () => {
  // A dumb terminal cannot move the cursor: a full-screen UI would print every frame below the last.
  it.each([[[]], [['open', 'test/fixtures/seeds/iampulse-default-key-policy.json']]])('refuses %j with a clear message, exit 2, and never switches screens', async (args) => {
    const t = start(args, 80, 24, { TERM: 'dumb' });
    expect(await t.exited()).toBe(2);
    const text = t.text();
    expect(text).toContain('TERM=dumb');
    expect(text).toMatch(/list, render, explain, matrix, lint, diff, simulate/);
    expect(text).not.toMatch(/\n\s+at /);
    expect(t.raw()).not.toContain('\u001b[?1049h');
  });
});

// Control sequences (CSI, OSC, single-character escapes) carry no text.
const stripEscapes = (raw: string) => raw.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[()][0-9A-Za-z]|\u001b[=>78]/g, '');
const nonAscii = (text: string) => [...new Set(text.match(/[^\u0000-\u007f]/g) ?? [])];

describe('terminals without Unicode', () => {
  it.each([
    ['LANG=C', { LANG: 'C' }],
    ['LC_ALL=POSIX over a UTF-8 LANG', { LC_ALL: 'POSIX' }],
    ['TERM=linux (the Linux console)', { TERM: 'linux' }],
  ])('%s: every screen is plain ASCII', async (_name, env) => {
    const t = start([], 80, 24, env);
    await walkScreens(t, (name, text) => expect(nonAscii(text), name).toEqual([]));
    expect(nonAscii(stripEscapes(t.raw()))).toEqual([]);
    // The ASCII fallbacks carry the same meaning.
    expect(t.raw()).toContain('Up/Dn');
  });

  it('in a UTF-8 locale the Unicode symbols are used (the check above can fail)', async () => {
    const t = start([], 80, 24, { LANG: 'en_US.UTF-8' });
    await walkScreens(t, () => {});
    expect(nonAscii(stripEscapes(t.raw()))).toEqual(expect.arrayContaining(['›', '↑', '·']));
  });
});

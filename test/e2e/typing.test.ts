import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from '../helpers/cli.js';
import { cleanEnv, KEYS, startCli, type TerminalSession } from './terminal.js';

// Keys typed faster than the screen is drawn, and pastes, in a real pseudo-terminal:
// several keys arrive in one read, and none may be lost (issue 6, issue 8 "nothing lost").

let sessions: TerminalSession[] = [];
afterEach(() => {
  for (const s of sessions) s.kill();
  sessions = [];
});

let titles: { id: string; title: string; category: string }[] = [];
beforeAll(() => {
  titles = JSON.parse(runBuiltCli(['list', '--json']).stdout) as typeof titles;
});

function start(args: readonly string[], columns: number, rows: number): TerminalSession {
  const s = startCli(args, { columns, rows, env: cleanEnv() });
  sessions.push(s);
  return s;
}

const footer = (text: string) => text.trimEnd().split('\n').at(-1) ?? '';
const countOf = (text: string) => Number(/(\d+) of \d+ templates/.exec(text)?.[1] ?? NaN);
const TEMPLATE = 'console-default-key-policy';
const LONG_ARN = 'arn:aws:iam::111122223333:role/service-role/KeyAdministratorsForTheProductionWorkloadAccount';

describe('typing faster than the screen', () => {
  it('"/cross" in one write opens the filter and narrows the list to the cross-account templates', async () => {
    const t = start([], 80, 24);
    await t.waitFor((s) => s.includes('Key policies') && s.includes('press / to filter'), 'the template browser');
    t.press('/cross');
    const expected = titles.filter((x) => `${x.id} ${x.title} ${x.category}`.toLowerCase().includes('cross')).length;
    const s = await t.waitFor((x) => /Filter: cross/.test(x) && countOf(x) === expected, 'the list narrowed to cross');
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(titles.length);
    expect(footer(s)).toContain('keep filter');
    t.press(KEYS.escape);
    await t.waitFor((x) => x.includes('press / to filter'), 'the filter cleared');
    t.press('q');
    expect(await t.exited()).toBe(0);
  });

  it('Enter and a new account id right after it, in one write: the field editor keeps every character', async () => {
    const w = start([], 80, 24);
    await w.waitFor((s) => s.includes('press / to filter'), 'the template browser');
    // Filter to the template and open it, all in one write.
    w.press(`/${TEMPLATE}\r\r`);
    await w.waitFor((s) => s.includes('Parameters') && footer(s).includes('Enter edit'), 'the workspace on the parameters');
    w.press(`\r${KEYS.backspace.repeat(12)}444455556666`);
    const s = await w.waitFor((x) => x.includes('444455556666') && x.includes('"arn:aws:iam::444455556666:'), 'the new account applied');
    expect(s).not.toContain('✗');
    expect(footer(s)).toContain('Enter done');
    w.press(`\r2`);
    await w.waitFor((x) => x.includes('Account 444455556666') && x.includes('Action groups'), 'the matrix with the new account');
    w.press('q');
    await w.waitFor((x) => x.includes('Quit anyway? (y/n)'), 'the quit question');
    w.press('y');
    expect(await w.exited()).toBe(0);
  });
});

describe('a long value while editing', () => {
  it('at 80x24 a pasted role ARN stays on one row and the parameters after it keep their rows', async () => {
    const t = start([], 80, 24);
    await t.waitFor((s) => s.includes('press / to filter'), 'the template browser');
    t.press(`/${TEMPLATE}\r\r`);
    await t.waitFor((s) => footer(s).includes('Enter edit'), 'the workspace on the parameters');
    t.press('j');
    await t.waitFor((s) => /› Key administ/.test(s), 'the administrators row selected');
    t.press(KEYS.enter);
    await t.waitFor((s) => footer(s).includes('Enter done'), 'the field editor');
    t.press(KEYS.backspace.repeat(60));
    await t.waitFor((s) => s.includes('✗'), 'the emptied field refused');
    t.press(LONG_ARN);
    const s = await t.waitFor((x) => x.includes('WorkloadAccount') && !x.includes('✗'), 'the long value typed');
    expect(t.wrappedRows()).toEqual([]);
    const lines = s.split('\n');
    const row = lines.findIndex((l) => l.includes('Key administ'));
    expect(lines[row]).toContain('WorkloadAccount');
    // The next parameter is on the row right below: nothing pushed out of the form.
    expect(lines[row + 1]).toContain('Key users');
    expect(lines.findIndex((l) => l.includes('Key owner'))).toBe(row - 1);
    t.press(KEYS.escape);
    await t.waitFor((x) => footer(x).includes('Enter edit'), 'the edit cancelled');
    t.press('q');
    expect(await t.exited()).toBe(0);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, startCli, type TerminalSession } from './terminal.js';

// Issue 15: a junior asks "can this role decrypt, and why not?" in a real terminal, one key at a time.

const TEMPLATE = 'via-service-key-policy';
const TITLE = 'Use the key only through Amazon EC2';
const EC2 = 'ec2.us-west-2.amazonaws.com';

let sessions: TerminalSession[] = [];
afterEach(() => {
  for (const s of sessions) s.kill();
  sessions = [];
});

const footer = (text: string) => text.trimEnd().split('\n').at(-1) ?? '';
/** The screen line that holds `needle`. */
const lineWith = (t: TerminalSession, needle: string) => t.screen().find((l) => l.includes(needle)) ?? '';
/** The selected line of the open list. */
const selected = (t: TerminalSession) => t.screen().find((l) => l.trimStart().startsWith('› ')) ?? '';

/** Presses Down until the selected line holds `needle`. */
async function selectLine(t: TerminalSession, needle: string, max = 20) {
  for (let i = 0; i < max && !selected(t).includes(needle); i++) {
    const before = selected(t);
    t.press(KEYS.down);
    await t.waitFor(() => selected(t) !== before, `the selection to move towards ${needle}`);
  }
  expect(selected(t)).toContain(needle);
}

describe.each([
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
])('the Ask tab at $columns x $rows', ({ columns, rows }) => {
  it('opens via-service-key-policy from the browser, asks about the role and kms:Decrypt, then sets kms:ViaService', async () => {
    const t = startCli([], { columns, rows });
    sessions.push(t);
    await t.waitFor((s) => s.includes('Key policies') && s.includes('press / to filter'), 'the template browser');
    t.press('/');
    await t.waitFor((s) => footer(s).includes('keep filter'), 'the filter field');
    await t.type('ec2 rds');
    t.press(KEYS.enter);
    await t.waitFor((s) => s.includes(TITLE) && footer(s).includes('/ filter'), 'the filtered list');
    // One template matches; at 80 columns its title is cut in the list.
    await selectLine(t, TITLE.slice(0, 30));
    t.press(KEYS.enter);
    await t.waitFor((s) => s.includes('1 Policy') && s.includes('Statements ('), 'the workspace');

    t.press('5');
    await t.waitFor((s) => s.includes('[5 Ask]') && s.includes('Answer:'), 'the Ask tab');
    // The principal: Enter opens the list of the policy's principals; pick the role.
    t.press(KEYS.enter);
    await t.waitFor((s) => s.includes('Pick a principal'), 'the principal list');
    await selectLine(t, 'Role ExampleRole');
    t.press(KEYS.enter);
    await t.waitFor((s) => lineWith(t, 'Principal').includes('Role ExampleRole') && !s.includes('Pick a principal'), 'the role picked');
    // The action: / filters the catalog.
    t.press(KEYS.down);
    await t.waitFor(() => selected(t).includes('Action'), 'the action row');
    t.press('/');
    await t.waitFor((s) => s.includes('Pick an action') && footer(s).includes('keep filter'), 'the action filter');
    await t.type('decrypt');
    await t.waitFor((s) => s.includes('Cryptographic') && !s.includes('kms:Encrypt'), 'the actions narrowed');
    t.press(KEYS.enter);
    await t.waitFor((s) => footer(s).includes('Enter pick'), 'the filter kept');
    t.press(KEYS.enter);
    let s = await t.waitFor((x) => !x.includes('Pick an action') && /Action\s+kms:Decrypt/.test(x), 'kms:Decrypt picked');
    expect(s).toMatch(/Answer: IMPLICIT DENY/);
    expect(s).toMatch(/#1 Allow does not apply: StringEquals kms:ViaService fails, request: absent/);

    // kms:ViaService typed in, key by key: allowed, via direct.
    t.press(KEYS.down);
    t.press(KEYS.down);
    await t.waitFor(() => selected(t).includes('kms:ViaService'), 'the kms:ViaService field');
    t.press(KEYS.enter);
    await t.waitFor((x) => footer(x).includes('Enter done'), 'the value field');
    await t.type(EC2);
    s = await t.waitFor((x) => /Answer: ALLOW via direct/.test(x), 'the answer allow, via direct');
    expect(s).toMatch(/#1 Allow applies/);
    expect(s).toContain('the key policy allowed the principal directly');
    t.press(KEYS.enter);
    await t.waitFor((x) => footer(x).includes('Enter pick/type'), 'the value kept');

    // Enter on a trace line: that statement on the Policy tab.
    t.press(KEYS.tab);
    await t.waitFor((x) => footer(x).includes('go to statement'), 'the trace');
    t.press(KEYS.down);
    await t.waitFor(() => selected(t).includes('#1 Allow applies'), 'statement 1 in the trace');
    t.press(KEYS.enter);
    await t.waitFor((x) => x.includes('[1 Policy]') && x.includes('Statement 1 JSON'), 'statement 1 on the Policy tab');
    t.press('q');
    expect(await t.exited()).toBe(0);
  });
});

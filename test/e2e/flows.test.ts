import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from '../helpers/cli.js';
import { KEYS, startCli, type TerminalSession } from './terminal.js';

// Whole user flows in a real pseudo-terminal (issue 6): what a person sees, one key at a time.

const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';
const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h';
const SHOW_CURSOR = '\u001b[?25h';
const HIDE_CURSOR = '\u001b[?25l';

const TEMPLATE = 'cross-account-key-policy';
const TEMPLATE_TITLE = 'Key policy that lets another account use the key';
const NEW_ACCOUNT = '123456789012';
// The statement JSON may wrap a long ARN inside the pane: match the quoted ARN up to the account.

let sessions: TerminalSession[] = [];
let dirs: string[] = [];
let templateCount = 0;
let crossTitles: string[] = [];

beforeAll(() => {
  const r = runBuiltCli(['list', '--json']);
  const list = JSON.parse(r.stdout) as { id: string; title: string; category: string }[];
  templateCount = list.length;
  crossTitles = list.filter((t) => `${t.id} ${t.title} ${t.category}`.toLowerCase().includes('cross')).map((t) => t.title);
});

afterEach(() => {
  for (const s of sessions) s.kill();
  sessions = [];
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function start(args: readonly string[], columns: number, rows: number, cwd?: string): TerminalSession {
  const s = startCli(args, { columns, rows, ...(cwd ? { cwd } : {}) });
  sessions.push(s);
  return s;
}

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'kpt-flow-'));
  dirs.push(d);
  return d;
}

/** The footer (last line): which keys work says where the focus is. */
const footer = (text: string) => text.trimEnd().split('\n').at(-1) ?? '';
const ON_LIST = (s: string) => footer(s).includes('/ filter');
const IN_FIELD = (s: string) => footer(s).includes('Enter done');
const ON_PARAMETERS = (s: string) => footer(s).includes('Enter edit');

const countOf = (text: string) => Number(/(\d+) of \d+ templates/.exec(text)?.[1] ?? NaN);
/** The line of the list marked as selected. */
const selectedLine = (t: TerminalSession) => t.screen().find((l) => l.trimStart().startsWith('› ')) ?? '';

/** The frame the program left, the alternate screen left after it, and the cursor shown again. */
function expectTerminalRestored(output: string, shellAfter = false) {
  // With a shell after the program, what the shell printed is not the program's.
  const raw = shellAfter ? output.slice(0, output.lastIndexOf('exit=')) : output;
  const leave = raw.lastIndexOf(LEAVE_ALTERNATE_SCREEN);
  expect(raw.indexOf(ENTER_ALTERNATE_SCREEN)).toBeGreaterThanOrEqual(0);
  expect(leave).toBeGreaterThan(raw.lastIndexOf(ENTER_ALTERNATE_SCREEN));
  expect(raw.lastIndexOf(SHOW_CURSOR)).toBeGreaterThan(raw.lastIndexOf(HIDE_CURSOR));
  // Nothing is drawn after leaving: the user's screen comes back as it was.
  const tail = raw.slice(leave + LEAVE_ALTERNATE_SCREEN.length).replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
  expect(tail.trim()).toBe('');
}

/** Browser → filter "cross" → open the cross-account key policy template. */
async function openCrossAccountTemplate(t: TerminalSession) {
  await t.waitFor((s) => s.includes('Key policies') && s.includes(`${templateCount} of ${templateCount} templates`), 'the template browser');
  t.press('/');
  await t.waitFor((s) => footer(s).includes('keep filter'), 'the filter field');
  await t.type('cross');
  await t.waitFor((s) => /Filter: cross/.test(s) && countOf(s) === crossTitles.length, 'the list narrowed to the cross-account templates');
  t.press(KEYS.enter);
  await t.waitFor((s) => s.includes('Filter: cross') && ON_LIST(s), 'the filter kept, focus back on the list');
  for (let i = 0; i < crossTitles.length && !selectedLine(t).includes('Key policy that lets'); i++) {
    const before = selectedLine(t);
    t.press(KEYS.down);
    await t.waitFor(() => selectedLine(t) !== before, 'the selection to move');
  }
  expect(selectedLine(t)).toContain('Key policy that lets');
  t.press(KEYS.enter);
  await t.waitFor((s) => s.includes('1 Policy') && s.includes('Parameters') && s.includes('Statements ('), 'the workspace on the Policy tab');
}

/** Enter on the account field, clear it, type a value; resolves with the screen. */
async function editAccount(t: TerminalSession, value: string) {
  t.press(KEYS.enter);
  await t.waitFor(IN_FIELD, 'the field editor');
  await t.type(KEYS.backspace.repeat(12));
  await t.type(value);
}

describe.each([
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
])('a whole session at $columns x $rows', ({ columns, rows }) => {
  it('browses, filters, edits inline, reads the matrix and findings, writes Terraform and quits cleanly', async () => {
    const cwd = tempDir();
    const t = start([], columns, rows, cwd);

    // Browser: templates grouped by kind, the filter narrows live and is kept.
    await t.waitFor((s) => s.includes('Key policies') && s.includes('press / to filter'), 'the template browser');
    t.press('/');
    await t.waitFor((s) => footer(s).includes('keep filter'), 'the filter field');
    await t.type('cr');
    const partial = countOf(await t.waitFor((s) => /Filter: cr\b/.test(s), 'the typed filter'));
    expect(partial).toBeLessThan(templateCount);
    await t.type('oss');
    const filtered = await t.waitFor((s) => countOf(s) === crossTitles.length, 'the list narrowed to the cross-account templates');
    expect(filtered).toContain('Key policies');
    expect(filtered).toContain('IAM identity policies');
    // Key policies are listed before identity policies.
    expect(filtered.indexOf('Key policies')).toBeLessThan(filtered.indexOf('IAM identity policies'));
    expect(filtered).not.toContain('Encrypt and decrypt with any KMS key');
    t.press(KEYS.enter);
    await t.waitFor((s) => s.includes('Filter: cross') && ON_LIST(s), 'the filter kept');
    for (let i = 0; i < crossTitles.length && !selectedLine(t).includes('Key policy that lets'); i++) {
      const before = selectedLine(t);
      t.press(KEYS.down);
      await t.waitFor(() => selectedLine(t) !== before, 'the selection to move');
    }
    t.press(KEYS.enter);
    let s = await t.waitFor((x) => x.includes('1 Policy') && x.includes('Statements ('), 'the workspace');
    // At 80 columns the title yields to the six tabs: its first 22 characters show.
    expect(s).toContain(TEMPLATE_TITLE.slice(0, 22));
    expect(s).toContain('"arn:aws:iam::111122223333:');

    // Invalid value: the reason shows inline and the policy keeps the old value.
    await editAccount(t, '12345');
    s = await t.waitFor((x) => x.includes('✗') && x.includes('5 digits'), 'the inline reason');
    expect(s).toContain('"arn:aws:iam::111122223333:');
    t.press(KEYS.enter);
    await t.waitFor((x) => x.includes('✗'), 'Enter on an invalid value keeps the field open');
    // Valid value: the JSON changes as soon as the value is complete.
    await t.type(NEW_ACCOUNT.slice(5));
    s = await t.waitFor((x) => x.includes(`"arn:aws:iam::${NEW_ACCOUNT}:`) && !x.includes('✗'), 'the policy with the new account');
    expect(s).not.toContain('"arn:aws:iam::111122223333:');
    t.press(KEYS.enter);
    s = await t.waitFor(ON_PARAMETERS, 'the field closed');
    expect(s).toMatch(/\bedited\b/);

    // Matrix: grid, legend, the new account, g toggles single actions, arrows move the cursor.
    t.press('2');
    s = await t.waitFor((x) => x.includes('Action groups') && x.includes('A allow'), 'the matrix');
    // The legend names every symbol, the counts of a group cell too (it wraps to a second line at 80 columns).
    for (const item of ['A allow', 'I IAM decides', 'B IAM, or direct if conditions hold', 'G grant', 'D deny', 'C conditional', '. none', '3/13 A 3 of 13 actions allow', '[ ] cursor']) {
      expect(s).toContain(item);
    }
    expect(s).toContain(`Account ${NEW_ACCOUNT}`);
    expect(s).toContain('× Cryptographic');
    t.press(KEYS.right);
    await t.waitFor((x) => x.includes('× Key management'), 'the cursor one column right');
    t.press(KEYS.down);
    s = await t.waitFor((x) => !x.includes(`Account ${NEW_ACCOUNT} (IAM policies decide) ×`) && x.includes('× Key management'), 'the cursor one row down');
    t.press('g');
    s = await t.waitFor((x) => x.includes('Single actions'), 'single actions');
    expect(s).toMatch(/× kms:\w+/);
    // Single actions run down by their full names, the principals across.
    expect(s).toContain('  GenerateDataKeyWithoutPlaintext');
    const firstAction = /× (kms:\w+)/.exec(s)![1]!;
    t.press(KEYS.down);
    await t.waitFor((x) => /× (kms:\w+)/.exec(x)?.[1] !== firstAction, 'the cursor on the next action');
    t.press('g');
    await t.waitFor((x) => x.includes('Action groups'), 'groups again');

    // Findings.
    t.press('3');
    await t.waitFor((x) => /Findings \(\d+\) — Enter jumps to the statement|No findings/.test(x), 'the findings tab');

    // Export: Terraform, write to the prefilled path, then refuse to overwrite.
    t.press('4');
    await t.waitFor((x) => x.includes('[JSON]'), 'the export tab');
    t.press(KEYS.right);
    await t.waitFor((x) => x.includes('[Terraform]') && x.includes('data "aws_iam_policy_document"'), 'the Terraform preview');
    t.press('w');
    await t.waitFor((x) => x.includes(`Write to: ./${TEMPLATE}.tf`), 'the path prompt prefilled');
    t.press(KEYS.enter);
    await t.waitFor((x) => x.includes(`Wrote ./${TEMPLATE}.tf`), 'the write confirmation');
    const written = readFileSync(join(cwd, `${TEMPLATE}.tf`), 'utf8');
    const rendered = runBuiltCli(['render', TEMPLATE, '--format', 'terraform', '--param', `account=${NEW_ACCOUNT}`]);
    expect(rendered.code).toBe(0);
    expect(written).toBe(rendered.stdout);

    writeFileSync(join(cwd, `${TEMPLATE}.tf`), 'kept by the user\n');
    t.press('w');
    await t.waitFor((x) => x.includes(`Write to: ./${TEMPLATE}.tf`), 'the path prompt again');
    t.press(KEYS.enter);
    await t.waitFor((x) => x.includes('already exists. Overwrite it? (y/n)'), 'the overwrite question');
    t.press('n');
    await t.waitFor((x) => x.includes('left as it was'), 'nothing written');
    expect(readFileSync(join(cwd, `${TEMPLATE}.tf`), 'utf8')).toBe('kept by the user\n');

    // The edits were written: q quits at once, exit 0, the terminal restored.
    t.press('q');
    expect(await t.exited()).toBe(0);
    expectTerminalRestored(t.raw());
  });
});

describe('quitting', () => {
  it('asks before discarding edits that were neither written nor copied', async () => {
    const t = start([], 80, 24);
    await openCrossAccountTemplate(t);
    await editAccount(t, NEW_ACCOUNT);
    await t.waitFor((x) => x.includes(`"arn:aws:iam::${NEW_ACCOUNT}:`), 'the edit applied');
    t.press(KEYS.enter);
    await t.waitFor(ON_PARAMETERS, 'the field closed');
    t.press('q');
    await t.waitFor((x) => x.includes('Edits were neither written nor copied. Quit anyway? (y/n)'), 'the quit question');
    t.press('n');
    await t.waitFor((x) => !x.includes('Quit anyway?') && ON_PARAMETERS(x), 'back in the workspace');
    t.press('q');
    await t.waitFor((x) => x.includes('Quit anyway? (y/n)'), 'the quit question again');
    t.press('y');
    expect(await t.exited()).toBe(0);
    expectTerminalRestored(t.raw());
  });

  it('quits at once without edits', async () => {
    const t = start([], 80, 24);
    await t.waitFor((s) => s.includes('Key policies'), 'the template browser');
    t.press('q');
    expect(await t.exited()).toBe(0);
    expectTerminalRestored(t.raw());
  });

  it('Ctrl+C exits from the middle of an edit and gives the terminal back (alternate screen, cursor, line mode)', async () => {
    // stty runs after the program in the same terminal: it shows whether raw mode was undone.
    const t = startCli([], { columns: 100, rows: 30, shellCommand: `"${process.execPath}" dist/cli.js; echo "exit=$?"; stty -a` });
    sessions.push(t);
    await openCrossAccountTemplate(t);
    await editAccount(t, '999');
    await t.waitFor((x) => x.includes('✗'), 'an unfinished edit');
    t.press(KEYS.ctrlC);
    const after = await t.waitFor((x) => /exit=\d+/.test(x) && /\bicanon\b/.test(x), 'the shell after the program');
    expect(after).toMatch(/exit=0/);
    expect(after).toMatch(/(^|\s)icanon\b/);
    expect(after).toMatch(/(^|\s)echo\b/);
    expect(after).not.toMatch(/(^|\s)-icanon\b/);
    expect(await t.exited()).toBe(0);
    expectTerminalRestored(t.raw(), true);
  });
});

describe('ended from outside', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s: the terminal is restored and the exit code says which signal', async (signal, code) => {
    const t = start([], 80, 24);
    await openCrossAccountTemplate(t);
    t.kill(signal);
    expect(await t.exited()).toBe(code);
    expectTerminalRestored(t.raw());
  });
});

describe('resizing', () => {
  it('says what size it needs below 80x24 and renders again when the window grows', async () => {
    const t = start([], 80, 24);
    await t.waitFor((s) => s.includes('Key policies'), 'the template browser');
    t.resize(60, 20);
    const small = await t.waitFor((s) => s.includes('at least 80x24'), 'the size message');
    expect(small).toContain('60x20');
    expect(small).not.toContain('Key policies');
    t.resize(100, 30);
    const again = await t.waitFor((s) => s.includes('Key policies') && !s.includes('at least 80x24'), 'the browser again');
    for (const line of again.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    t.press('q');
    expect(await t.exited()).toBe(0);
  });

  it('keeps the workspace usable through a resize', async () => {
    const t = start([], 120, 40);
    await openCrossAccountTemplate(t);
    t.press('2');
    await t.waitFor((s) => s.includes('Action groups'), 'the matrix');
    t.resize(80, 24);
    await t.waitFor((s) => s.includes('Action groups') && s.split('\n').every((l) => l.length <= 80), 'the matrix at 80 columns');
    t.press('q');
    expect(await t.exited()).toBe(0);
  });
});

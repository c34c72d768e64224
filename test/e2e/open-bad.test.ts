import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePolicyBytes, parsePolicy } from '../../source/core/policy/index.js';
import { FIXTURES } from '../helpers/cli.js';
import { KEYS, startCli, type TerminalSession } from './terminal.js';

// `open <file>` in a real terminal on every bad and tricky policy (issue 8): the workspace opens
// (a syntax error on the Findings tab, where the error is) or the program exits with a clear
// message; never a stack trace, never a hang.

const BAD = join(FIXTURES, 'bad');
const files = readdirSync(BAD)
  .filter((f) => f !== 'README.md')
  .sort();

// A few sessions at a time: each is a Node process drawing a full screen, on 2 cores.
const CONCURRENCY = 3;
let running = 0;
const queue: Array<() => void> = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= CONCURRENCY) await new Promise<void>((resolve) => queue.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    queue.shift()?.();
  }
}

const sessions: TerminalSession[] = [];
afterAll(() => {
  for (const s of sessions) s.kill();
});

/** The syntax error the Findings tab must point at, as the core finds it. */
function syntaxError(file: string): { line: number; column: number } | null {
  const decoded = decodePolicyBytes(readFileSync(join(BAD, file)));
  const finding = decoded.ok ? parsePolicy(decoded.text).findings.find((f) => f.id === 'JSON_SYNTAX') : decoded.finding;
  return finding?.line != null ? { line: finding.line, column: finding.column ?? 1 } : null;
}

const TAB_BAR = /\[?1 Policy\]?\s+\[?2 Matrix\]?\s+\[?3 Findings \(\d+\)\]?\s+\[?4 Export\]?\s+\[?5 Ask\]?\s+\[?6(?: Changes)?(?: [+~-]\d+)*\]?\s*$/;
const STACK_LINE = /^\s+at .+/m;
// Node's own error prefixes (an uncaught exception prints "TypeError: ..." at the start of a line).
const NODE_ERROR = /^(?:\w*Error|Uncaught \w+):/m;

function expectNoCrash(text: string, file: string) {
  expect(text, file).not.toMatch(STACK_LINE);
  expect(text, file).not.toMatch(NODE_ERROR);
  expect(text, file).not.toMatch(/internal error/);
}

/** Opens the file, walks the four tabs, quits; or sees the program exit with a message. */
async function openAndWalk(file: string) {
  const t = startCli(['open', join('test', 'fixtures', 'bad', file)], { columns: 100, rows: 30 });
  sessions.push(t);
  // Either the workspace is drawn or the program ends by itself, whichever comes first.
  const ended = t.exited(15_000).then((c) => ({ code: c }));
  const drawn = t.waitFor((s) => TAB_BAR.test(s.split('\n')[0] ?? ''), 'the workspace', 15_000).then((text) => ({ text }));
  const outcome = await Promise.race([ended, drawn]);
  // The loser of the race still settles (or times out) later: keep it from failing the run.
  ended.catch(() => {});
  drawn.catch(() => {});
  let code: number | null = null;
  const opened = 'text' in outcome;
  const first = 'text' in outcome ? outcome.text : '';
  const screens: Record<string, string> = {};
  if (opened) {
    screens.first = first;
    for (const [key, ready] of [
      ['1', (s: string) => /Statement|No statement/.test(s)],
      ['2', (s: string) => /Action groups|No matrix|names no principal/i.test(s)],
      ['3', (s: string) => /Findings \(\d+\) |No findings/.test(s.split('\n').slice(1).join('\n'))],
      ['4', (s: string) => s.includes('Format:')],
    ] as const) {
      t.press(key);
      screens[key] = await t.waitFor(ready, `tab ${key} of ${file}`);
    }
    t.press('q');
    try {
      code = await t.exited(10_000);
    } catch (e) {
      t.press(KEYS.ctrlC);
      throw e;
    }
  } else {
    code = await t.exited(10_000);
    screens.exit = t.text();
  }
  return { opened, code, screens };
}

describe.concurrent('open on every file of test/fixtures/bad in a pseudo-terminal', () => {
  it('has the corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it.each(files)('%s opens the workspace or exits with a clear message', async (file) => {
    const r = await slot(() => openAndWalk(file));
    for (const text of Object.values(r.screens)) expectNoCrash(text, file);
    if (!r.opened) {
      // Refused: exit 2 with one clear message naming the file.
      expect(r.code, file).toBe(2);
      expect(r.screens.exit, file).toContain(file);
      return;
    }
    expect(r.code, `${file}: q quits`).toBe(0);
    const error = syntaxError(file);
    if (error) {
      // A policy with a syntax error opens on the Findings tab, pointing at the error.
      expect(r.screens.first, file).toMatch(/Findings \(\d+\) /);
      expect(r.screens.first, file).toContain('JSON_SYNTAX');
      expect(r.screens.first, file).toContain(`line ${error.line}, column ${error.column}`);
    } else {
      expect(r.screens.first, file).not.toContain('JSON_SYNTAX');
    }
  });
});

describe('open - (the policy from a pipe, the keys from the terminal)', () => {
  it('reads the piped policy and still takes keys from /dev/tty', async () => {
    const policy = join('test', 'fixtures', 'seeds', 'iampulse-default-key-policy.json');
    const t = startCli([], { columns: 100, rows: 30, shellCommand: `cat ${policy} | "${process.execPath}" dist/cli.js open -; echo "exit=$?"` });
    sessions.push(t);
    const first = await t.waitFor((s) => TAB_BAR.test(s.split('\n')[0] ?? ''), 'the workspace');
    expect(first).toContain('<stdin>');
    expect(first).toContain('arn:aws:iam::1111111111:root');
    t.press('2');
    await t.waitFor((s) => s.includes('Action groups'), 'the matrix tab (a key from the terminal)');
    t.press('q');
    await t.waitFor((s) => s.includes('exit=0'), 'the program ended with 0');
  });

  it('a missing file is one clear line and exit 2', async () => {
    const t = startCli(['open', 'no/such/policy.json'], { columns: 100, rows: 30 });
    sessions.push(t);
    expect(await t.exited()).toBe(2);
    const text = t.text();
    expect(text).toContain('no/such/policy.json');
    expectNoCrash(text, 'missing file');
    expect(t.raw()).not.toContain('\u001b[?1049h');
  });
});

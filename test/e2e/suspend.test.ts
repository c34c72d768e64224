import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, startCli, type TerminalSession } from './terminal.js';

/**
 * Suspend and resume (issue 13): SIGTSTP (kill -TSTP, or Ctrl+Z, which raw mode turns
 * into a key) gives the terminal back (main screen, cursor shown, line mode) and then
 * stops the process; SIGCONT takes the terminal again and redraws the whole frame.
 */
let sessions: TerminalSession[] = [];
afterEach(() => {
  for (const s of sessions) {
    try {
      process.kill(s.pid, 'SIGCONT');
    } catch {
      // already gone
    }
    s.kill();
  }
  sessions = [];
});

const LEAVE = '\u001b[?1049l';
const ENTER = '\u001b[?1049h';
const SHOW_CURSOR = '\u001b[?25h';
const TAB_BAR = /Policy.*Matrix.*Findings/;

/** The process state letter of /proc/PID/stat: T when stopped. */
function state(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0]!;
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.each([
  ['kill -TSTP', (t: TerminalSession) => process.kill(t.pid, 'SIGTSTP')],
  ['Ctrl+Z', (t: TerminalSession) => t.press('\u001a')],
])('%s', (_name, suspend) => {
  it('restores the terminal, stops; SIGCONT re-enters and redraws', async () => {
    const t = startCli(['open', 'test/fixtures/lint/default-key-policy.json'], { columns: 100, rows: 30 });
    sessions.push(t);
    await t.waitFor((s) => TAB_BAR.test(s.split('\n')[0] ?? ''), 'the workspace');
    t.press('2');
    await t.waitFor((s) => s.includes('Action groups'), 'the matrix tab');
    const shown = t.text();
    const before = t.raw().length;
    suspend(t);
    await until(() => state(t.pid) === 'T', 'the process to stop');
    await t.settle();
    const atStop = t.raw().slice(before);
    expect(atStop).toContain(LEAVE);
    expect(atStop).toContain(SHOW_CURSOR);
    // The main screen is back: the workspace is no longer shown.
    expect(t.text()).not.toContain('Action groups');

    const resumed = t.raw().length;
    process.kill(t.pid, 'SIGCONT');
    // The whole frame, as it was before, at the terminal's width.
    await t.waitFor((s) => s === shown, 'the frame redrawn as it was');
    expect(t.raw().slice(resumed)).toContain(ENTER);
    // Keys work again (raw mode is back: 'q' quits without Enter).
    t.press('1');
    await t.waitFor((s) => s.includes('Statements ('), 'the policy tab');
    t.press('q');
    expect(await t.exited()).toBe(0);
  });
});

export { KEYS };

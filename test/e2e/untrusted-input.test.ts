import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { forbiddenIn, injectionCorpus, type InjectionCase } from '../helpers/injection.js';
import { cleanEnv, KEYS, startCli, type TerminalSession } from './terminal.js';

/**
 * Untrusted input in a real terminal (issue 13): a policy whose strings carry escape
 * sequences, bidi or zero-width characters is opened in the UI, every tab drawn, and the
 * raw byte stream from the program must carry none of the injected sequences.
 */
let sessions: TerminalSession[] = [];
afterEach(() => {
  for (const s of sessions) s.kill();
  sessions = [];
});
const work = mkdtempSync(join(tmpdir(), 'kpt-untrusted-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const TAB_BAR = /Policy.*Matrix.*Findings/;

/** One policy per family: the injected statement of every element case, side by side. */
function familyPolicies(): { family: string; file: string; like: InjectionCase }[] {
  const byFamily = new Map<string, InjectionCase[]>();
  for (const c of injectionCorpus()) byFamily.set(c.family, [...(byFamily.get(c.family) ?? []), c]);
  return [...byFamily].map(([family, cases]) => {
    const [admin] = (cases[0]!.policy as { Statement: unknown[] }).Statement;
    const statements = [admin, ...cases.map((c) => (c.policy as { Statement: unknown[] }).Statement[1])];
    const file = join(work, `${family}.json`);
    writeFileSync(file, JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2));
    return { family, file, like: cases[0]! };
  });
}

describe('open on the injection corpus: no injected sequence reaches the terminal', () => {
  it.each(familyPolicies().map((p) => [p.family, p] as const))('%s', async (_family, p) => {
    const t = startCli(['open', p.file], { columns: 120, rows: 40 });
    sessions.push(t);
    await t.waitFor((s) => TAB_BAR.test(s.split('\n')[0] ?? ''), 'the workspace', 20_000);
    // Every statement's JSON and explanation, then every tab.
    for (let i = 0; i < 7; i++) {
      t.press('j');
      await t.settle();
    }
    for (const [key, ready] of [
      ['2', (s: string) => /Action groups|No matrix/i.test(s)],
      ['g', (s: string) => s.length > 0],
      ['3', (s: string) => /Findings \(\d+\)/.test(s.split('\n').slice(1).join('\n'))],
      ['4', (s: string) => s.includes('Format:')],
    ] as const) {
      t.press(key);
      await t.waitFor(ready, `tab ${key}`);
    }
    // The reviewer sees the finding that reveals it.
    t.press('3');
    await t.waitFor((s) => /Findings \(\d+\)/.test(s), 'the findings');
    t.press('q');
    expect(await t.exited()).toBe(0);
    const raw = t.raw();
    const at = Math.max(...p.like.forbidden.map((f) => raw.indexOf(f)));
    expect(forbiddenIn(Buffer.from(raw, 'utf8'), p.like), at >= 0 ? JSON.stringify(raw.slice(Math.max(0, at - 200), at + 40)) : '').toEqual([]);
  });
});

describe('environment variables change nothing', () => {
  it.each([{ DEV: 'true' }, { DEV: 'true', NODE_ENV: 'development' }])('%j: the UI starts, works and quits', async (env) => {
    const t = startCli(['open', 'test/fixtures/lint/default-key-policy.json'], { columns: 100, rows: 30, env: cleanEnv(env) });
    sessions.push(t);
    await t.waitFor((s) => TAB_BAR.test(s.split('\n')[0] ?? ''), 'the workspace');
    t.press('2');
    await t.waitFor((s) => /Action groups/.test(s), 'the matrix');
    t.press('q');
    expect(await t.exited()).toBe(0);
    expect(t.text()).not.toMatch(/internal error|ENOENT|devtools/i);
  });
});

describe('endless input', () => {
  it('open /dev/zero: refused with a message and exit 2, before any screen switch', async () => {
    const t = startCli(['open', '/dev/zero'], { columns: 100, rows: 30 });
    sessions.push(t);
    expect(await t.exited(30_000)).toBe(2);
    expect(t.text()).toContain('/dev/zero: larger than 16 MB, refused');
    expect(t.raw()).not.toContain('\u001b[?1049h');
  });

  it('open - from an endless pipe: refused the same way', async () => {
    const t = startCli([], { columns: 100, rows: 30, shellCommand: `yes | ${process.execPath} dist/cli.js open -` });
    sessions.push(t);
    expect(await t.exited(30_000)).toBe(2);
    expect(t.text()).toContain('standard input: larger than 16 MB, refused');
  });
});

export { KEYS };

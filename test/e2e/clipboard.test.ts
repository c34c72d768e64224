import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from '../helpers/cli.js';
import { cleanEnv, KEYS, startCli, type TerminalSession } from './terminal.js';

// `c` on the Export tab (SPEC 6): the system clipboard where there is one, OSC 52 where there is none.

const TEMPLATE = 'vpc-endpoint-only';
/** CI must prove the real clipboard: there a missing X server or xclip fails the test instead of skipping it. */
const STRICT = Boolean(process.env.KPT_ORIGINAL_CI) && process.env.KPT_ORIGINAL_CI !== 'false';

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).status === 0;

let sessions: TerminalSession[] = [];
afterAll(() => {
  for (const s of sessions) s.kill();
  sessions = [];
});

const footer = (text: string) => text.trimEnd().split('\n').at(-1) ?? '';

/** Browser → filter to the template → open → Export tab → c; resolves with the status line's screen. */
async function copyFromExportTab(env: Record<string, string | undefined>): Promise<{ t: TerminalSession; screen: string }> {
  const t = startCli([], { columns: 100, rows: 30, env: cleanEnv(env) });
  sessions.push(t);
  await t.waitFor((s) => footer(s).includes('/ filter'), 'the template browser');
  t.press('/');
  await t.waitFor((s) => footer(s).includes('keep filter'), 'the filter field');
  await t.type(TEMPLATE);
  await t.waitFor((s) => /\b1 of \d+ templates/.test(s), 'one template left');
  t.press(KEYS.enter);
  await t.waitFor((s) => footer(s).includes('/ filter'), 'the list');
  t.press(KEYS.enter);
  await t.waitFor((s) => s.includes('4 Export'), 'the workspace');
  t.press('4');
  await t.waitFor((s) => s.includes('[JSON]'), 'the export tab');
  t.press('c');
  const screen = await t.waitFor((s) => /clipboard|OSC 52|Nothing was copied/.test(s), 'the copy message');
  return { t, screen };
}

const rendered = () => {
  const r = runBuiltCli(['render', TEMPLATE]);
  expect(r.code).toBe(0);
  return r.stdout;
};

describe('copy with a real X clipboard (Xvfb, read back with xclip)', () => {
  let xvfb: ChildProcess | null = null;
  let display = '';
  let missing = '';

  beforeAll(async () => {
    missing = ['Xvfb', 'xclip'].filter((tool) => !has(tool)).join(' and ');
    if (missing) return;
    // -displayfd: Xvfb picks a free display itself and writes its number once it accepts clients.
    xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1024x768x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    const fd3 = xvfb.stdio[3] as NodeJS.ReadableStream;
    display = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error('Xvfb did not start within 20 s')), 20_000);
      fd3.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) {
          clearTimeout(timer);
          resolve(`:${out.trim()}`);
        }
      });
      xvfb!.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Xvfb exited with ${code} before it was ready`));
      });
    });
  });

  afterAll(() => {
    // Ends the X server, and with it xsel's process that holds the selection.
    xvfb?.kill();
  });

  it('puts exactly the exported policy on the clipboard and says so', async (ctx) => {
    if (missing) {
      const reason = `${missing} not installed (apt-get install xvfb xclip); the real-clipboard test cannot run`;
      if (STRICT) throw new Error(`${reason}, and under CI it must`);
      ctx.skip(reason);
    }
    const { t, screen } = await copyFromExportTab({ DISPLAY: display });
    expect(screen).toContain('Copied to the system clipboard');
    expect(t.raw()).not.toContain('\u001b]52;');
    const pasted = spawnSync('xclip', ['-selection', 'clipboard', '-o'], { env: { ...process.env, DISPLAY: display }, encoding: 'utf8', timeout: 10_000 });
    expect(pasted.status).toBe(0);
    expect(pasted.stdout).toBe(rendered());
    // Copying counts as saving: q quits without asking.
    t.press('q');
    expect(await t.exited()).toBe(0);
  });
});

describe('copy without a display (SSH, containers)', () => {
  it('falls back to the OSC 52 escape with the whole policy and says it used OSC 52', async () => {
    const { t, screen } = await copyFromExportTab({});
    expect(screen).toContain('OSC 52');
    const base64 = Buffer.from(rendered(), 'utf8').toString('base64');
    expect(t.raw()).toContain(`\u001b]52;c;${base64}\u0007`);
    t.press('q');
    expect(await t.exited()).toBe(0);
  });
});

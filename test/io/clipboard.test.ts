import { describe, expect, it } from 'vitest';
import { copyText, osc52 } from '../../source/io/clipboard.js';

function terminal(isTTY: boolean) {
  const written: string[] = [];
  return { written, stdout: { isTTY, write: (t: string) => written.push(t) } };
}
const failing = async () => {
  throw new Error("Couldn't find the `xsel` binary and fallback didn't work.\nmore");
};

describe('copyText', () => {
  it('uses the system clipboard when it works and writes nothing to the terminal', async () => {
    const t = terminal(true);
    let copied = '';
    const r = await copyText('policy', { env: {}, stdout: t.stdout, writeClipboard: async (s) => void (copied = s) });
    expect(r.method).toBe('clipboard');
    expect(copied).toBe('policy');
    expect(t.written).toEqual([]);
  });

  it('falls back to OSC 52 on a terminal and says so', async () => {
    const t = terminal(true);
    const r = await copyText('{"a":"é"}', { env: { TERM: 'xterm-256color' }, stdout: t.stdout, writeClipboard: failing });
    expect(r.method).toBe('osc52');
    expect(r.message).toMatch(/OSC 52/);
    expect(r.message).toMatch(/xsel/);
    expect(t.written).toEqual([`\u001b]52;c;${Buffer.from('{"a":"é"}').toString('base64')}\u0007`]);
  });

  it('inside tmux sends the plain escape (tmux drops its DCS passthrough by default), and says tmux must allow it', async () => {
    expect(osc52('x')).toBe('\u001b]52;c;eA==\u0007');
    let written = '';
    const r = await copyText('x', { env: { TMUX: '/tmp/tmux-1000/default,1,0', TERM: 'screen' }, stdout: { write: (s: string) => (written += s), isTTY: true }, writeClipboard: async () => { throw new Error('no display'); } });
    expect(written).toBe('\u001b]52;c;eA==\u0007');
    expect(r.method).toBe('osc52');
    expect(r.message).toContain('tmux must allow it (set-clipboard on)');
  });

  it.each([
    ['stdout is not a terminal', false, {}],
    ['TERM=dumb', true, { TERM: 'dumb' }],
  ])('copies nothing when %s, and says so', async (_, isTTY, env) => {
    const t = terminal(isTTY);
    const r = await copyText('policy', { env, stdout: t.stdout, writeClipboard: failing });
    expect(r.method).toBe('none');
    expect(r.message).toMatch(/^Nothing was copied/);
    expect(t.written).toEqual([]);
  });
});

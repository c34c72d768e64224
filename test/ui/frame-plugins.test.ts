/**
 * The build's Ink edits (scripts/esbuild-perf.mjs: fast string widths, string-width's emoji
 * regex and segmenter built on first use, frame caches kept across frames, no style diff
 * between equally styled characters) must not change a single
 * byte of what reaches the terminal. Given the same keys, the app bundled with them and
 * without them writes the same screens.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM build helper without types
import { perfPlugins } from '../../scripts/esbuild-perf.mjs';
import { ROOT } from '../helpers/cli.js';
// @ts-expect-error plain ESM bench helpers without types
import { bundleEntry } from '../../bench/lib/bundle.mjs';
// @ts-expect-error plain ESM bench helpers without types
import { FakeStdin } from '../../bench/lib/fake-tty.mjs';

type Entry = typeof import('../../bench/entry.js');

const work = mkdtempSync(join(tmpdir(), 'kpt-frames-'));
// Colours on, as in a terminal (chalk reads this when the bundle is imported): the edits are about styled text.
const forceColor = process.env.FORCE_COLOR;
process.env.FORCE_COLOR = '2';
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  if (forceColor === undefined) delete process.env.FORCE_COLOR;
  else process.env.FORCE_COLOR = forceColor;
});

async function bundle(name: string, plugins: unknown[]): Promise<Entry> {
  const file = (await bundleEntry({ outdir: join(work, name), plugins })) as string;
  return (await import(pathToFileURL(file).href)) as Entry;
}

class FakeStdout extends EventEmitter {
  columns = 120;
  rows = 40;
  isTTY = true;
  frames: string[] = [];
  at = 0;
  write(s: string) {
    if (s.length >= 16) {
      this.frames.push(s);
      this.at = Date.now();
    }
    return true;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits for the key's first frame (a key that changes nothing writes none: give up on that after
 * 2 s, which a loaded machine needs), then until nothing was written for 150 ms (Ink's throttle is
 * 33 ms), and returns the screen.
 */
async function settled(out: FakeStdout, framesBefore: number): Promise<string> {
  const start = Date.now();
  while (out.frames.length <= framesBefore && Date.now() - start < 2_000) await sleep(10);
  do await sleep(20);
  while ((Date.now() - out.at < 150 || out.frames.length === 0) && Date.now() - start < 10_000);
  // The frame without log-update's erase prefix.
  return out.frames.at(-1)!.replace(/^(\u001b\[2K\u001b\[1A)*\u001b\[2K\u001b\[G/, '');
}

async function screens(mod: Entry, source: Parameters<Entry['renderApp']>[1], keys: readonly string[]): Promise<string[]> {
  const stdout = new FakeStdout();
  const stdin = new FakeStdin();
  const app = mod.renderApp({ stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream }, source);
  const seen = [await settled(stdout, 0)];
  for (const k of keys) {
    const before = stdout.frames.length;
    stdin.send(k);
    seen.push(await settled(stdout, before));
  }
  app.unmount();
  return seen;
}

const policy = {
  Version: '2012-10-17',
  Statement: Array.from({ length: 30 }, (_, i) => ({
    // One-column punctuation, and (every fifth) an emoji and a wide character: both width paths.
    Sid: `S${i} “quoted” · ${i % 3 ? 'use' : 'admin'}${i % 5 === 0 ? ' 🔑 鍵' : ''}`,
    Effect: i % 7 === 6 ? 'Deny' : 'Allow',
    Principal: { AWS: `arn:aws:iam::111122223333:role/Role${i % 9}` },
    Action: i % 2 ? ['kms:Decrypt', 'kms:Encrypt'] : 'kms:Describe*',
    Resource: '*',
    ...(i % 4 === 0 ? { Condition: { StringEquals: { 'kms:ViaService': 'ec2.us-west-2.amazonaws.com' } } } : {}),
  })),
};

describe('Ink edits of the build', () => {
  it('write the same screens as plain Ink: browser, template workspace and a 30-statement file, every tab', async () => {
    const [plain, fast] = [await bundle('plain', []), await bundle('fast', perfPlugins(ROOT))];
    const cases: Array<[Parameters<Entry['renderApp']>[1], string[]]> = [
      [undefined, ['j', 'j', 'j', '/', 'k', 'm', 's', '\r', 'j', '?', '?']],
      [{ kind: 'template', templateId: 'console-default-key-policy' }, ['j', '\r', '\u007f', '4', '\r', '\t', 'j', '2', 'j', 'l', 'g', 'l', '3', 'j', '4', 'l', '1']],
      [{ kind: 'file', name: 'p.json', text: JSON.stringify(policy, null, 2) }, ['j', 'j', 'j', '2', 'j', 'l', 'l', 'g', 'l', '3', 'j', '4', '1', '\t']],
    ];
    for (const [source, keys] of cases) {
      const a = await screens(plain, source, keys);
      const b = await screens(fast, source, keys);
      expect(b).toEqual(a);
      // The screens did change with the keys, and carry styles (the comparison is not between bare frames).
      expect(new Set(a).size).toBeGreaterThan(keys.length / 2);
      expect(a.join('')).toMatch(/\u001b\[(1|7|3[0-9])m/);
    }
  }, 120_000);
});

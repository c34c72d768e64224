import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILT_CLI } from '../helpers/cli.js';

/**
 * SPEC 2: inputs are read up to 16 MB and refused past it with exit 2, from a
 * file, standard input or a device, in bounded memory (issue 13: `lint /dev/zero`
 * used to grow to 18 GB). Peak memory is the child's maximum resident set size
 * as GNU time reports it; the bound is generous (the CLI alone needs ~60 MB).
 */
const TIME = '/usr/bin/time';
const PEAK_LIMIT_KB = 200 * 1024;

const work = mkdtempSync(join(tmpdir(), 'kpt-bounded-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs a shell command line around the CLI ($CLI) and returns its exit code, stderr and peak RSS in KB. */
function measured(commandLine: string): { code: number; stderr: string; peakKb: number } {
  const script = `${TIME} -f 'peak-rss-kb=%M' -o "$OUT" sh -c '${commandLine}'`;
  const out = join(work, `time-${Math.random().toString(36).slice(2)}.txt`);
  const r = spawnSync('sh', ['-c', script], { env: { ...process.env, CLI: `${process.execPath} ${BUILT_CLI}`, OUT: out, NO_COLOR: '1' }, encoding: 'utf8', timeout: 60_000 });
  const report = existsSync(out) ? spawnSync('cat', [out], { encoding: 'utf8' }).stdout : '';
  const peakKb = Number(/peak-rss-kb=(\d+)/.exec(report)?.[1] ?? NaN);
  return { code: r.status ?? -1, stderr: r.stderr, peakKb };
}

describe('bounded reading (16 MB)', () => {
  it('has GNU time to measure peak memory', () => {
    expect(existsSync(TIME), `${TIME} (apt-get install time)`).toBe(true);
  });

  const big = join(work, 'big.json');
  // 17 MB: a valid-looking policy padded past the bound, so it is the size that refuses it.
  writeFileSync(big, `{"Version": "2012-10-17", "Statement": [], "Id": "${'x'.repeat(17 * 1024 * 1024)}"}`);
  const small = join(work, 'small.json');
  writeFileSync(small, `{"Version": "2012-10-17", "Id": "${'x'.repeat(15 * 1024 * 1024)}", "Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*"}]}`);

  const refused: [string, string, RegExp][] = [
    ['lint /dev/zero', '$CLI lint /dev/zero', /\/dev\/zero: larger than 16 MB, refused/],
    ['explain /dev/zero', '$CLI explain /dev/zero', /\/dev\/zero: larger than 16 MB, refused/],
    ['lint - </dev/zero', '$CLI lint - </dev/zero', /standard input: larger than 16 MB, refused/],
    ['an endless pipe (yes | lint -)', 'yes | $CLI lint -', /standard input: larger than 16 MB, refused/],
    ['a 17 MB file', `$CLI lint ${big}`, /big\.json: larger than 16 MB, refused/],
    ['a 17 MB file on standard input', `$CLI matrix - < ${big}`, /standard input: larger than 16 MB, refused/],
  ];
  it.each(refused)('%s: exit 2 with a message, in bounded memory', (_name, commandLine, message) => {
    const r = measured(commandLine);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
    expect(r.peakKb).toBeLessThan(PEAK_LIMIT_KB);
  });

  it('a 15 MB policy is still read', () => {
    const r = spawnSync(process.execPath, [BUILT_CLI, 'explain', small], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Statement 0');
  });
});

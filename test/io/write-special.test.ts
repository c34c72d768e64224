import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { destinationOf, writeFileAtomic } from '../../source/io/atomic-write.js';
import { expandHome } from '../../source/io/paths.js';
import { BUILT_CLI, ROOT } from '../helpers/cli.js';

/**
 * Writes never replace what is not a regular file (issue 13): a symbolic link is
 * written through to its target, atomically beside the target; a folder, FIFO,
 * socket or device is refused with a clear message; no temporary file outlives
 * the process, signals included. Run as root (CI) and as an unprivileged user.
 */
const base = mkdtempSync(join(tmpdir(), 'kpt-special-'));
chmodSync(base, 0o777);
afterAll(() => rmSync(base, { recursive: true, force: true }));
let dir: string;
let n = 0;
beforeEach(() => {
  dir = join(base, `t${n++}`);
  mkdirSync(dir);
  chmodSync(dir, 0o777);
});
const temps = (d = dir) => readdirSync(d).filter((f) => f.endsWith('.tmp'));
const isRoot = process.getuid?.() === 0;

function mkfifo(path: string): void {
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
}

describe('writeFileAtomic and special files', () => {
  it('writes through a symbolic link: the target changes, the link stays a link, the temporary file was beside the target', async () => {
    const targets = join(dir, 'real');
    mkdirSync(targets);
    const target = join(targets, 'policy.json');
    writeFileSync(target, 'old');
    const link = join(dir, 'link.json');
    symlinkSync('real/policy.json', link);
    const r = await writeFileAtomic(link, 'new', { overwrite: true });
    expect(r).toEqual({ ok: true, path: link, overwritten: true, target });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('real/policy.json');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect([...temps(), ...temps(targets)]).toEqual([]);
  });

  it('follows a chain of links, and without overwrite refuses the existing target', async () => {
    const target = join(dir, 'policy.json');
    writeFileSync(target, 'old');
    symlinkSync(target, join(dir, 'a'));
    symlinkSync(join(dir, 'a'), join(dir, 'b'));
    expect(await writeFileAtomic(join(dir, 'b'), 'new')).toMatchObject({ ok: false, reason: 'exists' });
    expect(await writeFileAtomic(join(dir, 'b'), 'new', { overwrite: true })).toMatchObject({ ok: true, target });
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it('a dangling link: writes its target when the folder exists, else says the folder is missing', async () => {
    symlinkSync('made.json', join(dir, 'dangling'));
    expect(await writeFileAtomic(join(dir, 'dangling'), 'x')).toMatchObject({ ok: true, overwritten: false, target: join(dir, 'made.json') });
    expect(readFileSync(join(dir, 'made.json'), 'utf8')).toBe('x');
    expect(lstatSync(join(dir, 'dangling')).isSymbolicLink()).toBe(true);
    symlinkSync('nowhere/made.json', join(dir, 'lost'));
    expect(await writeFileAtomic(join(dir, 'lost'), 'x')).toMatchObject({ ok: false, reason: 'no-folder', message: expect.stringContaining('nowhere does not exist') });
  });

  it('a link loop is refused', async () => {
    symlinkSync('loop2', join(dir, 'loop1'));
    symlinkSync('loop1', join(dir, 'loop2'));
    expect(await writeFileAtomic(join(dir, 'loop1'), 'x', { overwrite: true })).toMatchObject({ ok: false, message: expect.stringContaining('symbolic links') });
  });

  it('refuses a FIFO without opening it (no hang), with or without overwrite', async () => {
    const fifo = join(dir, 'pipe');
    mkfifo(fifo);
    for (const overwrite of [false, true]) {
      expect(await writeFileAtomic(fifo, 'x', { overwrite })).toMatchObject({ ok: false, reason: 'not-a-file', message: expect.stringContaining('is a FIFO (named pipe), not a regular file') });
    }
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(temps()).toEqual([]);
  });

  it('refuses a link to a FIFO, naming both', async () => {
    mkfifo(join(dir, 'pipe'));
    symlinkSync('pipe', join(dir, 'to-pipe'));
    const r = await writeFileAtomic(join(dir, 'to-pipe'), 'x', { overwrite: true });
    expect(r).toMatchObject({ ok: false, reason: 'not-a-file', message: expect.stringMatching(/to-pipe \(a link to .*pipe\): it is a FIFO/) });
  });

  it('refuses a socket', async () => {
    const path = join(dir, 'sock');
    const server: Server = createServer();
    await new Promise<void>((done) => server.listen(path, done));
    try {
      expect(await writeFileAtomic(path, 'x', { overwrite: true })).toMatchObject({ ok: false, reason: 'not-a-file', message: expect.stringContaining('is a socket') });
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  });

  it('refuses a folder', async () => {
    mkdirSync(join(dir, 'sub'));
    expect(await writeFileAtomic(join(dir, 'sub'), 'x', { overwrite: true })).toMatchObject({ ok: false, reason: 'is-directory' });
  });

  it.runIf(isRoot)('as root: refuses a character device (mknod in a temporary folder) and /dev/null, which stays a device', async () => {
    const dev = join(dir, 'null-device');
    expect(spawnSync('mknod', [dev, 'c', '1', '3']).status).toBe(0);
    expect(await writeFileAtomic(dev, 'x', { overwrite: true })).toMatchObject({ ok: false, reason: 'not-a-file', message: expect.stringContaining('is a character device') });
    expect(statSync(dev).isCharacterDevice()).toBe(true);
    expect(await writeFileAtomic('/dev/null', 'x', { overwrite: true })).toMatchObject({ ok: false, reason: 'not-a-file' });
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(temps()).toEqual([]);
    expect(temps('/dev')).toEqual([]);
  });

  it('destinationOf answers before anything is written (the UI asks "Overwrite?" only for a file)', async () => {
    writeFileSync(join(dir, 'f'), 'x');
    mkfifo(join(dir, 'p'));
    expect(await destinationOf(join(dir, 'f'))).toMatchObject({ ok: true, viaLink: false, existing: expect.anything() });
    expect(await destinationOf(join(dir, 'new'))).toMatchObject({ ok: true, existing: null });
    expect(await destinationOf(join(dir, 'p'))).toMatchObject({ ok: false, reason: 'not-a-file' });
  });

  it('expandHome expands ~ and ~/ only', () => {
    expect(expandHome('~/p.json', '/home/u')).toBe('/home/u/p.json');
    expect(expandHome('~', '/home/u')).toBe('/home/u');
    expect(expandHome('~other/p.json', '/home/u')).toBe('~other/p.json');
    expect(expandHome('./~/p.json', '/home/u')).toBe('./~/p.json');
  });
});

/**
 * The built CLI where nobody can read it: a clone may sit below a folder only root can
 * enter (mktemp -d is 0700), so nobody runs a copy of dist/ (its dependencies load lazily).
 */
let nobodyCli: string | undefined;
function cliFor(asUser: 'root' | 'nobody'): string {
  if (asUser === 'root') return BUILT_CLI;
  if (!nobodyCli) {
    const dir = mkdtempSync(join(tmpdir(), 'kpt-dist-'));
    chmodSync(dir, 0o755);
    cpSync(dirname(BUILT_CLI), join(dir, 'dist'), { recursive: true });
    nobodyCli = join(dir, 'dist', basename(BUILT_CLI));
  }
  return nobodyCli;
}

/** Runs the built CLI, as root or (setpriv) as nobody, in `cwd`. */
function cli(args: string[], cwd: string, asUser: 'root' | 'nobody') {
  const command = asUser === 'nobody' ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
  const r = spawnSync(command[0]!, [...command.slice(1), cliFor(asUser), ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const users: ('root' | 'nobody')[] = isRoot ? ['root', 'nobody'] : ['nobody'];
const canSetpriv = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']).status === 0;

describe.each(users.filter((u) => u === 'root' || canSetpriv))('render --out, as %s', (user) => {
  const render = (out: string, ...more: string[]) => cli(['render', 'encrypt-decrypt-account', '--out', out, ...more], dir, user);

  it('--out link --force writes the target and says so; the link stays', () => {
    writeFileSync(join(dir, 'target.json'), 'old');
    chmodSync(join(dir, 'target.json'), 0o666);
    symlinkSync('target.json', join(dir, 'link.json'));
    const r = render('link.json', '--force');
    expect(r.stderr).toBe(`Replaced ${join(dir, 'target.json')} (via link link.json)\n`);
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'target.json'), 'utf8')).toContain('"Version": "2012-10-17"');
    expect(temps()).toEqual([]);
  });

  it('--out onto a FIFO, with --force: refused, exit 2, the FIFO stays', () => {
    mkfifo(join(dir, 'pipe'));
    const r = render('pipe', '--force');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write pipe: it is a FIFO (named pipe), not a regular file');
    expect(statSync(join(dir, 'pipe')).isFIFO()).toBe(true);
  });

  it.runIf(isRoot)('--out onto a character device, with --force: refused, the device stays', () => {
    const dev = join(dir, 'null-device');
    expect(spawnSync('mknod', [dev, 'c', '1', '3']).status).toBe(0);
    chmodSync(dev, 0o666);
    const r = render('null-device', '--force');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('it is a character device, not a regular file');
    expect(statSync(dev).isCharacterDevice()).toBe(true);
    expect(temps()).toEqual([]);
  });

  it('--out onto a folder: refused', () => {
    mkdirSync(join(dir, 'sub'));
    chmodSync(join(dir, 'sub'), 0o777);
    const r = render('sub', '--force');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('it is a folder');
  });

  it('--out - writes to standard output, and no file named "-"', () => {
    const r = render('-');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ Version: '2012-10-17' });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a signal in the middle of a write leaves no temporary file', () => {
  // A child that writes through the real writeFileAtomic, but whose file handle stops after the
  // first chunk and says so: the parent then sends the signal while the temporary file exists.
  const child = join(base, 'slow-write.mjs');
  const ready = build({
    stdin: {
      contents: `
        import { writeFileAtomic } from ${JSON.stringify(join(ROOT, 'source/io/atomic-write.ts'))};
        import { open } from 'node:fs/promises';
        const probe = await open('/dev/null');
        const proto = Object.getPrototypeOf(probe);
        await probe.close();
        proto.writeFile = async function (text) {
          await this.write(String(text).slice(0, 10));
          process.stdout.write('writing\\n');
          await new Promise(() => setInterval(() => {}, 1000));
        };
        await writeFileAtomic(process.argv[2], 'x'.repeat(1000), { overwrite: true });
      `,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: child,
    logLevel: 'silent',
  });

  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('%s', async (signal) => {
    await ready;
    const target = join(dir, 'policy.json');
    writeFileSync(target, 'old');
    const p = spawn(process.execPath, [child, target], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => p.stdout.on('data', (d: Buffer) => d.toString().includes('writing') && resolve()));
    expect(temps()).toHaveLength(1);
    p.kill(signal);
    const [code, by] = await new Promise<[number | null, string | null]>((resolve) => p.on('exit', (c, s) => resolve([c, s])));
    // It still dies of the signal (the default), after removing the temporary file.
    expect(by).toBe(signal);
    expect(code).toBeNull();
    expect(temps()).toEqual([]);
    expect(readFileSync(target, 'utf8')).toBe('old');
  });
});

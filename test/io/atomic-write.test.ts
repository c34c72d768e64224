import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, writeFileAtomic } from '../../source/io/atomic-write.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kpt-write-'));
});
afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

const leftovers = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('writeFileAtomic', () => {
  it('writes a new file and leaves no temporary file', async () => {
    const path = join(dir, 'policy.json');
    expect(await writeFileAtomic(path, '{"a":1}\n')).toEqual({ ok: true, path, overwritten: false });
    expect(readFileSync(path, 'utf8')).toBe('{"a":1}\n');
    expect(leftovers()).toEqual([]);
  });

  it('refuses to overwrite an existing file without overwrite, and leaves it untouched', async () => {
    const path = join(dir, 'policy.json');
    writeFileSync(path, 'old');
    const r = await writeFileAtomic(path, 'new');
    expect(r).toMatchObject({ ok: false, reason: 'exists', message: expect.stringContaining('already exists') });
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(leftovers()).toEqual([]);
  });

  it('replaces an existing file with overwrite and keeps its mode', async () => {
    const path = join(dir, 'policy.json');
    writeFileSync(path, 'old');
    chmodSync(path, 0o640);
    expect(await writeFileAtomic(path, 'new', { overwrite: true })).toEqual({ ok: true, path, overwritten: true });
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(leftovers()).toEqual([]);
  });

  it('says when the folder does not exist', async () => {
    const r = await writeFileAtomic(join(dir, 'missing', 'p.json'), 'x');
    expect(r).toMatchObject({ ok: false, reason: 'no-folder', message: expect.stringMatching(/folder .*missing does not exist/) });
  });

  it('says when the path is a folder', async () => {
    mkdirSync(join(dir, 'sub'));
    const r = await writeFileAtomic(join(dir, 'sub'), 'x', { overwrite: true });
    expect(r).toMatchObject({ ok: false, reason: 'is-directory', message: expect.stringContaining('is a folder') });
  });

  it('says when permission is denied', async () => {
    // root ignores folder modes; sysfs refuses new files even to root (Linux CI runs as root).
    const asRoot = process.getuid?.() === 0;
    if (!asRoot) chmodSync(dir, 0o555);
    const r = await writeFileAtomic(asRoot ? '/sys/kms-policy-tui-test.json' : join(dir, 'p.json'), 'x');
    expect(r).toMatchObject({ ok: false, reason: 'permission', message: expect.stringContaining('permission denied') });
  });

  it('says when part of the path is a file', async () => {
    writeFileSync(join(dir, 'file'), 'x');
    const r = await writeFileAtomic(join(dir, 'file', 'p.json'), 'x');
    expect(r).toMatchObject({ ok: false, reason: 'not-a-folder' });
  });

  it.each([
    ['EACCES', 'permission', /permission denied/],
    ['EPERM', 'permission', /permission denied/],
    ['ENOENT', 'no-folder', /folder \/x does not exist/],
    ['ENOSPC', 'no-space', /no space left.*nothing was changed/],
    ['EISDIR', 'is-directory', /is a folder/],
    ['EROFS', 'read-only', /read-only/],
    ['EIO', 'other', /cannot write \/x\/p.json: boom/],
  ])('words %s as a clear message', (code, reason, message) => {
    const r = failure(code, '/x/p.json', new Error('boom'));
    expect(r).toMatchObject({ ok: false, reason, message: expect.stringMatching(message) });
  });
});

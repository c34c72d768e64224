import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { chmod, link, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** Why a write failed, as data (the CLI and the UI word it their own way). */
export type WriteFailure = 'exists' | 'permission' | 'no-folder' | 'not-a-folder' | 'no-space' | 'is-directory' | 'read-only' | 'other';

export type WriteResult =
  | { readonly ok: true; readonly path: string; readonly overwritten: boolean }
  | { readonly ok: false; readonly reason: WriteFailure; readonly path: string; readonly message: string };

export interface WriteOptions {
  /** Replace an existing file. Without it an existing file is never touched. */
  readonly overwrite?: boolean;
}

function errno(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

/** The failure result for an errno code (exported so every message can be tested, including ENOSPC). */
export function failure(code: string | undefined, path: string, e?: unknown): WriteResult {
  const dir = dirname(path);
  switch (code) {
    case 'EEXIST':
      return { ok: false, reason: 'exists', path, message: `${path} already exists; it was not overwritten` };
    case 'EACCES':
    case 'EPERM':
      return { ok: false, reason: 'permission', path, message: `cannot write ${path}: permission denied (folder ${dir})` };
    case 'ENOENT':
      return { ok: false, reason: 'no-folder', path, message: `cannot write ${path}: folder ${dir} does not exist` };
    case 'ENOTDIR':
      return { ok: false, reason: 'not-a-folder', path, message: `cannot write ${path}: part of ${dir} is a file, not a folder` };
    case 'ENOSPC':
    case 'EDQUOT':
      return { ok: false, reason: 'no-space', path, message: `cannot write ${path}: no space left on the device (nothing was changed)` };
    case 'EISDIR':
      return { ok: false, reason: 'is-directory', path, message: `cannot write ${path}: it is a folder; give a file name` };
    case 'EROFS':
      return { ok: false, reason: 'read-only', path, message: `cannot write ${path}: the file system is read-only` };
    default:
      return { ok: false, reason: 'other', path, message: `cannot write ${path}: ${e instanceof Error ? e.message : String(code ?? e)}` };
  }
}

/**
 * Writes text to a file atomically: the text goes to a temporary file in the
 * same folder, which then replaces the target in one rename, so readers never
 * see half a policy and a full disk never truncates the old file. Without
 * `overwrite` an existing target is refused (checked atomically with link()
 * where the file system supports it). Never throws.
 */
export async function writeFileAtomic(path: string, text: string, options: WriteOptions = {}): Promise<WriteResult> {
  const target = resolve(path);
  let existing: Stats | undefined;
  try {
    existing = await stat(target);
  } catch (e) {
    if (errno(e) !== 'ENOENT') return failure(errno(e), path, e);
  }
  if (existing?.isDirectory()) return failure('EISDIR', path);
  if (existing && !options.overwrite) return failure('EEXIST', path);

  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await open(tmp, 'wx', existing ? existing.mode & 0o777 : 0o666);
    created = true;
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (existing) await chmod(tmp, existing.mode & 0o777).catch(() => undefined);
    if (options.overwrite) {
      await rename(tmp, target);
      created = false;
    } else {
      // link() fails with EEXIST if the target appeared meanwhile: no overwrite race.
      try {
        await link(tmp, target);
      } catch (e) {
        const code = errno(e);
        if (code === 'EEXIST' || !['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS', 'EMLINK'].includes(code ?? '')) throw e;
        // File systems without hard links: check again, then rename.
        if (await stat(target).then(() => true, () => false)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
        await rename(tmp, target);
        created = false;
      }
    }
    return { ok: true, path, overwritten: Boolean(existing) };
  } catch (e) {
    return failure(errno(e), path, e);
  } finally {
    if (created) await unlink(tmp).catch(() => undefined);
  }
}

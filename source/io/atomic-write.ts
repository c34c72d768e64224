import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { chmod, link, lstat, open, readlink, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { removeOnExit } from './temp-files.js';

/** Why a write failed, as data (the CLI and the UI word it their own way). */
export type WriteFailure = 'exists' | 'permission' | 'no-folder' | 'not-a-folder' | 'no-space' | 'is-directory' | 'not-a-file' | 'read-only' | 'other';

export type WriteResult =
  | {
      readonly ok: true;
      readonly path: string;
      readonly overwritten: boolean;
      /** Set when `path` is a symbolic link: the file that was written through it. */
      readonly target?: string;
    }
  | { readonly ok: false; readonly reason: WriteFailure; readonly path: string; readonly message: string };

export interface WriteOptions {
  /** Replace an existing file. Without it an existing file is never touched. */
  readonly overwrite?: boolean;
}

function errno(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

/** What a non-file is called in a message. */
function kindOf(st: Stats): string | null {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  return st.isFile() ? null : 'not a regular file';
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
    case 'ELOOP':
      return { ok: false, reason: 'other', path, message: `cannot write ${path}: too many levels of symbolic links` };
    default:
      return { ok: false, reason: 'other', path, message: `cannot write ${path}: ${e instanceof Error ? e.message : String(code ?? e)}` };
  }
}

/** Where a write to `path` lands, decided before anything is written (and before any overwrite question). */
export type Destination =
  | {
      readonly ok: true;
      /** The file that will be written: `path` itself, or the end of its chain of symbolic links. */
      readonly target: string;
      readonly viaLink: boolean;
      /** The target exists (a regular file): writing replaces it. */
      readonly existing: Stats | null;
    }
  | Extract<WriteResult, { ok: false }>;

/**
 * Follows `path` through symbolic links to the file a write would replace. A
 * link is written through, never replaced (replacing it would leave its target
 * stale while the user believes they saved); a dangling link is written through
 * when its target's folder exists. A folder, FIFO, socket or device is refused:
 * a rename would replace it with a regular file (as root, even /dev/null).
 */
export async function destinationOf(path: string): Promise<Destination> {
  let target = resolve(path);
  let viaLink = false;
  for (let hops = 0; ; hops++) {
    let st: Stats;
    try {
      st = await lstat(target);
    } catch (e) {
      if (errno(e) !== 'ENOENT') return failure(errno(e), path, e) as Extract<WriteResult, { ok: false }>;
      // Nothing there (or a dangling link's target): a new file, if its folder is a folder.
      try {
        const folder = await stat(dirname(target));
        if (!folder.isDirectory()) return failure('ENOTDIR', viaLink ? target : path) as Extract<WriteResult, { ok: false }>;
      } catch (e2) {
        return failure(errno(e2), viaLink ? target : path, e2) as Extract<WriteResult, { ok: false }>;
      }
      return { ok: true, target, viaLink, existing: null };
    }
    if (st.isSymbolicLink()) {
      if (hops >= 40) return failure('ELOOP', path) as Extract<WriteResult, { ok: false }>;
      viaLink = true;
      target = resolve(dirname(target), await readlink(target));
      continue;
    }
    const kind = kindOf(st);
    if (kind === 'a folder') return failure('EISDIR', path) as Extract<WriteResult, { ok: false }>;
    if (kind) {
      const where = viaLink ? `${path} (a link to ${target})` : path;
      return { ok: false, reason: 'not-a-file', path, message: `cannot write ${where}: it is ${kind}, not a regular file; give a file name` };
    }
    return { ok: true, target, viaLink, existing: st };
  }
}

/**
 * Writes text to a file atomically: the text goes to a temporary file in the
 * target's folder, which then replaces the target in one rename, so readers
 * never see half a policy and a full disk never truncates the old file. A
 * symbolic link is written through to its target. Without `overwrite` an
 * existing target is refused (checked atomically with link() where the file
 * system supports it). The temporary file is removed on every exit path,
 * signals included. Never throws.
 */
export async function writeFileAtomic(path: string, text: string, options: WriteOptions = {}): Promise<WriteResult> {
  const dest = await destinationOf(path);
  if (!dest.ok) return dest;
  const { target, existing } = dest;
  if (existing && !options.overwrite) return failure('EEXIST', path);
  const through = dest.viaLink ? { target } : {};

  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let created = false;
  const forget = removeOnExit(tmp);
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
    return { ok: true, path, overwritten: Boolean(existing), ...through };
  } catch (e) {
    return failure(errno(e), path, e);
  } finally {
    if (created) await unlink(tmp).catch(() => undefined);
    forget();
  }
}

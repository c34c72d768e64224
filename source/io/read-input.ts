import { createReadStream } from 'node:fs';
import { UsageError, type CommandIo } from '../commands/io.js';
import { visibleLine } from '../core/text/visible.js';

/** SPEC 2: inputs are read up to this bound, past which they are refused (exit 2). Far above any policy (key policies: 32 KB). */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

export interface InputBytes {
  /** File name as given, or "<stdin>". */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The refusal of an input past the bound, naming it (the name shown escaped). */
export function tooLarge(name: string): UsageError {
  const what = name === '<stdin>' ? 'standard input' : visibleLine(name);
  return new UsageError(`${what}: larger than 16 MB, refused (a policy is at most a few hundred KB; is this the right file?)`);
}

/**
 * Reads a stream in chunks and stops as soon as it passes `limit` bytes, so an
 * endless source (/dev/zero, `yes |`) costs at most the bound in memory and
 * ends. Returns null past the bound. The stream is destroyed when left early.
 */
export async function readBounded(stream: AsyncIterable<Uint8Array | string>, limit = MAX_INPUT_BYTES): Promise<Uint8Array | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    size += bytes.length;
    // Leaving the loop early ends (destroys) the stream.
    if (size > limit) return null;
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, size);
}

/** Reads a policy from a file path, or from standard input for "-". Failures are usage errors naming the file. */
export async function readInput(path: string, io: CommandIo): Promise<InputBytes> {
  if (path === '-') {
    if (io.stdinIsTTY) throw new UsageError("'-' reads the policy from standard input, but standard input is a terminal; pipe a policy in, e.g. 'cat policy.json | kms-policy-tui lint -'");
    return { name: '<stdin>', bytes: await io.readStdin() };
  }
  let bytes: Uint8Array | null;
  try {
    // A stream, not readFile: a device or an endless file is read only up to the bound.
    bytes = await readBounded(createReadStream(path, { highWaterMark: 256 * 1024 }));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file'
      : code === 'EISDIR' ? 'is a directory, expected a policy file'
      : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
      : (e as Error).message;
    throw new UsageError(`${path}: cannot read: ${why}`);
  }
  if (bytes === null) throw tooLarge(path);
  return { name: path, bytes };
}

/** Reads all of a stream (standard input) into one buffer, refusing it past the bound. */
export async function readStream(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const bytes = await readBounded(stream);
  if (bytes === null) throw tooLarge('<stdin>');
  return bytes;
}

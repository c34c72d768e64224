import { readFile } from 'node:fs/promises';
import { UsageError, type CommandIo } from '../commands/io.js';

export interface InputBytes {
  /** File name as given, or "<stdin>". */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Reads a policy from a file path, or from standard input for "-". Failures are usage errors naming the file. */
export async function readInput(path: string, io: CommandIo): Promise<InputBytes> {
  if (path === '-') {
    if (io.stdinIsTTY) throw new UsageError("'-' reads the policy from standard input, but standard input is a terminal; pipe a policy in, e.g. 'cat policy.json | kms-policy-tui lint -'");
    return { name: '<stdin>', bytes: await io.readStdin() };
  }
  try {
    const bytes = await readFile(path);
    return { name: path, bytes };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file'
      : code === 'EISDIR' ? 'is a directory, expected a policy file'
      : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
      : (e as Error).message;
    throw new UsageError(`${path}: cannot read: ${why}`);
  }
}

/** Reads all of a stream (standard input) into one buffer. */
export async function readStream(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

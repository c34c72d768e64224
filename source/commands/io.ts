/** What a command may touch of the outside world; tests pass their own. */
export interface CommandIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean; readonly columns?: number };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  /** Reads all of standard input as bytes. */
  readStdin(): Promise<Uint8Array>;
  readonly stdinIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

export const EXIT = {
  ok: 0,
  /** lint found an error or security finding */
  findings: 1,
  /** usage error or unreadable input */
  usage: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A problem with how the command was called or with its input: printed as is, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

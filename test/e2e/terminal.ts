import { spawn, type IPty } from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { existsSync } from 'node:fs';
import { BUILT_CLI, ROOT } from '../helpers/cli.js';

const { Terminal } = xterm;

export { KEY as KEYS } from '../helpers/keys.js';

export interface TerminalSession {
  /** What the terminal shows now, one string per row (trailing spaces trimmed). */
  screen(): string[];
  text(): string;
  /** Rows of the screen that continue the row above because a line was wider than the terminal. */
  wrappedRows(): number[];
  /** Sends one key (or one typed string) to the program. */
  press(key: string): void;
  /** Types text one character per write, waiting for the screen to change after each. */
  type(text: string): Promise<void>;
  /** Waits until the program has written nothing for a moment (its handlers for the last frame are in place). */
  settle(quietMs?: number): Promise<void>;
  /** Waits until the screen satisfies the predicate (polls; fails with the screen after the timeout). */
  waitFor(predicate: (text: string) => boolean, what: string, timeoutMs?: number): Promise<string>;
  resize(columns: number, rows: number): void;
  /** Resolves with the exit code once the program ended. */
  exited(timeoutMs?: number): Promise<number>;
  /** Raw output written by the program (escape sequences included). */
  raw(): string;
  /** Ends the program with a signal (default SIGHUP, as when the terminal closes). */
  kill(signal?: NodeJS.Signals): void;
  /** The program's process id (for signals such as SIGTSTP that do not end it). */
  readonly pid: number;
}

export interface StartOptions {
  readonly columns?: number;
  readonly rows?: number;
  readonly env?: Record<string, string | undefined>;
  readonly cwd?: string;
  /** Run through a shell, e.g. to pipe a file into `open -`. */
  readonly shellCommand?: string;
}

/** Base environment: no clipboard display, no colour surprises, a UTF-8 locale, no CI switch for Ink. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  // A UTF-8 locale, so the rendering does not depend on the machine's (the ASCII fallbacks have their own tests).
  const env: Record<string, string | undefined> = { ...process.env, TERM: 'xterm-256color', LANG: 'C.UTF-8', ...extra };
  for (const k of ['DISPLAY', 'WAYLAND_DISPLAY', 'CI', 'CONTINUOUS_INTEGRATION', 'TMUX', 'FORCE_COLOR', 'NO_COLOR', 'LC_ALL', 'LC_CTYPE']) if (!(k in extra)) delete env[k];
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

/** Starts the built CLI in a pseudo-terminal and mirrors its output in a headless xterm. */
export function startCli(args: readonly string[], options: StartOptions = {}): TerminalSession {
  if (!existsSync(BUILT_CLI)) throw new Error('dist/cli.js is missing: run `node scripts/build.mjs` first (npm test does it)');
  const columns = options.columns ?? 80;
  const rows = options.rows ?? 24;
  const term = new Terminal({ cols: columns, rows, allowProposedApi: true });
  const [file, argv] = options.shellCommand
    ? ['/bin/sh', ['-c', options.shellCommand]]
    : [process.execPath, [BUILT_CLI, ...args]];
  const env = options.env ?? cleanEnv();
  // node-pty sets TERM from `name`: take it from the environment so TERM=dumb or TERM=linux reach the program.
  const pty: IPty = spawn(file, argv, { name: env.TERM ?? 'xterm-256color', cols: columns, rows, cwd: options.cwd ?? ROOT, env });
  let raw = '';
  let pending = Promise.resolve();
  let exitCode: number | null = null;
  const exitWaiters: Array<(code: number) => void> = [];
  pty.onData((d) => {
    raw += d;
    pending = pending.then(() => new Promise<void>((resolve) => term.write(d, resolve)));
  });
  pty.onExit(({ exitCode: code }) => {
    exitCode = code;
    for (const w of exitWaiters) w(code);
  });
  const screen = () => {
    const buf = term.buffer.active;
    const out: string[] = [];
    for (let y = 0; y < term.rows; y++) out.push(buf.getLine(buf.viewportY + y)?.translateToString(true) ?? '');
    return out;
  };
  const text = () => screen().join('\n');
  const wrappedRows = () => {
    const buf = term.buffer.active;
    const out: number[] = [];
    for (let y = 0; y < term.rows; y++) if (buf.getLine(buf.viewportY + y)?.isWrapped) out.push(y);
    return out;
  };
  // Waiting for the screen to settle makes each step's screen the one the next key meets
  // (the app takes keys at any moment: test/e2e/typing.test.ts sends several in one write).
  const settle = async (quietMs = 40) => {
    let seen = -1;
    while (seen !== raw.length) {
      seen = raw.length;
      await new Promise((r) => setTimeout(r, quietMs));
    }
    await pending;
  };
  const waitFor = async (predicate: (t: string) => boolean, what: string, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await pending;
      if (predicate(text())) {
        // The screen matched: let the program settle on it, then make sure it still matches.
        await settle();
        const t = text();
        if (predicate(t)) return t;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen shows:\n${text()}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return {
    screen,
    text,
    wrappedRows,
    press: (key) => pty.write(key),
    type: async (s) => {
      for (const ch of s) {
        await pending;
        const before = text();
        pty.write(ch);
        // Each typed character reaches the screen before the next one is sent, as a person types
        // (typing.test.ts sends keys faster than that). A key that changes nothing on screen,
        // e.g. backspace in an empty field, just waits a while.
        const deadline = Date.now() + 1_500;
        do await new Promise((r) => setTimeout(r, 15));
        while (text() === before && Date.now() < deadline && exitCode === null);
        await settle();
      }
    },
    settle,
    waitFor,
    resize: (c, r) => {
      pty.resize(c, r);
      term.resize(c, r);
    },
    exited: async (timeoutMs = 10_000) => {
      const code =
        exitCode !== null
          ? exitCode
          : await new Promise<number>((resolve, reject) => {
              const t = setTimeout(() => reject(new Error(`the program did not exit; the screen shows:\n${text()}`)), timeoutMs);
              exitWaiters.push((c) => {
                clearTimeout(t);
                resolve(c);
              });
            });
      // The pty may still deliver the program's last output after the exit is reported:
      // the screen a test reads next must include it.
      await settle();
      return code;
    },
    raw: () => raw,
    pid: pty.pid,
    kill: (signal) => {
      if (exitCode === null) pty.kill(signal);
    },
  };
}

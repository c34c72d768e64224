import { openSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { ReadStream } from 'node:tty';
import { render } from 'ink';
import { EXIT, UsageError, type CommandIo } from '../commands/io.js';
import { decodePolicyBytes } from '../core/policy/index.js';
import { allTemplates, findTemplate, validateParameter } from '../core/templates/index.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { copyText } from '../io/clipboard.js';
import { readInput } from '../io/read-input.js';
import { App, type UiServices } from './app.js';
import { ErrorBoundary } from './components/error-boundary.js';
import { initialState } from './state/reducer.js';
import type { WorkspaceSource } from './state/types.js';

const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';

/**
 * Reads the policy of `open <file|->`. A missing or unreadable file is a usage
 * error; a policy with a syntax error (or bytes that are not UTF-8 text) still
 * opens, on the Findings tab, which shows the line and column of the error.
 */
async function openSource(args: readonly string[], io: CommandIo): Promise<WorkspaceSource> {
  const [path, ...extra] = args;
  if (path === undefined || extra.length > 0) throw new UsageError("open takes one policy file, or '-' for standard input: kms-policy-tui open <file|->");
  const input = await readInput(path, io);
  const decoded = decodePolicyBytes(input.bytes);
  if (!decoded.ok) return { kind: 'file', name: input.name, text: '', decodeFinding: decoded.finding };
  return { kind: 'file', name: input.name, text: decoded.text };
}

/** Keys come from standard input, or from the controlling terminal when standard input was a pipe (`open -`). */
function keyboard(): NodeJS.ReadStream {
  if (process.stdin.isTTY) return process.stdin;
  try {
    return new ReadStream(openSync('/dev/tty', 'r')) as unknown as NodeJS.ReadStream;
  } catch {
    throw new UsageError('standard input is not a terminal and there is no controlling terminal (/dev/tty) to read keys from');
  }
}

/** The interactive UI: the template browser, or `open <file|->` the workspace on a policy. */
export async function runInteractive(argv: readonly string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== undefined && command !== 'open') throw new UsageError(`unknown command '${command}'`);
  const source = command === 'open' ? await openSource(rest, io) : undefined;
  const stdin = keyboard();
  const stdout = process.stdout;
  const library = { find: findTemplate, validate: validateParameter };
  const services: UiServices = {
    templates: allTemplates(),
    library,
    copy: (text) => copyText(text, { env: io.env, stdout }),
    write: (path, text, overwrite) => writeFileAtomic(path, text, { overwrite }),
    exists: (path) => access(path).then(
      () => true,
      () => false,
    ),
  };

  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.write(SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
  };
  // Safety net: whatever ends the process, the user's screen comes back.
  process.once('exit', restore);
  stdout.write(ENTER_ALTERNATE_SCREEN);

  let crash: Error | null = null;
  const instance = render(
    <ErrorBoundary
      onError={(error) => {
        crash = error;
        instance.unmount();
      }}
    >
      <App initial={initialState(source, library)} services={services} />
    </ErrorBoundary>,
    { stdout, stdin, exitOnCtrlC: true, patchConsole: true },
  );
  try {
    await instance.waitUntilExit();
  } catch (e) {
    crash = e instanceof Error ? e : new Error(String(e));
  } finally {
    restore();
    if (stdin !== process.stdin) stdin.destroy();
  }
  const failure = crash as Error | null;
  if (failure) {
    io.stderr.write(`kms-policy-tui: internal error: ${failure.message}\n`);
    if (io.env.DEBUG && failure.stack) io.stderr.write(`${failure.stack}\n`);
    return EXIT.usage;
  }
  return EXIT.ok;
}

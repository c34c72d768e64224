import { visibleLine } from '../core/text/visible.js';
import { openSync } from 'node:fs';
import { homedir } from 'node:os';
import { ReadStream } from 'node:tty';
import { render } from 'ink';
import { EXIT, UsageError, type CommandIo } from '../commands/io.js';
import { flagString, flagStrings, parseCommandArgs } from '../commands/args.js';
import { requireGrants } from '../commands/load-grants.js';
import { decodePolicyBytes } from '../core/policy/index.js';
import { isBarePolicyDocument } from '../core/sources/index.js';
import { allTemplates, findTemplate, validateParameter } from '../core/templates/index.js';
import { destinationOf, writeFileAtomic } from '../io/atomic-write.js';
import { expandHome } from '../io/paths.js';
import { copyText } from '../io/clipboard.js';
import { readInput } from '../io/read-input.js';
import { App, type UiServices } from './app.js';
import { backgroundWorker } from './background/derive-client.js';
import { ErrorBoundary } from './components/error-boundary.js';
import { SYMBOLS } from './components/symbols.js';
import { handleSuspend } from './suspend.js';
import { initialState } from './state/reducer.js';
import type { PickerState, WorkspaceSource } from './state/types.js';
import { sourceEntries } from './state/picker.js';
import { choosePolicy, formatInputError, loadIdentityPolicies, loadSourceText, policyNames } from '../commands/load-policy.js';
import type { ParsedArgs } from '../commands/args.js';

const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';

/**
 * Reads the policy of `open <source|-> [--policy NAME]`. A missing or unreadable file is a usage
 * error; a policy document with a syntax error (or bytes that are not UTF-8 text) still
 * opens, on the Findings tab, which shows the line and column of the error. A source
 * of SPEC 2.5 holding several policies opens on a picker of them, unless --policy names one.
 */
async function openSource(argv: readonly string[], io: CommandIo): Promise<{ source: WorkspaceSource; picker?: PickerState }> {
  const args = parseCommandArgs('open', argv, { policy: 'string', kind: 'string', grants: 'string', against: 'string', 'identity-policy': 'strings' });
  const [path, ...extra] = args.positionals;
  if (path === undefined || extra.length > 0) throw new UsageError("open takes one policy source, or '-' for standard input: kms-policy-tui open <source|-> [--policy NAME] [--against OLD] [--grants FILE] [--identity-policy FILE]...");
  const grantsPath = flagString(args, 'grants');
  const identityPaths = flagStrings(args, 'identity-policy');
  const againstPath = flagString(args, 'against');
  if ([path, grantsPath, againstPath, ...identityPaths].filter((p) => p === '-').length > 1) throw new UsageError("open: only one file can be read from standard input ('-')");
  // The key's grants (SPEC 2.6): grant paths in the Matrix tab; a malformed grants file is a usage error (file, line, column).
  // IAM policies of the principal (as simulate --identity-policy): the Ask tab's third IAM choice.
  const identity = identityPaths.length > 0 ? { identityPolicies: await loadIdentityPolicies(identityPaths, args, io, 'open') } : {};
  // The Changes tab's baseline (SPEC 6): OLD read as NEW is, --policy naming the policy in both.
  const against = againstPath !== undefined ? { against: await againstSource(againstPath, args, io) } : {};
  const grants = { ...(grantsPath !== undefined ? { grants: await requireGrants(grantsPath, io) } : {}), ...identity, ...against };
  const input = await readInput(path, io);
  const decoded = decodePolicyBytes(input.bytes);
  if (!decoded.ok) return { source: { kind: 'file', name: input.name, text: '', decodeFinding: decoded.finding, ...grants } };
  // A large bare document opens without the positioned read that format detection makes: lint
  // reads positions in the background worker, and the first frame comes sooner (issue 13).
  if (flagString(args, 'policy') === undefined && isBarePolicyDocument(jsonValue(decoded.text))) return { source: { kind: 'file', name: input.name, text: decoded.text, ...grants } };
  const sources = await loadSourceText(path, input.name, decoded.text, args);
  const policyName = flagString(args, 'policy');
  const bare = sources.format === 'policy-document' && sources.policies.length === 1 && sources.problems.length === 0;
  // A bare document opens as it is, readable or not (the Findings tab shows a syntax error).
  if (bare && policyName === undefined) {
    // Read once: the workspace takes the tree the format detection made (when it is of the whole text).
    const parsed = sources.policies[0]!.parsed;
    return { source: { kind: 'file', name: input.name, text: decoded.text, ...(parsed.text === decoded.text ? { parsed } : {}), ...grants } };
  }
  const withGrants = (s: WorkspaceSource): WorkspaceSource => (s.kind === 'file' ? { ...s, ...grants } : s);
  const entries = sourceEntries(input.name, policyName === undefined ? sources.policies : sources.policies.filter((p) => p.policyName === policyName)).map(withGrants);
  if (policyName !== undefined && entries.length === 0) throw new UsageError(`${path}: no policy named '${policyName}'. ${policyNames(sources.policies)}`);
  if (entries.length > 1) return { source: entries[0]!, picker: { file: input.name, entries, selected: 0 } };
  // One policy: the same checks as every other command (a source that cannot be read, or holds none, is exit 2).
  const one = policyName === undefined ? choosePolicy(sources, path, 'open') : undefined;
  return { source: one ? withGrants(sourceEntries(input.name, [one])[0]!) : entries[0]! };
}

/**
 * `open NEW --against OLD`: the one policy of OLD (--policy NAME picks it, as in NEW) that the
 * Changes tab compares with. It must be readable: a baseline with a syntax error is a usage
 * error naming its file, line and column (exit 2).
 */
async function againstSource(path: string, args: ParsedArgs, io: CommandIo): Promise<WorkspaceSource> {
  const input = await readInput(path, io);
  const decoded = decodePolicyBytes(input.bytes);
  if (!decoded.ok) throw new UsageError(`--against ${formatInputError(input.name, decoded.finding)}`);
  const sources = await loadSourceText(path, input.name, decoded.text, args);
  const policyName = flagString(args, 'policy');
  const named = policyName === undefined ? sources : { ...sources, policies: sources.policies.filter((p) => p.policyName === policyName) };
  if (policyName !== undefined && named.policies.length === 0) throw new UsageError(`--against ${path}: no policy named '${policyName}'. ${policyNames(sources.policies)}`);
  const one = choosePolicy(named, path, 'open --against');
  const syntax = one.findings.find((f) => f.id === 'JSON_SYNTAX');
  if (one.unreadable) throw new UsageError(`--against ${syntax ? formatInputError(one.name, syntax) : `${one.name}: not a readable policy`}`);
  const bare = sources.format === 'policy-document' && sources.policies.length === 1;
  return bare ? { kind: 'file', name: input.name, text: decoded.text } : sourceEntries(input.name, [one])[0]!;
}

function jsonValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
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

/**
 * TERM=dumb (Emacs shell-mode, some IDE consoles and CI logs) cannot move the cursor
 * or switch screens: a full-screen UI would print every frame below the last one.
 */
export const DUMB_TERMINAL = `the interactive UI needs a terminal that can move the cursor, and TERM=dumb says this one cannot.
Run it in a terminal emulator (or set TERM, e.g. TERM=xterm-256color), or use the subcommands: list, render, explain, matrix, lint, diff, simulate (see --help).`;

/** Signals that end the program from outside; the terminal is restored before it goes. */
const FATAL_SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGINT', 'SIGQUIT'] as const;
const SIGNAL_NUMBERS: Readonly<Record<(typeof FATAL_SIGNALS)[number], number>> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGTERM: 15 };

const oneLine = (e: unknown) => visibleLine((e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 300));

/**
 * Ink cuts text that does not fit with '…' and offers no other character: where the
 * terminal cannot show Unicode, it becomes '~' (same width, so the layout holds).
 * Returns the function that puts the stream back.
 */
function asciiTruncation(stdout: NodeJS.WriteStream): () => void {
  const original = stdout.write;
  const write = original.bind(stdout) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stdout.write = ((chunk: unknown, ...rest: unknown[]) => write(typeof chunk === 'string' ? chunk.replaceAll('…', '~') : chunk, ...rest)) as typeof stdout.write;
  return () => {
    stdout.write = original;
  };
}

export interface InteractiveOptions {
  /** The built CLI's own file: started as a worker thread, it computes large policies' findings and matrix. */
  readonly workerEntry?: URL;
}

/** The interactive UI: the template browser, or `open <file|->` the workspace on a policy. */
export async function runInteractive(argv: readonly string[], io: CommandIo, options: InteractiveOptions = {}): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== undefined && command !== 'open') throw new UsageError(`unknown command '${command}'`);
  if (io.env.TERM === 'dumb') throw new UsageError(DUMB_TERMINAL);
  const opened = command === 'open' ? await openSource(rest, io) : undefined;
  const stdin = keyboard();
  const stdout = process.stdout;
  const library = { find: findTemplate, validate: validateParameter };
  const services: UiServices = {
    templates: allTemplates(),
    library,
    copy: (text) => copyText(text, { env: io.env, stdout }),
    write: (path, text, overwrite) => writeFileAtomic(expandHome(path, homedir()), text, { overwrite }),
    suspend: () => process.kill(process.pid, 'SIGTSTP'),
    ...(options.workerEntry ? (({ derive, diff }) => ({ background: derive, backgroundDiff: diff }))(backgroundWorker(options.workerEntry)) : {}),
    check: async (path) => {
      const dest = await destinationOf(expandHome(path, homedir()));
      if (!dest.ok) return { exists: false, refusal: dest.reason === 'not-a-file' || dest.reason === 'is-directory' ? dest.message : null };
      return { exists: dest.existing !== null, refusal: null };
    },
  };

  let restored = false;
  /** The user's terminal as it was: line mode, cursor shown, main screen. Safe to call more than once. */
  const restore = () => {
    if (restored) return;
    restored = true;
    try {
      if (stdin.isTTY) stdin.setRawMode(false);
    } catch {
      // The terminal is gone (SIGHUP): nothing to restore.
    }
    stdout.write(SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
  };
  const report = (error: unknown) => {
    io.stderr.write(`kms-policy-tui: internal error: ${oneLine(error)} (the terminal was restored; run with DEBUG=1 to see where it happened)\n`);
    if (io.env.DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  };
  // Safety nets: whatever ends the process, the user's screen comes back.
  const onSignal = (signal: (typeof FATAL_SIGNALS)[number]) => {
    restore();
    process.exit(128 + SIGNAL_NUMBERS[signal]);
  };
  // An exception outside React's render (an input handler, a promise): restore, say it in one line, exit 2.
  const onFatal = (error: unknown) => {
    restore();
    report(error);
    process.exit(EXIT.usage);
  };
  process.once('exit', restore);
  for (const signal of FATAL_SIGNALS) process.once(signal, onSignal);
  process.once('uncaughtException', onFatal);
  process.once('unhandledRejection', onFatal);
  const unpatch = SYMBOLS.unicode ? () => {} : asciiTruncation(stdout);
  stdout.write(ENTER_ALTERNATE_SCREEN);

  let crash: Error | null = null;
  const instance = render(
    <ErrorBoundary
      onError={(error) => {
        crash = error;
      }}
      onExit={() => instance.unmount()}
    >
      <App initial={initialState(opened?.source, library, opened?.picker)} services={services} />
    </ErrorBoundary>,
    { stdout, stdin, exitOnCtrlC: true, patchConsole: true },
  );
  // Ctrl+Z / kill -TSTP: the shell gets its terminal back; fg redraws the whole frame.
  const unsuspend = handleSuspend({
    stdin,
    stdout,
    // Ink skips a frame equal to the last one, and redraws everything only when the terminal gets
    // narrower: the screen came back blank, so report one column less for a moment, then the real width.
    redraw: () => {
      const tty = stdout as { columns: number };
      const columns = tty.columns;
      tty.columns = Math.max(1, columns - 1);
      stdout.emit('resize');
      tty.columns = columns;
      stdout.emit('resize');
    },
  });
  try {
    await instance.waitUntilExit();
  } catch (e) {
    crash = e instanceof Error ? e : new Error(String(e));
  } finally {
    restore();
    unpatch();
    unsuspend();
    for (const signal of FATAL_SIGNALS) process.off(signal, onSignal);
    process.off('uncaughtException', onFatal);
    process.off('unhandledRejection', onFatal);
    if (stdin !== process.stdin) stdin.destroy();
  }
  const failure = crash as Error | null;
  if (failure) {
    report(failure);
    return EXIT.usage;
  }
  return EXIT.ok;
}

import { visible } from '../core/text/visible.js';
import { VERSION } from '../version.js';
import { EXIT, UsageError, type CommandIo } from './io.js';
import { COMMANDS, USAGE } from './registry.js';

const INTERACTIVE = new Set(['open']);

export const NOT_A_TERMINAL = `kms-policy-tui: the interactive UI needs a terminal, but standard output is not one.
For scripts and CI use the subcommands: list, render, explain, matrix, lint, diff, simulate (see --help).`;

/** The interactive UI (loaded only when used, so subcommands never load Ink or React). */
export type InteractiveRun = (argv: readonly string[], io: CommandIo) => Promise<number>;

/**
 * Runs the command line. Never throws: usage problems print one message and
 * return 2; anything unexpected prints one line (no stack unless DEBUG is set).
 */
export async function runCli(argv: readonly string[], io: CommandIo, interactive?: () => Promise<InteractiveRun>): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === '--version' || first === '-v' || first === '-V') {
      io.stdout.write(`${VERSION}\n`);
      return EXIT.ok;
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      io.stdout.write(USAGE);
      return EXIT.ok;
    }
    if (first === undefined || INTERACTIVE.has(first)) {
      if (!io.stdout.isTTY) {
        io.stderr.write(`${NOT_A_TERMINAL}\n`);
        return EXIT.usage;
      }
      if (!interactive) throw new UsageError('the interactive UI is not available in this build');
      const run = await interactive();
      return await run(argv, io);
    }
    const entry = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
    if (!entry) {
      const hint = first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`;
      throw new UsageError(`${hint}. Commands: ${['open', ...Object.keys(COMMANDS)].join(', ')}. See 'kms-policy-tui --help'.`);
    }
    const run = await entry.load();
    return await run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      // Messages echo file names and arguments: shown, never acted on by the terminal.
      io.stderr.write(`kms-policy-tui: ${visible(e.message)}\n`);
      return EXIT.usage;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(`kms-policy-tui: internal error: ${visible(message)}\n`);
    if (io.env.DEBUG && e instanceof Error && e.stack) io.stderr.write(`${visible(e.stack)}\n`);
    return EXIT.usage;
  }
}

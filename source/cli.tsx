import { runCli } from './commands/run.js';
import { readStream } from './io/read-input.js';

const io = {
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin: () => readStream(process.stdin),
  stdinIsTTY: Boolean(process.stdin.isTTY),
  env: process.env,
  cwd: process.cwd(),
};

// EPIPE (e.g. `kms-policy-tui list | head -1`) is not an error for a CLI.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

// The Ink app is its own chunk: subcommands never load Ink or React.
const interactive = async () => {
  // NO_COLOR drops only colours (source/ui/components/colors.ts): chalk keeps its level, so bold and inverse (the caret, the selection) still show.
  const [{ runInteractive }, { keepYoungGenerationSmall }] = await Promise.all([import('./ui/run.js'), import('./ui/perf/heap.js')]);
  // After the UI's modules are loaded, before the first frame: peak memory stays well under 120 MB.
  keepYoungGenerationSmall();
  return runInteractive;
};

process.exitCode = await runCli(process.argv.slice(2), io, interactive);

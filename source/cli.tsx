import { isMainThread, workerData } from 'node:worker_threads';
import { runCli, type InteractiveRun } from './commands/run.js';
import { readStream } from './io/read-input.js';
import { isDeriveWorker } from './ui/background/role.js';

async function main(): Promise<void> {

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
  // This file, started again as a worker thread, computes large policies' findings and matrix.
  const entry = new URL(import.meta.url);
  const run: InteractiveRun = (argv, cliIo) => runInteractive(argv, cliIo, { workerEntry: entry });
  return run;
};

process.exitCode = await runCli(process.argv.slice(2), io, interactive);
}

// Started as the UI's background worker (source/ui/background): serve, and nothing else.
if (!isMainThread && isDeriveWorker(workerData)) (await import('./ui/background/derive-worker.js')).serveDerivations();
else await main();

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

process.exitCode = await runCli(process.argv.slice(2), io);

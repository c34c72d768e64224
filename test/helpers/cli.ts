import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUILT_CLI = join(ROOT, 'dist', 'cli.js');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI (dist/cli.js, made by `npm run build`) as a user would, without a terminal. */
export function runBuiltCli(args: readonly string[], options: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {}): CliResult {
  if (!existsSync(BUILT_CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it)');
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...options.env };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BUILT_CLI, ...args], {
    input: options.input ?? '',
    env,
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

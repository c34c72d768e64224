import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBuiltCli } from '../helpers/cli.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('kms-policy-tui (built CLI)', () => {
  it('prints its version', () => {
    expect(runBuiltCli(['--version'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('prints help with every subcommand', () => {
    const r = runBuiltCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['open', 'list', 'render', 'explain', 'matrix', 'lint', 'simulate']) expect(r.stdout).toContain(`kms-policy-tui ${c}`);
  });

  it('rejects an unknown command with exit 2 and one line, no stack trace', () => {
    const r = runBuiltCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'frobnicate'/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses the interactive UI without a terminal and names the subcommands', () => {
    for (const args of [[], ['open', 'x.json']]) {
      const r = runBuiltCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/needs a terminal/);
      expect(r.stderr).toMatch(/lint/);
    }
  });
});

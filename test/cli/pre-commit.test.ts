/** The pre-commit hook of the repository (issue 17, CI use): it parses, and runs a command that exists. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMANDS } from '../../source/commands/registry.js';
import { ROOT, runBuiltCli } from '../helpers/cli.js';

interface Hook { id: string; entry: string; args?: string[]; files: string; language: string; pass_filenames?: boolean }

const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };

describe('.pre-commit-hooks.yaml', () => {
  const hook = hooks.find((h) => h.id === 'kms-policy-tui-lint')!;

  it('has the kms-policy-tui-lint hook, a node hook whose entry is the package binary and its lint command', () => {
    expect(hook).toBeDefined();
    expect(hook.language).toBe('node');
    const [bin, command, ...rest] = hook.entry.split(/\s+/);
    expect(Object.keys(pkg.bin)).toContain(bin);
    expect(Object.keys(COMMANDS)).toContain(command);
    expect(command).toBe('lint');
    expect(rest).toEqual([]);
  });

  it('files: Terraform, JSON, YAML and .template files, nothing else', () => {
    const files = new RegExp(hook.files);
    for (const f of ['main.tf', 'modules/kms/key.tf', 'policy.json', 'stack.yaml', 'stack.yml', 'stack.template']) expect(files.test(f), f).toBe(true);
    for (const f of ['readme.md', 'main.tf.bak', 'script.py', 'tfvars']) expect(files.test(f), f).toBe(false);
  });

  it('entry + args, run as pre-commit runs it (in the repository root), lints the tree and fails on a security finding', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kms-precommit-'));
    try {
      writeFileSync(join(dir, 'public.json'), JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' }] }));
      writeFileSync(join(dir, 'package.json'), '{"name": "not-a-policy"}');
      const [, command] = hook.entry.split(/\s+/);
      const r = runBuiltCli([command!, ...(hook.args ?? [])], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('PUBLIC_PRINCIPAL');
      expect(r.stdout).toMatch(/2 files read, 1 policy found/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBuiltCli } from '../helpers/cli.js';

const templateIds = readdirSync(join(ROOT, 'templates'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

describe('kms-policy-tui list', () => {
  it('prints a table with one row per template', () => {
    const r = runBuiltCli(['list']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+KIND\s+CATEGORY\s+PARAMETERS\s+TITLE$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[0]).sort()).toEqual(templateIds);
    expect(r.stdout).toMatch(/^encrypt-decrypt-account-region\s+identity\s+Use keys\s+region,account\s+Encrypt and decrypt/m);
  });

  it('--json prints id, title, kind, category and typed parameters of every template', () => {
    const r = runBuiltCli(['list', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; title: string; kind: string; category: string; parameters: { name: string; type: string; default: unknown }[] }[];
    expect(list.map((t) => t.id).sort()).toEqual(templateIds);
    for (const t of list) {
      expect(['key', 'identity']).toContain(t.kind);
      expect(t.title).not.toBe('');
      expect(t.category).not.toBe('');
    }
    expect(list.find((t) => t.id === 'encrypt-decrypt-specific-keys')?.parameters).toContainEqual(
      expect.objectContaining({ name: 'keys', type: 'key-id-list', default: ['1234abcd-12ab-34cd-56ef-1234567890ab', '0987dcba-09fe-87dc-65ba-ab0987654321'] }),
    );
  });

  it('rejects arguments and unknown flags with exit 2', () => {
    expect(runBuiltCli(['list', 'extra'])).toMatchObject({ code: 2, stderr: expect.stringContaining('list takes no arguments') });
    expect(runBuiltCli(['list', '--jsn'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--jsn') });
  });
});

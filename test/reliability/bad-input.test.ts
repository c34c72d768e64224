import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runBuiltCli, type CliResult } from '../helpers/cli.js';

const BAD = join(FIXTURES, 'bad');
const files = readdirSync(BAD).filter((f) => f.endsWith('.json')).sort();

function noStackTrace(r: CliResult): void {
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?/);
  expect(r.stderr).not.toMatch(/internal error/);
  expect(r.code, 'the process ended by itself (no hang, no signal)').toBeGreaterThanOrEqual(0);
}

describe('bad and tricky inputs (test/fixtures/bad)', () => {
  it('has the corpus the reliability issue asks for', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  describe.each(files)('%s', (file) => {
    const path = join(BAD, file);

    it('lint prints findings as JSON with the right exit code', () => {
      const r = runBuiltCli(['lint', path, '--format', 'json']);
      noStackTrace(r);
      expect([0, 1, 2]).toContain(r.code);
      const out = JSON.parse(r.stdout) as { findings: Array<{ id: string; line: number | null; column: number | null }> };
      expect(Array.isArray(out.findings)).toBe(true);
      if (r.code === 2) {
        const syntax = out.findings.filter((f) => f.id === 'JSON_SYNTAX');
        expect(syntax.length).toBeGreaterThan(0);
        for (const f of syntax) expect(f.line).not.toBeNull();
      }
    });

    it('explain and matrix answer with output or one clear message', () => {
      for (const command of ['explain', 'matrix']) {
        const r = runBuiltCli([command, path, '--json']);
        noStackTrace(r);
        expect([0, 2], `${command}: ${r.stderr}`).toContain(r.code);
        if (r.code === 0) expect(() => JSON.parse(r.stdout)).not.toThrow();
        else expect(r.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(:\\d+:\\d+)?: `));
      }
    });

    it('simulate answers with a decision or one clear message', () => {
      for (const flag of ['--key-policy', '--identity-policy']) {
        const r = runBuiltCli(['simulate', '--action', 'kms:Decrypt', '--principal', 'arn:aws:iam::111122223333:role/App', flag, path, '--json']);
        noStackTrace(r);
        expect([0, 2], `${flag}: ${r.stderr}`).toContain(r.code);
        if (r.code === 0) expect(JSON.parse(r.stdout).decision).toMatch(/^(allow|explicit-deny|implicit-deny)$/);
      }
    });
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

function du(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((sum, name) => sum + du(join(path, name)), 0);
}

// Done-when of the foundation: the packed tarball installs into an empty folder and runs.
describe('published package', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kpt-pack-'));
    const out = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
    const tarball = join(dir, out.trim().split('\n').pop()!);
    execFileSync('npm', ['init', '-y'], { cwd: dir, stdio: 'ignore' });
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: dir, stdio: 'ignore' });
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs --version and --help through npx', () => {
    const v = spawnSync('npx', ['--no-install', 'kms-policy-tui', '--version'], { cwd: dir, encoding: 'utf8' });
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const h = spawnSync('npx', ['--no-install', 'kms-policy-tui', '--help'], { cwd: dir, encoding: 'utf8' });
    expect(h.status).toBe(0);
    expect(h.stdout).toContain('kms-policy-tui lint');
  });

  it('installs in at most 6 MB unpacked, dependencies included (SPEC 7)', () => {
    const bytes = du(join(dir, 'node_modules'));
    expect(bytes).toBeLessThanOrEqual(6 * 1024 * 1024);
  });
});

/**
 * The published package, as a user gets it: `npm pack`, then `npm install <tarball>` into
 * empty folders. Also the reference install of `ink` alone, with the same npm flags,
 * alternately, for the install-time ratio (SPEC 7).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, spread } from './lib/stats.mjs';
import { ROOT } from './lib/bundle.mjs';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const INSTALL_FLAGS = ['install', '--no-audit', '--no-fund', '--loglevel=error'];

/** `npm pack` into a temp folder; returns the tarball path and npm's own numbers. */
export function pack(work) {
  const out = execFileSync(NPM, ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [info] = JSON.parse(out);
  return { tarball: join(work, info.filename), size: info.size, unpackedSize: info.unpackedSize, files: info.entryCount };
}

/** Installs `spec` into a new empty folder; returns the folder and the wall time. */
export function install(work, label, spec) {
  const dir = mkdtempSync(join(work, `${label}-`));
  const t0 = performance.now();
  const r = spawnSync(NPM, [...INSTALL_FLAGS, spec], { cwd: dir, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`npm install ${spec} failed (${r.status}): ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return { dir, ms };
}

/** Packages (folders with a package.json under node_modules, nested ones too) and bytes of every file. */
export function measureNodeModules(dir) {
  let packages = 0;
  let bytes = 0;
  const walk = (d, isModulesDir) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = lstatSync(p);
      if (st.isSymbolicLink()) continue;
      if (st.isDirectory()) {
        if (isModulesDir && name.startsWith('@')) {
          walk(p, true); // scope folder: its children are packages
          continue;
        }
        if (isModulesDir && name !== '.bin' && name !== '.cache') packages++;
        walk(p, name === 'node_modules');
      } else bytes += st.size;
    }
  };
  walk(join(dir, 'node_modules'), true);
  return { packages, bytes };
}

const mb = (b) => (b / 1024 / 1024).toFixed(2);

/**
 * Packs, installs the tarball and `ink` alternately `runs` times each, measures the first
 * tarball install. Returns the table rows and the folder of one tarball install (kept for
 * the start-up and memory figures).
 */
export function installBench(work, log, runs = 3) {
  mkdirSync(work, { recursive: true });
  const p = pack(work);
  log(`  packed ${p.tarball.split('/').pop()}: ${p.files} files, ${mb(p.size)} MB packed, ${mb(p.unpackedSize)} MB unpacked`);
  const ours = [];
  const ink = [];
  let keep = null;
  for (let i = 0; i < runs; i++) {
    const a = install(work, 'pkg', p.tarball);
    ours.push(a.ms);
    if (keep === null) keep = a.dir;
    else rmSync(a.dir, { recursive: true, force: true });
    const b = install(work, 'ink', 'ink');
    ink.push(b.ms);
    if (i < runs - 1) rmSync(b.dir, { recursive: true, force: true });
    else {
      const inkSize = measureNodeModules(b.dir);
      log(`  ink alone: ${inkSize.packages} packages, ${mb(inkSize.bytes)} MB`);
      rmSync(b.dir, { recursive: true, force: true });
    }
    log(`  install run ${i + 1}: tarball ${ours[i].toFixed(0)} ms, ink ${ink[i].toFixed(0)} ms`);
  }
  const size = measureNodeModules(keep);
  const ratio = median(ours) / median(ink);
  const rows = [
    {
      figure: 'Installed size, node_modules with dependencies (MB)',
      target: '<= 6',
      median: size.bytes / 1024 / 1024,
      spread: `${size.packages} packages; tarball ${mb(p.size)} MB, package alone ${mb(p.unpackedSize)} MB unpacked`,
      extra: '',
      ok: size.bytes <= 6 * 1024 * 1024,
    },
    {
      figure: `Install time, tarball into an empty folder (ms, ${runs} runs)`,
      target: 'vs ink alone',
      median: median(ours),
      spread: `range ${Math.min(...ours).toFixed(0)}–${Math.max(...ours).toFixed(0)}; ink median ${median(ink).toFixed(0)} ms`,
      extra: `${ratio.toFixed(2)}x ink`,
      ok: null,
    },
  ];
  return { rows, installDir: keep, tarball: p.tarball };
}

export function scratch() {
  return mkdtempSync(join(tmpdir(), 'kpt-bench-'));
}

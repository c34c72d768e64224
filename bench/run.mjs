/**
 * `npm run bench`: every figure of SPEC 7 measured side by side in one run, printed as one
 * table (figure, target, median, spread, ratio or p99, met). It informs: the exit code is 0
 * whatever the numbers (tests stay untimed).
 *
 *   node bench/run.mjs [--only engine,keys,scale,install,startup,memory] [--keep]
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH, ROOT, bundleEntry } from './lib/bundle.mjs';

const SECTIONS = ['engine', 'keys', 'scale', 'install', 'startup', 'memory'];
const args = process.argv.slice(2);
const onlyArg = args.find((a) => a.startsWith('--only'));
const only = onlyArg ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : args[args.indexOf(onlyArg) + 1]).split(',') : SECTIONS;
const keep = args.includes('--keep');
const log = (s) => process.stderr.write(`${s}\n`);

const rows = [];
const failed = (section, e) => {
  log(`  ${section}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  rows.push({ figure: `${section}: not measured`, target: '', median: null, spread: String(e instanceof Error ? e.message : e).split('\n')[0].slice(0, 120), extra: '', ok: false });
};

const started = performance.now();
const load0 = loadavg()[0];

/** Runs bench/section.mjs <name> in a child process; its stderr is the progress log, its stdout the rows. */
function runSection(name) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(BENCH, 'section.mjs'), name], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      try {
        if (code !== 0) throw new Error(`bench/section.mjs ${name} exited with ${code}`);
        resolve(JSON.parse(out));
      } catch (e) {
        reject(e);
      }
    });
  });
}

if (only.includes('engine') || only.includes('keys')) {
  log('bundling bench/entry.tsx …');
  let bundled = false;
  try {
    await bundleEntry();
    bundled = true;
  } catch (e) {
    failed('engine and keys', e);
  }
  // Each in its own process: iam-simulate's data and Ink's heap settings stay out of the other's figures.
  for (const [name, title] of [
    ['engine', 'engine …'],
    ['keys', 'keystroke to frame …'],
  ]) {
    if (!bundled || !only.includes(name)) continue;
    log(title);
    try {
      rows.push(...(await runSection(name)));
    } catch (e) {
      failed(name, e);
    }
  }
}

if (only.includes('scale')) {
  log('open of a 2,000-statement policy: first frame and Ctrl+C …');
  try {
    const { scaleBench } = await import('./scale.mjs');
    rows.push(...(await scaleBench(log)));
  } catch (e) {
    failed('scale', e);
  }
}

if (only.includes('install') || only.includes('startup') || only.includes('memory')) {
  const { installBench, install, pack, scratch } = await import('./package.mjs');
  const work = scratch();
  let installDir = null;
  try {
    if (only.includes('install')) {
      log('npm pack, npm install (tarball and ink, alternately) …');
      const r = installBench(work, log);
      rows.push(...r.rows);
      installDir = r.installDir;
    } else {
      log('npm pack, npm install …');
      installDir = install(work, 'pkg', pack(work).tarball).dir;
    }
  } catch (e) {
    failed('install', e);
  }
  const { installedCli } = await import('./startup.mjs');
  // Without a registry the tarball cannot be installed: measure the local build instead, and say so.
  const target = installDir
    ? { cwd: installDir, cli: installedCli(installDir), label: 'installed package' }
    : { cwd: work, cli: join(ROOT, 'dist', 'cli.js'), label: 'local dist/ (the install failed)' };
  if (only.includes('startup')) {
    log('start-up in a pseudo-terminal …');
    try {
      const { startupBench } = await import('./startup.mjs');
      rows.push(...(await startupBench(target, log)));
    } catch (e) {
      failed('startup', e);
    }
  }
  if (only.includes('memory')) {
    log('peak memory of an interactive session …');
    try {
      const { memoryBench } = await import('./memory.mjs');
      const { importedPolicy } = await import('./keys.mjs');
      rows.push(...(await memoryBench(target, importedPolicy(), log)));
    } catch (e) {
      failed('memory', e);
    }
  }
  if (keep) log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

// ---- the table -------------------------------------------------------------------------
const fmt = (x) => (x === null || x === undefined || Number.isNaN(x) ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const met = (ok) => (ok === null || ok === undefined ? '' : ok ? 'yes' : '**no**');
const cpu = cpus()[0]?.model ?? 'unknown CPU';
let npmVersion = '?';
try {
  npmVersion = execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim();
} catch {}
const lines = [
  `Machine: ${cpus().length} cores (nproc), ${cpu}; Node ${process.version}; npm ${npmVersion}; ${process.platform}. Load average at start ${load0.toFixed(2)}, at end ${loadavg()[0].toFixed(2)}; bench took ${((performance.now() - started) / 1000).toFixed(0)} s.`,
  '',
  '| Figure | Target | Median | Spread (IQR: p25–p75) | Ratio / p99 | Met |',
  '|---|---|---:|---|---|---|',
  ...rows.map((r) => `| ${r.figure} | ${r.target} | ${fmt(r.median)} | ${r.spread} | ${r.extra} | ${met(r.ok)} |`),
];
process.stdout.write(`${lines.join('\n')}\n`);
process.exit(0);

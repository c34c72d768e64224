/**
 * Start-up (SPEC 7): time from process start to the first full frame of the template
 * browser, for the bin of the package installed from its tarball, against a minimal Ink
 * app (bench/hello/hello.mjs: the project's ink and react, unbundled), in a
 * pseudo-terminal, alternately in one run. The browser's frame is complete when its footer
 * (the key hints, written last) is on screen.
 */
import { join } from 'node:path';
import { BENCH } from './lib/bundle.mjs';
import { timeToMarker } from './lib/pty.mjs';
import { median, spread } from './lib/stats.mjs';

export const BROWSER_MARKER = 'q quit';

export function installedCli(installDir) {
  return join(installDir, 'node_modules', 'kms-policy-tui', 'dist', 'cli.js');
}

/** `target`: { cwd, cli, label } — the installed package, or the local dist/ when the install failed. */
export async function startupBench(target, log, runs = 15) {
  const { cwd: installDir, cli } = target;
  const hello = join(BENCH, 'hello', 'hello.mjs');
  const ours = [];
  const ref = [];
  // One discarded run each: the first start reads the files from disk.
  await timeToMarker(process.execPath, [hello], { marker: 'hello', cwd: installDir });
  await timeToMarker(process.execPath, [cli], { marker: BROWSER_MARKER, cwd: installDir });
  for (let i = 0; i < runs; i++) {
    ref.push(await timeToMarker(process.execPath, [hello], { marker: 'hello', cwd: installDir }));
    ours.push(await timeToMarker(process.execPath, [cli], { marker: BROWSER_MARKER, cwd: installDir }));
  }
  const ratio = median(ours) / median(ref);
  const [o1, o3] = spread(ours);
  const [h1, h3] = spread(ref);
  log(`  start-up: ours ${ours.map((x) => x.toFixed(0)).join(' ')}`);
  log(`  start-up: hello ${ref.map((x) => x.toFixed(0)).join(' ')}`);
  return [
    {
      figure: `Start-up to the browser's first full frame, ${target.label} (ms, ${runs} runs)`,
      target: '<= 0.4x hello',
      median: median(ours),
      spread: `IQR ${o1.toFixed(0)}–${o3.toFixed(0)}`,
      extra: `${ratio.toFixed(2)}x`,
      ok: ratio <= 0.4,
    },
    {
      figure: `  minimal Ink "hello" app, unbundled (ms, ${runs} runs, alternating)`,
      target: '',
      median: median(ref),
      spread: `IQR ${h1.toFixed(0)}–${h3.toFixed(0)}`,
      extra: '',
      ok: null,
    },
  ];
}

/**
 * SPEC 7, cost grows linearly (and `lint DIR` over 1,000 sources, bench/lint-dir.mjs): `open` of a 2,000-statement policy shows its first frame in
 * <= 1 s, and Ctrl+C is honoured within 200 ms at any time (issue 13). Measured on the
 * built CLI (dist/cli.js) in a pseudo-terminal, key and identity policies side by side.
 * Ctrl+C is sent at fixed moments after the start (while the policy is read, derived and
 * drawn) and once the first frame is up; the figure is the time to the process's exit.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './lib/bundle.mjs';
import { generateKeyPolicy } from './lib/policies.mjs';
import { session, timeToMarker } from './lib/pty.mjs';
import { median, max, spread } from './lib/stats.mjs';
import { lintDirBench } from './lint-dir.mjs';

const CLI = join(ROOT, 'dist', 'cli.js');
const FIRST_FRAME = 'Statements (';

/** The generated key policy as an identity policy: no principals, the statements on key ARNs. */
function identityOf(policy) {
  return {
    Version: '2012-10-17',
    Statement: policy.Statement.map(({ Principal, ...s }, i) => ({ ...s, Resource: `arn:aws:kms:us-west-2:111122223333:key/${String(i).padStart(8, '0')}-12ab-34cd-56ef-1234567890ab` })),
  };
}

async function ctrlCLatency(file, delayMs) {
  const s = session(process.execPath, [CLI, 'open', file], { cwd: ROOT });
  try {
    if (delayMs === 'frame') await s.waitFor(FIRST_FRAME, { since: 0, timeoutMs: 120_000 });
    else await new Promise((r) => setTimeout(r, delayMs));
    const t0 = performance.now();
    s.write('\u0003');
    await Promise.race([s.exited(), new Promise((r) => setTimeout(r, 120_000))]);
    return performance.now() - t0;
  } finally {
    s.kill();
  }
}

export async function scaleBench(log, runs = 3) {
  const work = mkdtempSync(join(tmpdir(), 'kpt-bench-scale-'));
  const rows = [];
  try {
    const key = generateKeyPolicy({ statements: 2000, principals: 200, seed: 2000 });
    const files = { key: join(work, 'key-2000.json'), identity: join(work, 'identity-2000.json') };
    writeFileSync(files.key, JSON.stringify(key, null, 2));
    writeFileSync(files.identity, JSON.stringify(identityOf(key), null, 2));
    for (const kind of ['key', 'identity']) {
      log(`  open, 2,000-statement ${kind} policy: first frame …`);
      const frames = [];
      for (let i = 0; i < runs; i++) frames.push(await timeToMarker(process.execPath, [CLI, 'open', files[kind]], { marker: FIRST_FRAME, cwd: ROOT, timeoutMs: 120_000 }));
      const [a, b] = spread(frames);
      rows.push({ figure: `open, 2,000-statement ${kind} policy: first frame (ms)`, target: '<= 1000', median: median(frames), spread: `${a.toFixed(0)}–${b.toFixed(0)}`, extra: `max ${max(frames).toFixed(0)}`, ok: median(frames) <= 1000 });
      log(`  open, 2,000-statement ${kind} policy: Ctrl+C …`);
      const latencies = [];
      for (const delay of [100, 300, 600, 1000, 2000, 'frame']) latencies.push(await ctrlCLatency(files[kind], delay));
      const [c, d] = spread(latencies);
      rows.push({ figure: `open, 2,000-statement ${kind} policy: Ctrl+C to exit, at 0.1-2 s and after the first frame (ms)`, target: '<= 200 (max)', median: median(latencies), spread: `${c.toFixed(0)}–${d.toFixed(0)}`, extra: `max ${max(latencies).toFixed(0)}`, ok: max(latencies) <= 200 });
    }
    // SPEC 7: lint DIR over 1,000 generated sources (bench/lint-dir.mjs).
    rows.push(...(await lintDirBench(log)));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}

/**
 * Peak memory (SPEC 7): an interactive session of the installed package in a
 * pseudo-terminal, `open` on the 200-statement policy, every tab visited (and the matrix
 * in single actions too); the peak resident set (VmHWM of /proc/<pid>/status) is read
 * before quitting.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { session } from './lib/pty.mjs';
import { median } from './lib/stats.mjs';

function peakKb(pid) {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(m[1]);
}

export async function memoryBench(target, policy, log, runs = 3) {
  const { cwd: installDir, cli } = target;
  if (!existsSync('/proc/self/status')) throw new Error('peak RSS is read from /proc/<pid>/status (VmHWM): Linux only');
  const file = join(installDir, 'bench-200.json');
  writeFileSync(file, `${JSON.stringify(policy, null, 2)}\n`);
  const peaks = [];
  for (let i = 0; i < runs; i++) {
    const s = session(process.execPath, [cli, 'open', file], { cwd: installDir, columns: 120, rows: 40 });
    try {
      await s.waitFor('tabs', { since: 0 });
      await s.quiet(200);
      // Policy, Matrix (groups, then single actions), Findings, Export, back to Policy.
      for (const key of ['j', '2', 'j', 'l', 'g', 'j', '3', 'j', '4', '5', 'j', '6', '1']) {
        s.write(key);
        await s.quiet(150, 50);
      }
      peaks.push(peakKb(s.pid) / 1024);
      s.write('q');
      const code = await Promise.race([s.exited(), new Promise((r) => setTimeout(() => r('timeout'), 3000))]);
      if (code === 'timeout') s.kill();
    } catch (e) {
      s.kill();
      throw e;
    }
  }
  log(`  peak RSS per run (MB): ${peaks.map((x) => x.toFixed(1)).join(' ')}`);
  const med = median(peaks);
  return [
    {
      figure: `Peak RSS, session on the 200-statement policy, every tab (MB, ${runs} runs)`,
      target: '<= 120',
      median: med,
      spread: `range ${Math.min(...peaks).toFixed(1)}–${Math.max(...peaks).toFixed(1)}`,
      extra: '',
      ok: med <= 120,
    },
  ];
}

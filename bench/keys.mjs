/**
 * Keystroke to frame, in process (SPEC 7): the real App rendered by Ink's render() (default
 * frame throttle, as run.tsx does) into a fake terminal. A key is written to the fake stdin;
 * the time runs until the last frame that key causes is written to the fake stdout. Between
 * keys the app is left idle past Ink's 33 ms frame throttle, as between a person's key presses.
 */
import { EventEmitter } from 'node:events';
import { FakeStdin } from './lib/fake-tty.mjs';
import { generateKeyPolicy } from './lib/policies.mjs';
import { median, p99, spread } from './lib/stats.mjs';

const KEY = { down: '\u001b[B', up: '\u001b[A', right: '\u001b[C', left: '\u001b[D', enter: '\r', tab: '\t', backspace: '\u007f' };
const COLUMNS = 120;
const ROWS = 40;
/** A frame write (the synchronized-update markers alone are shorter). */
const FRAME_MIN_LENGTH = 16;
/** Quiet time after a frame before the key is considered answered (> Ink's 33 ms throttle). */
const SETTLE_MS = 45;

class FakeStdout extends EventEmitter {
  columns = COLUMNS;
  rows = ROWS;
  isTTY = true;
  writes = [];
  /** Process CPU time (ms) at each frame write. */
  cpu = [];
  write(s) {
    if (String(s).length >= FRAME_MIN_LENGTH) {
      this.writes.push(performance.now());
      this.cpu.push(cpuMs());
    }
    return true;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function settle(stdout, since, timeoutMs = 2000) {
  const start = performance.now();
  for (;;) {
    await sleep(5);
    const w = stdout.writes;
    const last = w.length > since ? w[w.length - 1] : null;
    if (last !== null && performance.now() - last >= SETTLE_MS) return last;
    if (last === null && performance.now() - start > timeoutMs) return null;
  }
}

/**
 * Opens the app, then for each key of `keys` measures write → last frame (wall time), and the
 * process CPU time spent in between (what the app itself cost, whatever else the machine runs).
 */
async function session(mod, source, prepare, keys) {
  const stdout = new FakeStdout();
  const stdin = new FakeStdin();
  const app = mod.renderApp({ stdout, stdin }, source);
  await settle(stdout, 0);
  for (const k of prepare) {
    const n = stdout.writes.length;
    stdin.send(k);
    await settle(stdout, n);
  }
  const ms = [];
  const cpu = [];
  let missed = 0;
  for (const k of keys) {
    const n = stdout.writes.length;
    const c0 = cpuMs();
    const t0 = performance.now();
    stdin.send(k);
    const last = await settle(stdout, n);
    if (last === null) missed++;
    else {
      ms.push(last - t0);
      cpu.push(stdout.cpu[stdout.cpu.length - 1] - c0);
    }
  }
  app.unmount();
  app.cleanup?.();
  return { ms, cpu, missed };
}

/** Down `n` times then up `n` times, `rounds` times: every key moves the cursor. */
const sweep = (down, up, n, rounds) => Array.from({ length: rounds }, () => [...Array(n).fill(down), ...Array(n).fill(up)]).flat();

/** `n` keys that type a context value and erase it again, as a person trying values does. */
function askTyping(n) {
  const value = Array.from('arn:aws:cloudtrail:us-west-2:111122223333:trail/');
  const keys = [];
  while (keys.length < n) keys.push(...value, ...value.map(() => KEY.backspace));
  return keys.slice(0, n);
}

/** The largest template by statement count (then by size), its first scalar parameter. */
function largestTemplate(mod) {
  const size = (t) => [t.policy?.Statement?.length ?? 0, JSON.stringify(t.policy).length];
  return [...mod.allTemplates()].sort((a, b) => {
    const [sa, ja] = size(a);
    const [sb, jb] = size(b);
    return sb - sa || jb - ja;
  })[0];
}

export function importedPolicy() {
  return generateKeyPolicy({ statements: 200, principals: 40, seed: 200 });
}

export async function keysBench(mod, log) {
  // As the interactive CLI does once its modules are loaded (source/cli.tsx).
  mod.keepYoungGenerationSmall();
  const rows = [];
  const template = largestTemplate(mod);
  const statements = template.policy.Statement.length;
  const policy = importedPolicy();
  const file = { kind: 'file', name: 'bench-200.json', text: `${JSON.stringify(policy, null, 2)}\n` };
  const tpl = { kind: 'template', templateId: template.id };
  log(`  largest template: ${template.id} (${statements} statements); imported policy: 200 statements`);

  const N = 100; // keys per figure and policy (p99 is then the second-slowest)
  const cases = [
    { figure: 'browser list', source: undefined, prepare: [], keys: sweep('j', 'k', 10, N / 20) },
    // The template opens on its parameters; Tab goes to the statements list.
    { figure: 'statement list', source: tpl, prepare: [KEY.tab], keys: sweep('j', 'k', statements - 1, Math.ceil(N / (2 * (statements - 1)))).slice(0, N) },
    { figure: 'statement list', source: file, prepare: [], keys: sweep('j', 'k', 25, N / 50) },
    // Enter edits the first parameter (the account id); backspace makes it invalid (not applied),
    // a digit makes it a new valid id: that key re-renders the policy and re-evaluates matrix and findings.
    { figure: 'edit parameter (re-evaluate)', source: tpl, prepare: [KEY.enter], keys: Array.from({ length: N }, (_, i) => [KEY.backspace, String(i % 10)]).flat(), every: 2 },
    { figure: 'switch tabs', source: tpl, prepare: [], keys: Array.from({ length: N }, (_, i) => String((i % 4) + 1)).slice(1).concat('1') },
    { figure: 'switch tabs', source: file, prepare: [], keys: Array.from({ length: N }, (_, i) => String((i % 4) + 1)).slice(1).concat('1') },
    { figure: 'move in matrix', source: tpl, prepare: ['2'], keys: Array.from({ length: N / 4 }, () => ['j', 'l', 'k', 'h']).flat() },
    { figure: 'move in matrix', source: file, prepare: ['2'], keys: Array.from({ length: N / 4 }, () => ['j', 'l', 'k', 'h']).flat() },
    // Ask (5): Down to the first condition key the policy uses (after principal, action, IAM policy), Enter, then type a
    // value and erase it; every key changes the request, so every key re-evaluates it with authorize and its trace.
    { figure: 'typing a context value in Ask', source: tpl, prepare: ['5', KEY.down, KEY.down, KEY.down, KEY.enter], keys: askTyping(N) },
    { figure: 'typing a context value in Ask', source: file, prepare: ['5', KEY.down, KEY.down, KEY.down, KEY.enter], keys: askTyping(N) },
  ];
  // KPT_BENCH_KEYS=<words> measures only the figures that contain them (one row, without the whole section).
  const only = process.env.KPT_BENCH_KEYS;
  for (const c of only ? cases.filter((x) => x.figure.includes(only)) : cases) {
    const { ms, cpu, missed } = await session(mod, c.source, c.prepare, c.keys);
    // For the edit, only the keys that apply a valid value (every second one) re-evaluate.
    const pick = (xs) => (c.every ? xs.filter((_, i) => i % c.every === c.every - 1) : xs);
    const timed = pick(ms);
    const cpuTimed = pick(cpu);
    const on = c.source === undefined ? 'browser' : c.source.kind === 'file' ? '200-statement policy' : `template ${template.id}`;
    const med = median(timed);
    const tail = p99(timed);
    const [q1, q3] = spread(timed);
    rows.push({
      figure: `Key → frame: ${c.figure}, ${on} (ms)`,
      target: 'median <= 8, p99 <= 16',
      median: med,
      spread: `IQR ${q1.toFixed(1)}–${q3.toFixed(1)}`,
      extra: `p99 ${tail.toFixed(1)}; CPU median ${median(cpuTimed).toFixed(1)}, p99 ${p99(cpuTimed).toFixed(1)}${missed ? `; ${missed} keys without a frame` : ''}`,
      ok: med <= 8 && tail <= 16 && missed === 0,
    });
  }
  if (!only) rows.push({
    figure: 'Key → frame: edit parameter, 200-statement policy',
    target: '',
    median: null,
    spread: 'n/a: an imported file has no parameters',
    extra: '',
    ok: null,
  });
  return rows;
}

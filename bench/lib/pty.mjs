import pty from '@lydell/node-pty';

// CSI and OSC sequences, so that markers match the text a person sees ("q quit", not "q\x1b[22m quit").
const ESCAPES = /\u001b\[[0-9;?<>=]*[ -\/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[()][0-9A-Za-z]|\u001b[=>78]/g;

/** Output with escape sequences removed. */
export function plain(s) {
  return s.replace(ESCAPES, '');
}

/** Cleaned environment for a program in a pseudo-terminal: no CI switch, no clipboard display. */
export function ptyEnv(extra = {}) {
  const env = { ...process.env, TERM: 'xterm-256color', ...extra };
  for (const k of ['DISPLAY', 'WAYLAND_DISPLAY', 'CI', 'CONTINUOUS_INTEGRATION', 'TMUX', 'FORCE_COLOR', 'NO_COLOR']) if (!(k in extra)) delete env[k];
  return Object.fromEntries(Object.entries(env).filter((e) => e[1] !== undefined));
}

/**
 * Spawns `file args` in a pseudo-terminal and resolves with the milliseconds from
 * spawn to the first output containing `marker`; the process is then killed.
 */
export function timeToMarker(file, args, { marker, cwd, columns = 100, rows = 30, timeoutMs = 15_000, env = ptyEnv() }) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = pty.spawn(file, args, { name: 'xterm-256color', cols: columns, rows, cwd, env });
    let out = '';
    let done = false;
    const timer = setTimeout(() => finish(new Error(`no "${marker}" after ${timeoutMs} ms; output: ${JSON.stringify(out.slice(-300))}`)), timeoutMs);
    function finish(err, ms) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try {
        p.kill('SIGKILL');
      } catch {}
      // Wait for the exit so runs never overlap.
      const settle = () => (err ? reject(err) : resolve(ms));
      p.onExit(settle);
      setTimeout(settle, 2000).unref();
    }
    p.onData((d) => {
      if (done) return;
      out += d;
      if (plain(out).includes(marker)) finish(null, performance.now() - t0);
    });
    p.onExit(({ exitCode }) => finish(new Error(`exited (${exitCode}) before "${marker}": ${JSON.stringify(out.slice(-300))}`)));
  });
}

/** Starts a session the caller drives: write keys, wait for text, read the pid. */
export function session(file, args, { cwd, columns = 100, rows = 30, env = ptyEnv() }) {
  const p = pty.spawn(file, args, { name: 'xterm-256color', cols: columns, rows, cwd, env });
  let out = '';
  const waiters = [];
  let exited = null;
  let lastData = performance.now();
  p.onData((d) => {
    out += d;
    lastData = performance.now();
    for (const w of [...waiters]) w();
  });
  p.onExit(({ exitCode }) => {
    exited = exitCode;
    for (const w of [...waiters]) w();
  });
  return {
    pid: p.pid,
    write: (s) => p.write(s),
    /** Resolves once `marker` appears in output written after the call (or `since`). */
    waitFor(marker, { since = out.length, timeoutMs = 15_000 } = {}) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (plain(out.slice(since)).includes(marker)) {
            cleanup();
            resolve(out.length);
          } else if (exited !== null) {
            cleanup();
            reject(new Error(`exited (${exited}) while waiting for "${marker}"`));
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no "${marker}" after ${timeoutMs} ms; output: ${JSON.stringify(out.slice(-300))}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          const i = waiters.indexOf(check);
          if (i >= 0) waiters.splice(i, 1);
        };
        waiters.push(check);
        check();
      });
    },
    /** Resolves once the program has written nothing for `ms` (after at least `atLeast` ms). */
    async quiet(ms = 200, atLeast = 0) {
      const start = performance.now();
      while (performance.now() - lastData < ms || performance.now() - start < atLeast) await new Promise((r) => setTimeout(r, 20));
    },
    get length() {
      return out.length;
    },
    exited: () => new Promise((resolve) => (exited !== null ? resolve(exited) : p.onExit(({ exitCode }) => resolve(exitCode)))),
    kill: () => {
      try {
        p.kill('SIGKILL');
      } catch {}
    },
  };
}

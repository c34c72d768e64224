import { unlinkSync } from 'node:fs';

/**
 * Temporary files that must not outlive the process, whatever ends it: a normal
 * exit, an exception, or SIGTERM / SIGINT / SIGHUP in the middle of a write
 * (which would otherwise leave `.<name>.<pid>.<hex>.tmp` beside the user's file).
 */
const live = new Set<string>();
const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

function removeAll(): void {
  for (const path of live) {
    try {
      unlinkSync(path);
    } catch {
      // Already renamed into place, or never created.
    }
  }
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeAll();
  detach();
  // Another handler (the UI restores the terminal, then exits) decides what happens next; alone, die of the signal as before.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function attach(): void {
  process.on('exit', removeAll);
  for (const s of SIGNALS) process.on(s, onSignal);
}

function detach(): void {
  process.off('exit', removeAll);
  for (const s of SIGNALS) process.off(s, onSignal);
}

/** Registers a temporary file for removal at exit; the returned function forgets it (once renamed or removed). */
export function removeOnExit(path: string): () => void {
  if (live.size === 0) attach();
  live.add(path);
  return () => {
    if (!live.delete(path)) return;
    if (live.size === 0) detach();
  };
}

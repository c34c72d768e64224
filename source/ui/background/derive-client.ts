import { Worker } from 'node:worker_threads';
import type { PolicyKind } from '../../core/policy/model.js';
import type { Grant } from '../../core/grants/model.js';
import type { SlowParts } from '../state/derive.js';
import type { DeriveReply, DeriveRequest } from './protocol.js';
import { DERIVE_WORKER } from './role.js';

/**
 * Runs `slowParts` in a worker thread started from `entry` (dist/cli.js, which serves
 * derivations when started as a worker). The worker starts on first use and never keeps
 * the program alive: quitting does not wait for it.
 */
export function backgroundDeriver(entry: URL): (text: string, kind: PolicyKind, grants: readonly Grant[]) => Promise<SlowParts> {
  let worker: Worker | null = null;
  let next = 0;
  const waiting = new Map<number, { resolve: (parts: SlowParts) => void; reject: (e: Error) => void }>();
  const failAll = (e: Error) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
    worker = null;
  };
  const start = (): Worker => {
    const w = new Worker(entry, { workerData: DERIVE_WORKER });
    w.on('message', (reply: DeriveReply) => {
      const entryOf = waiting.get(reply.id);
      if (!entryOf) return;
      waiting.delete(reply.id);
      if ('parts' in reply) entryOf.resolve(reply.parts);
      else entryOf.reject(new Error(reply.error));
    });
    w.on('error', failAll);
    w.on('exit', (code) => failAll(new Error(`the background worker stopped (exit code ${code})`)));
    // After the listeners (attaching one refs the worker again).
    w.unref();
    return w;
  };
  return (text, kind, grants) =>
    new Promise<SlowParts>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      try {
        worker ??= start();
        worker.postMessage({ id, text, kind, grants } satisfies DeriveRequest);
      } catch (e) {
        waiting.delete(id);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
}

import { Worker } from 'node:worker_threads';
import type { PolicyKind } from '../../core/policy/model.js';
import type { Grant } from '../../core/grants/model.js';
import type { PolicyDiff } from '../../core/diff/types.js';
import type { SlowParts } from '../state/derive.js';
import type { DeriveReply, DeriveRequest, DiffReply, DiffRequest } from './protocol.js';
import { DERIVE_WORKER } from './role.js';

/** What the background worker does for the UI thread. */
export interface BackgroundWork {
  /** `slowParts` of a large policy (findings and matrix). */
  readonly derive: (text: string, kind: PolicyKind, grants: readonly Grant[]) => Promise<SlowParts>;
  /** The diff of two large policy documents (the Changes tab). */
  readonly diff: (before: string, after: string, kind: PolicyKind) => Promise<PolicyDiff>;
}

/**
 * Runs `slowParts` and diffs in a worker thread started from `entry` (dist/cli.js, which serves
 * them when started as a worker). The worker starts on first use and never keeps
 * the program alive: quitting does not wait for it.
 */
export function backgroundWorker(entry: URL): BackgroundWork {
  let worker: Worker | null = null;
  let next = 0;
  const waiting = new Map<number, { resolve: (reply: DeriveReply | DiffReply) => void; reject: (e: Error) => void }>();
  const failAll = (e: Error) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
    worker = null;
  };
  const start = (): Worker => {
    const w = new Worker(entry, { workerData: DERIVE_WORKER });
    w.on('message', (reply: DeriveReply | DiffReply) => {
      const entryOf = waiting.get(reply.id);
      if (!entryOf) return;
      waiting.delete(reply.id);
      if ('error' in reply) entryOf.reject(new Error(reply.error));
      else entryOf.resolve(reply);
      // Nothing more to do: its heap goes back (a later request starts another worker).
      if (waiting.size === 0 && worker === w) {
        worker = null;
        void w.terminate();
      }
    });
    // Only the current worker's end fails what waits (a finished one was ended on purpose).
    w.on('error', (e) => worker === w && failAll(e));
    w.on('exit', (code) => worker === w && failAll(new Error(`the background worker stopped (exit code ${code})`)));
    // After the listeners (attaching one refs the worker again).
    w.unref();
    return w;
  };
  const call = (message: (id: number) => DeriveRequest | DiffRequest) =>
    new Promise<DeriveReply | DiffReply>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      try {
        worker ??= start();
        worker.postMessage(message(id));
      } catch (e) {
        waiting.delete(id);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  return {
    derive: async (text, kind, grants) => {
      const reply = await call((id) => ({ id, text, kind, grants }));
      if (!('parts' in reply)) throw new Error('the background worker answered something else');
      return reply.parts;
    },
    diff: async (before, after, kind) => {
      const reply = await call((id) => ({ id, diff: { before, after, kind } }));
      if (!('diff' in reply)) throw new Error('the background worker answered something else');
      return reply.diff;
    },
  };
}

/** `slowParts` in the background worker (see backgroundWorker). */
export function backgroundDeriver(entry: URL): BackgroundWork['derive'] {
  return backgroundWorker(entry).derive;
}

import { parentPort } from 'node:worker_threads';
import { parsePolicy } from '../../core/policy/index.js';
import { slowParts } from '../state/derive.js';
import { diffPolicies } from '../../core/diff/index.js';
import type { DeriveReply, DiffReply, DiffRequest, WorkerRequest } from './protocol.js';

/** Both versions are readable documents (the UI thread checked): a null document here is a bug, reported as an error. */
function diffOf(request: DiffRequest): DiffReply {
  const before = parsePolicy(request.diff.before).document;
  const after = parsePolicy(request.diff.after).document;
  if (!before || !after) return { id: request.id, error: 'a policy to compare is not readable' };
  return { id: request.id, diff: diffPolicies(before, after, request.diff.kind) };
}

/**
 * The background worker: lints and builds the matrix of large policies, so the UI thread
 * keeps answering keys (Ctrl+C within 200 ms, SPEC 7) while it works.
 */
export function serveDerivations(): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', (request: WorkerRequest) => {
    let reply: DeriveReply | DiffReply;
    try {
      reply = 'diff' in request ? diffOf(request) : { id: request.id, parts: slowParts(request.text, request.kind, parsePolicy(request.text).document, request.grants) };
    } catch (e) {
      reply = { id: request.id, error: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(reply);
  });
}

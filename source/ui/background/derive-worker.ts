import { parentPort } from 'node:worker_threads';
import { parsePolicy } from '../../core/policy/index.js';
import { slowParts } from '../state/derive.js';
import type { DeriveReply, DeriveRequest } from './protocol.js';

/**
 * The background worker: lints and builds the matrix of large policies, so the UI thread
 * keeps answering keys (Ctrl+C within 200 ms, SPEC 7) while it works.
 */
export function serveDerivations(): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', (request: DeriveRequest) => {
    let reply: DeriveReply;
    try {
      reply = { id: request.id, parts: slowParts(request.text, request.kind, parsePolicy(request.text).document, request.grants) };
    } catch (e) {
      reply = { id: request.id, error: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(reply);
  });
}

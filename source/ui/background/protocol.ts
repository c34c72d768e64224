import type { PolicyKind } from '../../core/policy/model.js';
import type { Grant } from '../../core/grants/model.js';
import type { SlowParts } from '../state/derive.js';
import type { PolicyDiff } from '../../core/diff/types.js';

/** UI thread → worker: derive the slow parts of this policy text. */
export interface DeriveRequest {
  readonly id: number;
  readonly text: string;
  readonly kind: PolicyKind;
  /** The key's grants (open --grants): plain data, copied to the worker. */
  readonly grants: readonly Grant[];
}

/** Worker → UI thread: the parts, or why they could not be made. */
export type DeriveReply = { readonly id: number; readonly parts: SlowParts } | { readonly id: number; readonly error: string };

/** UI thread → worker: the diff of two large policy documents (the Changes tab of `open NEW --against OLD`). */
export interface DiffRequest {
  readonly id: number;
  readonly diff: { readonly before: string; readonly after: string; readonly kind: PolicyKind };
}

export type WorkerRequest = DeriveRequest | DiffRequest;

/** Worker → UI thread: the diff, or why it could not be made. */
export type DiffReply = { readonly id: number; readonly diff: PolicyDiff } | { readonly id: number; readonly error: string };

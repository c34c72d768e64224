import type { PolicyKind } from '../../core/policy/model.js';
import type { Grant } from '../../core/grants/model.js';
import type { SlowParts } from '../state/derive.js';

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

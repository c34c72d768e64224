/**
 * Three-valued combination of the statements that apply to one matrix cell.
 * A statement with conditions may or may not apply, depending on the request
 * context; one without conditions always applies. Explicit deny wins (IAM
 * policy evaluation logic), so an unconditional Deny decides the cell.
 */
import type { Via } from '../evaluate/types.js';
import type { MatrixCell } from './types.js';

/** One statement that applies to a cell, unless its conditions fail. */
export interface CellEntry {
  readonly index: number;
  readonly effect: 'Allow' | 'Deny';
  readonly conditional: boolean;
  /** For key policies: how the statement covers the principal. */
  readonly via: Via | null;
  readonly conditionKeys: readonly string[];
}

export const NONE_CELL: MatrixCell = Object.freeze({ decision: 'none', via: null, statements: [], conditionKeys: [], iamDecides: false });

export function combineCell(entries: readonly CellEntry[]): MatrixCell {
  if (entries.length === 0) return NONE_CELL;
  const hardDeny = entries.filter((e) => e.effect === 'Deny' && !e.conditional);
  if (hardDeny.length > 0) return { decision: 'deny', via: null, statements: hardDeny.map((e) => e.index), conditionKeys: [], iamDecides: false };
  const softDeny = entries.filter((e) => e.effect === 'Deny');
  const hardAllow = entries.filter((e) => e.effect === 'Allow' && !e.conditional);
  if (hardAllow.length > 0 && softDeny.length === 0) {
    const via = hardAllow.some((e) => e.via === 'direct') ? 'direct' : (hardAllow[0]!.via ?? null);
    return { decision: 'allow', via, statements: hardAllow.map((e) => e.index), conditionKeys: [], iamDecides: via === 'iam' };
  }
  // Either a conditional Deny (deny or not) or only conditional Allows: the context decides.
  const deciding = hardAllow.length > 0 ? [...hardAllow, ...softDeny] : entries;
  const keys = new Set<string>();
  for (const e of deciding) for (const k of e.conditionKeys) keys.add(k);
  const allows = deciding.filter((e) => e.effect === 'Allow');
  const via = allows.length === 0 ? null : allows.some((e) => e.via === 'direct') ? 'direct' : (allows[0]!.via ?? null);
  return {
    decision: 'conditional',
    via,
    statements: deciding.map((e) => e.index).sort((a, b) => a - b),
    conditionKeys: [...keys],
    iamDecides: via === 'iam',
  };
}

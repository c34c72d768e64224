import { diffMatrices, diffPolicies, diffRows, statementNamer, type ChangeKind, type CellChange, type PolicyDiff } from '../../core/diff/index.js';
import type { Matrix } from '../../core/matrix/types.js';
import { ANY_OTHER_PRINCIPAL, OTHER_ACCOUNT_KEYS } from '../../core/matrix/subjects.js';
import { visibleLine } from '../../core/text/visible.js';
import { BACKGROUND_STATEMENTS, type Derived } from './derive.js';

/** One changed cell as the Changes tab draws it; every text from the policies already shown through visibleLine. */
export interface ChangeLine {
  readonly change: ChangeKind;
  readonly action: string;
  /** The statements behind the cell in the baseline and now ("none" when none applies). */
  readonly before: string;
  readonly after: string;
  readonly why: string;
  /** The current policy's statement that causes it, or null (a removed statement or Deny). */
  readonly statement: number | null;
}

/** The changes of one row (a principal; for identity policies a key pattern). */
export interface ChangeGroup {
  /** The row's label, with its principal when the label does not already say it. */
  readonly title: string;
  /** Index of the group's first line in the flat list the cursor moves along. */
  readonly first: number;
  readonly lines: readonly ChangeLine[];
}

/**
 * What the Changes tab shows (SPEC 6, 2.4): the diff of the baseline against the current
 * policy, `same` when they are one policy source (nothing edited), `pending` while a large
 * policy's matrix is still computed, `unreadable` when either side is not a readable policy.
 */
export type Changes =
  | { readonly status: 'same' }
  | { readonly status: 'pending'; readonly statements: number }
  | { readonly status: 'unreadable'; readonly reason: string }
  | { readonly status: 'ready'; readonly summary: { readonly widened: number; readonly narrowed: number; readonly changed: number }; readonly groups: readonly ChangeGroup[]; readonly statements: readonly (number | null)[] };

export const SIGNS: Readonly<Record<ChangeKind, string>> = { widened: '+', narrowed: '-', changed: '~' };

const statementsOf = (c: CellChange['before']) => {
  const s = [...new Set(c.paths.flatMap((p) => p.statements))].sort((a, b) => a - b);
  return s.length === 0 ? 'none' : s.join(', ');
};

/** Whether computing the diff now would keep the UI thread busy (a large policy, issue 13): then it waits for the Changes tab to be shown. */
export function isLarge(d: Derived): boolean {
  return d.statements.length >= BACKGROUND_STATEMENTS;
}

/** The diff of `baseline` (before) against `current` (after), grouped by row in the current matrix's order. Pure. */
export function changesOf(baseline: Derived, current: Derived, same: boolean): Changes {
  if (same) return { status: 'same' };
  if (current.pending) return { status: 'pending', statements: current.pending.statements };
  if (!current.document || current.unreadable) return { status: 'unreadable', reason: current.unreadable ?? 'the policy is not readable JSON' };
  if (!baseline.document || baseline.unreadable) return { status: 'unreadable', reason: `the baseline (${baseline.title}) is not a readable policy` };
  return changesFromDiff(diffOf(baseline, current));
}

/** A diff as the Changes tab lists it: grouped by row, every text through visibleLine. Pure (the background worker's diffs come through it too). */
export function changesFromDiff(diff: PolicyDiff): Changes {
  const bySubject = new Map<string, CellChange[]>();
  for (const c of diff.changes) bySubject.set(c.subject, [...(bySubject.get(c.subject) ?? []), c]);
  const groups: ChangeGroup[] = [];
  const statements: (number | null)[] = [];
  for (const [subject, list] of bySubject) {
    const label = list[0]!.label;
    // Synthetic rows ("Any other principal") and `*` have no principal to show beside their label.
    const bare = label === subject || subject === '*' || subject === ANY_OTHER_PRINCIPAL || subject === OTHER_ACCOUNT_KEYS;
    const lines = list.map((c) => ({ change: c.change, action: c.action, before: statementsOf(c.before), after: statementsOf(c.after), why: visibleLine(c.why), statement: c.cause }));
    groups.push({ title: visibleLine(bare ? label : `${label}  (${subject})`), first: statements.length, lines });
    statements.push(...lines.map((l) => l.statement));
  }
  return { status: 'ready', summary: diff.summary, groups, statements };
}

const rowKey = (m: Matrix | { readonly rows: readonly { readonly subject: string; readonly evaluatedAs: string }[] }) =>
  m.rows
    .map((r) => `${r.subject}\u0000${r.evaluatedAs}`)
    .sort()
    .join('\u0001');

/**
 * The diff of two derived policies. Each keystroke of an edit re-derives the policy, matrix
 * included: when both matrices already stand on the rows and key account the diff would
 * use (an edit that names no new principal), they are compared as they are, which costs a
 * fraction of building both again. Otherwise (a new row, another account, grants) the
 * diff builds them on the shared rows (core/diff).
 */
export function diffOf(baseline: Derived, current: Derived): PolicyDiff {
  const before = baseline.document!;
  const after = current.document!;
  const mb = baseline.matrix;
  const ma = current.matrix;
  if (mb && ma && baseline.kind === current.kind && baseline.grants.length === 0 && current.grants.length === 0) {
    const shared = diffRows(before, after, current.kind);
    const rows = rowKey(shared);
    if (mb.keyAccount === shared.keyAccount && ma.keyAccount === shared.keyAccount && rowKey(mb) === rows && rowKey(ma) === rows) {
      return diffMatrices(mb, ma, statementNamer(before), statementNamer(after));
    }
  }
  return diffPolicies(before, after, current.kind);
}

/** "+3 -1" (and "~2") for the tab title; "" when nothing changed or the diff is not known yet. */
export function changeCounts(c: Changes | null): string {
  if (c?.status !== 'ready') return '';
  const { widened, narrowed, changed } = c.summary;
  return [widened ? `+${widened}` : '', narrowed ? `-${narrowed}` : '', changed ? `~${changed}` : ''].filter(Boolean).join(' ');
}

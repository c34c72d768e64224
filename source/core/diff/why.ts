/**
 * The one-line reason of a change (SPEC 2.4): which statements on each side,
 * and which conditions were dropped, added or loosened. Data in, one sentence
 * out; it quotes the policy (Sids, condition values), so text renderers show it
 * through visibleLine and JSON keeps it exact.
 */
import { describeCondition } from '../matrix/describe.js';
import type { CellPath, PathCondition } from '../matrix/types.js';
import { allowCovers, denyCovers, implies, type Access } from './access.js';

/** Names a statement of one version: "statement 2 (Sid ViaS3)". */
export type StatementName = (index: number) => string;

export interface Side {
  readonly access: Access;
  /** Every path of the cell, Denies that decide nothing included (they say why nothing was allowed). */
  readonly paths: readonly CellPath[];
  readonly name: StatementName;
}

const VIA_WORDS: Readonly<Record<string, string>> = { direct: 'directly', iam: 'if an IAM policy allows too', grant: 'through a grant' };
const how = (p: CellPath) => (p.via ? VIA_WORDS[p.via] ?? '' : '');
const by = (p: CellPath, name: StatementName) => p.statements.map(name).join(', ') || 'a grant';
const sameKey = (a: PathCondition, b: PathCondition) => a.key.toLowerCase() === b.key.toLowerCase();
const ifAll = (cs: readonly PathCondition[]) => (cs.length === 0 ? '' : ` if ${cs.map(describeCondition).join(' and ')}`);

/** The path of the other side that looks most like `p` (most conditions alike), to say what changed between them. */
function closest(p: CellPath, others: readonly CellPath[]): CellPath | undefined {
  let best: CellPath | undefined;
  let bestScore = -1;
  for (const o of others) {
    const score = p.conditions.filter((c) => o.conditions.some((d) => sameKey(c, d))).length * 2 + (o.via === p.via ? 1 : 0);
    if (score > bestScore) {
      best = o;
      bestScore = score;
    }
  }
  return best;
}

/** How `now` differs from `then` (two Allow paths), named from `now`'s statement. */
function pathChange(now: CellPath, nowName: StatementName, then: CellPath, thenName: StatementName): string[] {
  const was = by(then, thenName);
  const now0 = by(now, nowName);
  // Both sides named when they differ (a statement moved or was renamed along with the change).
  const at = was === now0 ? now0 : `${now0} (before: ${was})`;
  const parts: string[] = [];
  for (const c of then.conditions) {
    const same = now.conditions.find((d) => sameKey(c, d));
    if (!same) parts.push(`condition ${c.key} dropped from ${at}: now allowed whatever ${c.key} is`);
    else if (!implies(c, same) || !implies(same, c)) {
      const word = implies(c, same) ? 'loosened' : implies(same, c) ? 'tightened' : 'changed';
      parts.push(`condition ${c.key} ${word} in ${at}: ${describeCondition(c)} -> ${describeCondition(same)}`);
    }
  }
  for (const c of now.conditions) if (!then.conditions.some((d) => sameKey(c, d))) parts.push(`condition ${describeCondition(c)} added to ${at}`);
  if (now.via !== then.via) parts.push(`${now0} now allows it ${how(now)} (before: ${how(then)}, by ${was})`);
  return parts;
}

/** Why a side allows nothing (or less): its Denies, else that no statement allows it. */
/** "statement 3 (Sid Partner) allows it if an IAM policy allows too, if kms:ViaService ..." */
const allowsIt = (a: CellPath, name: StatementName) => [`${by(a, name)} allows it`, how(a), ifAll(a.conditions).trim()].filter((x) => x !== '').join(' ');

function nothing(side: Side, tense: 'was' | 'is'): string {
  const denies = side.paths.filter((p) => p.effect === 'Deny');
  if (denies.length > 0) return `denied by ${denies.map((d) => `${by(d, side.name)}${ifAll(d.conditions)}`).join('; ')}`;
  return tense === 'was' ? 'no statement allowed it' : 'no statement allows it';
}

/** What `to` allows that `from` did not (Allow paths not covered, Denies gone), in words. */
function gained(from: Side, to: Side): string[] {
  const parts: string[] = [];
  for (const a of to.access.allows) {
    if (from.access.allows.some((b) => allowCovers(b, a))) continue;
    const b = closest(a, from.access.allows);
    if (b) parts.push(...pathChange(a, to.name, b, from.name));
    else if (from.paths.some((p) => p.effect === 'Allow' && allowCovers(p, a))) parts.push(`${allowsIt(a, to.name)} and no Deny overrides it now; before: ${nothing(from, 'was')}`);
    else parts.push(`${allowsIt(a, to.name)}; before: ${nothing(from, 'was')}`);
  }
  for (const d of from.access.denies) {
    if (to.access.denies.some((e) => denyCovers(e, d))) continue;
    parts.push(`Deny ${by(d, from.name)}${ifAll(d.conditions)} no longer applies`);
  }
  return parts;
}

/** What `to` no longer allows that `from` did: Allows lost or tightened, Denies added. */
function lost(from: Side, to: Side): string[] {
  const parts: string[] = [];
  for (const b of from.access.allows) {
    if (to.access.allows.some((a) => allowCovers(a, b))) continue;
    const a = closest(b, to.access.allows);
    if (a) parts.push(...pathChange(a, to.name, b, from.name));
    else if (to.paths.some((p) => p.effect === 'Allow' && allowCovers(p, b))) parts.push(`${by(b, from.name)} still allows it, but it is now ${nothing(to, 'is')}`);
    else parts.push(`${by(b, from.name)} no longer allows it; now: ${nothing(to, 'is')}`);
  }
  for (const d of to.access.denies) {
    if (from.access.denies.some((e) => denyCovers(e, d))) continue;
    parts.push(`Deny ${by(d, to.name)}${ifAll(d.conditions)} now applies`);
  }
  return parts;
}

const unique = (parts: string[]) => [...new Set(parts)];

export function whyWidened(before: Side, after: Side, alsoNarrowed: boolean): string {
  const up = unique(gained(before, after));
  const down = alsoNarrowed ? unique(lost(before, after)).filter((p) => !up.includes(p)) : [];
  const text = up.length > 0 ? up.join('; ') : 'allowed in more cases than before';
  return down.length > 0 ? `${text}; but also: ${down.join('; ')}` : text;
}

export function whyNarrowed(before: Side, after: Side): string {
  const down = unique(lost(before, after));
  return down.length > 0 ? down.join('; ') : 'allowed in fewer cases than before';
}

/** Same access from other statements: name both sides. */
export function whyChanged(beforeStatements: readonly number[], before: StatementName, afterStatements: readonly number[], after: StatementName): string {
  const list = (s: readonly number[], n: StatementName) => (s.length === 0 ? 'no statement' : s.map(n).join(', '));
  return `same access, now from ${list(afterStatements, after)} (before: ${list(beforeStatements, before)})`;
}

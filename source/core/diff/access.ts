/**
 * What a matrix cell lets through, compared as access rather than as text
 * (SPEC 2.4): statement indices and Sids are left out, a path is its effect,
 * how it reaches the principal and its conditions, and one cell "allows at
 * least" another when every request the other allows, it allows too.
 *
 * The comparison is sound and deliberately incomplete: it claims that a
 * condition implies another only where the IAM condition operators page makes
 * that certain (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html:
 * several values of one key are ORed, several keys and operators are ANDed,
 * negated operators are the NOR of their values, ...IfExists also holds when the
 * key is absent). Where it cannot tell, the change counts as widened, which is
 * the safe answer for the key's owner (CI fails and a person looks).
 */
import type { PolicyKind } from '../policy/model.js';
import type { CellPath, MatrixCell, PathVia } from '../matrix/types.js';
import { conditionKey, conditionsImply, implies } from '../matrix/implies.js';

export { conditionKey, implies };

/** A path without the statements it comes from: what it does, not where it is written. */
export function pathKey(p: CellPath): string {
  const conditions = p.conditions.map(conditionKey).sort();
  return `${p.effect}|${p.via ?? ''}|${p.grants.length > 0 ? 'grant' : ''}|${conditions.join('&')}`;
}

/** A path through `a` needs nothing more than one through `b`: direct beats an IAM delegation. */
function viaCovers(a: PathVia | null, b: PathVia | null): boolean {
  return a === b || a === 'direct';
}

/** Allow `a` allows every request that allow `b` allows. */
export function allowCovers(a: CellPath, b: CellPath): boolean {
  return viaCovers(a.via, b.via) && conditionsImply(b.conditions, a.conditions);
}

/** Deny `d0` applies to every request that deny `d1` applies to. */
export function denyCovers(d0: CellPath, d1: CellPath): boolean {
  return conditionsImply(d1.conditions, d0.conditions);
}

/** The access of a cell: the Allow paths that can end allowed, and the Deny paths that matter. */
export interface Access {
  readonly allows: readonly CellPath[];
  readonly denies: readonly CellPath[];
}

/**
 * The paths of a cell that decide its access. An Allow that a Deny always
 * accompanies never allows (explicit deny wins, reference_policies_evaluation-logic.html).
 * In a key policy a Deny only matters beside an Allow of the same cell (the key
 * policy must allow, or nothing is allowed at all); in an identity policy a Deny
 * also blocks what the key policy grants, so it counts on its own.
 */
export function accessOf(cell: MatrixCell, kind: PolicyKind): Access {
  const denies = cell.paths.filter((p) => p.effect === 'Deny');
  const allows = cell.paths.filter((p) => p.effect === 'Allow' && !denies.some((d) => conditionsImply(p.conditions, d.conditions)));
  if (kind === 'key' && allows.length === 0) return { allows: [], denies: [] };
  return { allows, denies };
}

/** Every request that `y` allows, `x` allows (sound, not complete: see the module comment). */
export function allowsAtLeast(x: Access, y: Access, kind: PolicyKind): boolean {
  if (kind === 'key' && y.allows.length === 0) return true;
  return y.allows.every((b) => x.allows.some((a) => allowCovers(a, b))) && x.denies.every((d1) => y.denies.some((d0) => denyCovers(d0, d1)));
}

/** The paths of a cell as a set of what they do (statement positions and Sids left out). */
export function pathSet(cell: MatrixCell): ReadonlySet<string> {
  return new Set(cell.paths.map(pathKey));
}

export function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

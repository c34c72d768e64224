/**
 * When one set of conditions makes another hold for every request, as far as the
 * IAM condition operators page makes certain
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html:
 * the values of one key are ORed, keys and operators are ANDed, negated operators
 * are the NOR of their values, ...IfExists also holds when the key is absent).
 * Sound and deliberately incomplete: where it cannot tell it says no. The matrix
 * uses it to drop an Allow that a Deny always accompanies (cell.ts); the diff, to
 * compare access (diff/access.ts).
 */
import { wildcardMatch } from '../evaluate/wildcard.js';
import { parseOperator } from '../policy/model.js';
import type { PathCondition } from './types.js';

export function conditionKey(c: PathCondition): string {
  return `${c.operator}\u0000${c.key.toLowerCase()}\u0000${[...new Set(c.values)].sort().join('\u0001')}`;
}

const NEGATED = /^(StringNot|ArnNot|NumericNotEquals|DateNotEquals|NotIpAddress)/;
const WIDER_BASE: Readonly<Record<string, readonly string[]>> = {
  // A Like operator with the same values matches at least what Equals does (no wildcard: the same).
  StringEquals: ['StringEquals', 'StringLike'],
  ArnEquals: ['ArnEquals', 'ArnLike'],
  ArnLike: ['ArnLike', 'ArnEquals'],
};
const LIKE = new Set(['StringLike', 'ArnLike', 'ArnEquals']);

/** Some policy value `q` (of a Like operator) matches every string that `p` (written with the `from` operator) matches. */
function valueCovers(q: string, p: string, like: boolean, fromLike: boolean): boolean {
  if (q === p) return true;
  if (!like) return false;
  if (q === '*') return true;
  const pWild = fromLike && /[*?]/.test(p);
  if (!pWild) return wildcardMatch(q, p);
  // A prefix pattern "abc*" covers any pattern that starts with "abc" (whatever follows).
  const stem = q.endsWith('*') ? q.slice(0, -1) : null;
  return stem !== null && !/[*?]/.test(stem) && p.startsWith(stem);
}

/** True when `b` holding makes `a` hold for every request (same key; see the module comment). */
export function implies(b: PathCondition, a: PathCondition): boolean {
  if (b.key.toLowerCase() !== a.key.toLowerCase()) return false;
  if (b.operator === a.operator && conditionKey(b) === conditionKey(a)) return true;
  const ob = parseOperator(b.operator);
  const oa = parseOperator(a.operator);
  if (ob.qualifier !== oa.qualifier) return false;
  // b true on an absent key (IfExists) while a is not: a request without the key passes b only.
  if (ob.ifExists && !oa.ifExists) return false;
  const negB = NEGATED.test(ob.baseOperator);
  const negA = NEGATED.test(oa.baseOperator);
  if (negB !== negA) return false;
  if (negA) {
    // NOR of the values: fewer values excluded is looser.
    return ob.baseOperator === oa.baseOperator && a.values.every((v) => b.values.includes(v));
  }
  const wider = WIDER_BASE[ob.baseOperator] ?? [ob.baseOperator];
  if (!wider.includes(oa.baseOperator)) return false;
  const like = LIKE.has(oa.baseOperator);
  const fromLike = LIKE.has(ob.baseOperator);
  // OR of the values: every value b accepts must be accepted by one of a's.
  return b.values.every((p) => a.values.some((q) => valueCovers(q, p, like, fromLike)));
}

/** Whenever every condition of `has` holds, every condition of `needs` holds. */
export function conditionsImply(has: readonly PathCondition[], needs: readonly PathCondition[]): boolean {
  return needs.every((n) => has.some((h) => implies(h, n)));
}


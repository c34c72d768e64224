/**
 * Condition evaluation (IAM user guide: reference_policies_elements_condition.html,
 * reference_policies_condition-logic-multiple-context-keys-or-values.html,
 * reference_policies_condition-single-vs-multi-valued-context-keys.html):
 * - clauses (operators × keys) are ANDed; the values of one clause are ORed,
 *   and NORed for a negated operator;
 * - a key absent from the request: a positive operator is false, a negated one
 *   true, `...IfExists` true, ForAnyValue false (also with IfExists), ForAllValues true;
 * - Null tests presence: "true" means the key must be absent.
 * Condition keys are case-insensitive.
 */
import type { ConditionClause } from '../policy/model.js';
import type { RequestContext } from './types.js';
import { OPERATORS } from './operators.js';

/** The request context with lower-cased keys and list values: built once per request. */
export type NormalizedContext = ReadonlyMap<string, readonly string[]>;

export function normalizeContext(context: RequestContext | undefined): NormalizedContext {
  const map = new Map<string, string[]>();
  for (const [k, v] of Object.entries(context ?? {})) {
    const key = k.toLowerCase();
    const list = typeof v === 'string' ? [v] : [...v];
    map.set(key, [...(map.get(key) ?? []), ...list]);
  }
  return map;
}

/** True when one clause holds for the request. Unknown operators never hold. */
export function clauseHolds(clause: ConditionClause, context: NormalizedContext): boolean {
  const values = context.get(clause.key.toLowerCase());
  if (clause.baseOperator === 'Null') {
    const absent = values === undefined || values.length === 0;
    return clause.values.some((v) => (v.toLowerCase() === 'true' ? absent : v.toLowerCase() === 'false' ? !absent : false));
  }
  // Own properties only: an operator named "toString" or "__proto__" is unknown, not Object.prototype's.
  const op = Object.hasOwn(OPERATORS, clause.baseOperator) ? OPERATORS[clause.baseOperator] : undefined;
  if (!op) return false;
  const [compare, negated] = op;
  const matchesAny = (r: string) => clause.values.some((p) => compare(r, p));
  const absent = values === undefined || values.length === 0;
  if (clause.qualifier === 'ForAllValues') {
    if (absent) return true;
    return values.every((r) => (negated ? !matchesAny(r) : matchesAny(r)));
  }
  if (clause.qualifier === 'ForAnyValue') {
    // An absent key never matches ForAnyValue, even with IfExists (re:Post QU9HFmDzP0QGuU-fd7rS6B7w shows AWS denying).
    if (absent) return false;
    return values.some((r) => (negated ? !matchesAny(r) : matchesAny(r)));
  }
  if (absent) return clause.ifExists || negated;
  // A single-valued operator on several request values: any match counts (NOR when negated).
  const any = values.some(matchesAny);
  return negated ? !any : any;
}

/** True when every clause of a statement holds (AND across operators and keys). */
export function conditionsHold(clauses: readonly ConditionClause[], context: NormalizedContext): boolean {
  for (const c of clauses) if (!clauseHolds(c, context)) return false;
  return true;
}

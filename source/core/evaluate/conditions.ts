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
import { OPERATORS, likeEscaped, WILDCARD_OPERATORS } from './operators.js';
import { hasVariable, resolveVariables } from './variables.js';

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

/**
 * The clause's values with policy variables substituted from the request
 * (reference_policies_variables.html); a value whose variable cannot be resolved
 * is dropped, so it matches nothing. For the wildcard operators the substituted
 * text is literal (escaped), so `escaped` asks for the escaped matcher.
 */
function policyValuesFor(clause: ConditionClause, context: NormalizedContext): { values: readonly string[]; escaped: boolean } {
  if (!clause.values.some(hasVariable)) return { values: clause.values, escaped: false };
  const wildcards = WILDCARD_OPERATORS.has(clause.baseOperator);
  const values: string[] = [];
  for (const v of clause.values) {
    const r = resolveVariables(v, context, wildcards);
    if (r) values.push(r.text);
  }
  return { values, escaped: wildcards };
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
  const [plainCompare, negated] = op;
  const { values: policyValues, escaped } = policyValuesFor(clause, context);
  const compare = escaped ? (r: string, p: string) => likeEscaped(clause.baseOperator, r, p) : plainCompare;
  const matchesAny = (r: string) => policyValues.some((p) => compare(r, p));
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

/** A clause's outcome for every request of one principal: decided by the keys it fixes, or 'unknown'. */
export type ClauseOutcome = boolean | 'unknown';

const VARIABLE_NAMES = /\$\{\s*([^,}']+?)\s*(?:,[^}]*)?\}/g;

/** The condition keys a value's variables read (lower-cased; `${*}` and friends read none). */
export function variableKeys(value: string): string[] {
  const out: string[] = [];
  for (const m of value.matchAll(VARIABLE_NAMES)) {
    const k = m[1]!.trim();
    if (k !== '*' && k !== '?' && k !== '$') out.push(k.toLowerCase());
  }
  return out;
}

/**
 * Partial evaluation for the matrix: a clause on a key the principal fixes (see
 * derived.ts), whose variables read only fixed keys, holds or fails for every
 * request of that principal; any other clause depends on the request.
 */
export function clauseOutcome(clause: ConditionClause, fixedContext: NormalizedContext, fixedKeys: ReadonlySet<string>): ClauseOutcome {
  const fixedValues = clause.values.every((v) => variableKeys(v).every((k) => fixedKeys.has(k)));
  if (fixedKeys.has(clause.key.toLowerCase())) return fixedValues ? clauseHolds(clause, fixedContext) : 'unknown';
  // A positive test whose every value reads a variable the principal never sets matches
  // no request value: it fails whatever the request (reference_policies_variables.html).
  const positive = !clause.ifExists && clause.qualifier !== 'ForAllValues' && clause.baseOperator !== 'Null' && OPERATORS[clause.baseOperator]?.[1] === false;
  if (positive && fixedValues && clause.values.length > 0 && clause.values.every((v) => hasVariable(v) && resolveVariables(v, fixedContext, false) === undefined)) return false;
  return 'unknown';
}

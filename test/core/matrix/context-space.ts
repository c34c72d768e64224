/** Request contexts built from the condition keys and values a policy mentions, for matrix/authorize agreement tests. */
import type { RequestContext } from '../../../source/core/evaluate/index.js';
import type { PolicyDocument } from '../../../source/core/policy/model.js';

/** Condition key (lower-cased) → candidate request values; `null` stands for "absent". */
export type ContextSpace = Map<string, Array<string | string[] | null>>;

export function contextSpace(doc: PolicyDocument): ContextSpace {
  const space: ContextSpace = new Map();
  for (const s of doc.statements) {
    for (const c of s.conditions) {
      const key = c.key.toLowerCase();
      const options = space.get(key) ?? [null, 'zz-other', '1', '0', 'true', 'false', ['zz-other', 'zz-more']];
      for (const v of c.values) if (!options.includes(v)) options.push(v, [v, 'zz-other']);
      space.set(key, options);
    }
  }
  return space;
}

/**
 * For each statement with conditions, the context that meets all of them at once where a value
 * can (each key set to the statement's first value; negated and Null tests left absent). Random
 * sampling alone rarely meets two or more conditions together, so a conditional cell could look
 * decided by chance.
 */
export function statementContexts(doc: PolicyDocument): RequestContext[] {
  const out: RequestContext[] = [];
  for (const s of doc.statements) {
    if (s.conditions.length === 0) continue;
    const ctx: Record<string, string | string[]> = {};
    for (const c of s.conditions) {
      const negated = /^(StringNot|NotIp|ArnNot|Null)/.test(c.baseOperator) || c.baseOperator === 'NumericNotEquals' || c.baseOperator === 'DateNotEquals';
      const v = c.values[0];
      if (!negated && v !== undefined) ctx[c.key.toLowerCase()] = c.qualifier ? [v] : v;
    }
    out.push(ctx);
  }
  return out;
}

/** Deterministic pseudo-random contexts from the space (plus the empty one). */
export function sampleContexts(space: ContextSpace, count: number, seed: number): RequestContext[] {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
  const out: RequestContext[] = [{}];
  for (let i = 0; i < count; i++) {
    const ctx: Record<string, string | string[]> = {};
    for (const [key, options] of space) {
      const v = options[Math.floor(next() * options.length)] ?? null;
      if (v !== null) ctx[key] = v;
    }
    out.push(ctx);
  }
  return out;
}

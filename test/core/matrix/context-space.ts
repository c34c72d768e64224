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

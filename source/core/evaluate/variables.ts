/**
 * Policy variables in Resource and condition values (IAM user guide,
 * reference_policies_variables.html): `${key}` takes the request's value of a
 * single-valued key; `${key, 'default'}` the default when the key is absent;
 * `${*}`, `${?}` and `${$}` stand for the literal characters. A variable that
 * cannot be resolved makes that value match nothing (the page: it "might cause the
 * entire statement to be invalid"; a value that matches nothing is that, for the
 * value alone). Substitution is one pass: a default is not resolved again.
 */
import type { NormalizedContext } from './conditions.js';

/** A policy value after substitution: the text, and whether `*`/`?` in it are still wildcards. */
export interface ResolvedValue {
  /** With `literalWildcards`, `*`, `?` and `\` that must match literally are escaped with `\`. */
  readonly text: string;
  readonly escaped: boolean;
}

const VARIABLE = /\$\{([^}]*)\}/g;

export function hasVariable(value: string): boolean {
  return value.includes('${');
}

function lookup(inner: string, ctx: NormalizedContext): string | undefined {
  const trimmed = inner.trim();
  if (trimmed === '*' || trimmed === '?' || trimmed === '$') return trimmed;
  const m = /^([^,']+?)\s*(?:,\s*'((?:[^']|'')*)')?$/.exec(trimmed);
  if (!m) return undefined;
  const values = ctx.get(m[1]!.trim().toLowerCase());
  // Only a single value can be substituted (multivalued keys are not resolved).
  if (values && values.length === 1) return values[0]!;
  return m[2] !== undefined ? m[2].replace(/''/g, "'") : undefined;
}

/**
 * Substitutes the variables of one policy value, or returns undefined when one
 * cannot be resolved. With `wildcards`, the result is a pattern in which text from
 * substitution is literal (escaped) and the policy's own `*` and `?` stay wildcards.
 */
export function resolveVariables(value: string, ctx: NormalizedContext, wildcards: boolean): ResolvedValue | undefined {
  const esc = (s: string) => (wildcards ? s.replace(/[\\*?]/g, '\\$&') : s);
  let out = '';
  let last = 0;
  for (const m of value.matchAll(VARIABLE)) {
    const sub = lookup(m[1]!, ctx);
    if (sub === undefined) return undefined;
    // The policy's own text keeps its wildcards; only its backslashes need escaping.
    out += (wildcards ? value.slice(last, m.index).replace(/\\/g, '\\\\') : value.slice(last, m.index)) + esc(sub);
    last = m.index + m[0].length;
  }
  out += wildcards ? value.slice(last).replace(/\\/g, '\\\\') : value.slice(last);
  return { text: out, escaped: wildcards };
}

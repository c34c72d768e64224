/**
 * IAM wildcards: `*` matches any run of characters (also none), `?` exactly one.
 * Patterns are compiled to regular expressions once and cached, because the
 * matrix evaluates the same few patterns millions of times.
 */

// One map per case mode, keyed by the pattern itself (no key string to build per lookup).
const caseSensitive = new Map<string, RegExp>();
const ignoringCase = new Map<string, RegExp>();

function escapeRegex(s: string): string {
  return s.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

/** A regular expression for a wildcard pattern; `ignoreCase` for action names. */
export function wildcardRegex(pattern: string, ignoreCase: boolean): RegExp {
  const cache = ignoreCase ? ignoringCase : caseSensitive;
  let re = cache.get(pattern);
  if (!re) {
    const body = escapeRegex(pattern).replace(/\*/g, '.*').replace(/\?/g, '.');
    re = new RegExp(`^${body}$`, ignoreCase ? 'is' : 's');
    cache.set(pattern, re);
  }
  return re;
}

/** True when `value` matches the wildcard `pattern`. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  if (!pattern.includes('*') && !pattern.includes('?')) {
    return ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  }
  return wildcardRegex(pattern, ignoreCase).test(value);
}

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

const escapedPatterns = new Map<string, RegExp>();

/**
 * Like wildcardMatch, for a pattern in which `\*`, `\?` and `\\` are literal
 * characters (a policy value after variable substitution, see variables.ts).
 */
export function escapedWildcardMatch(pattern: string, value: string): boolean {
  let re = escapedPatterns.get(pattern);
  if (!re) {
    let body = '';
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i]!;
      if (c === '\\' && i + 1 < pattern.length) body += escapeRegex(pattern[++i]!).replace(/^\*$/, '\\*').replace(/^\?$/, '\\?');
      else if (c === '*') body += '.*';
      else if (c === '?') body += '.';
      else body += escapeRegex(c);
    }
    re = new RegExp(`^${body}$`, 's');
    if (escapedPatterns.size > 10_000) escapedPatterns.clear();
    escapedPatterns.set(pattern, re);
  }
  return re.test(value);
}

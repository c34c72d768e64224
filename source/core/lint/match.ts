import { kmsActions, type KmsAction } from '../catalog/index.js';

const patternCache = new Map<string, RegExp>();

/** IAM wildcard matching: * any run, ? one character, case-insensitive (as IAM matches action names). */
export function wildcardMatches(pattern: string, value: string): boolean {
  let re = patternCache.get(pattern);
  if (!re) {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    re = new RegExp(`^${body}$`, 'is');
    patternCache.set(pattern, re);
  }
  return re.test(value);
}

export function hasWildcard(value: string): boolean {
  return value.includes('*') || value.includes('?');
}

// Lint compares statements pairwise (redundancy): the same few patterns are expanded again
// and again, each time against the whole catalog. Remember each pattern's actions (bounded).
const matchingCache = new Map<string, readonly KmsAction[]>();

/** The KMS actions an action pattern covers ("kms:Get*" → GetKeyPolicy, ...; "*" → all). */
export function kmsActionsMatching(pattern: string): KmsAction[] {
  let actions = matchingCache.get(pattern);
  if (!actions) {
    actions = kmsActions().filter((a) => wildcardMatches(pattern, a.id));
    if (matchingCache.size >= 5000) matchingCache.clear();
    matchingCache.set(pattern, actions);
  }
  return actions.slice();
}

/** KMS actions covered by Action (or everything except NotAction), as a set of ids. */
export function coveredKmsActions(action: readonly string[] | undefined, notAction: readonly string[] | undefined): KmsAction[] {
  if (action) {
    const ids = new Set<string>();
    for (const p of action) for (const a of kmsActionsMatching(p)) ids.add(a.id);
    return kmsActions().filter((a) => ids.has(a.id));
  }
  if (notAction) return kmsActions().filter((a) => !notAction.some((p) => wildcardMatches(p, a.id)));
  return [];
}

/** True when the pattern list grants every KMS action ("kms:*" or "*"). */
export function isAllKms(pattern: string): boolean {
  const p = pattern.toLowerCase();
  return p === '*' || p === 'kms:*';
}

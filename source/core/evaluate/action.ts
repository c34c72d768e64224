/**
 * Action matching: "service:name" with the service prefix and the action name
 * compared case-insensitively, `*` and `?` allowed in the name (IAM user guide,
 * reference_policies_elements_action.html). A lone "*" matches every action.
 */
import { wildcardRegex } from './wildcard.js';

/** A precompiled Action/NotAction list. */
export type ActionMatcher = (action: string) => boolean;

export function compileActions(patterns: readonly string[]): ActionMatcher {
  const exact = new Set<string>();
  const regexes: RegExp[] = [];
  for (const p of patterns) {
    const lower = p.toLowerCase();
    if (lower.includes('*') || lower.includes('?')) regexes.push(wildcardRegex(lower, true));
    else exact.add(lower);
  }
  return (action) => {
    const lower = action.toLowerCase();
    if (exact.has(lower)) return true;
    for (const re of regexes) if (re.test(lower)) return true;
    return false;
  };
}

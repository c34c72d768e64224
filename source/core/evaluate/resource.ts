/**
 * Resource matching: an ARN is compared segment by segment (arn:partition:
 * service:region:account:resource), each segment with wildcards; the resource
 * segment keeps any further colons. A lone "*" matches every resource.
 * (IAM user guide, reference_policies_elements_resource.html.)
 */
import type { NormalizedContext } from './conditions.js';
import { hasVariable, resolveVariables } from './variables.js';
import { escapedWildcardMatch, wildcardMatch } from './wildcard.js';

/** Matches a resource; `context` resolves policy variables in the patterns (none: a variable matches nothing). */
export type ResourceMatcher = (resource: string, context?: NormalizedContext) => boolean;

/** Splits an ARN into its six segments, or returns undefined for a non-ARN (key id, alias name). */
export function splitArn(arn: string): string[] | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}

/** The account segment of an ARN, if it has one. */
export function arnAccount(arn: string): string | undefined {
  const parts = splitArn(arn);
  return parts && parts[4] ? parts[4] : undefined;
}

export function resourceMatches(pattern: string, resource: string, escaped = false): boolean {
  if (pattern === '*') return true;
  const p = splitArn(pattern);
  const r = splitArn(resource);
  // Key ids, alias names and other non-ARN values never match a key ARN.
  if (!p || !r) return escaped ? escapedWildcardMatch(pattern, resource) && !splitArn(resource) : pattern === resource;
  const match = escaped ? escapedWildcardMatch : (a: string, b: string) => wildcardMatch(a, b);
  for (let i = 0; i < 6; i++) if (!match(p[i]!, r[i]!)) return false;
  return true;
}

/** A Resource pattern with policy variables (reference_policies_variables.html), resolved per request. */
function variablePattern(pattern: string): ResourceMatcher {
  return (resource, context) => {
    const resolved = context ? resolveVariables(pattern, context, true) : undefined;
    return resolved !== undefined && resourceMatches(resolved.text, resource, true);
  };
}

export function compileResources(patterns: readonly string[]): ResourceMatcher {
  if (patterns.includes('*')) return () => true;
  const plain = patterns.filter((p) => !hasVariable(p));
  const variable = patterns.filter(hasVariable).map(variablePattern);
  if (variable.length === 0) return (resource) => plain.some((p) => resourceMatches(p, resource));
  return (resource, context) => plain.some((p) => resourceMatches(p, resource)) || variable.some((m) => m(resource, context));
}

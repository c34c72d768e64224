/**
 * Resource matching: an ARN is compared segment by segment (arn:partition:
 * service:region:account:resource), each segment with wildcards; the resource
 * segment keeps any further colons. A lone "*" matches every resource.
 * (IAM user guide, reference_policies_elements_resource.html.)
 */
import { wildcardMatch } from './wildcard.js';

export type ResourceMatcher = (resource: string) => boolean;

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

export function resourceMatches(pattern: string, resource: string): boolean {
  if (pattern === '*') return true;
  const p = splitArn(pattern);
  const r = splitArn(resource);
  // Key ids, alias names and other non-ARN values never match a key ARN.
  if (!p || !r) return pattern === resource;
  for (let i = 0; i < 6; i++) if (!wildcardMatch(p[i]!, r[i]!)) return false;
  return true;
}

export function compileResources(patterns: readonly string[]): ResourceMatcher {
  if (patterns.includes('*')) return () => true;
  return (resource) => patterns.some((p) => resourceMatches(p, resource));
}

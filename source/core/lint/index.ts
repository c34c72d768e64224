import { detectKind, type PolicyKind } from '../policy/model.js';
import { parsePolicy, type ParsedPolicy } from '../policy/parse.js';
import { sortFindings, type Finding } from './catalog.js';
import { createContext, type RuleFamily } from './context.js';
import { actionRules } from './rules/actions.js';
import { conditionRules } from './rules/conditions.js';
import { controlCharacterRules } from './rules/control-characters.js';
import { elementRules } from './rules/elements.js';
import { kmsSecurityRules } from './rules/kms-security.js';
import { lockoutRules } from './rules/lockout.js';
import { principalRules } from './rules/principals.js';
import { redundancyRules } from './rules/redundancy.js';
import { resourceRules } from './rules/resources.js';
import { sizeRules } from './rules/size.js';
import { structureRules } from './rules/structure.js';

export * from './catalog.js';
export { lockoutRisk, type LockoutRisk } from './lockout.js';
export { classifyPrincipal, keyAccountOf, statementPrincipals, type ClassifiedPrincipal, type PrincipalKind } from './principals.js';
export { coveredKmsActions, kmsActionsMatching, wildcardMatches } from './match.js';

/** Every rule family, in report order. */
export const RULE_FAMILIES: readonly (readonly [string, RuleFamily])[] = [
  ['structure', structureRules],
  ['elements', elementRules],
  ['actions', actionRules],
  ['resources', resourceRules],
  ['principals', principalRules],
  ['conditions', conditionRules],
  ['kms-security', kmsSecurityRules],
  ['lockout', lockoutRules],
  ['size', sizeRules],
  ['redundancy', redundancyRules],
  ['control-characters', controlCharacterRules],
];

export interface LintResult {
  readonly findings: readonly Finding[];
  readonly kind: PolicyKind;
}

/**
 * Lints a parsed policy: its syntax findings plus every rule family. Never
 * throws: a family that fails on some odd input is skipped, and the rest still run.
 */
export function lintDocument(parsed: ParsedPolicy, kind: PolicyKind): Finding[] {
  const findings: Finding[] = [...parsed.findings];
  const doc = parsed.document;
  if (!doc || parsed.findings.some((f) => f.id === 'JSON_SYNTAX')) return sortFindings(findings);
  const ctx = createContext(doc, parsed.ast, kind, parsed.text, findings);
  for (const [, family] of RULE_FAMILIES) {
    try {
      family(ctx);
    } catch {
      // A bug in one rule must not hide the findings of the others.
    }
  }
  return sortFindings(dedupe(findings));
}

function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.id}\u0000${f.path}\u0000${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Parses and lints policy text; the kind is detected unless given. */
export function lintPolicy(text: string, options: { kind?: PolicyKind } = {}): LintResult {
  try {
    const parsed = parsePolicy(text);
    const kind = options.kind ?? (parsed.document ? detectKind(parsed.document) : 'identity');
    return { findings: lintDocument(parsed, kind), kind };
  } catch {
    return { findings: [], kind: options.kind ?? 'identity' };
  }
}
export { deployerAccess, type DeployerAccess } from './deployer.js';

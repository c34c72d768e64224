/**
 * Findings about where a policy lives (SPEC 2.5, 3): UNRESOLVED_REFERENCE once
 * per distinct value that cannot be resolved offline, BYPASS_LOCKOUT_CHECK when
 * the source turns off KMS's lockout safety check (key-policy-default.html,
 * "BypassPolicyLockoutSafetyCheck" in the PutKeyPolicy/CreateKey API reference).
 */
import type { PolicyKind } from '../../policy/model.js';
import type { NamedSourcePolicy } from '../../sources/types.js';
import { FINDING_RULES, sortFindings, type Finding, type FindingId } from '../catalog.js';
import { lintDocument } from '../index.js';
import { statementIndexOf } from '../../policy/parse.js';

/** Value-format findings that say nothing new about a value still to be resolved: UNRESOLVED_REFERENCE covers it. */
const SHADOWED_BY_REFERENCE: ReadonlySet<FindingId> = new Set<FindingId>([
  'INVALID_ARN', 'INVALID_ACCOUNT_ID', 'INVALID_PRINCIPAL', 'INVALID_ACTION', 'UNKNOWN_SERVICE', 'ALIAS_IN_IAM_RESOURCE',
  'INVALID_CONDITION_VALUE', 'KEY_POLICY_RESOURCE_NOT_STAR', 'PREFER_KEY_ARN', 'INVALID_EFFECT', 'INVALID_VERSION',
]);

export function lintSourcePolicy(policy: NamedSourcePolicy, kind: PolicyKind): Finding[] {
  const unresolvedAt = new Set(policy.unresolved.map((r) => r.pointer));
  const findings = lintDocument(policy.parsed, kind).filter((f) => !(SHADOWED_BY_REFERENCE.has(f.id) && unresolvedAt.has(f.path)));
  const seen = new Set<string>();
  for (const r of policy.unresolved) {
    if (seen.has(r.expression)) continue;
    seen.add(r.expression);
    findings.push({
      id: 'UNRESOLVED_REFERENCE',
      severity: FINDING_RULES.UNRESOLVED_REFERENCE.severity,
      statement: statementIndexOf(r.pointer),
      path: r.pointer,
      line: r.line,
      column: r.column,
      message: `${r.expression} cannot be resolved offline; it is checked as written`,
      fix: FINDING_RULES.UNRESOLVED_REFERENCE.fix,
    });
  }
  if (policy.bypassLockout) {
    findings.push({
      id: 'BYPASS_LOCKOUT_CHECK',
      severity: FINDING_RULES.BYPASS_LOCKOUT_CHECK.severity,
      statement: null,
      path: '',
      line: policy.bypassLockout.line,
      column: policy.bypassLockout.column,
      message: 'The source turns off the policy lockout safety check, so KMS accepts a key policy that its author could not change again',
      fix: FINDING_RULES.BYPASS_LOCKOUT_CHECK.fix,
    });
  }
  return sortFindings(findings);
}

/** `simulate --trace`: the trace as SPEC 2.1's JSON and as an indented list a junior can read top to bottom. */
import { visibleLine } from '../core/text/visible.js';
import type { DecidingRule, TraceBecause, TracedAuthorizationResult, TraceEntry } from '../core/evaluate/index.js';

// Every string from the policy or the command line is shown through visibleLine: escapes are shown, never sent.
const visibleText = visibleLine;

/** SPEC 2.1: {policy, statement, applies, because?} per statement; a grant's entry also names it ({policy: "grant", grant: id}). */
export function traceJson(trace: readonly TraceEntry[]): object[] {
  return trace.map((t) => ({ policy: t.policy, ...(t.grant !== undefined ? { grant: t.grant } : {}), statement: t.statement, applies: t.applies, ...(t.because ? { because: t.because } : {}) }));
}

const ELEMENT_TEXT = {
  Effect: 'Effect is neither Allow nor Deny, so the statement does nothing',
  Principal: 'Principal does not name this principal',
  NotPrincipal: 'NotPrincipal names this principal',
  Action: 'Action does not list this action',
  NotAction: 'NotAction excludes this action',
  Resource: 'Resource does not name this key',
  NotResource: 'NotResource excludes this key',
  KeyId: 'the grant is for another key',
  Operations: 'the grant does not allow this operation',
  GranteePrincipal: 'the grant is for another grantee principal (and this principal is not its retiring principal)',
} as const;

const list = (values: readonly string[]) => values.map((v) => `"${visibleText(v)}"`).join(', ');

export function becauseText(b: TraceBecause): string {
  if (b.element !== 'Condition') return ELEMENT_TEXT[b.element];
  const actual = b.actual === null ? 'absent (the key is not in the request)' : list(b.actual);
  return `Condition ${visibleText(b.operator)} ${visibleText(b.key)} fails: expected ${list(b.expected)}, request: ${actual}`;
}

const RULE_TEXT: Record<DecidingRule, string> = {
  'explicit-deny-wins': 'an explicit Deny wins over every Allow',
  'key-policy-direct': 'the key policy allowed the principal directly',
  'delegation-needs-iam': 'the key policy delegates to IAM: an IAM policy of the principal must allow too',
  'cross-account-needs-both': 'the principal is in another account: the key policy and an IAM policy must both allow',
  'alias-needs-iam': 'alias operations need permission on the alias, which only an IAM policy gives',
  'iam-only-action': 'this action is not authorized on a key: only IAM policies decide it',
  'key-policy-unknown': 'the key policy was not given: only the IAM policies were checked, and the key policy must also allow',
  'not-cross-account-action': 'KMS does not allow this action on a key in another account',
  'key-policy-does-not-allow': 'no key policy statement allows this principal, so nothing allows the request',
  'grant-allows': 'a grant allows it (a grant needs no IAM policy), and no explicit Deny applies',
};

function where(policy: TraceEntry['policy']): string {
  if (policy === 'grant') return 'Grants';
  return policy === 'key' ? 'Key policy' : `Identity policy ${visibleText(policy.slice('identity:'.length))}`;
}

/** The indented text: one heading per policy, one line per statement, then the rule that decided. */
export function traceText(r: TracedAuthorizationResult): string {
  const lines = ['Trace:'];
  let current: string | undefined;
  for (const t of r.trace) {
    if (t.policy !== current) {
      current = t.policy;
      lines.push(`  ${where(t.policy)}:`);
    }
    const name = t.grant !== undefined ? `grant ${visibleText(t.grant)}` : `statement ${t.statement}${t.sid !== undefined ? ` (${visibleText(t.sid)})` : ''}`;
    const effect = t.effect ?? '-';
    lines.push(t.applies ? `    ${name}: ${effect} applies` : `    ${name}: ${effect} does not apply`);
    if (t.because) lines.push(`      because ${becauseText(t.because)}`);
  }
  if (r.trace.length === 0) lines.push('  no statement was evaluated');
  lines.push(`Decided by: ${RULE_TEXT[r.rule]}`);
  return `${lines.join('\n')}\n`;
}

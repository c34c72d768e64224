/** `simulate --trace`: the trace as SPEC 2.1's JSON and as an indented list a junior can read top to bottom. */
import { visibleLine } from '../core/text/visible.js';
import type { TracedAuthorizationResult, TraceEntry } from '../core/evaluate/index.js';
import { becauseText, RULE_TEXT } from '../core/evaluate/trace-text.js';

export { becauseText };

const visibleText = visibleLine;

/** SPEC 2.1: {policy, statement, applies, because?} per statement; a grant's entry also names it ({policy: "grant", grant: id}). */
export function traceJson(trace: readonly TraceEntry[]): object[] {
  return trace.map((t) => ({ policy: t.policy, ...(t.grant !== undefined ? { grant: t.grant } : {}), statement: t.statement, applies: t.applies, ...(t.because ? { because: t.because } : {}) }));
}

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

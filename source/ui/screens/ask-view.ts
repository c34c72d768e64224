/** The Ask tab's words: the answer, each trace line and its detail, each form value. Pure; every policy string through visibleLine. */
import { becauseText, RULE_TEXT, type TraceBecause, type TracedAuthorizationResult, type TraceEntry } from '../../core/evaluate/index.js';
import { visibleLine } from '../../core/text/visible.js';
import { SYMBOLS } from '../components/symbols.js';
import { IAM_LABELS, type AskModel, type ContextKey } from '../state/ask-model.js';
import type { AskField, AskState } from '../state/ask.js';
import { derivedValue, principalOf, resourceOf } from '../state/ask-model.js';

export type AnswerTone = 'green' | 'red' | 'yellow';

/** The answer's head ("ALLOW via direct"), its colour, and the rule that decided. */
export function answerWords(r: TracedAuthorizationResult): { head: string; tone: AnswerTone; rule: string } {
  const via = r.via === 'direct' ? ' via direct' : r.via === 'iam' ? ' via IAM' : '';
  const rule = RULE_TEXT[r.rule];
  switch (r.decision) {
    case 'allow':
      return { head: `ALLOW${via}`, tone: 'green', rule };
    case 'explicit-deny':
      return { head: 'EXPLICIT DENY', tone: 'red', rule };
    case 'implicit-deny':
      return { head: `IMPLICIT DENY${r.via === 'iam' ? ' (allowed if an IAM policy allows it)' : ''}`, tone: 'yellow', rule };
  }
}

/** Why not, short enough for one trace line. */
function shortBecause(b: TraceBecause): string {
  if (b.element !== 'Condition') return becauseText(b);
  const actual = b.actual === null ? 'absent' : b.actual.map((v) => `"${visibleLine(v)}"`).join(', ');
  return `${visibleLine(b.operator)} ${visibleLine(b.key)} fails, request: ${actual}`;
}

/** "#1" for the workspace's policy, "IAM #0" for the assumed IAM policy. */
export function statementTag(m: AskModel, t: TraceEntry): string {
  const ours = m.kind === 'key' ? t.policy === 'key' : t.policy === `identity:${m.policyName}`;
  return ours ? `#${t.statement}` : `IAM #${t.statement}`;
}

/** One trace line: applies or not, and the first element that failed. */
export function traceLine(m: AskModel, t: TraceEntry): { mark: string; text: string; applies: boolean } {
  const effect = t.effect ?? 'no Effect';
  const text = t.applies ? `${statementTag(m, t)} ${effect} applies` : `${statementTag(m, t)} ${effect} does not apply: ${t.because ? shortBecause(t.because) : ''}`;
  return { mark: t.applies ? SYMBOLS.check : SYMBOLS.cross, text, applies: t.applies };
}

/** The selected trace line in full: which statement of which policy, and the whole reason. */
export function traceDetail(m: AskModel, t: TraceEntry): string {
  const where = t.policy === 'key' ? 'the key policy' : t.policy === `identity:${m.policyName}` ? 'this policy' : 'the assumed IAM policy that allows everything';
  const sid = t.sid !== undefined ? ` (${visibleLine(t.sid)})` : '';
  const what = t.applies ? `applies (${t.effect ?? 'no Effect'})` : `does not apply: ${t.because ? becauseText(t.because) : ''}`;
  return `Statement ${t.statement}${sid} of ${where} ${what}`;
}

export const FIELD_LABELS = { principal: 'Principal', resource: 'Key', action: 'Action', iam: 'IAM policy' } as const;

/** A form row's label and value as shown (context: the typed value, else absent or the derived value). */
export function fieldText(m: AskModel, ask: AskState, field: AskField): { label: string; value: string; dim: boolean; key?: ContextKey } {
  switch (field.kind) {
    case 'principal': {
      const p = principalOf(m, ask);
      const named = m.principals.find((o) => o.value === p);
      return { label: FIELD_LABELS.principal, value: named ? named.label : visibleLine(p), dim: false };
    }
    case 'resource':
      return { label: FIELD_LABELS.resource, value: visibleLine(resourceOf(m, ask)), dim: false };
    case 'action':
      return { label: FIELD_LABELS.action, value: visibleLine(ask.action), dim: false };
    case 'iam':
      return { label: FIELD_LABELS.iam, value: m.kind === 'key' ? IAM_LABELS[ask.iam] : 'this policy', dim: false };
    case 'context': {
      const key = m.context.find((c) => c.lower === field.key)!;
      const typed = ask.context.get(field.key);
      if (typed !== undefined && typed !== '') return { label: visibleLine(key.key), value: visibleLine(typed), dim: false, key };
      const derived = derivedValue(m, ask, key);
      return { label: visibleLine(key.key), value: derived !== undefined ? `derived: ${visibleLine(derived)}` : 'absent', dim: true, key };
    }
  }
}

/** The type tag of a context field ("string", "ARN list", "derived string"). */
export function typeTag(key: ContextKey): string {
  return `${key.derived ? 'derived ' : ''}${key.type}${key.list ? ' list' : ''}`;
}

/** The values the policy expects for a key, as suggestions. */
export function expectsText(key: ContextKey): string {
  return key.expected.length === 0 ? '' : `expects ${key.expected.map((v) => `"${visibleLine(v)}"`).join(', ')} ${SYMBOLS.dot} ${SYMBOLS.leftRight}`;
}

import { visible, visibleLine } from '../text/visible.js';
import { childPointer } from '../policy/json-pointer.js';
import type { PolicyDocument, PolicyKind, Statement } from '../policy/model.js';
import { keyAccountOf } from '../lint/principals.js';
import { explainActions } from './actions.js';
import { explainCondition } from './conditions.js';
import { explainWho, shortWho } from './principals.js';
import { explainResources } from './resources.js';
import { matchTemplate } from './template-match.js';
import type { ExplainOptions, ExplanationPart, PolicyExplanation, StatementExplanation, TemplateReference } from './types.js';

export type * from './types.js';
export { describeResource } from './resources.js';
export { describePrincipal } from './principals.js';
export { explainCondition, isNegatedOperator } from './conditions.js';
export { matchTemplate } from './template-match.js';

function strip(text: string, prefix: string): string {
  return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

/**
 * Explains one statement from what it says: effect, who, which actions (wildcards
 * and NotAction expanded), on which keys, and each condition in words.
 */
export function explainStatement(statement: Statement, kind: PolicyKind, options: ExplainOptions = {}): StatementExplanation {
  const keyAccount = options.keyAccount ?? null;
  const effect = statement.effect === 'Allow' || statement.effect === 'Deny' ? statement.effect : null;
  const parts: ExplanationPart[] = [];
  const effectText = effect === 'Allow' ? 'Allows' : effect === 'Deny' ? 'Denies (a Deny overrides any Allow)' : `Effect ${JSON.stringify(statement.effect ?? null)} is not Allow or Deny: the statement is invalid`;
  parts.push({ kind: 'effect', text: effectText, path: childPointer(statement.pointer, 'Effect') });
  const who = explainWho(statement, kind, keyAccount);
  const actions = explainActions(statement, kind);
  const resources = explainResources(statement, kind);
  parts.push(who, actions, resources);
  const conditions = statement.conditions.map((c) => explainCondition(c, effect));
  if (conditions.length > 0) {
    parts.push({ kind: 'condition', text: conditions.length === 1 ? 'Condition:' : `Conditions: all ${conditions.length} must hold`, path: childPointer(statement.pointer, 'Condition'), children: conditions });
  }
  if (options.note) parts.push({ kind: 'note', text: `Note: ${options.note}`, path: statement.pointer });
  const verb = effect === 'Deny' ? 'Denies' : effect === 'Allow' ? 'Allows' : 'Would apply to';
  const what = strip(actions.text, 'Actions: ').replace(/ on a key$/, '');
  const where = kind === 'key' && !statement.notResource && statement.resource?.every((r) => r === '*') ? 'this key' : strip(resources.text, 'On: ');
  // The summary keeps each condition's words and drops the parenthesized key names and notes.
  const when = conditions.length ? `, ${conditions.map((c) => c.text.replace(/ \([^()]*\)/g, '')).join(' and ')}` : '';
  const summary = `${verb} ${shortWho(statement, kind, keyAccount)} ${what} on ${where}${when}.`;
  return { index: statement.index, sid: statement.sid ?? null, path: statement.pointer, effect, summary, parts };
}

/** Explains every statement; `notes[i]` (template teaching notes) is appended to statement i. */
export function explainPolicy(doc: PolicyDocument, kind: PolicyKind, notes: readonly (string | undefined)[] = [], template?: TemplateReference): PolicyExplanation {
  const keyAccount = kind === 'key' ? keyAccountOf(doc) : null;
  const statements = doc.statements.map((s, i) => {
    const note = notes[i];
    return explainStatement(s, kind, note === undefined ? { keyAccount } : { keyAccount, note });
  });
  return template ? { kind, statements, template } : { kind, statements };
}

/**
 * Explains a policy read from a file: when it is a render of a bundled template
 * (same shape and literals, any parameter values), that template's teaching
 * notes follow the generated text of each statement, and its overall note ends it.
 */
export function explainDocument(doc: PolicyDocument, kind: PolicyKind): PolicyExplanation {
  const t = matchTemplate(doc.raw);
  if (!t) return explainPolicy(doc, kind);
  return explainPolicy(doc, kind, t.statementNotes, { id: t.id, title: t.title, notes: t.notes ?? null });
}

function renderParts(parts: readonly ExplanationPart[], indent: string, out: string[]): void {
  for (const p of parts) {
    out.push(`${indent}${p.text}`);
    if (p.children) renderParts(p.children, `${indent}  `, out);
  }
}

/** Plain text of an explanation: one block per statement. */
export function renderExplanation(e: PolicyExplanation | StatementExplanation): string {
  const statements = 'statements' in e ? e.statements : [e];
  const out: string[] = [];
  for (const s of statements) {
    if (out.length > 0) out.push('');
    out.push(`Statement ${s.index}${s.sid ? ` "${visibleLine(s.sid)}"` : ''}`);
    renderParts(s.parts, '  ', out);
  }
  if ('template' in e && e.template) {
    out.push('', `Template ${e.template.id}: ${e.template.title}`);
    if (e.template.notes) out.push(`  Note: ${e.template.notes}`);
  }
  // Text for people: whatever the policy holds is shown, never acted on by the terminal (SPEC 2).
  return `${visible(out.join('\n'))}\n`;
}

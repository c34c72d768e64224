import { explainPolicy } from '../../core/explain/index.js';
import type { ExplanationPart, StatementExplanation } from '../../core/explain/types.js';
import type { PolicyDocument, PolicyKind } from '../../core/policy/model.js';
import { plain, SYMBOLS } from '../components/symbols.js';

function partLines(parts: readonly ExplanationPart[], depth: number, out: string[]): string[] {
  for (const p of parts) {
    // Notes are shown by the Policy tab under their own heading.
    if (p.kind === 'note') continue;
    out.push(`${'  '.repeat(depth)}${SYMBOLS.bullet} ${plain(p.text)}`);
    if (p.children) partLines(p.children, depth + 1, out);
  }
  return out;
}

/** A statement's explanation as text for the side panel: the summary, and one bullet per part. */
export function explanationText(e: StatementExplanation): { summary: string; details: string } {
  return { summary: plain(e.summary), details: partLines(e.parts, 0, []).join('\n') };
}

/** Plain-English text of each statement, by statement index (teaching notes are shown separately). */
export function explainStatements(doc: PolicyDocument, kind: PolicyKind): { summary: string; details: string }[] {
  const explanation = explainPolicy(doc, kind);
  const out: { summary: string; details: string }[] = [];
  for (const s of explanation.statements) out[s.index] = explanationText(s);
  return out;
}

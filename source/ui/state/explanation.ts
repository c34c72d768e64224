import { explainPolicy } from '../../core/explain/index.js';
import type { ExplanationPart, StatementExplanation } from '../../core/explain/types.js';
import type { PolicyDocument, PolicyKind } from '../../core/policy/model.js';
import { plain, SYMBOLS } from '../components/symbols.js';

/** One bullet of a statement's explanation; depth 0 is a top-level part. */
export interface ExplanationBullet {
  readonly depth: number;
  readonly text: string;
}

function partBullets(parts: readonly ExplanationPart[], depth: number, out: ExplanationBullet[]): ExplanationBullet[] {
  for (const p of parts) {
    // Notes are shown by the Policy tab under their own heading.
    if (p.kind === 'note') continue;
    out.push({ depth, text: plain(p.text) });
    if (p.children) partBullets(p.children, depth + 1, out);
  }
  return out;
}

export interface StatementText {
  readonly summary: string;
  /** One line per part, indented by depth. */
  readonly details: string;
  readonly bullets: readonly ExplanationBullet[];
}

/** A statement's explanation as text for the side panel: the summary, and one bullet per part. */
export function explanationText(e: StatementExplanation): StatementText {
  const bullets = partBullets(e.parts, 0, []);
  return { summary: plain(e.summary), details: bullets.map((b) => `${'  '.repeat(b.depth)}${SYMBOLS.bullet} ${b.text}`).join('\n'), bullets };
}

/** Plain-English text of each statement, by statement index (teaching notes are shown separately). */
export function explainStatements(doc: PolicyDocument, kind: PolicyKind): StatementText[] {
  const explanation = explainPolicy(doc, kind);
  const out: StatementText[] = [];
  for (const s of explanation.statements) out[s.index] = explanationText(s);
  return out;
}

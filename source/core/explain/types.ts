import type { PolicyKind } from '../policy/model.js';

/** What a part of an explanation describes. */
export type PartKind = 'effect' | 'principal' | 'actions' | 'action-group' | 'wildcard' | 'resources' | 'resource' | 'condition' | 'note';

/** One line of an explanation, with where in the policy it comes from. */
export interface ExplanationPart {
  readonly kind: PartKind;
  readonly text: string;
  /** JSON pointer of the element the part explains, e.g. "/Statement/0/Condition/StringEquals/kms:ViaService". */
  readonly path: string;
  /** For action groups: the KMS action ids covered, e.g. ["kms:Decrypt"]. */
  readonly actions?: readonly string[];
  readonly children?: readonly ExplanationPart[];
}

/** A statement explained in plain English, as data (renderers format it). */
export interface StatementExplanation {
  readonly index: number;
  readonly sid: string | null;
  readonly path: string;
  readonly effect: 'Allow' | 'Deny' | null;
  /** One sentence: "Allows account 111122223333 (through IAM policies) 50 KMS actions on this key." */
  readonly summary: string;
  readonly parts: readonly ExplanationPart[];
}

/** The template a policy is a render of, when there is one (its notes follow the generated text). */
export interface TemplateReference {
  readonly id: string;
  readonly title: string;
  /** The template's note about the whole policy, if any. */
  readonly notes: string | null;
}

export interface PolicyExplanation {
  readonly kind: PolicyKind;
  readonly statements: readonly StatementExplanation[];
  /** Present when the policy matches a template (see matchTemplate). */
  readonly template?: TemplateReference;
}

/** Context that an explanation may use beyond the statement itself. */
export interface ExplainOptions {
  /** The key's account (key policies): principals of other accounts are called out. */
  readonly keyAccount?: string | null;
  /** A teaching note appended to the explanation (templates' statement notes). */
  readonly note?: string;
}

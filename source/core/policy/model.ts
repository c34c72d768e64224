/**
 * The typed model of a policy document. It is a normalized view over the JSON
 * value: single strings become one-element lists, a single statement object
 * becomes a one-element statement list, and `raw` keeps what was written.
 * Building the model never fails; values of the wrong type are left out of the
 * normalized fields (lint reports them from `raw`).
 */

import { escapePointerToken } from './json-pointer.js';

export type PolicyKind = 'key' | 'identity';

/** Principal types of the Principal element; anything else is kept under its own name. */
export type PrincipalType = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser';

export interface PrincipalElement {
  /** `"Principal": "*"` — anyone (same as {"AWS": "*"}). */
  readonly wildcard: boolean;
  /** Type → values, e.g. AWS → ["arn:aws:iam::111122223333:root"]. */
  readonly values: Readonly<Record<string, readonly string[]>>;
  readonly raw: unknown;
}

export type SetQualifier = 'ForAnyValue' | 'ForAllValues';

/** One operator/key pair of a Condition block, e.g. StringEquals kms:ViaService. */
export interface ConditionClause {
  /** The operator as written, e.g. "ForAnyValue:StringLikeIfExists". */
  readonly operator: string;
  /** The operator without qualifier and IfExists, e.g. "StringLike". */
  readonly baseOperator: string;
  readonly qualifier: SetQualifier | null;
  readonly ifExists: boolean;
  /** The condition key as written (keys are matched case-insensitively). */
  readonly key: string;
  /** Values as strings ("true", "12"): IAM compares the string forms. */
  readonly values: readonly string[];
  /** JSON pointer of the key inside the Condition block. */
  readonly pointer: string;
}

export interface Statement {
  readonly index: number;
  /** JSON pointer of the statement: "/Statement/0", or "/Statement" for a single object. */
  readonly pointer: string;
  readonly sid: string | undefined;
  readonly effect: string | undefined;
  readonly principal: PrincipalElement | undefined;
  readonly notPrincipal: PrincipalElement | undefined;
  readonly action: readonly string[] | undefined;
  readonly notAction: readonly string[] | undefined;
  readonly resource: readonly string[] | undefined;
  readonly notResource: readonly string[] | undefined;
  readonly conditions: readonly ConditionClause[];
  /** The statement exactly as written. */
  readonly raw: unknown;
}

export interface PolicyDocument {
  readonly version: string | undefined;
  readonly id: string | undefined;
  readonly statements: readonly Statement[];
  /** True when Statement was written as a single object rather than an array. */
  readonly singleStatement: boolean;
  /** The whole JSON value as written. */
  readonly raw: unknown;
}

export const CONDITION_QUALIFIERS: readonly SetQualifier[] = ['ForAnyValue', 'ForAllValues'];

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A string or a list of strings, as policy elements allow; non-strings are dropped. */
export function stringList(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return undefined;
}

function scalarList(v: unknown): string[] {
  const list = Array.isArray(v) ? v : [v];
  return list
    .filter((x) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean')
    .map((x) => String(x));
}

export function parsePrincipal(v: unknown): PrincipalElement | undefined {
  if (v === undefined) return undefined;
  if (v === '*') return { wildcard: true, values: { AWS: ['*'] }, raw: v };
  // Principal types are outside text: a null prototype keeps "__proto__" or "constructor" plain keys.
  const values = Object.create(null) as Record<string, string[]>;
  if (isRecord(v)) {
    for (const [type, list] of Object.entries(v)) values[type] = stringList(list) ?? [];
  }
  return { wildcard: false, values, raw: v };
}

/** Splits "ForAnyValue:StringLikeIfExists" into its parts. */
export function parseOperator(operator: string): { baseOperator: string; qualifier: SetQualifier | null; ifExists: boolean } {
  let rest = operator;
  let qualifier: SetQualifier | null = null;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const q = rest.slice(0, colon);
    qualifier = (CONDITION_QUALIFIERS as readonly string[]).includes(q) ? (q as SetQualifier) : null;
    // An unknown qualifier stays in the base operator, which lint then reports as invalid.
    if (qualifier) rest = rest.slice(colon + 1);
  }
  const ifExists = rest.endsWith('IfExists') && rest.length > 'IfExists'.length;
  return { baseOperator: ifExists ? rest.slice(0, -'IfExists'.length) : rest, qualifier, ifExists };
}

// Operators repeat across statements and requests (simulate builds a document per request): split each once.
const operatorParts = new Map<string, ReturnType<typeof parseOperator>>();

function operatorPartsOf(operator: string): ReturnType<typeof parseOperator> {
  let parts = operatorParts.get(operator);
  if (!parts) {
    parts = parseOperator(operator);
    if (operatorParts.size > 1000) operatorParts.clear();
    operatorParts.set(operator, parts);
  }
  return parts;
}

export function parseConditions(v: unknown, pointer: string): ConditionClause[] {
  if (!isRecord(v)) return [];
  const clauses: ConditionClause[] = [];
  for (const [operator, block] of Object.entries(v)) {
    if (!isRecord(block)) continue;
    const { baseOperator, qualifier, ifExists } = operatorPartsOf(operator);
    const operatorPointer = `${pointer}/Condition/${escapePointerToken(operator)}/`;
    for (const [key, values] of Object.entries(block)) {
      clauses.push({ operator, baseOperator, qualifier, ifExists, key, values: scalarList(values), pointer: operatorPointer + escapePointerToken(key) });
    }
  }
  return clauses;
}

export function buildStatement(raw: unknown, index: number, pointer: string): Statement {
  const s = isRecord(raw) ? raw : {};
  return {
    index,
    pointer,
    sid: typeof s.Sid === 'string' ? s.Sid : undefined,
    effect: typeof s.Effect === 'string' ? s.Effect : undefined,
    principal: parsePrincipal(s.Principal),
    notPrincipal: parsePrincipal(s.NotPrincipal),
    action: stringList(s.Action),
    notAction: stringList(s.NotAction),
    resource: stringList(s.Resource),
    notResource: stringList(s.NotResource),
    conditions: parseConditions(s.Condition, pointer),
    raw,
  };
}

/** Builds the model from a JSON value of any shape. */
export function buildDocument(raw: unknown): PolicyDocument {
  const doc = isRecord(raw) ? raw : {};
  const st = doc.Statement;
  const singleStatement = isRecord(st);
  const list: unknown[] = Array.isArray(st) ? st : singleStatement ? [st] : [];
  return {
    version: typeof doc.Version === 'string' ? doc.Version : undefined,
    id: typeof doc.Id === 'string' ? doc.Id : undefined,
    statements: list.map((s, i) => buildStatement(s, i, singleStatement ? '/Statement' : `/Statement/${i}`)),
    singleStatement,
    raw,
  };
}

/** SPEC 2: a policy whose statements carry Principal/NotPrincipal is a key policy. */
export function detectKind(doc: PolicyDocument): PolicyKind {
  return doc.statements.some((s) => isRecord(s.raw) && ('Principal' in s.raw || 'NotPrincipal' in s.raw)) ? 'key' : 'identity';
}

/**
 * `data "aws_iam_policy_document"` to a policy document, as the AWS provider
 * renders it (registry: data-sources/iam_policy_document): version defaults to
 * 2012-10-17, effect to Allow; a one-element list is written as a string and
 * longer lists in reverse sorted order (the provider's policyDecodeConfigStringList);
 * `&{aws:username}` is the policy variable `${aws:username}`; statements of
 * source_policy_documents come first, a statement block replaces a source
 * statement of the same sid, and each override_policy_documents statement
 * replaces the one of the same sid or is appended.
 */
import type { SourcePosition } from '../policy/json.js';
import { childPointer } from '../policy/json-pointer.js';

/** One statement of a data source with positions relative to it ('' , '/Action', '/Principal/AWS'). */
export interface PositionedStatement {
  readonly value: Record<string, unknown>;
  readonly positions: Map<string, SourcePosition>;
}

const LIST_ATTRIBUTES = [
  ['actions', 'Action'],
  ['not_actions', 'NotAction'],
  ['resources', 'Resource'],
  ['not_resources', 'NotResource'],
] as const;

const asList = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]).map((x) => String(x).replace(/&\{/g, '${'));

/** Single value as a string, several reverse sorted (as the provider writes them). */
function decodeList(values: string[]): string | string[] {
  if (values.length === 1) return values[0]!;
  return [...values].sort().reverse();
}

/** Finds attribute and nested block positions of one statement block in the text. */
export interface StatementLocator {
  attribute(name: string): SourcePosition | undefined;
  /** The n-th nested block of that name (principals, not_principals, condition). */
  block(name: string, n: number): { start: SourcePosition; attribute(name: string): SourcePosition | undefined } | undefined;
}

export function statementFromBlock(block: Record<string, unknown>, at: SourcePosition, locate: StatementLocator): PositionedStatement {
  const value: Record<string, unknown> = {};
  const positions = new Map<string, SourcePosition>([['', at]]);
  const put = (pointer: string, p: SourcePosition | undefined) => {
    if (p) positions.set(pointer, p);
  };
  if (typeof block.sid === 'string' && block.sid !== '') {
    value.Sid = block.sid;
    put('/Sid', locate.attribute('sid'));
  }
  value.Effect = typeof block.effect === 'string' ? block.effect : 'Allow';
  put('/Effect', locate.attribute('effect'));
  for (const [name, element] of [['principals', 'Principal'], ['not_principals', 'NotPrincipal']] as const) {
    const blocks = Array.isArray(block[name]) ? (block[name] as Record<string, unknown>[]) : [];
    if (blocks.length === 0) continue;
    const merged = new Map<string, string[]>();
    blocks.forEach((p, i) => {
      const type = String(p.type ?? '');
      merged.set(type, [...(merged.get(type) ?? []), ...asList(p.identifiers)]);
      const b = locate.block(name, i);
      if (b) {
        if (i === 0) put(`/${element}`, b.start);
        put(childPointer(`/${element}`, type), b.attribute('identifiers') ?? b.start);
      }
    });
    const only = [...merged.entries()];
    if (only.length === 1 && only[0]![0] === '*' && only[0]![1].every((x) => x === '*')) value[element] = '*';
    else value[element] = Object.fromEntries(only.map(([t, ids]) => [t, decodeList(ids)]));
  }
  for (const [attr, element] of LIST_ATTRIBUTES) {
    if (block[attr] === undefined) continue;
    value[element] = decodeList(asList(block[attr]));
    put(`/${element}`, locate.attribute(attr));
  }
  const conditions = Array.isArray(block.condition) ? (block.condition as Record<string, unknown>[]) : [];
  if (conditions.length > 0) {
    const out: Record<string, Record<string, string | string[]>> = {};
    conditions.forEach((c, i) => {
      const test = String(c.test ?? '');
      const variable = String(c.variable ?? '');
      (out[test] ??= {})[variable] = decodeList(asList(c.values));
      const b = locate.block('condition', i);
      if (b) {
        if (i === 0) put('/Condition', b.start);
        put(childPointer('/Condition', test), b.attribute('test') ?? b.start);
        put(childPointer(childPointer('/Condition', test), variable), b.attribute('variable') ?? b.start);
      }
    });
    value.Condition = out;
  }
  return { value, positions };
}

/** Merges statements by sid, as the provider does (later replaces earlier with the same non-empty sid). */
export function mergeBySid(base: readonly PositionedStatement[], layer: readonly PositionedStatement[]): PositionedStatement[] {
  const out = [...base];
  for (const s of layer) {
    const sid = typeof s.value.Sid === 'string' ? s.value.Sid : '';
    const i = sid === '' ? -1 : out.findIndex((o) => o.value.Sid === sid);
    if (i >= 0) out[i] = s;
    else out.push(s);
  }
  return out;
}

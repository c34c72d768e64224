/**
 * Positions in a source file, and trees rebased from one place to another:
 * a policy inside a template keeps the positions of its template nodes, with
 * JSON pointers that start at the policy.
 */
import { FINDING_RULES, type Finding, type FindingId } from '../lint/catalog.js';
import type { JsonMember, JsonNode, SourcePosition } from '../policy/json.js';
import { childPointer } from '../policy/json-pointer.js';

/** Offset → line/column for one text (binary search over line starts). */
export function lineIndex(text: string): (offset: number) => SourcePosition {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset: number) => {
    const o = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - starts[lo]! + 1, offset: o };
  };
}

/** A node's plain value (last duplicate key wins, as JSON.parse). */
export function valueOf(node: JsonNode): unknown {
  if (node.type === 'object') {
    const out: Record<string, unknown> = {};
    for (const m of node.members) Object.defineProperty(out, m.key, { value: valueOf(m.value), enumerable: true, writable: true, configurable: true });
    return out;
  }
  if (node.type === 'array') return node.items.map(valueOf);
  return node.value;
}

/** A member of an object node (last duplicate wins). */
export function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (!node || node.type !== 'object') return undefined;
  for (let i = node.members.length - 1; i >= 0; i--) if (node.members[i]!.key === key) return node.members[i]!.value;
  return undefined;
}

export function memberEntry(node: JsonNode | undefined, key: string): JsonMember | undefined {
  if (!node || node.type !== 'object') return undefined;
  for (let i = node.members.length - 1; i >= 0; i--) if (node.members[i]!.key === key) return node.members[i]!;
  return undefined;
}

/**
 * Copies a tree with pointers relative to a new root (""), positions moved by
 * `move`, and each node first offered to `replace` (for intrinsic functions
 * that become symbolic strings).
 */
export function rebase(
  node: JsonNode,
  options: { move?: (p: SourcePosition) => SourcePosition; replace?: (node: JsonNode, pointer: string) => JsonNode | null } = {},
  pointer = '',
): JsonNode {
  const move = options.move ?? ((p: SourcePosition) => p);
  const replaced = options.replace?.(node, pointer);
  if (replaced) return replaced;
  const base = { pointer, start: move(node.start), end: move(node.end) };
  if (node.type === 'object') {
    return {
      ...base,
      type: 'object',
      members: node.members.map((m) => ({ key: m.key, keyStart: move(m.keyStart), value: rebase(m.value, options, childPointer(pointer, m.key)) })),
    };
  }
  if (node.type === 'array') return { ...base, type: 'array', items: node.items.map((n, i) => rebase(n, options, childPointer(pointer, i))) };
  return { ...base, type: node.type, value: node.value };
}

/** A finding about a source file (not about a statement): JSON_SYNTAX and the like. */
export function sourceFinding(id: FindingId, message: string, at: { line: number; column: number } | null, path = ''): Finding {
  return {
    id,
    severity: FINDING_RULES[id].severity,
    statement: null,
    path,
    line: at?.line ?? null,
    column: at?.column ?? null,
    message,
    fix: FINDING_RULES[id].fix,
  };
}

/** The value of a string node, else undefined. */
export function stringValue(node: JsonNode | undefined): string | undefined {
  return node?.type === 'string' ? String(node.value) : undefined;
}

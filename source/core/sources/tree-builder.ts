/** A position tree for a value assembled by an adapter, from a map of pointer → source position. */
import type { JsonNode, SourcePosition } from '../policy/json.js';
import { childPointer } from '../policy/json-pointer.js';

export type PositionMap = ReadonlyMap<string, SourcePosition>;

/** Each node takes the position of its pointer in `positions`, else its parent's. */
export function treeFromValue(value: unknown, positions: PositionMap, fallback: SourcePosition, pointer = ''): JsonNode {
  const start = positions.get(pointer) ?? fallback;
  const base = { pointer, start, end: start };
  if (Array.isArray(value)) return { ...base, type: 'array', items: value.map((v, i) => treeFromValue(v, positions, start, childPointer(pointer, i))) };
  if (value !== null && typeof value === 'object') {
    return {
      ...base,
      type: 'object',
      members: Object.entries(value as Record<string, unknown>).map(([key, v]) => {
        const child = treeFromValue(v, positions, start, childPointer(pointer, key));
        return { key, keyStart: child.start, value: child };
      }),
    };
  }
  if (typeof value === 'number') return { ...base, type: 'number', value };
  if (typeof value === 'boolean') return { ...base, type: 'boolean', value };
  if (typeof value === 'string') return { ...base, type: 'string', value };
  return { ...base, type: 'null', value: null };
}

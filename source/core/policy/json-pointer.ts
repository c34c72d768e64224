import type { JsonNode, SourcePosition } from './json.js';

/** JSON pointers (RFC 6901): how findings and explanations name the element they are about. */

export function escapePointerToken(token: string): string {
  // Most keys need no escaping (a pointer per member of every parsed policy).
  if (!token.includes('~') && !token.includes('/')) return token;
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function childPointer(parent: string, token: string | number): string {
  return `${parent}/${typeof token === 'number' ? token : escapePointerToken(token)}`;
}

/** Finds the node at a JSON pointer, or the deepest existing ancestor. */
export function nodeAt(root: JsonNode | null, pointer: string): JsonNode | null {
  if (!root) return null;
  if (pointer === '') return root;
  const tokens = pointer.split('/').slice(1).map(unescapePointerToken);
  let node: JsonNode = root;
  for (const token of tokens) {
    let next: JsonNode | undefined;
    if (node.type === 'object') {
      // last duplicate wins, as in the value
      for (let i = node.members.length - 1; i >= 0; i--) {
        if (node.members[i]!.key === token) {
          next = node.members[i]!.value;
          break;
        }
      }
    } else if (node.type === 'array') next = node.items[Number(token)];
    if (!next) return node;
    node = next;
  }
  return node;
}

/** Position of the key of an object member (`"Principal": ...`), else of the value. */
export function keyPositionAt(root: JsonNode | null, pointer: string): SourcePosition | null {
  if (!root) return null;
  const slash = pointer.lastIndexOf('/');
  if (slash < 0) return root.start;
  const parent = nodeAt(root, pointer.slice(0, slash));
  const token = unescapePointerToken(pointer.slice(slash + 1));
  if (parent && parent.pointer === pointer.slice(0, slash) && parent.type === 'object') {
    for (let i = parent.members.length - 1; i >= 0; i--) {
      if (parent.members[i]!.key === token) return parent.members[i]!.keyStart;
    }
  }
  return nodeAt(root, pointer)?.start ?? null;
}

/**
 * YAML (CloudFormation templates) read by the `yaml` library into the same
 * position tree as JSON. Short-form intrinsics (`!Sub`, `!Ref`, `!GetAtt` ...)
 * are custom tags; each becomes its long form (`{"Fn::Sub": ...}`, `{"Ref": ...}`),
 * which CloudFormation defines as the same thing
 * (intrinsic-function-reference.html), so one reader handles both.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, YAMLMap, YAMLSeq, type Document, type Node as YamlNode, type Tags } from 'yaml';
import type { JsonMember, JsonNode, SourcePosition } from '../policy/json.js';
import { childPointer } from '../policy/json-pointer.js';
import { lineIndex } from './positions.js';

/** The short-form intrinsic functions and condition functions of CloudFormation. */
export const CFN_INTRINSICS = [
  'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform',
  'ToJsonString', 'Length', 'If', 'Equals', 'And', 'Or', 'Not', 'Condition', 'Ref',
] as const;

// The tags only mark the node: the reader turns each into its long form.
const CUSTOM_TAGS: Tags = CFN_INTRINSICS.flatMap((name): Tags => [
  { tag: `!${name}`, resolve: (s: string) => s },
  { tag: `!${name}`, collection: 'seq', nodeClass: YAMLSeq, resolve: (s: unknown) => s },
  { tag: `!${name}`, collection: 'map', nodeClass: YAMLMap, resolve: (s: unknown) => s },
]);

/** The long-form key of a short-form tag: !Ref → Ref, !Condition → Condition, !Sub → Fn::Sub. */
export function longFormKey(tag: string): string | null {
  const name = tag.slice(1);
  if (!(CFN_INTRINSICS as readonly string[]).includes(name)) return null;
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

export interface YamlRead {
  readonly root: JsonNode | null;
  readonly errors: readonly { message: string; line: number; column: number }[];
}

export function readYaml(text: string): YamlRead {
  const doc = parseDocument(text, { customTags: CUSTOM_TAGS, prettyErrors: false });
  const at = lineIndex(text);
  const errors = doc.errors.map((e) => {
    const p = at(e.pos[0]);
    return { message: e.message.split('\n')[0]!, line: p.line, column: p.column };
  });
  if (errors.length > 0) return { root: null, errors };
  return { root: doc.contents ? convert(doc, doc.contents as YamlNode, '', at, 0) : null, errors };
}

function convert(doc: Document, node: YamlNode, pointer: string, at: (o: number) => SourcePosition, depth: number, untag = false): JsonNode {
  const range = node.range ?? [0, 0, 0];
  const start = at(range[0]);
  const end = at(range[1]);
  if (depth > 256) return { type: 'null', value: null, pointer, start, end };
  if (isAlias(node)) {
    const target = node.resolve(doc);
    return target ? convert(doc, target as YamlNode, pointer, at, depth + 1) : { type: 'null', value: null, pointer, start, end };
  }
  const long = node.tag && !untag ? longFormKey(node.tag) : null;
  if (long) {
    // The tagged value is the argument of the function: {"Fn::Sub": <argument>}.
    const inner = convert(doc, node, childPointer(pointer, long), at, depth + 1, true);
    return { type: 'object', members: [{ key: long, keyStart: start, value: inner }], pointer, start, end };
  }
  if (isMap(node)) {
    const members: JsonMember[] = [];
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode ?? '');
      const keyStart = at(keyNode?.range?.[0] ?? range[0]);
      const valueNode = pair.value as YamlNode | null;
      const value: JsonNode = valueNode
        ? convert(doc, valueNode, childPointer(pointer, key), at, depth + 1)
        : { type: 'null', value: null, pointer: childPointer(pointer, key), start: keyStart, end: keyStart };
      members.push({ key, keyStart, value });
    }
    return { type: 'object', members, pointer, start, end };
  }
  if (isSeq(node)) {
    return { type: 'array', items: node.items.map((n, i) => convert(doc, n as YamlNode, childPointer(pointer, i), at, depth + 1)), pointer, start, end };
  }
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return { type: 'null', value: null, pointer, start, end };
    if (typeof v === 'number') return { type: 'number', value: v, pointer, start, end };
    if (typeof v === 'boolean') return { type: 'boolean', value: v, pointer, start, end };
    return { type: 'string', value: String(v), pointer, start, end };
  }
  return { type: 'null', value: null, pointer, start, end };
}

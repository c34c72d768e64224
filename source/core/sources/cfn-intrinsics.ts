/**
 * CloudFormation intrinsic functions inside a policy: nothing can be resolved
 * offline, so each becomes a string shown as written (`!Ref KeyAdmin`,
 * `!GetAtt AppRole.Arn`, the text of a `!Sub` with its `${AWS::AccountId}`)
 * and names the references it holds (intrinsic-function-reference-sub.html:
 * `${!Literal}` is the literal `${Literal}`, not a reference).
 */
import type { JsonNode } from '../policy/json.js';
import { valueOf } from './positions.js';

export interface Symbolic {
  readonly text: string;
  readonly references: readonly string[];
}

/** The function name of an intrinsic node ({"Ref": x}, {"Fn::Sub": x}), else null. */
export function intrinsicName(node: JsonNode): string | null {
  if (node.type !== 'object' || node.members.length !== 1) return null;
  const key = node.members[0]!.key;
  if (key === 'Ref' || key === 'Condition') return key;
  return key.startsWith('Fn::') ? key : null;
}

function compact(node: JsonNode): string {
  return JSON.stringify(valueOf(node)) ?? '';
}

/** References `${X}` of a Sub string (not `${!X}`, which is literal). */
function subReferences(text: string, known: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\$\{([^}!][^}]*)\}/g)) if (!known.has(m[1]!)) out.push(`\${${m[1]!}}`);
  return out;
}

/** A string shown as written for an intrinsic (node must satisfy intrinsicName). */
export function symbolic(node: JsonNode, inJoin = false): Symbolic {
  const name = intrinsicName(node)!;
  const arg = node.type === 'object' ? node.members[0]!.value : node;
  if (name === 'Ref') {
    const target = arg.type === 'string' ? String(arg.value) : compact(arg);
    return { text: inJoin ? `\${${target}}` : `!Ref ${target}`, references: [`!Ref ${target}`] };
  }
  if (name === 'Fn::GetAtt') {
    const v = valueOf(arg);
    const path = Array.isArray(v) ? v.map(String).join('.') : String(v);
    return { text: inJoin ? `\${${path}}` : `!GetAtt ${path}`, references: [`!GetAtt ${path}`] };
  }
  if (name === 'Fn::Sub') {
    let template = '';
    const vars = new Map<string, string>();
    const refs: string[] = [];
    if (arg.type === 'string') template = String(arg.value);
    else if (arg.type === 'array' && arg.items[0]?.type === 'string') {
      template = String(arg.items[0].value);
      const map = arg.items[1];
      if (map?.type === 'object') {
        for (const m of map.members) {
          if (m.value.type === 'string') vars.set(m.key, String(m.value.value));
          else if (intrinsicName(m.value)) {
            const s = symbolic(m.value, true);
            vars.set(m.key, s.text);
            refs.push(...s.references);
          }
        }
      }
    } else return { text: `!Sub ${compact(arg)}`, references: [`!Sub ${compact(arg)}`] };
    const references = [...refs, ...subReferences(template, new Set(vars.keys()))];
    const text = template.replace(/\$\{([^}]*)\}/g, (whole, inner: string) =>
      inner.startsWith('!') ? `\${${inner.slice(1)}}` : vars.get(inner) ?? whole,
    );
    return { text, references };
  }
  if (name === 'Fn::Join' && arg.type === 'array' && arg.items[0]?.type === 'string' && arg.items[1]?.type === 'array') {
    const delimiter = String(arg.items[0].value);
    const parts: string[] = [];
    const references: string[] = [];
    for (const part of arg.items[1].items) {
      if (part.type === 'string') parts.push(String(part.value));
      else if (intrinsicName(part)) {
        const s = symbolic(part, true);
        parts.push(s.text);
        references.push(...s.references);
      } else parts.push(compact(part));
    }
    return { text: parts.join(delimiter), references };
  }
  const short = `!${name.replace(/^Fn::/, '')} ${compact(arg)}`;
  return { text: short, references: [short] };
}

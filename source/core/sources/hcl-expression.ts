/**
 * A `jsonencode({...})` argument, from the expression tree of HashiCorp's HCL
 * parser (@cdktf/hcl2json getExpressionAst, given to us by the commands layer),
 * to a position tree in the .tf file. Literals become JSON values; anything
 * that needs evaluation (var.x, local.y, "${...}" templates, function calls)
 * stays a string as written and is named as an unresolved reference.
 */
import type { JsonMember, JsonNode, SourcePosition } from '../policy/json.js';
import { childPointer } from '../policy/json-pointer.js';

/** The parts of the parser's expression tree that we read (see @cdktf/hcl2json syntax-tree.d.ts). */
export interface HclExpressionAst {
  readonly type: string;
  readonly range: { readonly start: { readonly byte: number }; readonly end: { readonly byte: number } };
  readonly children?: readonly HclExpressionAst[] | null;
  readonly meta?: { readonly type?: string; readonly value?: unknown } | null;
}

export interface HclConversion {
  readonly root: JsonNode | null;
  readonly references: { expression: string; pointer: string; at: SourcePosition }[];
}

/** UTF-8 byte offset in `expr` → UTF-16 index. */
function byteToIndex(expr: string): (byte: number) => number {
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(expr)) return (b) => b;
  const table: number[] = [];
  let byte = 0;
  for (let i = 0; i < expr.length; i++) {
    const c = expr.codePointAt(i)!;
    const n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    for (let k = 0; k < n; k++) table[byte + k] = i;
    byte += n;
    if (c >= 0x10000) i++;
  }
  table[byte] = expr.length;
  return (b) => table[b] ?? expr.length;
}

/**
 * Converts the argument of the function call `ast` (expression text `expr`,
 * written at `exprOffset` of the file).
 */
export function convertJsonencode(ast: HclExpressionAst, expr: string, exprOffset: number, at: (offset: number) => SourcePosition): HclConversion {
  const index = byteToIndex(expr);
  const references: HclConversion['references'] = [];
  const pos = (byte: number) => at(exprOffset + index(byte));
  const slice = (n: HclExpressionAst) => expr.slice(index(n.range.start.byte), index(n.range.end.byte));
  // A quoted string's range starts inside its quotes: point at the opening quote, as a JSON document's positions do.
  const startOf = (n: HclExpressionAst) => {
    const i = index(n.range.start.byte);
    return at(exprOffset + (i > 0 && expr[i - 1] === '"' && expr[i] !== '"' ? i - 1 : i));
  };

  const symbolic = (n: HclExpressionAst, pointer: string, text: string): JsonNode => {
    const start = startOf(n);
    for (const m of text.matchAll(/(?<!\$)\$\{([^}]*)\}/g)) references.push({ expression: m[1]!.trim(), pointer, at: start });
    return { type: 'string', value: text, pointer, start, end: pos(n.range.end.byte) };
  };

  const convert = (n: HclExpressionAst, pointer: string, depth: number): JsonNode => {
    const start = startOf(n);
    const end = pos(n.range.end.byte);
    const children = n.children ?? [];
    if (depth > 256) return { type: 'null', value: null, pointer, start, end };
    if (n.type === 'object') {
      const members: JsonMember[] = [];
      for (let i = 0; i + 1 < children.length; i += 2) {
        const keyNode = children[i]!;
        const quoted = keyNode.children?.find((c) => c.type === 'template');
        const literal = quoted?.children?.length === 1 && quoted.children[0]!.type === 'literalValue' ? String(quoted.children[0]!.meta?.value ?? '') : null;
        const key = literal !== null ? unescapeTemplate(literal) : slice(keyNode).replace(/^"|"$/g, '');
        members.push({ key, keyStart: startOf(keyNode), value: convert(children[i + 1]!, childPointer(pointer, key), depth + 1) });
      }
      return { type: 'object', members, pointer, start, end };
    }
    if (n.type === 'tuple') return { type: 'array', items: children.map((c, i) => convert(c, childPointer(pointer, i), depth + 1)), pointer, start, end };
    if (n.type === 'literalValue') {
      const t = n.meta?.type;
      const v = n.meta?.value;
      if (t === 'number') return { type: 'number', value: Number(v), pointer, start, end };
      if (t === 'bool') return { type: 'boolean', value: v === true || v === 'true', pointer, start, end };
      if (t === 'string') return { type: 'string', value: String(v ?? ''), pointer, start, end };
      return { type: 'null', value: null, pointer, start, end };
    }
    if (n.type === 'template' && children.every((c) => c.type === 'literalValue')) {
      // The parser leaves template escapes as written: $${ is a literal ${ (an IAM policy variable), %%{ a literal %{.
      return { type: 'string', value: unescapeTemplate(children.map((c) => String(c.meta?.value ?? '')).join('')), pointer, start, end };
    }
    // Template ranges cover only their first part; meta.value is the template as written, quotes included.
    if (n.type === 'template' || n.type === 'templateWrap') return symbolic(n, pointer, String(n.meta?.value ?? slice(n)).replace(/^"|"$/g, ''));
    // A traversal (var.x), a call, a conditional: the value is Terraform's to compute.
    return symbolic(n, pointer, `\${${slice(n)}}`);
  };

  const call = ast.type === 'function' ? ast.children?.[0] : ast;
  return { root: call ? convert(call, '', 0) : null, references };
}

/**
 * The value of a quoted template's literal part: the parser leaves it as written. HCL's
 * escapes (hcl/hclsyntax spec.md, "Template Literals"): \n \r \t \" \\ \uNNNN \UNNNNNNNN,
 * and $${ / %%{ for a literal ${ (an IAM policy variable) or %{.
 */
function unescapeTemplate(s: string): string {
  return s.replace(/\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|([nrt"\\]))|\$\$\{|%%\{/g, (m, u4: string | undefined, u8: string | undefined, c: string | undefined) => {
    if (u4 !== undefined) return String.fromCharCode(Number.parseInt(u4, 16));
    if (u8 !== undefined) {
      const cp = Number.parseInt(u8, 16);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    if (c !== undefined) return c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c;
    return m === '$${' ? '${' : '%{';
  });
}

/**
 * A policy written as JSON inside a string of another document (`aws kms
 * get-key-policy` output, a Terraform plan's `policy` attribute, a heredoc):
 * parsed with the position-keeping parser, its positions mapped back through
 * the string's escapes to the file, so a finding points at the character.
 */
import type { Finding } from '../lint/catalog.js';
import type { JsonNode, SourcePosition } from '../policy/json.js';
import { parseJson } from '../policy/json.js';
import { buildDocument } from '../policy/model.js';
import { parsePolicy, type ParsedPolicy } from '../policy/parse.js';
import { lineIndex, rebase, valueOf } from './positions.js';

/** For each character of the decoded string, the offset in `text` it was written at (plus one past the end). */
export function stringOffsets(text: string, quoteOffset: number): number[] {
  const map: number[] = [];
  let i = quoteOffset + 1;
  while (i < text.length && text[i] !== '"') {
    if (text[i] === '\\') {
      const esc = text[i + 1];
      map.push(i);
      if (esc === 'u') {
        const code = parseInt(text.slice(i + 2, i + 6), 16);
        i += 6;
        // A surrogate pair written as two escapes is two code units: map both to the first.
        if (code >= 0xd800 && code <= 0xdbff && text[i] === '\\' && text[i + 1] === 'u') {
          map.push(i);
          i += 6;
        }
      } else i += 2;
    } else {
      map.push(i);
      i++;
    }
  }
  map.push(i);
  return map;
}

/** Inner line/column → inner offset. */
function offsetOf(text: string): (line: number, column: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (line, column) => (starts[line - 1] ?? 0) + column - 1;
}

/**
 * Parses `inner` (JSON text written at `toOuter(offset)` of the file) as a
 * policy whose tree and findings carry file positions.
 */
export function parseEmbeddedPolicy(inner: string, toOuter: (innerOffset: number) => SourcePosition): ParsedPolicy {
  const parsed = parsePolicy(inner);
  const innerOffset = offsetOf(inner);
  const findings: Finding[] = parsed.findings.map((f) => {
    if (f.line === null) return f;
    const p = toOuter(innerOffset(f.line, f.column ?? 1));
    return { ...f, line: p.line, column: p.column };
  });
  const ast = parsed.ast ? rebase(parsed.ast, { move: (p) => toOuter(p.offset) }) : null;
  return { document: parsed.document, ast, findings, text: inner };
}

/** The policy in a JSON string node of a file: positions through the escapes of the string. */
export function parsePolicyInString(fileText: string, node: JsonNode & { type: 'string' }, at = lineIndex(fileText)): ParsedPolicy {
  const offsets = stringOffsets(fileText, node.start.offset);
  const inner = String(node.value);
  return parseEmbeddedPolicy(inner, (o) => at(offsets[Math.min(o, offsets.length - 1)] ?? node.start.offset));
}

/** A policy whose value is known but whose text is not the file's (URL-encoded documents): every position is `at`. */
export function policyAt(value: unknown, at: SourcePosition): ParsedPolicy {
  const text = JSON.stringify(value) ?? '';
  const parsed = parseJson(text);
  const ast = parsed.root ? rebase(parsed.root, { move: () => at }) : null;
  return { document: buildDocument(value), ast, findings: [], text };
}

/** A policy from a tree already positioned in the file (CloudFormation, Terraform). */
export function policyFromTree(root: JsonNode, findings: readonly Finding[] = []): ParsedPolicy {
  const value = valueOf(root);
  return { document: buildDocument(value), ast: root, findings, text: JSON.stringify(value) ?? '' };
}

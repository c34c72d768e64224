import { FINDING_RULES, type Finding } from '../lint/catalog.js';
import { buildDocument, type PolicyDocument } from './model.js';
import { parseJson, type JsonNode } from './json.js';
import { keyPositionAt, nodeAt } from './json-pointer.js';

/** A policy read from text: the model (null when the JSON could not be read), its tree and syntax findings. */
export interface ParsedPolicy {
  readonly document: PolicyDocument | null;
  readonly ast: JsonNode | null;
  /** JSON_SYNTAX and DUPLICATE_JSON_KEY findings, with line and column. */
  readonly findings: readonly Finding[];
  readonly text: string;
}

export interface Location {
  readonly line: number | null;
  readonly column: number | null;
}

/** Statement index of a pointer such as /Statement/2/Action (0 for a single statement object). */
export function statementIndexOf(pointer: string): number | null {
  const m = /^\/Statement(?:\/(\d+))?(?:\/|$)/.exec(pointer);
  if (!m) return null;
  return m[1] === undefined ? 0 : Number(m[1]);
}

/**
 * Where a JSON pointer is in the source: the key of an object member (so a
 * finding about "Principal" points at `"Principal":`), else the value.
 */
export function locate(ast: JsonNode | null, pointer: string): Location {
  const pos = keyPositionAt(ast, pointer) ?? nodeAt(ast, pointer)?.start ?? null;
  return { line: pos?.line ?? null, column: pos?.column ?? null };
}

export function parsePolicy(text: string): ParsedPolicy {
  return policyOfJson(text, parseJson(text));
}

/** The policy of text already read by parseJson (a source reader that looked at it first need not read it again). */
export function policyOfJson(text: string, parsed: ReturnType<typeof parseJson>): ParsedPolicy {
  const findings: Finding[] = parsed.problems.map((p) => {
    const id = p.kind === 'syntax' ? 'JSON_SYNTAX' : 'DUPLICATE_JSON_KEY';
    return {
      id,
      severity: FINDING_RULES[id].severity,
      statement: statementIndexOf(p.pointer),
      path: p.pointer,
      line: p.line,
      column: p.column,
      message: p.message,
      fix: FINDING_RULES[id].fix,
    };
  });
  const document = parsed.root ? buildDocument(parsed.value) : null;
  return { document, ast: parsed.root, findings, text };
}

export type DecodedText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly finding: Finding };

/**
 * Decodes file bytes as UTF-8 (policies are UTF-8 at AWS). Invalid bytes, or a
 * NUL (binary file), become a JSON_SYNTAX finding at the offending line/column.
 */
export function decodePolicyBytes(bytes: Uint8Array): DecodedText {
  let bad = -1;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const nul = text.indexOf('\u0000');
    if (nul < 0) return { ok: true, text };
    bad = new TextEncoder().encode(text.slice(0, nul)).length;
  } catch {
    bad = firstInvalidUtf8(bytes);
  }
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
  const lines = prefix.split('\n');
  const line = lines.length;
  const column = (lines[lines.length - 1]?.length ?? 0) + 1;
  const isNul = bytes[bad] === 0;
  return {
    ok: false,
    finding: {
      id: 'JSON_SYNTAX',
      severity: 'error',
      statement: null,
      path: '',
      line,
      column,
      message: isNul
        ? 'The input contains a NUL byte: this looks like a binary file, not a JSON policy'
        : `The input is not valid UTF-8 text (byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')}); save the policy as UTF-8`,
      fix: 'Save the policy as UTF-8 JSON text.',
    },
  };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return Math.max(0, bytes.length - 1);
}

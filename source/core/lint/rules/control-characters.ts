import type { JsonNode } from '../../policy/json.js';
import { childPointer } from '../../policy/json-pointer.js';
import { isRecord } from '../../policy/model.js';
import { visibleLine } from '../../text/visible.js';
import type { LintContext } from '../context.js';

/**
 * CONTROL_CHARACTER: a control, bidi or zero-width character in any string of
 * the policy, keys included. AWS stores such strings as given, and a reviewer
 * reading the policy in a terminal or a web page sees something other than
 * what it says ("Trojan Source"); an escape sequence in a Sid can rename the
 * window or write the clipboard of whoever prints it. Newline and tab count
 * too: no policy element needs them inside a string.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

/** Long strings are shown around their first unsafe character, so the message stays a line or two. */
function excerpt(text: string): string {
  const shown = visibleLine(text);
  if (shown.length <= 100) return shown;
  const at = shown.search(/\\u00[0-9a-f]{2}|\\u20[0-9a-f]{2}|\\u061c|\\ufeff/);
  const start = Math.max(0, at - 40);
  return `${start > 0 ? '...' : ''}${shown.slice(start, start + 100)}...`;
}

function message(what: 'key' | 'value', text: string): string {
  return `The ${what === 'key' ? 'key' : 'string'} "${excerpt(text)}" contains ${describe(text)}`;
}

function describe(text: string): string {
  const codes = [...new Set([...text].filter((c) => UNSAFE.test(c)).map((c) => `U+${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`))];
  return `${codes.length === 1 ? 'the invisible character' : 'the invisible characters'} ${codes.join(', ')}, shown here escaped`;
}

export function controlCharacterRules(ctx: LintContext): void {
  if (ctx.ast) walkNode(ctx, ctx.ast, 0);
  else walkValue(ctx, ctx.doc.raw, '', 0);
}

// Nesting is bounded by the parser (MAX_DEPTH); the guard keeps the rule safe on any tree.
function walkNode(ctx: LintContext, node: JsonNode, depth: number): void {
  if (depth > 300) return;
  if (node.type === 'string') {
    if (UNSAFE.test(node.value as string)) ctx.report('CONTROL_CHARACTER', node.pointer, message('value', node.value as string));
  } else if (node.type === 'array') {
    for (const item of node.items) walkNode(ctx, item, depth + 1);
  } else if (node.type === 'object') {
    for (const m of node.members) {
      // The key's own finding points at the member (lint locates a member at its key).
      if (UNSAFE.test(m.key)) ctx.report('CONTROL_CHARACTER', m.value.pointer, message('key', m.key));
      walkNode(ctx, m.value, depth + 1);
    }
  }
}

function walkValue(ctx: LintContext, v: unknown, pointer: string, depth: number): void {
  if (depth > 300) return;
  if (typeof v === 'string') {
    if (UNSAFE.test(v)) ctx.report('CONTROL_CHARACTER', pointer, message('value', v));
  } else if (Array.isArray(v)) v.forEach((x, i) => walkValue(ctx, x, childPointer(pointer, i), depth + 1));
  else if (isRecord(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (UNSAFE.test(k)) ctx.report('CONTROL_CHARACTER', childPointer(pointer, k), message('key', k));
      walkValue(ctx, x, childPointer(pointer, k), depth + 1);
    }
  }
}

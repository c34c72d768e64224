import { childPointer } from '../../policy/json-pointer.js';
import { isRecord } from '../../policy/model.js';
import type { LintContext } from '../context.js';
import { rawStatement } from '../principals.js';

const CHECKED = ['Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'] as const;

/** EMPTY_VALUE: "", [] or {} anywhere inside a statement element (they match nothing). */
export function elementRules(ctx: LintContext): void {
  for (const s of ctx.doc.statements) {
    const r = rawStatement(s);
    for (const name of CHECKED) {
      if (Object.hasOwn(r, name)) walk(ctx, r[name], childPointer(s.pointer, name), name, 0);
    }
  }
}

function walk(ctx: LintContext, v: unknown, pointer: string, element: string, depth: number): void {
  if (depth > 6) return;
  const empty = v === '' || (Array.isArray(v) && v.length === 0) || (isRecord(v) && Object.keys(v).length === 0);
  if (empty) {
    const what = v === '' ? 'an empty string' : Array.isArray(v) ? 'an empty list' : 'an empty object';
    ctx.report('EMPTY_VALUE', pointer, `${element} contains ${what}, which matches nothing`);
    return;
  }
  if (Array.isArray(v)) v.forEach((x, i) => walk(ctx, x, childPointer(pointer, i), element, depth + 1));
  else if (isRecord(v)) for (const [k, x] of Object.entries(v)) walk(ctx, x, childPointer(pointer, k), element, depth + 1);
}

import type { Statement } from '../../policy/model.js';
import type { LintContext } from '../context.js';
import { elementValues } from '../context.js';
import { hasWildcard, kmsActionsMatching, wildcardMatches } from '../match.js';
import { rawStatement } from '../principals.js';

/** True when action pattern `a` covers everything pattern `b` covers. */
export function actionCovers(a: string, b: string): boolean {
  if (a.toLowerCase() === b.toLowerCase()) return true;
  if (!hasWildcard(b)) return wildcardMatches(a, b);
  const kb = kmsActionsMatching(b);
  if (kb.length > 0 && b.toLowerCase().startsWith('kms:')) {
    const ka = new Set(kmsActionsMatching(a).map((x) => x.id));
    return kb.every((x) => ka.has(x.id));
  }
  // A pattern covers another pattern when it matches the pattern's text (e.g. "s3:*" covers "s3:Get*").
  return wildcardMatches(a, b);
}

/** REDUNDANT_ACTION within one list, REDUNDANT_STATEMENT across statements. */
export function redundancyRules(ctx: LintContext): void {
  for (const s of ctx.doc.statements) {
    for (const name of ['Action', 'NotAction'] as const) {
      const list = elementValues(s, name).filter((v): v is { value: string; pointer: string } => typeof v.value === 'string' && v.value !== '');
      list.forEach((b, i) => {
        const by = list.find((a, j) => j !== i && actionCovers(a.value, b.value) && (j < i || !actionCovers(b.value, a.value)));
        if (by) ctx.report('REDUNDANT_ACTION', b.pointer, `"${b.value}" is already covered by "${by.value}"`, `Remove "${b.value}".`);
      });
    }
  }
  const list = ctx.doc.statements;
  list.forEach((b, i) => {
    const by = list.find((a, j) => j !== i && statementCovers(a, b) && (j < i || !statementCovers(b, a)));
    if (by) ctx.report('REDUNDANT_STATEMENT', b.pointer, `Statement ${b.index} grants nothing that statement ${by.index} does not already ${b.effect === 'Deny' ? 'deny' : 'grant'}`);
  });
}

const NOT_ELEMENTS = ['NotAction', 'NotResource', 'NotPrincipal'];

function statementCovers(a: Statement, b: Statement): boolean {
  const ra = rawStatement(a);
  const rb = rawStatement(b);
  if (a.effect === undefined || a.effect !== b.effect) return false;
  if (NOT_ELEMENTS.some((k) => Object.hasOwn(ra, k) || Object.hasOwn(rb, k))) return false;
  if (!a.action?.length || !b.action?.length || !a.resource?.length || !b.resource?.length) return false;
  if (Object.hasOwn(ra, 'Condition') && JSON.stringify(ra.Condition) !== JSON.stringify(rb.Condition)) return false;
  if (!b.action.every((x) => a.action!.some((y) => actionCovers(y, x)))) return false;
  if (!b.resource.every((x) => a.resource!.some((y) => y === x || wildcardMatches(y, x)))) return false;
  if (!!a.principal !== !!b.principal) return false;
  if (a.principal && b.principal && !a.principal.wildcard) {
    if (b.principal.wildcard) return false;
    for (const [type, values] of Object.entries(b.principal.values)) {
      const mine = Object.hasOwn(a.principal.values, type) ? (a.principal.values[type] ?? []) : [];
      if (!values.every((v) => mine.includes(v) || (type === 'AWS' && mine.includes('*')))) return false;
    }
  }
  return true;
}


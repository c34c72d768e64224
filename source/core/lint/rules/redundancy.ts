import type { Statement } from '../../policy/model.js';
import type { LintContext } from '../context.js';
import { elementValues } from '../context.js';
import { hasWildcard, kmsActionsMatching, wildcardMatches } from '../match.js';
import { buildCoverIndex } from '../cover-index.js';
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
  coveringStatements(list).forEach((by, i) => {
    const b = list[i]!;
    if (by) ctx.report('REDUNDANT_STATEMENT', b.pointer, `Statement ${b.index} grants nothing that statement ${by.index} does not already ${b.effect === 'Deny' ? 'deny' : 'grant'}`);
  });
}

/**
 * For each statement, the first other statement that covers it (and that it does not
 * cover back, unless that one comes first): what a scan of every pair finds, through
 * buildCoverIndex's candidates so that the cost grows with the policy, not its square.
 */
export function coveringStatements(list: readonly Statement[]): (Statement | undefined)[] {
  const index = buildCoverIndex(list);
  return list.map((b, i) => {
    if (!canBeCovered(b)) return undefined;
    for (const j of index.candidates(i)) {
      const a = list[j]!;
      if (j !== i && statementCovers(a, b) && (j < i || !statementCovers(b, a))) return a;
    }
    return undefined;
  });
}

/** The conditions statementCovers requires of the covered statement on its own. */
function canBeCovered(b: Statement): boolean {
  const rb = rawStatement(b);
  return b.effect !== undefined && !NOT_ELEMENTS.some((k) => Object.hasOwn(rb, k)) && !!b.action?.length && !!b.resource?.length;
}

const conditionText = new WeakMap<object, string>();

/** JSON of a statement's Condition, computed once per statement. */
function conditionOf(s: Statement): string {
  const raw = rawStatement(s);
  let text = conditionText.get(raw);
  if (text === undefined) {
    text = JSON.stringify(raw.Condition) ?? '';
    conditionText.set(raw, text);
  }
  return text;
}

const NOT_ELEMENTS = ['NotAction', 'NotResource', 'NotPrincipal'];

/** True when statement a grants (or denies) everything b does: same effect, principals, actions, resources, conditions. */
export function statementCovers(a: Statement, b: Statement): boolean {
  const ra = rawStatement(a);
  const rb = rawStatement(b);
  if (a.effect === undefined || a.effect !== b.effect) return false;
  if (NOT_ELEMENTS.some((k) => Object.hasOwn(ra, k) || Object.hasOwn(rb, k))) return false;
  if (!a.action?.length || !b.action?.length || !a.resource?.length || !b.resource?.length) return false;
  if (Object.hasOwn(ra, 'Condition') && conditionOf(a) !== conditionOf(b)) return false;
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


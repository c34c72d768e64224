import type { Statement } from '../policy/model.js';
import { hasWildcard } from './match.js';

/**
 * Which statements could cover a given one (REDUNDANT_STATEMENT), found through indexes
 * instead of comparing every pair: a statement A covers B only if A has B's effect, matches
 * B's first principal, B's first resource and B's first action. Each index maps an exact
 * value to the statements that name it, plus the statements whose value is a wildcard
 * (which may match anything). The candidates are a superset of the statements that cover
 * B, in document order, so the caller's exact test picks the same first one as a pairwise
 * scan would; the cost is the size of the smallest of the three candidate lists.
 */

interface Index {
  readonly exact: Map<string, number[]>;
  /**
   * Statements with a wildcard value, by the value's literal start (before the first * or ?,
   * in regexCaseKey form): a pattern can match a text only if the text starts with it.
   */
  readonly wild: Map<string, number[]>;
  /** The distinct lengths of those starts, so a lookup tries only these prefixes. */
  readonly lengths: Set<number>;
}

const newIndex = (): Index => ({ exact: new Map(), wild: new Map(), lengths: new Set() });

function push(m: Map<string, number[]>, k: string, i: number): void {
  const list = m.get(k);
  if (!list) m.set(k, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

function addWild(index: Index, pattern: string, i: number): void {
  const start = regexCaseKey(pattern.slice(0, pattern.search(/[*?]/)));
  push(index.wild, start, i);
  index.lengths.add(start.length);
}

/** Candidates of an index for a text: holders of its exact keys, and the patterns it starts with. */
function lookup(index: Index, text: string, keys: readonly string[]): number[][] {
  const lists = keys.map((k) => index.exact.get(k) ?? []);
  const t = regexCaseKey(text);
  for (const n of index.lengths) {
    const list = n <= t.length ? index.wild.get(t.slice(0, n)) : undefined;
    if (list) lists.push(list);
  }
  return lists;
}

const size = (lists: readonly number[][]) => lists.reduce((n, l) => n + l.length, 0);

function merge(lists: readonly number[][]): number[] {
  const out = lists.flat().sort((a, b) => a - b);
  return out.filter((v, k) => k === 0 || out[k - 1] !== v);
}

export interface CoverIndex {
  /** Statement positions (in `statements`) that may cover statement `j`, in order. */
  candidates(j: number): number[];
}

const principalKey = (type: string, v: string) => `${type}\u0000${v}`;

/**
 * The form in which a case-insensitive RegExp (without the u flag) compares a string: each
 * code unit upper-cased unless that gives several units or maps non-ASCII to ASCII
 * (ECMA-262 Canonicalize). Two literal patterns match each other exactly when these agree.
 */
export function regexCaseKey(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const u = ch.toUpperCase();
    out += u.length !== 1 || (ch.charCodeAt(0) >= 128 && u.charCodeAt(0) < 128) ? ch : u;
  }
  return out;
}

/** actionCovers compares exact actions by toLowerCase first, then as a case-insensitive pattern. */
const actionKeys = (a: string) => [`l:${a.toLowerCase()}`, `c:${regexCaseKey(a)}`];

export function buildCoverIndex(statements: readonly Statement[]): CoverIndex {
  const resources = newIndex();
  const actions = newIndex();
  const principals = newIndex();
  /** Statements whose Principal is "*" (they cover any principal). */
  const anyone: number[] = [];
  const withPrincipal: number[] = [];
  const withoutPrincipal: number[] = [];
  statements.forEach((s, i) => {
    for (const r of s.resource ?? []) {
      // Resources match as wildcardMatches compares them (a case-insensitive RegExp).
      if (hasWildcard(r)) addWild(resources, r, i);
      else push(resources.exact, regexCaseKey(r), i);
    }
    for (const a of s.action ?? []) {
      if (hasWildcard(a)) addWild(actions, a, i);
      else for (const k of actionKeys(a)) push(actions.exact, k, i);
    }
    if (!s.principal) {
      withoutPrincipal.push(i);
      return;
    }
    withPrincipal.push(i);
    if (s.principal.wildcard) {
      anyone.push(i);
      return;
    }
    for (const [type, values] of Object.entries(s.principal.values)) for (const v of values) push(principals.exact, principalKey(type, v), i);
  });

  function principalCandidates(b: Statement): number[][] {
    if (!b.principal) return [withoutPrincipal];
    if (b.principal.wildcard) return [anyone];
    const first = Object.entries(b.principal.values).find(([, values]) => values.length > 0);
    if (!first) return [withPrincipal];
    const [type, values] = first;
    const keys = [principalKey(type, values[0]!)];
    // {"AWS": "*"} (not the bare "*") covers every AWS principal value.
    if (type === 'AWS') keys.push(principalKey('AWS', '*'));
    return [anyone, ...keys.map((k) => principals.exact.get(k) ?? [])];
  }

  function actionCandidates(b: Statement): number[][] | null {
    const x = b.action?.[0];
    // A wildcard action may be covered by an exact one of the few actions it matches: not indexed.
    if (x === undefined || hasWildcard(x)) return null;
    return lookup(actions, x, actionKeys(x));
  }

  return {
    candidates(j) {
      const b = statements[j]!;
      const x = b.resource?.[0];
      const options = [principalCandidates(b), x === undefined ? null : lookup(resources, x, [regexCaseKey(x)]), actionCandidates(b)].filter((o): o is number[][] => o !== null);
      let best = options[0]!;
      for (const o of options) if (size(o) < size(best)) best = o;
      return merge(best);
    },
  };
}

import { childPointer } from '../../policy/json-pointer.js';
import { isRecord } from '../../policy/model.js';
import type { LintContext } from '../context.js';
import { quote } from '../context.js';
import { rawStatement } from '../principals.js';

const TOP_ELEMENTS = ['Version', 'Id', 'Statement'] as const;
const STATEMENT_ELEMENTS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'] as const;
const PAIRS = [
  ['Action', 'NotAction'],
  ['Resource', 'NotResource'],
  ['Principal', 'NotPrincipal'],
] as const;

/** The known element closest to a misspelled one (case, plural, one or two typos). */
export function closestElement(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = lower === k.toLowerCase() ? 0 : editDistance(lower, k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

function unknownElement(ctx: LintContext, key: string, pointer: string, known: readonly string[]): void {
  const guess = closestElement(key, known);
  ctx.report(
    'UNKNOWN_ELEMENT',
    pointer,
    `"${key}" is not a policy element${guess ? ` (did you mean "${guess}"?)` : ''}; AWS rejects the policy`,
    guess ? `Rename "${key}" to "${guess}".` : `Remove "${key}"; valid elements are ${known.join(', ')}.`,
  );
}

/** Document shape, Version, Effect, required elements, element combinations, Sid. */
export function structureRules(ctx: LintContext): void {
  const raw = ctx.doc.raw;
  if (!isRecord(raw)) {
    ctx.report('UNKNOWN_ELEMENT', '', 'The policy must be a JSON object with Version and Statement', 'Write {"Version": "2012-10-17", "Statement": [...]}.');
    return;
  }
  for (const key of Object.keys(raw)) {
    if (!(TOP_ELEMENTS as readonly string[]).includes(key)) unknownElement(ctx, key, childPointer('', key), TOP_ELEMENTS);
  }
  if (!Object.hasOwn(raw, 'Version')) {
    ctx.report('MISSING_VERSION', '', 'The policy has no Version, so AWS reads it with the 2008-10-17 rules');
  } else if (raw.Version !== '2012-10-17' && raw.Version !== '2008-10-17') {
    ctx.report('INVALID_VERSION', '/Version', `Version ${quote(raw.Version)} is not a policy language version`);
  }
  if (Object.hasOwn(raw, 'Id') && typeof raw.Id !== 'string') ctx.report('UNKNOWN_ELEMENT', '/Id', 'Id must be a string');
  const st = raw.Statement;
  if (!Object.hasOwn(raw, 'Statement')) {
    ctx.report('MISSING_ACTION', '', 'The policy has no Statement, so it grants nothing', 'Add "Statement": [ ... ].');
    return;
  }
  if (!Array.isArray(st) && !isRecord(st)) {
    ctx.report('UNKNOWN_ELEMENT', '/Statement', 'Statement must be an object or a list of objects');
    return;
  }
  if (Array.isArray(st)) {
    if (st.length === 0) ctx.report('EMPTY_VALUE', '/Statement', 'Statement is an empty list: the policy grants nothing');
    st.forEach((s, i) => {
      if (!isRecord(s)) ctx.report('UNKNOWN_ELEMENT', `/Statement/${i}`, `Statement ${i} is ${quote(s)}, not an object`, 'Each statement must be a JSON object.');
    });
  }
  const sids = new Map<string, number>();
  for (const s of ctx.doc.statements) {
    if (!isRecord(s.raw)) continue;
    const r = rawStatement(s);
    const at = (name: string) => childPointer(s.pointer, name);
    for (const key of Object.keys(r)) {
      if (!(STATEMENT_ELEMENTS as readonly string[]).includes(key)) unknownElement(ctx, key, at(key), STATEMENT_ELEMENTS);
    }
    if (!Object.hasOwn(r, 'Effect')) ctx.report('MISSING_EFFECT', s.pointer, `Statement ${s.index} has no Effect`);
    else if (r.Effect !== 'Allow' && r.Effect !== 'Deny') {
      const fixed = typeof r.Effect === 'string' && ['allow', 'deny'].includes(r.Effect.toLowerCase());
      ctx.report('INVALID_EFFECT', at('Effect'), `Effect ${quote(r.Effect)} is not "Allow" or "Deny"`, fixed ? `Write "${String(r.Effect)[0]!.toUpperCase()}${String(r.Effect).slice(1).toLowerCase()}".` : undefined);
    }
    for (const [a, b] of PAIRS) {
      if (Object.hasOwn(r, a) && Object.hasOwn(r, b)) ctx.report('UNSUPPORTED_ELEMENT_COMBINATION', at(b), `Statement ${s.index} has both ${a} and ${b}`, `Keep either ${a} or ${b}.`);
    }
    if (!Object.hasOwn(r, 'Action') && !Object.hasOwn(r, 'NotAction')) ctx.report('MISSING_ACTION', s.pointer, `Statement ${s.index} has no Action or NotAction`);
    if (!Object.hasOwn(r, 'Resource') && !Object.hasOwn(r, 'NotResource')) {
      ctx.report('MISSING_RESOURCE', s.pointer, `Statement ${s.index} has no Resource or NotResource`, ctx.kind === 'key' ? 'Add "Resource": "*" (in a key policy, "*" means this key).' : undefined);
    }
    const hasPrincipal = Object.hasOwn(r, 'Principal') || Object.hasOwn(r, 'NotPrincipal');
    if (ctx.kind === 'key' && !hasPrincipal) ctx.report('MISSING_PRINCIPAL', s.pointer, `Key policy statement ${s.index} names no Principal`);
    if (ctx.kind === 'identity' && hasPrincipal) {
      const name = Object.hasOwn(r, 'Principal') ? 'Principal' : 'NotPrincipal';
      ctx.report('UNSUPPORTED_PRINCIPAL', at(name), `${name} is not allowed in an IAM identity policy`);
    }
    if (Object.hasOwn(r, 'Sid')) {
      const sid = r.Sid;
      const valid = ctx.kind === 'key' ? /^[A-Za-z0-9 ]*$/ : /^[A-Za-z0-9]*$/;
      if (typeof sid !== 'string' || !valid.test(sid)) {
        const why = typeof sid !== 'string' ? 'is not a string' : ctx.kind === 'key' ? 'may contain only letters, digits and spaces' : 'may contain only ASCII letters and digits in an IAM policy';
        ctx.report('INVALID_SID', at('Sid'), `Sid ${quote(sid)} ${why}`);
      }
      if (typeof sid === 'string' && sid !== '') {
        const first = sids.get(sid);
        if (first !== undefined) ctx.report('DUPLICATE_SID', at('Sid'), `Sid "${sid}" is also used by statement ${first}`);
        else sids.set(sid, s.index);
      }
    }
  }
}

import type { JsonNode } from '../policy/json.js';
import { childPointer } from '../policy/json-pointer.js';
import { locate, statementIndexOf } from '../policy/parse.js';
import type { PolicyDocument, PolicyKind, Statement } from '../policy/model.js';
import { FINDING_RULES, type Finding, type FindingId } from './catalog.js';
import { keyAccountOf, rawStatement } from './principals.js';
import { visibleLine } from '../text/visible.js';

/** What every rule family receives: the policy, where things are, and a way to report. */
export interface LintContext {
  readonly doc: PolicyDocument;
  readonly ast: JsonNode | null;
  readonly kind: PolicyKind;
  readonly text: string;
  /** Account of the key (key policies), see keyAccountOf. */
  readonly keyAccount: string | null;
  report(id: FindingId, path: string, message: string, fix?: string): void;
}

export type RuleFamily = (ctx: LintContext) => void;

export function createContext(doc: PolicyDocument, ast: JsonNode | null, kind: PolicyKind, text: string, out: Finding[]): LintContext {
  return {
    doc,
    ast,
    kind,
    text,
    keyAccount: kind === 'key' ? keyAccountOf(doc) : null,
    report(id, path, message, fix) {
      // A finding about the whole document has no statement and no position (SPEC 2.3).
      const { line, column } = path === '' ? { line: null, column: null } : locate(ast, path);
      out.push({
        id,
        severity: FINDING_RULES[id].severity,
        statement: statementIndexOf(path),
        path,
        line,
        column,
        // Messages quote the policy: its control, bidi and zero-width characters are shown escaped, in every output (SPEC 2).
        message: visibleLine(message),
        fix: visibleLine(fix ?? FINDING_RULES[id].fix),
      });
    },
  };
}

/** One value of a policy element with its JSON pointer ("/Statement/0/Action/2"). */
export interface ElementValue {
  readonly value: unknown;
  readonly pointer: string;
}

/** The values of a string-or-list element as written (non-strings included, for lint). */
export function elementValues(s: Statement, name: string): ElementValue[] {
  const raw = rawStatement(s);
  if (!Object.hasOwn(raw, name)) return [];
  const v = raw[name];
  const base = childPointer(s.pointer, name);
  if (Array.isArray(v)) return v.map((value, i) => ({ value, pointer: childPointer(base, i) }));
  return [{ value: v, pointer: base }];
}

/** Values of a Principal/NotPrincipal element with type and pointer. */
export function principalValues(s: Statement, name: 'Principal' | 'NotPrincipal'): (ElementValue & { type: string })[] {
  const raw = rawStatement(s)[name];
  const base = childPointer(s.pointer, name);
  if (typeof raw === 'string') return [{ type: 'AWS', value: raw, pointer: base }];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [];
  const out: (ElementValue & { type: string })[] = [];
  for (const [type, v] of Object.entries(raw)) {
    const tp = childPointer(base, type);
    if (Array.isArray(v)) v.forEach((value, i) => out.push({ type, value, pointer: childPointer(tp, i) }));
    else out.push({ type, value: v, pointer: tp });
  }
  return out;
}

export function isAllow(s: Statement): boolean {
  return s.effect === 'Allow';
}

export function quote(v: unknown): string {
  return typeof v === 'string' ? `"${v}"` : JSON.stringify(v) ?? String(v);
}

import { isRecord } from './model.js';

/** Canonical key order of SPEC 2; other keys follow in the order written. */
export const DOCUMENT_KEY_ORDER = ['Version', 'Id', 'Statement'] as const;
export const STATEMENT_KEY_ORDER = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
] as const;

function ordered(obj: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const put = (k: string) => Object.defineProperty(out, k, { value: obj[k], enumerable: true, writable: true, configurable: true });
  for (const k of order) if (Object.hasOwn(obj, k)) put(k);
  for (const k of Object.keys(obj)) if (!order.includes(k)) put(k);
  return out;
}

/** The policy value with its keys in canonical order (values themselves are not changed). */
export function canonicalize(policy: unknown): unknown {
  if (!isRecord(policy)) return policy;
  const doc = ordered(policy, DOCUMENT_KEY_ORDER);
  const st = doc.Statement;
  if (Array.isArray(st)) doc.Statement = st.map((s) => (isRecord(s) ? ordered(s, STATEMENT_KEY_ORDER) : s));
  else if (isRecord(st)) doc.Statement = ordered(st, STATEMENT_KEY_ORDER);
  return doc;
}

/** JSON text in canonical key order with 2-space indent and a final newline. */
export function serializePolicy(policy: unknown): string {
  return `${JSON.stringify(canonicalize(policy), null, 2)}\n`;
}

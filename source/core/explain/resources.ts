import { childPointer } from '../policy/json-pointer.js';
import type { PolicyKind, Statement } from '../policy/model.js';
import type { ExplanationPart } from './types.js';

/** One Resource value in words: "this key", "any key in account X, any Region", ... */
export function describeResource(value: string, kind: PolicyKind, effect: 'Allow' | 'Deny' | null = 'Allow'): string {
  if (kind === 'key') return value === '*' ? 'this key' : `"${value}" (matches nothing: in a key policy only "*", this key, does)`;
  // An Allow reaches other accounts' keys only where their key policies also allow it; a Deny needs no one's consent.
  if (value === '*') return effect === 'Deny' ? 'every key in every account, including other accounts' : 'every key in every account, including other accounts (wherever their key policies allow it)';
  const parts = value.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) {
    // IAM matches key operations against key ARNs only (ALIAS_IN_IAM_RESOURCE).
    if (/^alias\//.test(value)) return `"${value}" (an alias name, not an ARN: matches no key; use the key ARN)`;
    if (/^(mrk-)?[0-9a-f]{8}-|^mrk-[0-9a-f]+$/i.test(value)) return `"${value}" (a key id, not an ARN: matches no key; use the key ARN)`;
    return `"${value}" (not an ARN: matches nothing)`;
  }
  const [, , service, region = '', account = ''] = parts;
  const resource = parts.slice(5).join(':');
  const where = `${account === '*' || account === '' ? 'any account' : `account ${account}`}, ${region === '*' || region === '' ? 'any Region' : `Region ${region}`}`;
  if (service !== 'kms') return `${value} (a ${service} resource)`;
  if (resource === 'key/*') return `any key in ${where}`;
  if (resource.startsWith('key/')) return /[*?]/.test(resource) ? `keys matching ${resource.slice(4)} in ${where}` : `the key ${resource.slice(4)} in ${where}`;
  if (resource.startsWith('alias/')) return resource === 'alias/*' ? `any alias in ${where} (aliases themselves, not the keys they point to)` : `the alias ${resource.slice(6)} in ${where} (the alias itself, for alias operations; not the key it points to)`;
  return `${resource} in ${where}`;
}

/** "On which keys" of a statement. */
export function explainResources(s: Statement, kind: PolicyKind): ExplanationPart {
  const name = s.notResource ? 'NotResource' : 'Resource';
  const values = s.notResource ?? s.resource;
  const base = childPointer(s.pointer, name);
  if (!values) return { kind: 'resources', text: 'On: nothing (the statement has no Resource)', path: s.pointer };
  const multiple = Array.isArray((s.raw as Record<string, unknown>)[name]);
  const children = values.map((v, i): ExplanationPart => ({ kind: 'resource', text: describeResource(v, kind, s.effect === 'Deny' ? 'Deny' : 'Allow'), path: multiple ? childPointer(base, i) : base }));
  const prefix = s.notResource ? 'On: every resource except ' : 'On: ';
  if (children.length === 1) return { kind: 'resources', text: `${prefix}${children[0]!.text}`, path: children[0]!.path };
  return { kind: 'resources', text: `${prefix}${children.length} resources`, path: base, children };
}

import { ACTION_GROUPS, kmsActions, type ActionGroup, type KmsAction } from '../catalog/index.js';
import { childPointer } from '../policy/json-pointer.js';
import type { PolicyKind, Statement } from '../policy/model.js';
import { coveredKmsActions, kmsActionsMatching } from '../lint/match.js';
import type { ExplanationPart } from './types.js';

const GROUP_NOUNS: Record<ActionGroup, readonly [string, string]> = {
  Cryptographic: ['cryptographic operation', 'cryptographic operations'],
  'Key management': ['key management action', 'key management actions'],
  'Access control': ['access control action (policies and grants)', 'access control actions (policies and grants)'],
  'Read and list': ['read/list action', 'read and list actions'],
  Tagging: ['tagging action', 'tagging actions'],
  Aliases: ['alias action', 'alias actions'],
  'Custom key stores': ['custom key store action', 'custom key store actions'],
};

/** "3 cryptographic operations: Encrypt, Decrypt, GenerateDataKey" for each group the actions touch. */
export function groupParts(actions: readonly KmsAction[], path: string): ExplanationPart[] {
  const parts: ExplanationPart[] = [];
  for (const group of ACTION_GROUPS) {
    const list = actions.filter((a) => a.group === group);
    if (list.length === 0) continue;
    const [one, many] = GROUP_NOUNS[group];
    const levels = [...new Set(list.map((a) => a.accessLevel))].join(', ');
    parts.push({
      kind: 'action-group',
      text: `${list.length} ${list.length === 1 ? one : many}: ${list.map((a) => a.name).join(', ')} (access level: ${levels})`,
      path,
      actions: list.map((a) => a.id),
    });
  }
  return parts;
}

function elementPointer(s: Statement, name: string, i: number): string {
  const raw = (s.raw as Record<string, unknown>)[name];
  return Array.isArray(raw) ? childPointer(childPointer(s.pointer, name), i) : childPointer(s.pointer, name);
}

/** "Which actions": KMS actions covered, grouped, with wildcards and NotAction expanded. */
export function explainActions(s: Statement, kind: PolicyKind = 'identity'): ExplanationPart {
  const total = kmsActions().length;
  if (s.notAction) {
    const all = coveredKmsActions(undefined, s.notAction);
    // In a key policy only the actions on a key count (CreateKey, ListKeys ... are granted by IAM policies).
    const covered = kind === 'key' ? all.filter((a) => a.onKey) : all;
    const path = childPointer(s.pointer, 'NotAction');
    // A key policy governs only the KMS actions on its key; NotAction also covers what KMS adds later.
    const later = s.effect === 'Deny' ? 'denied too' : 'allowed automatically';
    const text =
      kind === 'key'
        ? `Actions: every KMS action on this key except ${s.notAction.join(', ')}: ${covered.length} of ${kmsActions().filter((a) => a.onKey).length} KMS actions on a key today, and KMS actions added later are ${later}`
        : `Actions: every action of every AWS service except ${s.notAction.join(', ')}; for KMS that is ${covered.length} of ${total} actions`;
    return {
      kind: 'actions',
      text,
      path,
      children: groupParts(covered, path),
    };
  }
  if (!s.action) return { kind: 'actions', text: 'Actions: none (the statement has no Action)', path: s.pointer };
  const path = childPointer(s.pointer, 'Action');
  const all = coveredKmsActions(s.action, undefined);
  // A key policy only governs actions on the key: CreateKey, ListKeys ... are granted in IAM policies.
  const covered = kind === 'key' ? all.filter((a) => a.onKey) : all;
  const offKey = kind === 'key' ? all.filter((a) => !a.onKey) : [];
  const others = s.action.filter((a) => a !== '*' && !a.toLowerCase().startsWith('kms:'));
  const children: ExplanationPart[] = [];
  s.action.forEach((a, i) => {
    if (covered.length === total || (kind === 'key' && offKey.length > 0 && /^(kms:)?\*$/i.test(a))) return;
    if (a === '*') children.push({ kind: 'wildcard', text: `"*" is every action of every AWS service, including all ${total} KMS actions`, path: elementPointer(s, 'Action', i) });
    else if (/[*?]/.test(a) && a.toLowerCase().startsWith('kms:')) {
      const m = kmsActionsMatching(a);
      children.push({ kind: 'wildcard', text: `${a} covers ${m.length} action${m.length === 1 ? '' : 's'}${m.length > 0 && m.length <= 12 ? `: ${m.map((x) => x.name).join(', ')}` : ''}`, path: elementPointer(s, 'Action', i), actions: m.map((x) => x.id) });
    }
  });
  children.push(...groupParts(covered, path));
  if (offKey.length > 0) {
    const verb = s.effect === 'Deny' ? 'grant or deny' : 'grant';
    children.push({ kind: 'note', text: `${offKey.map((a) => a.name).join(', ')}: do not act on a key, so a key policy cannot ${verb} them`, path, actions: offKey.map((a) => a.id) });
  }
  if (others.length > 0) children.push({ kind: 'action-group', text: `${others.length} action${others.length === 1 ? '' : 's'} of other services: ${others.join(', ')}`, path });
  const onKeyTotal = kmsActions().filter((a) => a.onKey).length;
  const head =
    covered.length === total ? `all ${total} KMS actions`
    : kind === 'key' && covered.length === onKeyTotal ? `all ${onKeyTotal} KMS actions on a key`
    : `${covered.length} KMS action${covered.length === 1 ? '' : 's'}`;
  return { kind: 'actions', text: `Actions: ${head}${others.length ? ` and ${others.length} of other services` : ''}`, path, children };
}

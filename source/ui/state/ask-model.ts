/**
 * What the Ask tab offers and answers, from the workspace's policy: the principals it
 * names (the matrix rows, as they are evaluated), the KMS actions grouped as in the
 * matrix, the condition keys its statements use, and the answer of the one engine
 * (`authorize`, as `simulate` calls it) with its trace. Pure; cached per policy value
 * and per request, so typing a value costs one evaluation.
 */
import { ACTION_GROUPS, kmsActionsByGroup, type ActionGroup } from '../../core/catalog/kms.js';
import { findConditionKey } from '../../core/catalog/services.js';
import { authorize, EXAMPLE_KEY_ID, parseRequestPrincipal, type AuthorizationRequest, type NamedPolicy, type TracedAuthorizationResult } from '../../core/evaluate/index.js';
import { derivedContext, DERIVED_KEYS_LOWER } from '../../core/evaluate/derived.js';
import { ANY_OTHER_PRINCIPAL, OTHER_ACCOUNT_KEYS } from '../../core/matrix/index.js';
import { buildDocument, type PolicyDocument, type PolicyKind } from '../../core/policy/index.js';
import { visibleLine } from '../../core/text/visible.js';
import { IAM_CHOICES, TYPE_PRINCIPAL, type AskField, type AskFieldView, type AskState, type AskView, type IamChoice } from './ask.js';
import type { Derived } from './derive.js';
import type { Grant } from '../../core/grants/model.js';

/** A context value's type, after the IAM service authorization reference's condition key types. */
export type ValueType = 'string' | 'bool' | 'numeric' | 'date' | 'IP' | 'ARN';

export interface AskOption {
  readonly value: string;
  /** Shown to people (visible-safe). */
  readonly label: string;
  /** Actions: their group, as the matrix groups them. */
  readonly group?: ActionGroup;
}

/** A condition key the policy's statements use, offered as a field. */
export interface ContextKey {
  /** As the policy spells it first (not visible-safe: shown through visibleLine). */
  readonly key: string;
  readonly lower: string;
  readonly type: ValueType;
  /** A multi-valued key (ArrayOf...): values are typed comma-separated. */
  readonly list: boolean;
  /** The values the policy's conditions expect, as written. */
  readonly expected: readonly string[];
  /** AWS sets it from the principal (derived.ts): shown derived unless a value is typed. */
  readonly derived: boolean;
}

export interface AskModel {
  readonly kind: PolicyKind;
  readonly document: PolicyDocument | null;
  readonly keyAccount: string;
  readonly principals: readonly AskOption[];
  /** Identity policies: the keys the policy names (matrix rows); key policies: none (one key). */
  readonly resources: readonly AskOption[];
  readonly actions: readonly AskOption[];
  readonly context: readonly ContextKey[];
  /** The workspace's policy as an identity policy's name in the trace. */
  readonly policyName: string;
  /** IAM policies of the principal opened beside the key policy (open --identity-policy). */
  readonly identityPolicies: readonly NamedPolicy[];
  /** The key's grants (open --grants): asked with every request, as the matrix evaluates them. */
  readonly grants: readonly Grant[];
  /** The key the matrix evaluates (it carries the grants' key id), when there is a matrix. */
  readonly keyArn: string | null;
}

export const IAM_LABELS: Readonly<Record<IamChoice, string>> = {
  none: 'no IAM policy',
  'allow-all': 'an IAM policy allows everything',
  file: 'the IAM policies opened with --identity-policy',
};

/** The assumed IAM policy of "an IAM policy allows everything". */
const ALLOW_ALL: NamedPolicy = {
  name: 'that allows everything (assumed)',
  document: buildDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
};

const SERVICE_EXAMPLE = 'cloudtrail.amazonaws.com';
const OTHER_ACCOUNT = '210987654321';

function valueType(catalogType: string | undefined): { type: ValueType; list: boolean } {
  const t = catalogType ?? 'String';
  const list = t.startsWith('ArrayOf');
  const base = list ? t.slice('ArrayOf'.length) : t;
  const type: ValueType = base === 'Bool' ? 'bool' : base === 'Numeric' ? 'numeric' : base === 'Date' ? 'date' : base === 'IPAddress' ? 'IP' : base === 'ARN' ? 'ARN' : 'string';
  return { type, list };
}

function contextKeys(doc: PolicyDocument | null): ContextKey[] {
  const byKey = new Map<string, { key: string; expected: Set<string> }>();
  for (const s of doc?.statements ?? []) {
    for (const c of s.conditions) {
      const lower = c.key.toLowerCase();
      let entry = byKey.get(lower);
      if (!entry) byKey.set(lower, (entry = { key: c.key, expected: new Set() }));
      // Null's values say whether the key exists, not what it holds.
      if (c.baseOperator !== 'Null') for (const v of c.values) entry.expected.add(v);
    }
  }
  return [...byKey].map(([lower, e]) => ({ key: e.key, lower, ...valueType(findConditionKey(e.key)?.type), expected: [...e.expected], derived: DERIVED_KEYS_LOWER.has(lower) }));
}

function principalOptions(derived: Derived, keyAccount: string): AskOption[] {
  const rows = derived.kind === 'key' ? (derived.matrix?.rows ?? []) : [];
  const out: AskOption[] = rows.map((r) => ({ value: r.evaluatedAs, label: r.subject === r.evaluatedAs ? r.label : `${r.label}, as ${visibleLine(r.evaluatedAs)}` }));
  const other = rows.find((r) => r.subject === ANY_OTHER_PRINCIPAL)?.evaluatedAs ?? otherAccountRole(derived);
  const extras: AskOption[] = [
    { value: unnamedRole(keyAccount, new Set(rows.map((r) => r.subject))), label: `another role of this account (${keyAccount})` },
    { value: other, label: `a role of another account (${parseRequestPrincipal(other).account ?? OTHER_ACCOUNT})` },
    { value: SERVICE_EXAMPLE, label: `a service principal (${SERVICE_EXAMPLE})` },
  ];
  for (const e of extras) if (!out.some((o) => o.value === e.value) && (e.value !== SERVICE_EXAMPLE || !rows.some((r) => r.subject.endsWith('.amazonaws.com')))) out.push(e);
  return out;
}

/** A role of the account that the policy does not name (the account row stands for such a role too; this one says so). */
function unnamedRole(account: string, named: ReadonlySet<string>): string {
  for (let i = 0; ; i++) {
    const arn = `arn:aws:iam::${account}:role/AnotherRole${i === 0 ? '' : i}`;
    if (!named.has(arn)) return arn;
  }
}

/** Identity policies: a role of an account other than the key's (the "keys in other accounts" row's account, else an example). */
function otherAccountRole(derived: Derived): string {
  const arn = derived.matrix?.rows.find((r) => r.subject === OTHER_ACCOUNT_KEYS)?.evaluatedAs ?? '';
  const account = /^arn:[^:]+:kms:[^:]*:(\d{12}):/.exec(arn)?.[1] ?? OTHER_ACCOUNT;
  return `arn:aws:iam::${account}:role/AnyOtherPrincipal`;
}

function actionOptions(): AskOption[] {
  const byGroup = kmsActionsByGroup();
  return ACTION_GROUPS.flatMap((g) => (byGroup.get(g) ?? []).map((a) => ({ value: a.id, label: a.id, group: g })));
}

const models = new WeakMap<Derived, AskModel>();

/** The Ask tab's offers for a policy, once per policy value. */
export function askModel(derived: Derived): AskModel {
  let m = models.get(derived);
  if (m) return m;
  const keyAccount = derived.matrix?.keyAccount ?? '111122223333';
  m = {
    kind: derived.kind,
    document: derived.document,
    keyAccount,
    principals: principalOptions(derived, keyAccount),
    resources: derived.kind === 'identity' ? (derived.matrix?.rows ?? []).map((r) => ({ value: r.evaluatedAs, label: r.label })) : [],
    actions: actionOptions(),
    context: contextKeys(derived.document),
    policyName: derived.name,
    grants: derived.keyGrants,
    identityPolicies: derived.identityPolicies,
    keyArn: derived.matrix?.keyArn ?? null,
  };
  models.set(derived, m);
  return m;
}

export function principalOf(m: AskModel, ask: AskState): string {
  return ask.principal ?? m.principals[0]?.value ?? `arn:aws:iam::${m.keyAccount}:role/UnnamedRole`;
}

/** The key asked about: a key of the key's account (as the matrix evaluates cells), or the identity policy's resource. */
export function resourceOf(m: AskModel, ask: AskState): string {
  return ask.resource ?? m.resources[0]?.value ?? m.keyArn ?? `arn:aws:kms:us-west-2:${m.keyAccount}:key/${EXAMPLE_KEY_ID}`;
}

/** The value AWS derives for a key from the principal, if it derives one. */
export function derivedValue(m: AskModel, ask: AskState, key: ContextKey): string | undefined {
  return key.derived ? derivedContext(parseRequestPrincipal(principalOf(m, ask))).present.get(key.lower) : undefined;
}

/** The form rows: who, (which key), what, IAM, then one per condition key. */
export function askFields(m: AskModel): AskField[] {
  const head: AskField[] = m.kind === 'identity' ? [{ kind: 'principal' }, { kind: 'resource' }, { kind: 'action' }] : [{ kind: 'principal' }, { kind: 'action' }, { kind: 'iam' }];
  return [...head, ...m.context.map((c): AskField => ({ kind: 'context', key: c.lower }))];
}

/** The request as `simulate` would send it to `authorize`. */
export function askRequest(m: AskModel, ask: AskState): AuthorizationRequest {
  // Keys come from the policy: a null-prototype record, so "__proto__" is a key like any other.
  const context = Object.create(null) as Record<string, string | readonly string[]>;
  for (const c of m.context) {
    const raw = ask.context.get(c.lower);
    if (raw === undefined || raw === '') continue;
    context[c.key] = c.list ? raw.split(',').map((v) => v.trim()).filter(Boolean) : raw;
  }
  const base = { action: ask.action, principal: principalOf(m, ask), resource: resourceOf(m, ask), context };
  if (!m.document) return base;
  if (m.kind === 'identity') return { ...base, identityPolicies: [{ name: m.policyName, document: m.document }] };
  return { ...base, keyPolicy: m.document, identityPolicies: ask.iam === 'allow-all' ? [ALLOW_ALL] : ask.iam === 'file' ? m.identityPolicies : [], ...(m.grants.length > 0 ? { grants: m.grants } : {}) };
}

const answers = new WeakMap<AskModel, { key: string; result: TracedAuthorizationResult }>();

/** The answer and its trace, from the same `authorize` the CLI uses; the last one per policy is kept. */
export function askAnswer(m: AskModel, ask: AskState): TracedAuthorizationResult {
  const request = askRequest(m, ask);
  const key = JSON.stringify([request.action, request.principal, request.resource, ask.iam, [...ask.context]]);
  const hit = answers.get(m);
  if (hit?.key === key) return hit.result;
  const result = authorize(request, { trace: true });
  answers.set(m, { key, result });
  return result;
}

/** The statement of the workspace's policy a trace entry points to (null: the assumed IAM policy). */
export function traceTarget(m: AskModel, policy: string, statement: number): number | null {
  const ours = m.kind === 'key' ? policy === 'key' : policy === `identity:${m.policyName}`;
  return ours ? statement : null;
}

/** The picker's items for a field, filtered by any word of value, label or group. */
export function pickerOptions(m: AskModel, field: 'principal' | 'resource' | 'action', filter: string): AskOption[] {
  const all = field === 'principal' ? [...m.principals, { value: TYPE_PRINCIPAL, label: 'type an ARN or a service principal' }] : field === 'resource' ? [...m.resources] : [...m.actions];
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return all;
  return all.filter((o) => {
    const hay = `${o.value} ${o.label} ${o.group ?? ''}`.toLowerCase();
    return o.value === TYPE_PRINCIPAL || words.every((w) => hay.includes(w));
  });
}

function fieldView(m: AskModel, ask: AskState, field: AskField): AskFieldView {
  switch (field.kind) {
    case 'principal':
      return { field, choices: m.principals.map((o) => o.value), current: principalOf(m, ask) };
    case 'resource':
      return { field, choices: m.resources.map((o) => o.value), current: resourceOf(m, ask) };
    case 'action':
      return { field, choices: m.actions.map((o) => o.value), current: ask.action };
    case 'iam':
      return { field, choices: m.identityPolicies.length > 0 ? IAM_CHOICES : IAM_CHOICES.filter((c) => c !== 'file'), current: ask.iam };
    case 'context': {
      const key = m.context.find((c) => c.lower === field.key);
      return { field, choices: ['', ...(key?.expected ?? [])], current: ask.context.get(field.key) ?? '' };
    }
  }
}

/** The reducer's view of the Ask tab for a state. */
export function askView(derived: Derived, ask: AskState): AskView {
  const m = askModel(derived);
  const fields = askFields(m).map((f) => fieldView(m, ask, f));
  const pickerItems = ask.picker ? pickerOptions(m, ask.picker.field, ask.picker.filter).map((o) => o.value) : [];
  const traceTargets = askAnswer(m, ask).trace.map((t) => traceTarget(m, t.policy, t.statement));
  return { fields, pickerItems, traceTargets };
}

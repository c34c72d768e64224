import { GLOBAL_CONDITION_KEYS_PACKED, SERVICES_PACKED } from './generated/iam-data.js';
import type { ConditionKeyType } from './raw-types.js';

/** Actions and condition keys of one AWS service, for lint. */
export interface ServiceInfo {
  readonly prefix: string;
  /** lower-case action name → action name as AWS spells it */
  readonly actions: ReadonlyMap<string, string>;
  /** lower-case condition key → key as spelled and its type; keys with ${Var} parts are patterns */
  readonly conditionKeys: ReadonlyMap<string, ConditionKeyInfo>;
}

export interface ConditionKeyInfo {
  readonly key: string;
  readonly type: ConditionKeyType;
}

let packed: Record<string, string> | undefined;
const services = new Map<string, ServiceInfo | null>();
let globalKeys: Map<string, ConditionKeyInfo> | undefined;

function unpackKeys(list: string): Map<string, ConditionKeyInfo> {
  const map = new Map<string, ConditionKeyInfo>();
  for (const entry of list.split(' ')) {
    if (!entry) continue;
    const bar = entry.lastIndexOf('|');
    const key = entry.slice(0, bar);
    map.set(key.toLowerCase(), { key, type: entry.slice(bar + 1) });
  }
  return map;
}

/** Every service prefix known to the IAM service authorization reference. */
export function servicePrefixes(): string[] {
  packed ??= JSON.parse(SERVICES_PACKED) as Record<string, string>;
  return Object.keys(packed);
}

/** Looks up a service by prefix (case-insensitive); undefined when AWS has no such service. */
export function serviceInfo(prefix: string): ServiceInfo | undefined {
  const p = prefix.toLowerCase();
  if (services.has(p)) return services.get(p) ?? undefined;
  packed ??= JSON.parse(SERVICES_PACKED) as Record<string, string>;
  const entry = Object.hasOwn(packed, p) ? packed[p] : undefined;
  if (entry === undefined) {
    services.set(p, null);
    return undefined;
  }
  const [acts = '', keys = ''] = entry.split('\n');
  const info: ServiceInfo = {
    prefix: p,
    actions: new Map(acts.split(' ').filter(Boolean).map((a) => [a.toLowerCase(), a])),
    conditionKeys: unpackKeys(keys),
  };
  services.set(p, info);
  return info;
}

/** AWS global condition keys (aws:SourceArn, aws:PrincipalOrgID, ...). Tag keys are patterns ("aws:ResourceTag/tag-key"). */
export function globalConditionKeys(): ReadonlyMap<string, ConditionKeyInfo> {
  globalKeys ??= unpackKeys(GLOBAL_CONDITION_KEYS_PACKED);
  return globalKeys;
}

const VARIABLE_SUFFIX = /(\/|:)(\$\{[^}]+\}|tag-key)$/i;

/**
 * Finds the definition of a condition key, global or of a service, including
 * keys with a variable part such as kms:EncryptionContext:Department or
 * aws:ResourceTag/Project. Case-insensitive, as IAM treats key names.
 */
export function findConditionKey(key: string): ConditionKeyInfo | undefined {
  const lower = key.toLowerCase();
  const direct = globalConditionKeys().get(lower);
  if (direct) return direct;
  const colon = lower.indexOf(':');
  if (colon <= 0) return undefined;
  const candidates = [globalConditionKeys()];
  const service = serviceInfo(lower.slice(0, colon));
  if (service) candidates.unshift(service.conditionKeys);
  for (const map of candidates) {
    const exact = map.get(lower);
    if (exact) return exact;
    for (const [k, info] of map) {
      const m = VARIABLE_SUFFIX.exec(k);
      if (!m) continue;
      const prefix = k.slice(0, m.index + 1);
      if (lower.startsWith(prefix) && lower.length > prefix.length) return info;
    }
  }
  return undefined;
}

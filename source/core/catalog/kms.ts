import { KMS_ACTIONS, KMS_CONDITION_KEYS, KMS_RESOURCE_TYPES } from './generated/iam-data.js';
import type { RawConditionKey, RawKmsAction } from './raw-types.js';

/** Display groups of KMS actions (SPEC 4), in display order. */
export const ACTION_GROUPS = [
  'Cryptographic',
  'Key management',
  'Access control',
  'Read and list',
  'Tagging',
  'Aliases',
  'Custom key stores',
] as const;

export type ActionGroup = (typeof ACTION_GROUPS)[number];

export const ACTION_GROUP_LABELS: Record<ActionGroup, string> = {
  Cryptographic: 'Cryptographic operations',
  'Key management': 'Key management',
  'Access control': 'Access control (policies and grants)',
  'Read and list': 'Read and list',
  Tagging: 'Tagging',
  Aliases: 'Aliases',
  'Custom key stores': 'Custom key stores',
};

export type AccessLevel = 'Read' | 'List' | 'Write' | 'Permissions management' | 'Tagging';

/**
 * The cryptographic operations as the KMS developer guide lists them
 * (https://docs.aws.amazon.com/kms/latest/developerguide/kms-cryptography.html#cryptographic-operations).
 * Policy action names: ReEncrypt is authorized as ReEncryptFrom and ReEncryptTo.
 */
export const CRYPTOGRAPHIC_ACTION_NAMES = [
  'Decrypt',
  'DeriveSharedSecret',
  'Encrypt',
  'GenerateDataKey',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateMac',
  'GenerateRandom',
  'ReEncryptFrom',
  'ReEncryptTo',
  'Sign',
  'Verify',
  'VerifyMac',
] as const;

/**
 * Operations KMS permits on a key in another account (SPEC 2.1; KMS developer
 * guide, "Allowing users in other accounts to use a KMS key"). GenerateRandom is
 * cryptographic but uses no key, so it is never cross-account.
 */
export const CROSS_ACCOUNT_ACTION_NAMES: ReadonlySet<string> = new Set([
  ...CRYPTOGRAPHIC_ACTION_NAMES.filter((n) => n !== 'GenerateRandom'),
  'CreateGrant',
  'DescribeKey',
  'GetKeyRotationStatus',
  'GetPublicKey',
  'ListGrants',
  'RetireGrant',
  'RevokeGrant',
]);

export interface KmsAction {
  /** e.g. "kms:Decrypt" */
  readonly id: string;
  /** e.g. "Decrypt" */
  readonly name: string;
  readonly description: string;
  readonly accessLevels: readonly AccessLevel[];
  /** The most significant access level, for display. */
  readonly accessLevel: AccessLevel;
  readonly group: ActionGroup;
  /** True when the action is authorized on a KMS key (so a key policy can grant it). */
  readonly onKey: boolean;
  /** True when the action is authorized on an alias as well (CreateAlias, ...). */
  readonly onAlias: boolean;
  readonly crossAccount: boolean;
  /** Condition keys of the action and of its resource types, as iam-data spells them. */
  readonly conditionKeys: readonly string[];
}

function groupOf(a: RawKmsAction, levels: readonly string[]): ActionGroup {
  if (a.name.includes('CustomKeyStore')) return 'Custom key stores';
  if (a.name.includes('Alias')) return 'Aliases';
  if ((CRYPTOGRAPHIC_ACTION_NAMES as readonly string[]).includes(a.name)) return 'Cryptographic';
  if (levels.includes('Permissions management')) return 'Access control';
  if (levels.includes('Tagging')) return 'Tagging';
  if (levels.includes('Read') || levels.includes('List')) return 'Read and list';
  return 'Key management';
}

function toAction(a: RawKmsAction): KmsAction {
  const accessLevels = a.accessLevel.split(',').map((s) => s.trim()) as AccessLevel[];
  const accessLevel = (['Permissions management', 'Tagging', 'Write', 'Read', 'List'] as const).find((l) =>
    accessLevels.includes(l),
  )!;
  const keyType = KMS_RESOURCE_TYPES.find((r) => r.name === 'key');
  const onKey = a.resourceTypes.some((r) => r.name === 'key');
  const conditionKeys = new Set<string>(a.conditionKeys);
  for (const r of a.resourceTypes) for (const k of r.conditionKeys) conditionKeys.add(k);
  if (onKey) for (const k of keyType?.conditionKeys ?? []) conditionKeys.add(k);
  return {
    id: `kms:${a.name}`,
    name: a.name,
    description: a.description,
    accessLevels,
    accessLevel,
    group: groupOf(a, accessLevels),
    onKey,
    onAlias: a.resourceTypes.some((r) => r.name === 'alias'),
    crossAccount: CROSS_ACCOUNT_ACTION_NAMES.has(a.name) && onKey,
    conditionKeys: [...conditionKeys].sort(),
  };
}

let actions: readonly KmsAction[] | undefined;
let byLowerName: Map<string, KmsAction> | undefined;

/** Every KMS action, sorted by id. */
export function kmsActions(): readonly KmsAction[] {
  actions ??= KMS_ACTIONS.map(toAction).sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return actions;
}

/** Looks up "kms:Decrypt" or "Decrypt", case-insensitively. */
export function kmsAction(idOrName: string): KmsAction | undefined {
  byLowerName ??= new Map(kmsActions().map((a) => [a.name.toLowerCase(), a]));
  const name = idOrName.toLowerCase().startsWith('kms:') ? idOrName.slice(4) : idOrName;
  return byLowerName.get(name.toLowerCase());
}

/** Every KMS action id ("kms:..."), sorted: the columns of the matrix (SPEC 2.2). */
export function kmsActionIds(): readonly string[] {
  return kmsActions().map((a) => a.id);
}

export function kmsActionsByGroup(): ReadonlyMap<ActionGroup, readonly KmsAction[]> {
  const map = new Map<ActionGroup, KmsAction[]>(ACTION_GROUPS.map((g) => [g, []]));
  for (const a of kmsActions()) map.get(a.group)!.push(a);
  return map;
}

export function kmsConditionKeys(): readonly RawConditionKey[] {
  return KMS_CONDITION_KEYS;
}

import { isAwsRegion, OTHER_PARTITION_REGIONS, REGION_SHAPE } from './regions.js';
import type { ParameterCheck, ParameterType, ParameterValue, TemplateParameter } from './types.js';

/** The scalar type behind a parameter type ("key-id-list" → "key-id"). */
export type ScalarParameterType = Exclude<ParameterType, `${string}-list`>;

export function isListType(type: ParameterType): type is Extract<ParameterType, `${string}-list`> {
  return type.endsWith('-list');
}

export function scalarTypeOf(type: ParameterType): ScalarParameterType {
  return (isListType(type) ? type.slice(0, -'-list'.length) : type) as ScalarParameterType;
}

/** What a valid value looks like, for error messages and the form's hints. */
export const EXPECTED_FORM: Readonly<Record<ScalarParameterType, string>> = {
  'account-id': '12 digits, e.g. 111122223333',
  region: 'an AWS Region code such as us-west-2 or eu-west-1, or *',
  'key-id': 'a key id: a lowercase UUID such as 1234abcd-12ab-34cd-56ef-1234567890ab, or mrk- and 32 hex digits for a multi-Region key',
  'key-arn': 'a key ARN: arn:aws:kms:<region>:<account>:key/<key-id>',
  'principal-arn':
    'an IAM principal: arn:aws:iam::<account>:role/<name>, arn:aws:iam::<account>:user/<name>, arn:aws:sts::<account>:assumed-role/<role>/<session>, arn:aws:iam::<account>:root, or a 12-digit account id',
  'service-principal': 'a service principal <service>.amazonaws.com, e.g. logs.amazonaws.com or logs.us-west-2.amazonaws.com',
  'org-id': 'an organization id: o- followed by 10 to 32 lowercase letters or digits',
  string: 'a non-empty value',
};

/** Describes the expected form of a parameter, lists included. */
export function expectedForm(type: ParameterType): string {
  const scalar = EXPECTED_FORM[scalarTypeOf(type)];
  return isListType(type) ? `a comma-separated list; each item ${scalar}` : scalar;
}

const ACCOUNT = /^\d{12}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MRK = /^mrk-[0-9a-f]{32}$/;
const ORG = /^o-[a-z0-9]{10,32}$/;
// IAM names and paths: letters, digits and +=,.@_- ; paths are /-separated.
const IAM_NAME = /^[\w+=,.@-]+$/;
const SERVICE_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/** null when valid, else why not (without the parameter name). */
type Checker = (value: string) => string | null;

function checkAccount(v: string): string | null {
  if (ACCOUNT.test(v)) return null;
  if (/^\d+$/.test(v)) return `has ${v.length} digits; an AWS account id has exactly 12`;
  return 'is not an AWS account id';
}

function checkRegion(v: string, allowStar: boolean): string | null {
  if (allowStar && v === '*') return null;
  if (isAwsRegion(v)) return null;
  const partition = OTHER_PARTITION_REGIONS[v];
  if (partition) return `is in the ${partition} partition; these templates write arn:aws: ARNs, which cannot name it`;
  if (REGION_SHAPE.test(v)) return 'is not a known AWS Region';
  if (v !== v.toLowerCase() && isAwsRegion(v.toLowerCase())) return `must be lowercase (${v.toLowerCase()})`;
  return 'is not an AWS Region code';
}

function checkKeyId(v: string): string | null {
  if (UUID.test(v) || MRK.test(v)) return null;
  if (UUID.test(v.toLowerCase()) || MRK.test(v.toLowerCase())) return 'must be lowercase';
  if (v.startsWith('alias/')) return 'is an alias name; policies name keys by key id or key ARN, never by alias';
  if (v.startsWith('arn:')) return 'is an ARN; give only the key id (the part after key/)';
  return 'is not a key id';
}

function checkKeyArn(v: string): string | null {
  const parts = v.split(':');
  if (parts.length !== 6 || parts[0] !== 'arn' || parts[1] !== 'aws' || parts[2] !== 'kms') return 'is not a KMS key ARN';
  const [, , , region = '', account = '', resource = ''] = parts;
  const regionProblem = checkRegion(region, false);
  if (regionProblem) return `has a Region '${region}' that ${regionProblem}`;
  const accountProblem = checkAccount(account);
  if (accountProblem) return `has an account '${account}' that ${accountProblem}`;
  if (resource.startsWith('alias/')) return 'is an alias ARN; key policies and IAM policies need the key ARN (key/<key-id>)';
  if (!resource.startsWith('key/')) return 'does not name a key (expected key/<key-id> at the end)';
  const keyProblem = checkKeyId(resource.slice('key/'.length));
  return keyProblem ? `has a key id that ${keyProblem}` : null;
}

function checkPrincipal(v: string): string | null {
  if (ACCOUNT.test(v)) return null;
  if (/^\d+$/.test(v)) return checkAccount(v);
  if (v.includes('*') || v.includes('?')) return 'contains a wildcard; principals must be exact (use a condition such as aws:PrincipalArn to match patterns)';
  const m = /^arn:aws:(iam|sts)::([^:]*):(.+)$/.exec(v);
  if (!m) return 'is not an IAM principal ARN';
  const [, service, account = '', resource = ''] = m;
  const accountProblem = checkAccount(account);
  if (accountProblem) return `has an account '${account}' that ${accountProblem}`;
  if (service === 'sts') {
    const parts = resource.split('/');
    if (parts[0] === 'assumed-role' && parts.length === 3 && parts.slice(1).every((p) => IAM_NAME.test(p))) return null;
    return 'is not an assumed-role ARN (arn:aws:sts::<account>:assumed-role/<role>/<session>)';
  }
  if (resource === 'root') return null;
  const slash = resource.indexOf('/');
  const type = slash < 0 ? resource : resource.slice(0, slash);
  if (type === 'group') return 'names an IAM group; groups cannot be principals in a policy';
  if (type !== 'role' && type !== 'user') return `names an IAM ${type || 'resource'}, not a role, user or account root`;
  const names = resource.slice(slash + 1).split('/');
  if (names.length === 0 || !names.every((n) => IAM_NAME.test(n))) return `has an invalid ${type} name or path`;
  return null;
}

function checkServicePrincipal(v: string): string | null {
  if (!v.endsWith('.amazonaws.com')) return 'is not a service principal (it ends in .amazonaws.com)';
  const labels = v.slice(0, -'.amazonaws.com'.length).split('.');
  if (labels.length === 0 || !labels.every((l) => SERVICE_LABEL.test(l))) return 'is not a service principal name';
  for (const label of labels) {
    if (REGION_SHAPE.test(label) && !isAwsRegion(label)) return `names a Region '${label}' that ${checkRegion(label, false)}`;
  }
  return null;
}

const CHECKERS: Readonly<Record<ScalarParameterType, Checker>> = {
  'account-id': checkAccount,
  region: (v) => checkRegion(v, true),
  'key-id': checkKeyId,
  'key-arn': checkKeyArn,
  'principal-arn': checkPrincipal,
  'service-principal': checkServicePrincipal,
  'org-id': (v) => (ORG.test(v) ? null : 'is not an organization id'),
  string: () => null,
};

function describe(v: string): string {
  return JSON.stringify(v);
}

/** Checks one scalar value; the message names `label` (e.g. "account" or "keys[1]"). */
function checkScalar(type: ScalarParameterType, label: string, raw: string): string | null {
  const v = raw.trim();
  if (v === '') return `${label}: a value is required (expected ${EXPECTED_FORM[type]})`;
  const why = CHECKERS[type](v);
  return why === null ? null : `${label}: ${describe(v)} ${why} (expected ${EXPECTED_FORM[type]})`;
}

/**
 * Checks a raw parameter value: a string for scalar types; for list types a
 * comma-separated string or an array. Values are trimmed. Messages name the
 * parameter (and for lists the element index) and the expected form.
 */
export function validateParameter(param: Pick<TemplateParameter, 'name' | 'type'>, raw: ParameterValue): ParameterCheck {
  const scalar = scalarTypeOf(param.type);
  if (!isListType(param.type)) {
    if (typeof raw !== 'string') return { ok: false, message: `${param.name}: takes one value, not a list (expected ${EXPECTED_FORM[scalar]})` };
    const problem = checkScalar(scalar, param.name, raw);
    return problem ? { ok: false, message: problem } : { ok: true, value: raw.trim() };
  }
  const items = typeof raw === 'string' ? (raw.trim() === '' ? [] : raw.split(',')) : [...raw];
  if (items.length === 0) return { ok: false, message: `${param.name}: at least one value is required (expected ${expectedForm(param.type)})` };
  const values: string[] = [];
  for (const [i, item] of items.entries()) {
    const problem = checkScalar(scalar, `${param.name}[${i}]`, item);
    if (problem) return { ok: false, message: problem };
    values.push(item.trim());
  }
  return { ok: true, value: values };
}

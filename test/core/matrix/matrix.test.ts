import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kmsActionIds } from '../../../source/core/catalog/kms.js';
import { ANY_OTHER_PRINCIPAL, buildMatrix, cellConditionKeys, cellDisplay, DISPLAY_SYMBOLS, groupDecision, groupDisplay, OTHER_ACCOUNT_KEYS } from '../../../source/core/matrix/index.js';
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
    // The example account the last row is evaluated with is in its note, not in its label.
    expect(row(ANY_OTHER_PRINCIPAL).label).toBe('Any other principal');
    expect(row(ANY_OTHER_PRINCIPAL).note).toMatch(/evaluated as arn:aws:iam::\d{12}:role\/AnyOtherPrincipal/);
    expect(row(ANY_OTHER_PRINCIPAL).note).not.toMatch(/111122223333|444455556666/);
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
    expect(app.cells['kms:Decrypt']).toEqual({
      decision: 'conditional',
      via: 'direct',
      statements: [0],
      paths: [{ effect: 'Allow', via: 'direct', statements: [0], grants: [], conditions: [{ statement: 0, operator: 'StringEquals', key: 'kms:ViaService', values: ['s3.us-west-2.amazonaws.com'] }] }],
    });
  });
  it('an allow under a conditional deny is conditional', () => {
    expect(app.cells['kms:Encrypt']).toMatchObject({ decision: 'conditional', statements: [1, 2] });
    expect(cellConditionKeys(app.cells['kms:Encrypt']!)).toEqual(['aws:SecureTransport']);
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
  it('identity allows are shown as A (an identity policy has no delegation)', () => {
    expect(cellDisplay(m.rows[0]!.cells['kms:Encrypt'])).toBe('allow');
    expect(m.rows.every((r) => Object.values(r.cells).every((c) => c.via !== 'iam'))).toBe(true);
  });
  it('the last row is "Keys in other accounts", with its example key in the note', () => {
    const other = m.rows.at(-1)!;
    expect(other.label).toBe('Keys in other accounts');
    expect(other.note).toMatch(/evaluated as arn:aws:kms:us-west-2:\d{12}:key\//);
  });
});

describe('display: a direct allow (A) is told apart from an allow IAM decides (I)', () => {
  // The console default key policy for key administrators and users (KMS guide, key-policy-default.html).
  const doc = buildDocument({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
      { Sid: 'Allow use of the key', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/ExampleRole' }, Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'], Resource: '*' },
      { Sid: 'External role', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:role/Partner' }, Action: 'kms:Decrypt', Resource: '*' },
    ],
  });
  const m = buildMatrix(doc, 'key');
  const row = (subject: string) => m.rows.find((r) => r.subject === subject)!;
  const role = row('arn:aws:iam::111122223333:role/ExampleRole');

  it('a role named by the key policy: A for what it grants, I for what only the account statement grants', () => {
    expect(cellDisplay(role.cells['kms:Decrypt'])).toBe('allow');
    expect(role.cells['kms:PutKeyPolicy']).toMatchObject({ decision: 'allow', via: 'iam' });
    expect(cellDisplay(role.cells['kms:PutKeyPolicy'])).toBe('iam');
    expect(groupDisplay(role, 'Key management', 'key')).toBe('iam');
    // The plain decision does not tell them apart; that is why the grid uses the display.
    expect(groupDecision(role, 'Key management', 'key')).toBe('allow');
  });
  it('the account row is I throughout', () => {
    const account = row('arn:aws:iam::111122223333:root');
    for (const g of ['Cryptographic', 'Key management', 'Access control', 'Tagging'] as const) expect(groupDisplay(account, g, 'key'), g).toBe('iam');
  });
  it('a principal of another account named directly still needs its own IAM policy: I', () => {
    const partner = row('arn:aws:iam::444455556666:role/Partner');
    // key-policy-modifying-external-accounts.html: the other account's IAM policy must allow too.
    expect(partner.cells['kms:Decrypt']).toMatchObject({ decision: 'allow', via: 'iam' });
    expect(cellDisplay(partner.cells['kms:Decrypt'])).toBe('iam');
  });
  it('symbols are distinct ASCII characters', () => {
    const symbols = Object.values(DISPLAY_SYMBOLS);
    expect(new Set(symbols).size).toBe(symbols.length);
    for (const s of symbols) expect(s).toMatch(/^[\x21-\x7e]$/);
    expect(DISPLAY_SYMBOLS.iam).toBe('I');
    expect(DISPLAY_SYMBOLS.allow).toBe('A');
  });
});

import { describe, expect, it } from 'vitest';
import { lockoutRisk } from '../../../source/core/lint/index.js';
import { buildDocument } from '../../../source/core/policy/model.js';

const root = (acct = '111122223333', extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${acct}:root` }, Action: 'kms:*', Resource: '*', ...extra });
const role = (acct: string, name: string, action: string | string[]) => ({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${acct}:role/${name}` }, Action: action, Resource: '*' });
const risk = (...statements: unknown[]) => lockoutRisk(buildDocument({ Version: '2012-10-17', Statement: statements }));

describe('KMS lockout on the policy model', () => {
  it('is safe when the account root has kms:*, or an administrator role has kms:Put*', () => {
    expect(risk(root())).toBeNull();
    expect(risk(role('111122223333', 'Admin', ['kms:Put*', 'kms:Describe*']), role('111122223333', 'App', 'kms:Decrypt'))).toBeNull();
  });

  it('names the reason when nobody, only a denied, a conditional or a foreign principal could change the policy', () => {
    expect(risk(role('111122223333', 'App', 'kms:Decrypt'))?.reason).toBe('nobody');
    expect(risk(root(), { Effect: 'Deny', Principal: '*', Action: 'kms:PutKeyPolicy', Resource: '*' })?.reason).toBe('denied');
    expect(risk(root('111122223333', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }))?.reason).toBe('conditional');
    const foreign = risk(role('111122223333', 'App', 'kms:Decrypt'), role('111122223333', 'App2', 'kms:Encrypt'), role('444455556666', 'Admin', 'kms:PutKeyPolicy'));
    expect(foreign?.reason).toBe('other-account');
    expect(foreign?.message).toContain('444455556666');
  });

  it('a Deny on another principal does not shadow the account', () => {
    expect(risk(root(), { Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::111122223333:role/App' }, Action: 'kms:*', Resource: '*' })).toBeNull();
  });
});

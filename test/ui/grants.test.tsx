/** `open key.json --grants grants.json`: the Matrix tab shows the grants' paths (G) and their grantee rows. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readListGrants } from '../../source/core/grants/index.js';
import { derive } from '../../source/ui/state/derive.js';
import { FIXTURES } from '../helpers/cli.js';
import { renderApp, type Rendered } from './render.js';

let app: Rendered | undefined;
afterEach(() => app?.unmount());

const KEY = 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const CRYPTO = ['Decrypt', 'DeriveSharedSecret', 'Encrypt', 'GenerateDataKey', 'GenerateDataKeyPair', 'GenerateDataKeyPairWithoutPlaintext', 'GenerateDataKeyWithoutPlaintext', 'GenerateMac', 'ReEncryptFrom', 'ReEncryptTo', 'Sign', 'Verify', 'VerifyMac'];
const text = readFileSync(join(FIXTURES, 'evaluate', 'default-key-policy.json'), 'utf8');
const grants = readListGrants('grants.json', JSON.stringify({ Grants: [{ KeyId: KEY, GrantId: 'g-batch', GranteePrincipal: 'arn:aws:iam::111122223333:role/Batch', Operations: CRYPTO }] })).grants;

describe('open --grants', () => {
  it('the workspace matrix has the grantee row, its cells via the grant', () => {
    const d = derive({ kind: 'file', name: 'key.json', text, grants }, undefined);
    const row = d.matrix!.rows.find((r) => r.subject === 'arn:aws:iam::111122223333:role/Batch')!;
    expect(row.cells['kms:Decrypt']).toMatchObject({ decision: 'allow', via: 'grant' });
    expect(derive({ kind: 'file', name: 'key.json', text }, undefined).matrix!.rows.some((r) => r.subject === row.subject)).toBe(false);
  });

  it('the Matrix tab marks the grant cells G, with the G legend', async () => {
    app = await renderApp({ source: { kind: 'file', name: 'key.json', text, grants }, columns: 120, rows: 40 });
    await app.press('2');
    const frame = app.frame();
    const line = frame.split('\n').find((l) => l.includes('Role Batch'));
    expect(line, frame).toBeDefined();
    expect(line!).toMatch(/Role Batch.*\bG\b/);
    expect(frame).toContain('G grant');
  });
});

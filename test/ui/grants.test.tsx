/** `open key.json --grants grants.json`: the Matrix tab shows the grants' paths (G) and their grantee rows. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readListGrants } from '../../source/core/grants/index.js';
import { derive } from '../../source/ui/state/derive.js';
import { buildDocument } from '../../source/core/policy/index.js';
import { initialAsk } from '../../source/ui/state/ask.js';
import { askAnswer, askModel, askView } from '../../source/ui/state/ask-model.js';
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

  it('the Ask tab asks with the grants, so a grant cell of the matrix is an allow via the grant there too', () => {
    const d = derive({ kind: 'file', name: 'key.json', text, grants }, undefined);
    const m = askModel(d);
    const row = d.matrix!.rows.find((r) => r.subject === 'arn:aws:iam::111122223333:role/Batch')!;
    const answer = askAnswer(m, { ...initialAsk(), principal: row.evaluatedAs, action: 'kms:Decrypt' });
    expect(answer).toMatchObject({ decision: 'allow', via: 'grant', rule: 'grant-allows' });
    // Without the grants the same request is not allowed (no statement names Batch).
    const without = derive({ kind: 'file', name: 'key.json', text }, undefined);
    expect(askAnswer(askModel(without), { ...initialAsk(), principal: row.evaluatedAs, action: 'kms:Decrypt' }).decision).not.toBe('allow');
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

describe('Policy tab: the Grants pane of open --grants', () => {
  const listed = readListGrants('list-grants.json', readFileSync(join(FIXTURES, 'grants', 'list-grants.json'), 'utf8')).grants;

  it('one entry per grant: grantee and operations, then its constraints in words and its retiring principal', async () => {
    app = await renderApp({ source: { kind: 'file', name: 'key.json', text, grants: listed }, columns: 240, rows: 40 });
    const frame = app.frame();
    expect(frame).toContain('Grants (3)');
    expect(frame).toContain('session i-5d476fab of role aws:ec2-infrastructure (111122223333): Decrypt');
    expect(frame).toContain('only when the encryption context includes {aws:ebs:id=vol-5cccfb4e}; retired by account 123456789012');
    expect(frame).toContain('only when the encryption context is exactly {Department=IT}');
    expect(frame).toContain('role LambdaRole (111122223333): Sign, Verify, GetPublicKey');
    expect(frame).toContain('under any encryption context');
    // The statements stay listed beside them.
    expect(frame).toContain('Statements (4)');
  });

  it('grant text from the file is shown escaped, and a template has no Grants pane', async () => {
    const evil = readListGrants('g.json', JSON.stringify({ Grants: [{ GrantId: 'x', GranteePrincipal: 'arn:aws:iam::111122223333:role/\u001b[2JEvil', Operations: ['Decrypt'] }] })).grants;
    app = await renderApp({ source: { kind: 'file', name: 'key.json', text, grants: evil }, columns: 120, rows: 40 });
    expect(app.frame()).toContain('\\u001b[2JEvil');
    app.unmount();
    app = await renderApp({ source: { kind: 'template', templateId: 'console-default-key-policy', values: {} }, columns: 120, rows: 40 });
    expect(app.frame()).not.toContain('Grants (');
  });

  it('at the smallest size the pane says how many more there are', async () => {
    const many = readListGrants('g.json', JSON.stringify({ Grants: Array.from({ length: 12 }, (_, i) => ({ GrantId: `g${i}`, GranteePrincipal: `arn:aws:iam::111122223333:role/App${i}`, Operations: ['Decrypt'] })) })).grants;
    app = await renderApp({ source: { kind: 'file', name: 'key.json', text, grants: many }, columns: 80, rows: 24 });
    const frame = app.frame();
    expect(frame).toContain('Grants (12)');
    expect(frame).toContain('+9 more grants');
    expect(frame).toContain('role App0 (111122223333): Decrypt');
  });
});

describe('Ask: open --identity-policy', () => {
  const identity = { name: 'app-role.json', document: buildDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }] }) };
  const ROLE = 'arn:aws:iam::111122223333:role/App';

  it('offers the opened IAM policies as a third IAM choice, and asks with them', () => {
    const d = derive({ kind: 'file', name: 'key.json', text, identityPolicies: [identity] }, undefined);
    const m = askModel(d);
    const ask = { ...initialAsk(), principal: ROLE, action: 'kms:Decrypt' };
    // The account statement delegates to IAM: nothing without an IAM policy, allowed with the opened one.
    expect(askAnswer(m, ask)).toMatchObject({ decision: 'implicit-deny', via: 'iam' });
    expect(askAnswer(m, { ...ask, iam: 'file' })).toMatchObject({ decision: 'allow', via: 'iam' });
    expect(askAnswer(m, { ...ask, iam: 'file', action: 'kms:Encrypt' }).decision).toBe('implicit-deny');
  });

  it('offers the third choice only when IAM policies were opened', () => {
    const iamChoices = (d: ReturnType<typeof derive>) => askView(d, initialAsk()).fields.find((f) => f.field.kind === 'iam')?.choices;
    expect(iamChoices(derive({ kind: 'file', name: 'key.json', text }, undefined))).toEqual(['none', 'allow-all']);
    expect(iamChoices(derive({ kind: 'file', name: 'key.json', text, identityPolicies: [identity] }, undefined))).toEqual(['none', 'allow-all', 'file']);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kmsActionIds } from '../../source/core/catalog/kms.js';
import { BUILT_CLI, FIXTURES, runBuiltCli } from '../helpers/cli.js';

/** The console default key policy: account statement, ExampleRole, external account 444455556666, deny of deletion. */
const KEY_POLICY = join(FIXTURES, 'evaluate', 'default-key-policy.json');
const IDENTITY_POLICY = join(FIXTURES, 'seeds', 'encrypt-decrypt-specific-keys.json');

const work = mkdtempSync(join(tmpdir(), 'kpt-matrix-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface JsonPath { effect: string; via: string | null; statements: number[]; grants: string[]; conditions: Array<{ statement: number; operator: string; key: string; values: string[] }> }
interface JsonMatrix {
  kind: string;
  keyAccount: string;
  actions: string[];
  rows: Array<{ subject: string; label: string; evaluatedAs: string; cells: Record<string, { decision: string; via: string | null; statements: number[]; paths: JsonPath[] }> }>;
}

/** A cell without its paths, for the tests that look at the summary. */
const summary = (c: { decision: string; via: string | null; statements: number[] }) => ({ decision: c.decision, via: c.via, statements: c.statements });

function matrixJson(...args: string[]): JsonMatrix {
  const r = runBuiltCli(['matrix', ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe(`${JSON.stringify(JSON.parse(r.stdout), null, 2)}\n`);
  return JSON.parse(r.stdout) as JsonMatrix;
}

/** The principal (or resource) rows of the text grid: label → one symbol per action group. */
function grid(text: string): Map<string, string[]> {
  const lines = text.split('\n');
  const end = lines.indexOf('');
  const out = new Map<string, string[]>();
  for (const line of lines.slice(1, end)) {
    const m = /^(.*?)\s{2,}((?:\S\s*){7})$/.exec(line);
    if (m) out.set(m[1]!.trim(), m[2]!.trim().split(/\s+/));
  }
  return out;
}

describe('kms-policy-tui matrix --json (SPEC 2.2)', () => {
  const m = matrixJson(KEY_POLICY);

  it('kind, keyAccount, every catalog action sorted, rows of subject/label/evaluatedAs/cells; cells have exactly decision, via, statements, paths', () => {
    expect(Object.keys(m)).toEqual(['kind', 'keyAccount', 'actions', 'rows']);
    expect(m.keyAccount).toBe('111122223333');
    expect(m.kind).toBe('key');
    expect(m.actions).toEqual([...kmsActionIds()].sort());
    expect(m.actions.length).toBeGreaterThan(50);
    for (const row of m.rows) {
      expect(Object.keys(row)).toEqual(['subject', 'label', 'evaluatedAs', 'cells']);
      expect(Object.keys(row.cells)).toEqual(m.actions);
      for (const cell of Object.values(row.cells)) {
        expect(Object.keys(cell)).toEqual(['decision', 'via', 'statements', 'paths']);
        for (const p of cell.paths) expect(Object.keys(p)).toEqual(['effect', 'via', 'statements', 'grants', 'conditions']);
        expect(['allow', 'deny', 'conditional', 'none']).toContain(cell.decision);
        expect([null, 'direct', 'iam']).toContain(cell.via);
      }
    }
  });

  it('rows: every principal named, then "Any other principal" (its example account is not in the label)', () => {
    expect(m.rows.map((r) => [r.subject, r.label])).toEqual([
      ['arn:aws:iam::111122223333:root', 'Account 111122223333 (IAM policies decide)'],
      ['arn:aws:iam::111122223333:role/ExampleRole', 'Role ExampleRole (account 111122223333)'],
      ['arn:aws:iam::444455556666:root', 'Account 444455556666 (IAM policies decide)'],
      ['*', 'Anyone (*)'],
      ['any-other-principal', 'Any other principal'],
    ]);
  });

  it('cells say how an allow comes about (via) and which statements decide', () => {
    const row = (subject: string) => m.rows.find((r) => r.subject === subject)!.cells;
    // Both unconditional allows are listed; the direct one gives the via.
    expect(summary(row('arn:aws:iam::111122223333:role/ExampleRole')['kms:Decrypt']!)).toEqual({ decision: 'allow', via: 'direct', statements: [0, 1] });
    expect(row('arn:aws:iam::111122223333:role/ExampleRole')['kms:Decrypt']!.paths.map((p) => [p.via, p.statements])).toEqual([['iam', [0]], ['direct', [1]]]);
    expect(summary(row('arn:aws:iam::111122223333:role/ExampleRole')['kms:PutKeyPolicy']!)).toEqual({ decision: 'allow', via: 'iam', statements: [0] });
    // CreateGrant: IAM decides, and the role may also create grants for AWS resources directly.
    const grant = row('arn:aws:iam::111122223333:role/ExampleRole')['kms:CreateGrant']!;
    expect(summary(grant)).toEqual({ decision: 'allow', via: 'iam', statements: [0] });
    expect(grant.paths[1]).toEqual({ effect: 'Allow', via: 'direct', statements: [2], grants: [], conditions: [{ statement: 2, operator: 'Bool', key: 'kms:GrantIsForAWSResource', values: ['true'] }] });
    // Another account: even its account statement needs its own IAM policy, and PutKeyPolicy is never cross-account.
    expect(summary(row('arn:aws:iam::444455556666:root')['kms:Decrypt']!)).toEqual({ decision: 'allow', via: 'iam', statements: [1] });
    expect(summary(row('arn:aws:iam::444455556666:root')['kms:PutKeyPolicy']!)).toEqual({ decision: 'none', via: null, statements: [] });
    expect(summary(row('any-other-principal')['kms:ScheduleKeyDeletion']!)).toEqual({ decision: 'deny', via: null, statements: [3] });
    expect(summary(row('arn:aws:iam::111122223333:root')['kms:CreateKey']!)).toEqual({ decision: 'none', via: null, statements: [] });
  });

  it('a conditional cell names the statements whose conditions decide it', () => {
    const path = join(work, 'conditional.json');
    writeFileSync(path, JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/App' }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 's3.us-west-2.amazonaws.com' } } }],
    }));
    expect(matrixJson(path).rows[0]!.cells['kms:Decrypt']).toEqual({
      decision: 'conditional',
      via: 'direct',
      statements: [0],
      paths: [{ effect: 'Allow', via: 'direct', statements: [0], grants: [], conditions: [{ statement: 0, operator: 'StringEquals', key: 'kms:ViaService', values: ['s3.us-west-2.amazonaws.com'] }] }],
    });
  });

  it('identity policies: kind detected, one row per resource pattern, then "Keys in other accounts"', () => {
    const id = matrixJson(IDENTITY_POLICY);
    expect(id.kind).toBe('identity');
    const raw = JSON.parse(readFileSync(IDENTITY_POLICY, 'utf8')) as { Statement: { Resource: string[] } };
    expect(id.rows.map((r) => r.subject)).toEqual([...raw.Statement.Resource, 'keys-in-other-accounts']);
    expect(id.rows.at(-1)!.label).toBe('Keys in other accounts');
    expect(summary(id.rows[0]!.cells['kms:Encrypt']!)).toEqual({ decision: 'allow', via: null, statements: [0] });
    expect(id.rows.at(-1)!.cells['kms:Encrypt']!.decision).toBe('none');
  });

  it('--kind overrides detection; the policy can come from standard input', () => {
    const text = readFileSync(KEY_POLICY, 'utf8');
    const r = runBuiltCli(['matrix', '-', '--kind', 'identity', '--json'], { input: text });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as JsonMatrix).kind).toBe('identity');
  });
});

describe('kms-policy-tui matrix text output', () => {
  it('a grid by action group with ASCII symbols: A for what the key policy grants, I for what IAM decides', () => {
    const r = runBuiltCli(['matrix', KEY_POLICY]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const [header] = r.stdout.split('\n');
    expect(header).toMatch(/^Principal\s+Crypto\s+Manage\s+Access\s+Read\s+Tags\s+Alias\s+Stores$/);
    const rows = grid(r.stdout);
    expect([...rows.keys()]).toEqual([
      'Account 111122223333 (IAM policies decide)',
      'Role ExampleRole (account 111122223333)',
      'Account 444455556666 (IAM policies decide)',
      'Anyone (*)',
      'Any other principal',
    ]);
    // The account statement only delegates: I, never A. ExampleRole: its own statements mix with delegated ones
    // (Access: CreateGrant for AWS resources is direct under a condition, PutKeyPolicy is IAM's).
    expect(rows.get('Account 111122223333 (IAM policies decide)')).toEqual(['I', '~', 'I', 'I', 'I', 'I', '.']);
    expect(rows.get('Role ExampleRole (account 111122223333)')!.slice(2, 6)).toEqual(['~', '~', 'I', 'I']);
    for (const symbols of rows.values()) for (const s of symbols) expect(s).toMatch(/^[AIBGDC.~]$/);
    const gridText = r.stdout.slice(0, r.stdout.indexOf('\n\n'));
    expect(gridText).toMatch(/^[\x20-\x7e\n]*$/);
  });

  it('a role the key policy names for key management shows A; with only the account statement it shows I', () => {
    const path = join(work, 'admins.json');
    writeFileSync(path, JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
        { Sid: 'Key administrators', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/Admin' }, Action: 'kms:*', Resource: '*' },
        { Sid: 'Key users', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/App' }, Action: ['kms:Decrypt', 'kms:Encrypt'], Resource: '*' },
      ],
    }));
    const rows = grid(runBuiltCli(['matrix', path]).stdout);
    // Alias operations need permission on the alias too, which only IAM gives (alias-access.html): I even for Admin.
    expect(rows.get('Role Admin (account 111122223333)')).toEqual(['A', 'A', 'A', 'A', 'A', 'I', '.']);
    expect(rows.get('Role App (account 111122223333)')!.slice(1)).toEqual(['I', 'I', 'I', 'I', 'I', '.']);
    expect(rows.get('Any other principal')).toEqual(['.', '.', '.', '.', '.', '.', '.']);
  });

  it('legend with every symbol, what I means, the groups, and the example the last row stands for', () => {
    const { stdout } = runBuiltCli(['matrix', KEY_POLICY]);
    const after = stdout.slice(stdout.indexOf('\n\n') + 2).split('\n');
    expect(after[0]).toBe('Legend: A allow  I IAM decides  B IAM decides, or direct under conditions  G grant  D deny  C conditional  . none  ~ mixed');
    expect(stdout).toMatch(/^ {2}I = allowed only if an IAM policy of the principal allows it too \(the key policy delegates to the account, or the principal is in another account\)$/m);
    expect(stdout).toMatch(/^ {2}C = depends on the request context \(conditions\)$/m);
    expect(stdout).toMatch(/^Groups: Crypto = Cryptographic operations; Manage = Key management; .*Stores = Custom key stores$/m);
    expect(stdout).toMatch(/^Any other principal: A principal the policy does not name, in an account it does not name \(evaluated as arn:aws:iam::\d{12}:role\/AnyOtherPrincipal\)\.$/m);
    expect(stdout).toMatch(/Per-action cells: --json\.\n$/);
  });

  it('identity policy: Resource column, no I in the legend, the key policy must also allow', () => {
    const { code, stdout } = runBuiltCli(['matrix', IDENTITY_POLICY]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Resource\s+Crypto/);
    expect(stdout).toContain('Legend: A allow  G grant  D deny  C conditional  . none  ~ mixed\n');
    expect(stdout).not.toMatch(/I IAM decides/);
    expect(grid(stdout).get('Keys in other accounts')).toEqual(['.', '.', '.', '.', '.', '.', '.']);
    expect(stdout).toContain('the key policy of each key must also allow');
  });

  it('NO_COLOR gives plain text; FORCE_COLOR paints the symbols', () => {
    expect(runBuiltCli(['matrix', KEY_POLICY]).stdout).not.toContain('\u001b[');
    const r = spawnSync(process.execPath, [BUILT_CLI, 'matrix', KEY_POLICY], { env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '1' }, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('\u001b[34mI\u001b[0m');
  });
});

describe('kms-policy-tui matrix usage errors (exit 2)', () => {
  const bad = join(work, 'bad.json');
  writeFileSync(bad, '{\n  "Version": "2012-10-17",\n  "Statement": [ { "Effect": "Allow", }\n');

  it.each([
    [[], /matrix: expected a policy file or '-' for standard input/],
    [[KEY_POLICY, KEY_POLICY], /matrix: expected one policy file, got 2/],
    [['missing.json'], /missing\.json: cannot read: no such file/],
    [[KEY_POLICY, '--kind', 'resource'], /--kind must be one of key, identity, auto \(got 'resource'\)/],
    [[KEY_POLICY, '--format', 'json'], /matrix: Unknown option '--format'/],
    [[bad], /bad\.json:3:\d+: /],
  ])('%j', (args, message) => {
    const r = runBuiltCli(['matrix', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

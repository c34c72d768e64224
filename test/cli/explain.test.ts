import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJson } from '../../source/core/policy/json.js';
import { nodeAt } from '../../source/core/policy/json-pointer.js';
import { allTemplates } from '../../source/core/templates/index.js';
import { runBuiltCli } from '../helpers/cli.js';
import { readFixture } from '../helpers/fixtures.js';

const work = mkdtempSync(join(tmpdir(), 'kpt-explain-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Part {
  readonly kind: string;
  readonly text: string;
  readonly path: string;
  readonly children?: readonly Part[];
}
interface Explanation {
  readonly kind: 'key' | 'identity';
  readonly statements: readonly { index: number; sid: string | null; path: string; effect: string | null; summary: string; parts: readonly Part[] }[];
  readonly template?: { id: string; title: string; notes: string | null };
}

const flatten = (parts: readonly Part[]): Part[] => parts.flatMap((p) => [p, ...flatten(p.children ?? [])]);

const IDENTITY = JSON.stringify(
  { Version: '2012-10-17', Statement: [{ Sid: 'UseThroughS3', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: 'arn:aws:kms:*:111122223333:key/*', Condition: { StringEquals: { 'kms:ViaService': 's3.us-west-2.amazonaws.com', 'kms:EncryptionContext:Department': 'Finance' } } }] },
  null,
  2,
);
const identityFile = join(work, 'identity.json');
writeFileSync(identityFile, IDENTITY);

describe('kms-policy-tui explain', () => {
  it('explains every statement in plain English', () => {
    const r = runBuiltCli(['explain', identityFile]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Statement 0 "UseThroughS3"');
    expect(lines).toContain('  Allows');
    expect(lines).toContain('  Who: the IAM users, groups and roles this policy is attached to');
    expect(lines).toContain('  On: any key in account 111122223333, any Region');
    expect(r.stdout).toMatch(/ {4}kms:GenerateDataKey\* covers 4 actions: GenerateDataKey, GenerateDataKeyPair, GenerateDataKeyPairWithoutPlaintext, GenerateDataKeyWithoutPlaintext\n/);
    expect(r.stdout).toContain('    only when the request comes through Amazon S3 in us-west-2');
    expect(r.stdout).toContain('    only when the encryption context has Department = Finance');
    expect(r.stdout).not.toContain('Template ');
  });

  it('--json prints the explanation as data, every part with the JSON path it explains', () => {
    const r = runBuiltCli(['explain', identityFile, '--json']);
    expect(r.code).toBe(0);
    const e = JSON.parse(r.stdout) as Explanation;
    expect(e.kind).toBe('identity');
    expect(e.statements).toHaveLength(1);
    const s = e.statements[0]!;
    expect(s).toMatchObject({ index: 0, sid: 'UseThroughS3', path: '/Statement/0', effect: 'Allow' });
    expect(s.summary).toMatch(/^Allows the identities this policy is attached to 5 KMS actions on any key in account 111122223333, any Region, only when/);
    const root = parseJson(IDENTITY).root;
    const parts = flatten(s.parts);
    for (const p of parts) expect(nodeAt(root, p.path), `${p.kind} ${p.path}`).not.toBeNull();
    expect(parts.find((p) => p.path === '/Statement/0/Condition/StringEquals/kms:ViaService')?.text).toMatch(/through Amazon S3 in us-west-2/);
    expect(parts.find((p) => p.path === '/Statement/0/Action/1' && p.kind === 'wildcard')?.text).toMatch(/^kms:GenerateDataKey\* covers 4 actions/);
  });

  it("reads standard input with '-'", () => {
    const r = runBuiltCli(['explain', '-'], { input: IDENTITY });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(runBuiltCli(['explain', identityFile]).stdout);
  });

  it('--kind overrides detection', () => {
    const key = readFixture('lint', 'default-key-policy.json');
    const asKey = JSON.parse(runBuiltCli(['explain', '-', '--json'], { input: key }).stdout) as Explanation;
    expect(asKey.kind).toBe('key');
    expect(flatten(asKey.statements[0]!.parts).find((p) => p.kind === 'principal')?.text).toMatch(/lets IAM policies in account 111122223333 grant this/);
    const asIdentity = JSON.parse(runBuiltCli(['explain', '-', '--json', '--kind', 'identity'], { input: key }).stdout) as Explanation;
    expect(asIdentity.kind).toBe('identity');
    expect(asIdentity.statements[0]!.parts.find((p) => p.kind === 'principal')?.text).toBe('Who: the IAM users, groups and roles this policy is attached to');
    const idAsKey = runBuiltCli(['explain', identityFile, '--kind', 'key']);
    expect(idAsKey.stdout).toContain('Who: nobody named (a key policy statement needs a Principal');
    expect(idAsKey.stdout).toContain('matches nothing: in a key policy only "*", this key, does');
  });

  it('shows the template teaching notes after the generated text when the policy is a render of a template', () => {
    const t = allTemplates().find((x) => x.id === 'console-default-key-policy')!;
    const rendered = runBuiltCli(['render', t.id, '--param', 'account=444455556666', '--param', 'admins=arn:aws:iam::444455556666:role/Admin']);
    expect(rendered.code).toBe(0);
    const file = join(work, 'console.json');
    writeFileSync(file, rendered.stdout);
    const r = runBuiltCli(['explain', file]);
    expect(r.code).toBe(0);
    const blocks = r.stdout.trimEnd().split('\n\n');
    t.statementNotes.forEach((note, i) => {
      const block = blocks[i]!.split('\n');
      expect(block[0]).toMatch(new RegExp(`^Statement ${i} `));
      expect(block.at(-1)).toBe(`  Note: ${note}`);
    });
    expect(blocks.at(-1)).toBe(`Template ${t.id}: ${t.title}${t.notes ? `\n  Note: ${t.notes}` : ''}`);
    const json = JSON.parse(runBuiltCli(['explain', file, '--json']).stdout) as Explanation;
    expect(json.template).toEqual({ id: t.id, title: t.title, notes: t.notes ?? null });
  });

  it('an edited render gets no template notes', () => {
    const policy = JSON.parse(runBuiltCli(['render', 'console-default-key-policy']).stdout) as { Statement: { Sid: string }[] };
    policy.Statement[2]!.Sid = 'Renamed';
    const r = runBuiltCli(['explain', '-'], { input: JSON.stringify(policy) });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('Note:');
    expect(r.stdout).not.toContain('Template ');
  });

  it('unreadable input: exit 2, one line naming file, line and column', () => {
    const bad = join(work, 'bad.json');
    writeFileSync(bad, '{\n  "Version": "2012-10-17",\n  "Statement": [,]\n}\n');
    const r = runBuiltCli(['explain', bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([`kms-policy-tui: ${bad}:3:17: Unexpected ',': expected a value`]);
  });

  it('missing file: exit 2, one line', () => {
    const r = runBuiltCli(['explain', join(work, 'missing.json')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('missing.json: cannot read: no such file');
  });

  it('every valid seed policy explains with exit 0 and paths that exist', () => {
    const manifest = JSON.parse(readFixture('seeds', 'manifest.json')) as { file: string; valid: boolean }[];
    for (const seed of manifest.filter((s) => s.valid).slice(0, 6)) {
      const text = readFixture('seeds', seed.file);
      const r = runBuiltCli(['explain', '-', '--json'], { input: text });
      expect(r.code, seed.file).toBe(0);
      const root = parseJson(text).root;
      for (const s of (JSON.parse(r.stdout) as Explanation).statements) for (const p of flatten(s.parts)) expect(nodeAt(root, p.path), `${seed.file} ${p.path}`).not.toBeNull();
    }
  });
});

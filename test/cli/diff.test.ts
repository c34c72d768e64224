/**
 * `kms-policy-tui diff` as a user runs it (SPEC 2.4): exit codes and --fail-on,
 * SPEC 2.4 JSON, SARIF 2.1.0 located at the new version's statement, text with
 * + / - lines grouped by row, '-' and /dev/fd (bash process substitution).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILT_CLI, FIXTURES, ROOT, runBuiltCli } from '../helpers/cli.js';
import { validateSarif } from '../helpers/sarif.js';

const at = (name: string) => join('test', 'fixtures', 'diff', 'cli', name);
const OLD = at('old.json');
const NEW = at('new.json');
const REORDERED = at('reordered.json');
const work = mkdtempSync(join(tmpdir(), 'kpt-diff-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function write(name: string, value: unknown): string {
  const path = join(work, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
}

interface Case { name: string; old: unknown; new: unknown }
const pairs = JSON.parse(readFileSync(join(FIXTURES, 'diff', 'cases.json'), 'utf8')) as Case[];
const pair = (name: string) => {
  const c = pairs.find((x) => x.name === name)!;
  return [write(`${name}-old.json`, c.old), write(`${name}-new.json`, c.new)] as const;
};

describe('diff exit codes (SPEC 2.4)', () => {
  it('0 when the versions are the same access (reordered, Sids renamed, account id shorthand, single strings)', () => {
    const r = runBuiltCli(['diff', OLD, REORDERED]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 widened, 0 narrowed, 0 changed');
  });
  it('1 when access widened (default --fail-on widen), 0 with --fail-on never', () => {
    expect(runBuiltCli(['diff', OLD, NEW]).code).toBe(1);
    expect(runBuiltCli(['diff', OLD, NEW, '--fail-on', 'never']).code).toBe(0);
  });
  it('a narrowing alone passes --fail-on widen and fails --fail-on change', () => {
    const [o, n] = pair('condition-added');
    expect(runBuiltCli(['diff', o, n]).code).toBe(0);
    expect(runBuiltCli(['diff', o, n, '--fail-on', 'change']).code).toBe(1);
    const [c0, c1] = pair('deny-for-nobody-allowed');
    expect(runBuiltCli(['diff', c0, c1, '--fail-on', 'change']).code).toBe(1);
    expect(runBuiltCli(['diff', c0, c1]).code).toBe(0);
  });
  it('2 on usage errors and unreadable input, one message naming file, line and column, no stack', () => {
    const bad = write('bad.json', '{\n  "Version": "2012-10-17",\n  "Statement": [ { "Effect": "Allow", }\n}\n');
    const r = runBuiltCli(['diff', OLD, bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+: `));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(runBuiltCli(['diff', OLD]).code).toBe(2);
    expect(runBuiltCli(['diff', OLD, join(work, 'missing.json')]).code).toBe(2);
    expect(runBuiltCli(['diff', '-', '-'], { input: '{}' }).stderr).toMatch(/only one of <old> and <new> can be '-'/);
    const flag = runBuiltCli(['diff', OLD, NEW, '--fail-on', 'sometimes']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/--fail-on must be one of widen, change, never/);
  });
});

describe('diff --format json', () => {
  it('prints SPEC 2.4 exactly: kind, summary, changes with subject, label, action, change, before, after, why', () => {
    const r = runBuiltCli(['diff', OLD, NEW, '--format', 'json']);
    const d = JSON.parse(r.stdout) as { kind: string; summary: unknown; changes: Array<Record<string, unknown>> };
    expect(Object.keys(d)).toEqual(['kind', 'summary', 'changes']);
    expect(d.kind).toBe('key');
    expect(d.summary).toEqual({ widened: 2, narrowed: 1, changed: 0 });
    for (const c of d.changes) {
      expect(Object.keys(c)).toEqual(['subject', 'label', 'action', 'change', 'before', 'after', 'why']);
      expect(Object.keys(c.before as object)).toEqual(['decision', 'via', 'statements', 'paths']);
    }
    expect(d.changes.map((c) => [c.subject, c.action, c.change])).toEqual([
      ['arn:aws:iam::111122223333:role/App', 'kms:Decrypt', 'widened'],
      ['arn:aws:iam::444455556666:role/Partner', 'kms:Decrypt', 'widened'],
      ['arn:aws:iam::111122223333:role/Admin', 'kms:PutKeyPolicy', 'narrowed'],
    ]);
    expect(d.changes[0]!.why).toBe('condition kms:ViaService dropped from statement 0 (Sid ViaS3) (before: statement 2 (Sid ViaS3)): now allowed whatever kms:ViaService is');
    expect(d.changes[2]!.why).toBe('statement 1 (Sid Root) now allows it if an IAM policy allows too (before: directly, by statement 1 (Sid KeyAdmin))');
  });
});

describe('diff --format sarif', () => {
  it('is SARIF 2.1.0 with one ACCESS_WIDENED result per widened cell, at the line of the new statement that causes it', () => {
    const r = runBuiltCli(['diff', OLD, NEW, '--format', 'sarif']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as { runs: [{ tool: { driver: { rules: { id: string }[] } }; results: Array<{ ruleId: string; level: string; locations: [{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }] }> }] };
    expect(validateSarif(log)).toEqual([]);
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((x) => x.id)).toContain('ACCESS_WIDENED');
    expect(run.results.map((x) => x.ruleId)).toEqual(['ACCESS_WIDENED', 'ACCESS_WIDENED']);
    expect(run.results.every((x) => x.level === 'error')).toBe(true);
    const lines = readFileSync(join(ROOT, NEW), 'utf8').split('\n');
    // Each result points at the "{" that opens its statement: the line above its Sid.
    const sidLine = (sid: string) => lines.findIndex((l) => l.includes(`"Sid": "${sid}"`));
    expect(run.results.map((x) => x.locations[0].physicalLocation.region)).toEqual([
      { startLine: sidLine('ViaS3'), startColumn: 5 },
      { startLine: sidLine('Partner'), startColumn: 5 },
    ]);
    expect(run.results[0]!.locations[0].physicalLocation.artifactLocation.uri).toBe(NEW);
  });
  it('has no results when nothing widened', () => {
    const log = JSON.parse(runBuiltCli(['diff', OLD, REORDERED, '--format', 'sarif']).stdout) as { runs: [{ results: unknown[] }] };
    expect(validateSarif(log)).toEqual([]);
    expect(log.runs[0].results).toEqual([]);
  });
});

describe('diff text', () => {
  it('one line per change grouped by row: + widened, - narrowed, with the statements on each side', () => {
    const r = runBuiltCli(['diff', OLD, NEW]);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`${OLD} -> ${NEW} (key policy): 2 widened, 1 narrowed, 0 changed`);
    expect(lines).toContain('Role Partner (account 444455556666)  (arn:aws:iam::444455556666:role/Partner)');
    expect(lines).toContain('  + kms:Decrypt  [statements none -> 2]  statement 2 (Sid Partner) allows it if an IAM policy allows too; before: no statement allowed it');
    expect(lines.some((l) => l.startsWith('  - kms:PutKeyPolicy  [statements 0, 1 -> 1]  '))).toBe(true);
  });
  it('a lost kms:PutKeyPolicy comes first, marked', () => {
    const [o, n] = pair('put-key-policy-removed');
    const lines = runBuiltCli(['diff', o, n]).stdout.split('\n');
    expect(lines[1]).toMatch(/^!! Role Admin \(account 111122223333\) can no longer call kms:PutKeyPolicy/);
    expect(lines[2]).toMatch(/^ {3}- kms:PutKeyPolicy /);
  });
  it('shows control characters of a policy escaped, and keeps them exact in JSON', () => {
    const o = write('ctl-old.json', { Version: '2012-10-17', Statement: [{ Sid: 'A', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/App' }, Action: 'kms:Decrypt', Resource: '*' }] });
    const n = write('ctl-new.json', { Version: '2012-10-17', Statement: [{ Sid: 'A\u001b]0;pwned\u0007', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/App' }, Action: ['kms:Decrypt', 'kms:Encrypt'], Resource: '*' }] });
    const text = runBuiltCli(['diff', o, n]).stdout;
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(text).toContain('\\u001b]0;pwned\\u0007');
    const json = JSON.parse(runBuiltCli(['diff', o, n, '--format', 'json']).stdout) as { changes: { why: string }[] };
    expect(json.changes[0]!.why).toContain('\u001b]0;pwned\u0007');
  });
});

describe('diff inputs', () => {
  it("reads one version from '-' (standard input)", () => {
    const r = runBuiltCli(['diff', '-', NEW, '--format', 'json'], { input: readFileSync(join(ROOT, OLD)) });
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { summary: unknown }).summary).toEqual({ widened: 2, narrowed: 1, changed: 0 });
  });
  it('reads /dev/fd/N from a shell process substitution', () => {
    const r = spawnSync('bash', ['-c', `node "${BUILT_CLI}" diff <(cat "${OLD}") "${NEW}" --format json`], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect((JSON.parse(r.stdout) as { summary: unknown }).summary).toEqual({ widened: 2, narrowed: 1, changed: 0 });
  });
  it('a source with several policies and no --policy: exit 2 listing their names', () => {
    const tf = `resource "aws_kms_key" "a" {\n  policy = <<EOF\n${readFileSync(join(ROOT, OLD), 'utf8')}\nEOF\n}\nresource "aws_kms_key" "b" {\n  policy = <<EOF\n${readFileSync(join(ROOT, NEW), 'utf8')}\nEOF\n}\n`;
    const two = write('two.tf', tf);
    const r = runBuiltCli(['diff', two, NEW]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('aws_kms_key.a');
    expect(r.stderr).toContain('aws_kms_key.b');
    expect(r.stderr).toContain('--policy NAME');
  });
  it('FORCE_COLOR paints widened lines red and narrowed lines green; NO_COLOR leaves them plain', () => {
    const env: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: '1' };
    delete env.NO_COLOR;
    const colored = spawnSync(process.execPath, [BUILT_CLI, 'diff', OLD, NEW], { cwd: ROOT, encoding: 'utf8', env });
    expect(colored.stdout).toContain('\u001b[31m+ kms:Decrypt');
    expect(colored.stdout).toContain('\u001b[32m- kms:PutKeyPolicy');
    expect(runBuiltCli(['diff', OLD, NEW]).stdout).not.toContain('\u001b[');
  });
  it('diffs the policy --policy names in two Terraform sources', () => {
    const tf = (json: string) => `resource "aws_kms_key" "orders" {\n  description = "orders"\n  policy = <<EOF\n${json}\nEOF\n}\n`;
    const o = write('old.tf', tf(readFileSync(join(ROOT, OLD), 'utf8')));
    const n = write('new.tf', tf(readFileSync(join(ROOT, REORDERED), 'utf8')));
    const r = runBuiltCli(['diff', o, n, '--policy', 'aws_kms_key.orders']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 widened, 0 narrowed, 0 changed');
  });
});

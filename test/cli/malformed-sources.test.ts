/**
 * Malformed sources of each format (issue 17, SPEC 2 and 2.3): lint prints a JSON_SYNTAX
 * finding with file, line and column and exits 2; a command that needs one policy prints
 * "file:line:column: message" and exits 2; never a stack trace.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from '../helpers/cli.js';

interface Case {
  readonly file: string;
  readonly text: string;
  readonly line: number;
  readonly column: number;
  readonly message: RegExp;
}

const CASES: readonly Case[] = [
  {
    file: 'unclosed-jsonencode.tf',
    text: 'resource "aws_kms_key" "k" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n\n}\n',
    line: 2,
    column: 12,
    message: /^Terraform \(HCL\): Unterminated function call/,
  },
  {
    file: 'bad-block.tf',
    text: 'resource "aws_kms_key" "k" {\n  description = "a"\n  policy = = "x"\n}\n',
    line: 3,
    column: 12,
    message: /^Terraform \(HCL\): /,
  },
  {
    file: 'heredoc-not-json.tf',
    text: 'resource "aws_iam_policy" "p" {\n  name   = "p"\n  policy = <<EOT\n{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow" "Action": "kms:Decrypt", "Resource": "*" }\n  ]\n}\nEOT\n}\n',
    line: 7,
    column: 25,
    message: /missing comma/,
  },
  {
    file: 'unclosed-flow.yaml',
    text: 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy: {Version: "2012-10-17"\n',
    line: 7,
    column: 1,
    message: /^YAML: /,
  },
  {
    file: 'bad-indent.yaml',
    text: 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n   Properties: {}\n',
    line: 4,
    column: 1,
    message: /^YAML: All mapping items must start at the same column/,
  },
  {
    file: 'no-resources.yaml',
    text: 'AWSTemplateFormatVersion: "2010-09-09"\nDescription: a stack with only outputs\nOutputs: {}\n',
    line: 1,
    column: 1,
    message: /without a Resources section/,
  },
  {
    file: 'no-resources.template',
    text: '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Description": "no resources"\n}\n',
    line: 1,
    column: 1,
    message: /without a Resources section/,
  },
  {
    file: 'policy-string-not-json.json',
    text: '{\n    "Policy": "{\\"Version\\": \\"2012-10-17\\", \\"Statement\\": [",\n    "PolicyName": "default"\n}\n',
    line: 2,
    column: 62,
    message: /end of the input/,
  },
  {
    file: 'role-policy-document-not-json.json',
    text: '{\n  "RoleName": "App",\n  "PolicyName": "UseKey",\n  "PolicyDocument": "{\\"Version\\": \\"2012-10-17\\" \\"Statement\\": []}"\n}\n',
    // The column of the offending character in the file, through the JSON string's escapes.
    line: 4,
    column: 51,
    message: /missing comma/,
  },
];

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kms-malformed-'));
  for (const c of CASES) writeFileSync(join(dir, c.file), c.text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STACK = /^\s+at .+:\d+:\d+\)?$/m;

describe.each(CASES.map((c) => [c.file, c] as const))('%s', (_name, c) => {
  it('lint --format json: JSON_SYNTAX with the file, line and column, exit 2', () => {
    const r = runBuiltCli(['lint', join(dir, c.file), '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('');
    const findings = (JSON.parse(r.stdout) as { findings: { id: string; file: string; line: number; column: number; message: string }[] }).findings;
    const syntax = findings.filter((f) => f.id === 'JSON_SYNTAX');
    expect(syntax).toHaveLength(1);
    expect(syntax[0]).toMatchObject({ file: join(dir, c.file), line: c.line, column: c.column });
    expect(syntax[0]!.message).toMatch(c.message);
  });

  it('lint (text): the finding at file:line:column, exit 2, no stack trace', () => {
    const r = runBuiltCli(['lint', join(dir, c.file)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`${join(dir, c.file)}:${c.line}:${c.column}  JSON_SYNTAX`);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(STACK);
  });

  it('explain: "file:line:column: message" on stderr, exit 2, no stack trace', () => {
    const r = runBuiltCli(['explain', join(dir, c.file)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${join(dir, c.file)}:${c.line}:${c.column}: `);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr.split('\n').length).toBeLessThan(6);
  });
});

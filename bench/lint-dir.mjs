/**
 * SPEC 7: `lint DIR` over 1,000 generated sources (.tf, CloudFormation YAML, JSON) <= 5 s
 * (issue 17). The tree is written under bench/.work/ — 50 folders of 20 files, a Terraform
 * module per folder (aws_kms_key with jsonencode, data aws_iam_policy_document, aws_iam_policy
 * heredoc), CloudFormation templates with !Sub, get-key-policy output and policy documents —
 * and the built CLI (dist/cli.js) lints it in one process, as CI would run it.
 *
 *   node bench/lint-dir.mjs        the row alone (the scale section of bench/run.mjs includes it)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib/bundle.mjs';
import { median, spread } from './lib/stats.mjs';

const CLI = join(ROOT, 'dist', 'cli.js');
const FOLDERS = 50;
const PER_FOLDER = 20;

const account = (i) => String(111122220000 + (i % 9000)).padStart(12, '0');

function keyPolicy(i) {
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account(i)}:root` }, Action: 'kms:*', Resource: '*' },
      { Sid: 'Allow use of the key', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account(i)}:role/App${i}` }, Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'], Resource: '*' },
      { Sid: 'Allow attachment of persistent resources', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account(i)}:role/App${i}` }, Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'], Resource: '*', Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } } },
    ],
  };
}

const terraform = (i) => `data "aws_caller_identity" "current" {}

resource "aws_kms_key" "k${i}" {
  description = "key ${i}"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "Enable IAM User Permissions"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::\${data.aws_caller_identity.current.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "Allow use of the key"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${account(i)}:role/App${i}" }
        Action    = ["kms:Encrypt", "kms:Decrypt", "kms:DescribeKey"]
        Resource  = "*"
      }
    ]
  })
}

data "aws_iam_policy_document" "use${i}" {
  statement {
    sid       = "Use"
    actions   = ["kms:Decrypt", "kms:DescribeKey"]
    resources = [aws_kms_key.k${i}.arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["s3.us-west-2.amazonaws.com"]
    }
  }
}

resource "aws_iam_policy" "use${i}" {
  name   = "use-${i}"
  policy = data.aws_iam_policy_document.use${i}.json
}

resource "aws_iam_role_policy" "heredoc${i}" {
  role   = "app-${i}"
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "kms:Decrypt", "Resource": "arn:aws:kms:us-west-2:${account(i)}:key/\${var.key_id}" }]
}
EOT
}
`;

const cloudformation = (i) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Key${i}:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Version: '2012-10-17'
        Statement:
          - Sid: Enable IAM User Permissions
            Effect: Allow
            Principal:
              AWS: !Sub 'arn:aws:iam::\${AWS::AccountId}:root'
            Action: 'kms:*'
            Resource: '*'
          - Sid: Allow use of the key
            Effect: Allow
            Principal:
              AWS: !GetAtt AppRole${i}.Arn
            Action: [kms:Encrypt, kms:Decrypt, kms:DescribeKey]
            Resource: '*'
  AppRole${i}:
    Type: AWS::IAM::Role
    Properties:
      Policies:
        - PolicyName: use
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: kms:Decrypt
                Resource: !GetAtt Key${i}.Arn
`;

/** 1,000 sources: per folder 8 .tf, 6 CloudFormation YAML, 3 get-key-policy outputs, 3 policy documents. */
export function writeTree(dir) {
  rmSync(dir, { recursive: true, force: true });
  let n = 0;
  for (let f = 0; f < FOLDERS; f++) {
    const folder = join(dir, `team-${Math.floor(f / 10)}`, `stack-${f}`);
    mkdirSync(folder, { recursive: true });
    for (let k = 0; k < PER_FOLDER; k++, n++) {
      if (k < 8) writeFileSync(join(folder, `kms-${k}.tf`), terraform(n));
      else if (k < 14) writeFileSync(join(folder, `stack-${k}.yaml`), cloudformation(n));
      else if (k < 17) writeFileSync(join(folder, `key-${k}.json`), JSON.stringify({ Policy: JSON.stringify(keyPolicy(n), null, 2), PolicyName: 'default' }, null, 4));
      else writeFileSync(join(folder, `policy-${k}.json`), JSON.stringify(keyPolicy(n), null, 2));
    }
  }
  return n;
}

export async function lintDirBench(log, runs = 3) {
  const dir = join(ROOT, 'bench', '.work', 'lint-dir');
  const files = writeTree(dir);
  log(`  lint DIR over ${files} generated sources …`);
  const times = [];
  let summary = '';
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [CLI, 'lint', dir], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    times.push(performance.now() - t0);
    if (r.status !== 0 && r.status !== 1) throw new Error(`lint DIR exited with ${r.status}: ${(r.stderr || '').split('\n')[0]}`);
    summary = r.stdout.trimEnd().split('\n').pop() ?? '';
  }
  const [a, b] = spread(times);
  return [{ figure: `lint DIR, ${files} generated sources (.tf, CloudFormation YAML, JSON), built CLI (ms)`, target: '<= 5000', median: median(times), spread: `${a.toFixed(0)}–${b.toFixed(0)}`, extra: summary.replace(/^\d+ files read, /, ''), ok: median(times) <= 5000 }];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await lintDirBench((s) => process.stderr.write(`${s}\n`));
  for (const r of rows) process.stdout.write(`${r.figure}: median ${r.median.toFixed(0)} (${r.spread}), target ${r.target}, ${r.ok ? 'ok' : 'MISSED'}; ${r.extra}\n`);
}

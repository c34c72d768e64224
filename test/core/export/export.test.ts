import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { exportPolicy, hclString, terraformName, toTerraform } from '../../../source/core/export/index.js';
import { buildDocument, detectKind, isRecord } from '../../../source/core/policy/index.js';
import { allTemplates, renderTemplate } from '../../../source/core/templates/index.js';
import { policy as policyArb } from '../../helpers/arbitraries.js';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const list = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(String);

/** The statement blocks of our Terraform output, as text (each starts at "  statement {" and ends at "  }"). */
function statementBlocks(tf: string): string[] {
  return tf.split('\n  statement {\n').slice(1).map((b) => b.slice(0, b.indexOf('\n  }\n')));
}

/** Checks that every statement, action, resource, principal and condition of the policy appears in its Terraform block. */
function expectTerraformCovers(policy: unknown, tf: string): void {
  const doc = policy as { Statement: unknown };
  const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  const blocks = statementBlocks(tf);
  expect(blocks).toHaveLength(statements.length);
  statements.forEach((s, i) => {
    const block = blocks[i]!;
    if (!isRecord(s)) return;
    // terraform fmt aligns the = of the statement's attributes (tested in terraform-hcl.test.ts); here only the values count.
    if (typeof s.Sid === 'string') expect(block).toMatch(new RegExp(`\\bsid +${escape(`= ${hclString(s.Sid)}`)}`));
    expect(block).toMatch(new RegExp(`\\beffect +${escape(`= ${hclString(String(s.Effect))}`)}`));
    for (const [element, attr] of [['Action', 'actions'], ['NotAction', 'not_actions'], ['Resource', 'resources'], ['NotResource', 'not_resources']] as const) {
      if (s[element] === undefined) expect(block).not.toMatch(new RegExp(`^\\s+${attr} =`, 'm'));
      else expect(block).toMatch(new RegExp(`\\b${attr} +${escape(`= [${list(s[element]).map(hclString).join(', ')}]`)}`));
    }
    for (const [element, blockName] of [['Principal', 'principals'], ['NotPrincipal', 'not_principals']] as const) {
      const p = s[element];
      if (p === undefined) continue;
      const entries = p === '*' ? [['*', ['*']] as const] : Object.entries(p as Record<string, unknown>).map(([t, ids]) => [t, list(ids)] as const);
      for (const [type, ids] of entries) {
        expect(block).toContain(`${blockName} {\n      type        = ${hclString(type)}\n      identifiers = [${ids.map(hclString).join(', ')}]\n    }`);
      }
    }
    if (isRecord(s.Condition)) {
      for (const [test, keys] of Object.entries(s.Condition)) {
        for (const [variable, values] of Object.entries(keys as Record<string, unknown>)) {
          expect(block).toContain(
            `condition {\n      test     = ${hclString(test)}\n      variable = ${hclString(variable)}\n      values   = [${list(values).map(hclString).join(', ')}]\n    }`,
          );
        }
      }
    }
  });
}

describe('terraform export', () => {
  it('writes an aws_iam_policy_document named after the template', () => {
    const tf = toTerraform({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' }] }, 'cross-account-key');
    expect(tf).toBe(
      [
        'data "aws_iam_policy_document" "cross_account_key" {',
        '  version = "2012-10-17"',
        '',
        '  statement {',
        '    effect    = "Allow"',
        '    actions   = ["kms:Decrypt"]',
        '    resources = ["*"]',
        '    principals {',
        '      type        = "*"',
        '      identifiers = ["*"]',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('escapes IAM policy variables and quotes', () => {
    expect(hclString('arn:aws:iam::111122223333:user/${aws:username}')).toBe('"arn:aws:iam::111122223333:user/$${aws:username}"');
    expect(hclString('say "hi" \\ %{x}')).toBe('"say \\"hi\\" \\\\ %%{x}"');
    expect(terraformName('9-lives')).toBe('policy_9_lives');
  });

  it.each(allTemplates().map((t) => [t.id, t] as const))('covers every element of template %s', (_, t) => {
    const policy = renderTemplate(t);
    expectTerraformCovers(policy, exportPolicy(policy, t.kind, 'terraform', t.id));
  });

  it('covers every element of generated policies (property)', () => {
    fc.assert(
      fc.property(fc.oneof(policyArb('key'), policyArb('identity')), (p) => {
        expectTerraformCovers(p, toTerraform(p, 'p'));
      }),
      { numRuns: 150 },
    );
  });
});

describe('cloudformation export', () => {
  it.each(allTemplates().map((t) => [t.id, t] as const))('template %s parses back to the same policy under the right property', (_, t) => {
    const policy = renderTemplate(t);
    const parsed = parseYaml(exportPolicy(policy, t.kind, 'cloudformation', t.id)) as Record<string, unknown>;
    const property = t.kind === 'key' ? 'KeyPolicy' : 'PolicyDocument';
    expect(Object.keys(parsed)).toEqual([property]);
    expect(parsed[property]).toEqual(policy);
  });

  it('round-trips generated policies, quoting strings YAML would read as other types (property)', () => {
    fc.assert(
      fc.property(fc.oneof(policyArb('key'), policyArb('identity')), (p) => {
        const kind = detectKind(buildDocument(p));
        const text = exportPolicy(p, kind, 'cloudformation', 'p');
        expect(parseYaml(text)).toEqual({ [kind === 'key' ? 'KeyPolicy' : 'PolicyDocument']: p });
        // YAML 1.1 readers (CloudFormation) must see strings too.
        expect(parseYaml(text, { version: '1.1' })).toEqual(parseYaml(text));
      }),
      { numRuns: 150 },
    );
  });
});

describe('json export', () => {
  it('is the canonical serialization', () => {
    const text = exportPolicy({ Statement: [{ Resource: '*', Action: 'kms:Decrypt', Effect: 'Allow' }], Version: '2012-10-17' }, 'identity', 'json', 'x');
    expect(text).toBe('{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "kms:Decrypt",\n      "Resource": "*"\n    }\n  ]\n}\n');
  });
});

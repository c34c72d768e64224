import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderTemplate, validateTemplate, type Template, type TemplateParameter } from '../../../source/core/templates/index.js';

const p = (name: string, type: TemplateParameter['type'], def: string | string[]): TemplateParameter => ({ name, label: name, type, default: def, help: 'h' });

const base: Template = {
  id: 'example',
  title: 'Example',
  kind: 'identity',
  category: 'Test',
  description: 'd',
  source: { title: 't', url: 'https://docs.aws.amazon.com/kms/latest/developerguide/iam-policies.html' },
  parameters: [p('account', 'account-id', '111122223333'), p('keys', 'key-id-list', ['1234abcd-12ab-34cd-56ef-1234567890ab', '0987dcba-09fe-87dc-65ba-ab0987654321'])],
  policy: {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: ['arn:aws:kms:*:{{account}}:key/{{keys}}', 'arn:aws:kms:*:{{account}}:alias/*'] }],
  },
  statementNotes: ['n'],
};

describe('renderTemplate placeholders', () => {
  it('replaces scalars in place and expands a list placeholder inside an array into one element per value, in order', () => {
    expect(renderTemplate(base)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'kms:Decrypt',
          Resource: [
            'arn:aws:kms:*:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
            'arn:aws:kms:*:111122223333:key/0987dcba-09fe-87dc-65ba-ab0987654321',
            'arn:aws:kms:*:111122223333:alias/*',
          ],
        },
      ],
    });
  });

  it('turns a string holding a list placeholder outside an array into an array', () => {
    const t = { ...base, policy: { Statement: { Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'k/{{keys}}', Note: '{{account}}' } } };
    expect(renderTemplate(t, { keys: ['a'] })).toEqual({ Statement: { Effect: 'Allow', Action: 'kms:Decrypt', Resource: ['k/a'], Note: '111122223333' } });
  });

  it('never substitutes keys and takes given values over defaults', () => {
    const t = { ...base, policy: { '{{account}}': '{{account}}', x: ['{{keys}}'] } };
    expect(renderTemplate(t, { account: '444455556666', keys: 'a, b' })).toEqual({ '{{account}}': '444455556666', x: ['a', 'b'] });
  });

  it('keeps every list value, in order, for any list (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z0-9-]{1,12}$/), { minLength: 1, maxLength: 6 }), (keys) => {
        const out = renderTemplate({ parameters: base.parameters, policy: { R: ['x', '{{keys}}', 'y'] } }, { keys }) as { R: string[] };
        expect(out.R).toEqual(['x', ...keys, 'y']);
      }),
      { numRuns: 100 },
    );
  });
});

describe('validateTemplate', () => {
  it('accepts a well-formed template', () => {
    expect(validateTemplate(base)).toEqual([]);
  });

  it.each([
    ['an unknown placeholder', { ...base, policy: { Statement: [{ Effect: 'Allow', Action: '{{nope}}', Resource: '{{keys}}/{{account}}' }] } }, /\{\{nope\}\}.*not a parameter/],
    ['a parameter never used', { ...base, policy: { Statement: [{ Effect: 'Allow', Action: 'x', Resource: '{{keys}}' }] } }, /'account' is never used/],
    ['a missing teaching note', { ...base, statementNotes: [] }, /0 notes for 1 statements/],
    ['an invalid default', { ...base, parameters: [p('account', 'account-id', '1111111111'), base.parameters[1]!] }, /invalid default: account: "1111111111" has 10 digits/],
    ['a wrong kind', { ...base, kind: 'key' }, /rendered policy is an identity policy/],
    ['a non-kebab id', { ...base, id: 'Bad_Id' }, /kebab-case/],
    ['a source outside the AWS docs', { ...base, source: { title: 't', url: 'https://example.com' } }, /docs\.aws\.amazon\.com/],
    ['a list default that is a string', { ...base, parameters: [base.parameters[0]!, p('keys', 'key-id-list', 'a')] }, /default must be an array/],
  ])('reports %s', (_, t, message) => {
    expect(validateTemplate(t).join('\n')).toMatch(message);
  });
});

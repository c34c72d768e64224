import { describe, expect, it } from 'vitest';
import { isBarePolicyDocument, readSource } from '../../../source/core/sources/index.js';

// The shortcut `open` takes for a bare document must agree with readSource's detection.
const CASES: readonly [string, unknown, boolean][] = [
  ['a policy document', { Version: '2012-10-17', Statement: [] }, true],
  ['a document with an Id', { Version: '2012-10-17', Id: 'key-default-1', Statement: [] }, true],
  ['get-key-policy output', { Policy: '{"Version":"2012-10-17","Statement":[]}', PolicyName: 'default' }, false],
  ['get-role-policy output', { RoleName: 'r', PolicyName: 'p', PolicyDocument: { Version: '2012-10-17', Statement: [] } }, false],
  ['a CloudFormation template', { Resources: { Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: { Statement: [] } } } } }, false],
  ['a Terraform plan', { format_version: '1.2', planned_values: {}, Statement: [] }, false],
  ['a document with another member', { Version: '2012-10-17', Statement: [], Extra: 1 }, false],
  ['no Statement', { Version: '2012-10-17' }, false],
  ['an array', [{ Statement: [] }], false],
];

describe('isBarePolicyDocument', () => {
  for (const [name, value, bare] of CASES) {
    it(`${name}: ${bare ? 'bare' : 'not bare'}`, () => {
      expect(isBarePolicyDocument(value)).toBe(bare);
      // Where the shortcut says bare, readSource reads one document of the whole text.
      if (bare) {
        const read = readSource('p.json', JSON.stringify(value));
        expect(read.format).toBe('policy-document');
        expect(read.policies).toHaveLength(1);
      }
    });
  }
});

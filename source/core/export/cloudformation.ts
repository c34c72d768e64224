import { stringify } from 'yaml';
import type { PolicyKind } from '../policy/model.js';
import { canonicalize } from '../policy/serialize.js';

/** The CloudFormation property that holds a policy of each kind (AWS::KMS::Key KeyPolicy; AWS::IAM::Policy PolicyDocument). */
export const CLOUDFORMATION_PROPERTY: Readonly<Record<PolicyKind, string>> = {
  key: 'KeyPolicy',
  identity: 'PolicyDocument',
};

/**
 * A YAML fragment to paste under a resource's Properties. Written with the
 * YAML 1.1 schema so that strings such as "2012-10-17", "true" or "yes" are
 * quoted: CloudFormation's parser would otherwise read them as dates or booleans.
 */
export function toCloudFormation(policy: unknown, kind: PolicyKind): string {
  return stringify({ [CLOUDFORMATION_PROPERTY[kind]]: canonicalize(policy) }, { version: '1.1', lineWidth: 0, indentSeq: true });
}

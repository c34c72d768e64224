/**
 * CloudFormation templates, JSON or YAML (SPEC 2.5): the policies of
 * AWS::KMS::Key and AWS::KMS::ReplicaKey (KeyPolicy, aws-resource-kms-key.html),
 * AWS::IAM::Policy and AWS::IAM::ManagedPolicy (PolicyDocument), and the inline
 * `Policies` of AWS::IAM::Role, User and Group. Intrinsics stay symbolic.
 */
import type { JsonNode } from '../policy/json.js';

import type { ParsedPolicy } from '../policy/parse.js';
import { intrinsicName, symbolic } from './cfn-intrinsics.js';
import { parseEmbeddedPolicy, parsePolicyInString, policyFromTree } from './embedded.js';
import { member, memberEntry, rebase, sourceFinding } from './positions.js';
import type { NamedSourcePolicy, SourceProblem, UnresolvedReference } from './types.js';

const POLICY_PROPERTY = {
  'AWS::KMS::Key': ['KeyPolicy', 'key'],
  'AWS::KMS::ReplicaKey': ['KeyPolicy', 'key'],
  'AWS::IAM::Policy': ['PolicyDocument', 'identity'],
  'AWS::IAM::ManagedPolicy': ['PolicyDocument', 'identity'],
} as const;

const INLINE_POLICY_OWNERS: readonly string[] = ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'];

/** A template: a Resources object, or a template version with something to say about it. */
export function looksLikeTemplate(root: JsonNode): boolean {
  return root.type === 'object' && (member(root, 'AWSTemplateFormatVersion') !== undefined || member(root, 'Resources')?.type === 'object');
}

export interface TemplateRead {
  readonly policies: NamedSourcePolicy[];
  readonly problems: SourceProblem[];
}

export function readTemplate(file: string, text: string, root: JsonNode, fromJson: boolean): TemplateRead {
  const policies: NamedSourcePolicy[] = [];
  const problems: SourceProblem[] = [];
  const resources = member(root, 'Resources');
  if (!resources || resources.type !== 'object') {
    problems.push({ file, finding: sourceFinding('JSON_SYNTAX', 'CloudFormation template without a Resources section: expected "Resources:" with at least one resource', { line: root.start.line, column: root.start.column }) });
    return { policies, problems };
  }
  for (const { key: logicalId, value: resource } of resources.members) {
    const type = member(resource, 'Type');
    const properties = member(resource, 'Properties');
    if (type?.type !== 'string' || !properties) continue;
    const t = String(type.value);
    const known = POLICY_PROPERTY[t as keyof typeof POLICY_PROPERTY];
    if (known) {
      const entry = memberEntry(properties, known[0]);
      if (!entry) continue;
      const bypass = memberEntry(properties, 'BypassPolicyLockoutSafetyCheck');
      const bypassOn = bypass && ((bypass.value.type === 'boolean' && bypass.value.value === true) || (bypass.value.type === 'string' && String(bypass.value.value).toLowerCase() === 'true'));
      policies.push(policyOf(file, text, `Resources.${logicalId}`, known[1], entry.value, fromJson, bypassOn ? bypass.keyStart : null));
    } else if (INLINE_POLICY_OWNERS.includes(t)) {
      const list = member(properties, 'Policies');
      if (list?.type !== 'array') continue;
      list.items.forEach((item, i) => {
        const doc = member(item, 'PolicyDocument');
        if (!doc) return;
        const policyName = member(item, 'PolicyName');
        const suffix = policyName?.type === 'string' ? String(policyName.value) : String(i);
        policies.push(policyOf(file, text, `Resources.${logicalId}.Policies.${suffix}`, 'identity', doc, fromJson, null));
      });
    }
  }
  return { policies, problems };
}

function policyOf(file: string, text: string, name: string, kind: 'key' | 'identity', node: JsonNode, fromJson: boolean, bypass: NamedSourcePolicy['bypassLockout']): NamedSourcePolicy {
  const unresolved: UnresolvedReference[] = [];
  let parsed: ParsedPolicy;
  if (node.type === 'string') {
    // A policy written as a JSON string: through its escapes in JSON, at the string in YAML.
    parsed = fromJson ? parsePolicyInString(text, node as JsonNode & { type: 'string' }) : parseEmbeddedPolicy(String(node.value), () => node.start);
  } else {
    const tree = rebase(node, {
      replace: (n, pointer) => {
        if (!intrinsicName(n)) return null;
        const s = symbolic(n);
        for (const expression of s.references) unresolved.push({ expression, pointer, line: n.start.line, column: n.start.column });
        return { type: 'string', value: s.text, pointer, start: n.start, end: n.end };
      },
    });
    parsed = policyFromTree(tree);
  }
  return { name, file, sourceText: text, kindHint: kind, parsed, unresolved, bypassLockout: bypass };
}


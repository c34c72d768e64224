/**
 * AWS CLI output (SPEC 2.5): `aws kms get-key-policy` ({"Policy": "<json text>",
 * "PolicyName": "default"}), `aws iam get-policy-version` ({"PolicyVersion":
 * {"Document": ...}}), `get-role-policy` / `get-user-policy` ({"RoleName",
 * "PolicyName", "PolicyDocument"}). The document may be an object, a JSON
 * string, or URL-encoded (RFC 3986), as the IAM API returns it.
 */
import type { JsonNode } from '../policy/json.js';
import type { ParsedPolicy } from '../policy/parse.js';
import { parseEmbeddedPolicy, parsePolicyInString, policyFromTree } from './embedded.js';
import { lineIndex, member, rebase, stringValue } from './positions.js';
import type { NamedSourcePolicy } from './types.js';

/** The member holding the document, and a name for it, when `root` is CLI output. */
export function cliDocumentNode(root: JsonNode): { node: JsonNode; name: string; kind: 'key' | 'identity' } | null {
  if (root.type !== 'object') return null;
  const policy = member(root, 'Policy');
  if (policy && policy.type === 'string' && root.members.every((m) => m.key === 'Policy' || m.key === 'PolicyName')) {
    const name = member(root, 'PolicyName');
    return { node: policy, name: name?.type === 'string' ? String(name.value) : 'Policy', kind: 'key' };
  }
  const version = member(root, 'PolicyVersion');
  const versionDoc = member(version, 'Document');
  if (versionDoc) {
    const id = member(version, 'VersionId');
    return { node: versionDoc, name: `PolicyVersion${id?.type === 'string' ? `.${String((id as { value: unknown }).value)}` : ''}`, kind: 'identity' };
  }
  const doc = member(root, 'PolicyDocument');
  const owner = member(root, 'RoleName') ?? member(root, 'UserName') ?? member(root, 'GroupName');
  if (doc && (owner || member(root, 'PolicyName'))) {
    const policyName = member(root, 'PolicyName');
    const parts = [owner, policyName].map(stringValue).filter((n): n is string => n !== undefined);
    return { node: doc, name: parts.join('.') || 'PolicyDocument', kind: 'identity' };
  }
  return null;
}

/** A document node: object as is, JSON string through its escapes, URL-encoded text at the string. */
export function documentFromNode(text: string, node: JsonNode, at = lineIndex(text)): ParsedPolicy {
  if (node.type === 'string') {
    const value = String(node.value);
    if (/^\s*[{[]/.test(value) || !/%[0-9A-Fa-f]{2}/.test(value)) return parsePolicyInString(text, node as JsonNode & { type: 'string' }, at);
    let decoded = value;
    try {
      decoded = decodeURIComponent(value.replace(/\+/g, ' '));
    } catch {
      // Not valid percent-encoding: parse as written, which reports where it stops being JSON.
    }
    return parseEmbeddedPolicy(decoded, () => node.start);
  }
  return policyFromTree(rebase(node));
}

export function readCliOutput(file: string, text: string, root: JsonNode): NamedSourcePolicy[] | null {
  const found = cliDocumentNode(root);
  if (!found) return null;
  return [
    {
      name: found.name,
      file,
      sourceText: text,
      kindHint: found.kind,
      parsed: documentFromNode(text, found.node),
      unresolved: [],
      bypassLockout: null,
    },
  ];
}

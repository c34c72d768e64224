/**
 * Terraform plan JSON (`terraform show -json plan.out`, and state as `terraform
 * show -json`): the planned values of the policy resources, fully resolved by
 * Terraform, each `policy` attribute a JSON string parsed through its escapes.
 */
import type { JsonNode } from '../policy/json.js';
import { parsePolicyInString } from './embedded.js';
import { lineIndex, member, memberEntry, stringValue } from './positions.js';
import { TERRAFORM_POLICY_RESOURCES } from './terraform-types.js';
import type { NamedSourcePolicy } from './types.js';

export function looksLikePlan(root: JsonNode): boolean {
  return root.type === 'object' && member(root, 'format_version') !== undefined && (member(root, 'planned_values') !== undefined || member(root, 'values') !== undefined || member(root, 'terraform_version') !== undefined);
}

export function readPlan(file: string, text: string, root: JsonNode): NamedSourcePolicy[] {
  const at = lineIndex(text);
  const out: NamedSourcePolicy[] = [];
  const walk = (module: JsonNode | undefined, depth: number): void => {
    if (!module || depth > 64) return;
    const resources = member(module, 'resources');
    if (resources?.type === 'array') {
      for (const r of resources.items) {
        const type = member(r, 'type');
        const kind = type?.type === 'string' ? TERRAFORM_POLICY_RESOURCES[String(type.value) as keyof typeof TERRAFORM_POLICY_RESOURCES] : undefined;
        const values = member(r, 'values');
        const policy = member(values, 'policy');
        if (!kind || policy?.type !== 'string') continue;
        const address = member(r, 'address');
        const bypass = memberEntry(values, 'bypass_policy_lockout_safety_check');
        out.push({
          name: stringValue(address) ?? `${stringValue(type) ?? ''}.${stringValue(member(r, 'name')) ?? ''}`,
          file,
          sourceText: text,
          kindHint: kind,
          parsed: parsePolicyInString(text, policy as JsonNode & { type: 'string' }, at),
          unresolved: [],
          bypassLockout: bypass?.value.type === 'boolean' && (bypass.value as { value: unknown }).value === true ? bypass.keyStart : null,
        });
      }
    }
    const children = member(module, 'child_modules');
    if (children?.type === 'array') for (const c of children.items) walk(c, depth + 1);
  };
  for (const top of ['planned_values', 'values'] as const) walk(member(member(root, top), 'root_module'), 0);
  return out;
}

import type { PolicyKind } from '../policy/model.js';
import { serializePolicy } from '../policy/serialize.js';
import { toCloudFormation } from './cloudformation.js';
import { toTerraform } from './terraform.js';

export { toTerraform, terraformName, hclString } from './terraform.js';
export { toCloudFormation, CLOUDFORMATION_PROPERTY } from './cloudformation.js';

/** Export formats of SPEC 2 (`render --format`) and the Export tab. */
export const EXPORT_FORMATS = ['json', 'terraform', 'cloudformation'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** File extension for each format (the `w` prompt's prefill: ./<template-id>.<ext>). */
export const EXPORT_EXTENSIONS: Readonly<Record<ExportFormat, string>> = {
  json: 'json',
  terraform: 'tf',
  cloudformation: 'yaml',
};

export const EXPORT_LABELS: Readonly<Record<ExportFormat, string>> = {
  json: 'JSON',
  terraform: 'Terraform',
  cloudformation: 'CloudFormation',
};

/**
 * The policy as text in one format. `name` names the Terraform data source
 * (a template id or file name; made a valid identifier).
 */
export function exportPolicy(policy: unknown, kind: PolicyKind, format: ExportFormat, name: string): string {
  switch (format) {
    case 'json':
      return serializePolicy(policy);
    case 'terraform':
      return toTerraform(policy, name);
    case 'cloudformation':
      return toCloudFormation(policy, kind);
  }
}

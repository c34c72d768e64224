/**
 * Policy sources (SPEC 2.5), detected by content: a policy document, AWS CLI
 * output, a CloudFormation template (JSON or YAML), Terraform plan JSON. Terraform
 * .tf files need the HCL parser, which the commands layer runs (readTerraform).
 */
import { parseJson } from '../policy/json.js';
import { parsePolicy, policyOfJson } from '../policy/parse.js';
import { readCliOutput } from './aws-cli.js';
import { looksLikeTemplate, readTemplate } from './cloudformation.js';
import { sourceFinding } from './positions.js';
import { looksLikePlan, readPlan } from './terraform-plan.js';
import type { NamedSourcePolicy, SourceFormat, SourceRead } from './types.js';
import { readYaml } from './yaml-tree.js';

export * from './types.js';
export { readTerraform, terraformExpressions, type TerraformFile } from './terraform.js';
export type { HclExpressionAst } from './hcl-expression.js';

/** The name of the one policy of a bare document. */
export const DOCUMENT_POLICY_NAME = 'document';

const YAML_FILE = /\.ya?ml$/i;

/** Words that make a JSON file that cannot be read look like a policy source (in `lint DIR`). */
const POLICY_WORDS = /"(?:Statement|Resources|AWSTemplateFormatVersion|Policy|PolicyDocument|PolicyVersion|planned_values)"/;

/** Whether a file name is one `lint DIR` reads (the content then decides the format). */
export function isSourceFileName(name: string): boolean {
  return /\.(?:json|ya?ml|tf|template)$/i.test(name);
}

const DOCUMENT_KEYS: ReadonlySet<string> = new Set(['Version', 'Id', 'Statement']);

/**
 * A JSON value that can only be a bare policy document: an object with Statement and no
 * member but the document's own (Version, Id, Statement). Every other format readSource
 * knows needs a member outside these (Policy, PolicyDocument, PolicyVersion, Resources,
 * AWSTemplateFormatVersion, format_version), so for such a value readSource would find the
 * document itself: a caller holding the value may skip reading the text with positions.
 */
export function isBarePolicyDocument(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.includes('Statement') && keys.every((k) => DOCUMENT_KEYS.has(k));
}

function documentSource(file: string, text: string, json?: ReturnType<typeof parseJson>): SourceRead {
  return {
    format: 'policy-document',
    policies: [{ name: DOCUMENT_POLICY_NAME, file, sourceText: text, kindHint: null, parsed: json ? policyOfJson(text, json) : parsePolicy(text), unresolved: [], bypassLockout: null }],
    problems: [],
  };
}

const one = (format: SourceFormat, policies: NamedSourcePolicy[]): SourceRead => ({ format, policies, problems: [] });

/**
 * Reads a source that is not Terraform HCL. `strict`: a file that is no
 * source at all is a problem (a named file); otherwise it reads as no policies
 * (a YAML file in a repository that is not a template).
 */
export function readSource(file: string, text: string, options: { strict?: boolean } = {}): SourceRead {
  const strict = options.strict ?? true;
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[') || !YAML_FILE.test(file)) {
    const parsed = parseJson(text);
    if (!parsed.root) {
      // `aws kms get-key-policy --output text` prints the policy, a tab and the policy name.
      const m = /^([\s\S]*\})\t([A-Za-z0-9_-]+)\s*$/.exec(text);
      if (m && parseJson(m[1]!).root) return documentSource(file, m[1]!);
      if (!trimmed.startsWith('{') && !trimmed.startsWith('[') && trimmed !== '') {
        const yaml = readYaml(text);
        if (yaml.root && looksLikeTemplate(yaml.root)) return { format: 'cloudformation', ...readTemplate(file, text, yaml.root, false) };
      }
      if (!strict && !POLICY_WORDS.test(text)) return { format: 'policy-document', policies: [], problems: [] };
      return documentSource(file, text);
    }
    const root = parsed.root;
    if (looksLikePlan(root)) return one('terraform-plan', readPlan(file, text, root));
    const cli = readCliOutput(file, text, root);
    if (cli) return one('aws-cli', cli);
    if (looksLikeTemplate(root)) return { format: 'cloudformation', ...readTemplate(file, text, root, true) };
    // In a repository, only JSON with statements is a policy (not package.json).
    if (!strict && !(root.type === 'object' && root.members.some((m) => m.key === 'Statement'))) return { format: 'policy-document', policies: [], problems: [] };
    return documentSource(file, text, parsed);
  }
  const yaml = readYaml(text);
  if (!yaml.root) {
    const e = yaml.errors[0];
    const problems = yaml.errors.length > 0 ? [{ file, finding: sourceFinding('JSON_SYNTAX', `YAML: ${e!.message}`, e!) }] : [];
    if (!strict && problems.length === 0) return { format: 'cloudformation', policies: [], problems };
    return { format: 'cloudformation', policies: [], problems: problems.length > 0 ? problems : [{ file, finding: sourceFinding('JSON_SYNTAX', 'The YAML file is empty: expected a CloudFormation template', { line: 1, column: 1 }) }] };
  }
  if (looksLikeTemplate(yaml.root)) return { format: 'cloudformation', ...readTemplate(file, text, yaml.root, false) };
  if (!strict) return { format: 'cloudformation', policies: [], problems: [] };
  return {
    format: 'cloudformation',
    policies: [],
    problems: [{ file, finding: sourceFinding('JSON_SYNTAX', 'Not a CloudFormation template: expected "AWSTemplateFormatVersion" or "Resources" at the top level', { line: yaml.root.start.line, column: yaml.root.start.column }) }],
  };
}

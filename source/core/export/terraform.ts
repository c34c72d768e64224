import { isRecord } from '../policy/model.js';
import { canonicalize } from '../policy/serialize.js';

/**
 * Terraform `aws_iam_policy_document` data source for a policy. Element names
 * follow the provider's schema (actions, not_actions, resources, principals,
 * condition {test, variable, values}); IAM's `${aws:...}` policy variables are
 * escaped as `$${...}` so Terraform does not treat them as interpolation.
 */

/** A Terraform identifier from a template id or file name: "encrypt-decrypt" → "encrypt_decrypt". */
export function terraformName(name: string): string {
  const id = name.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (id === '') return 'policy';
  return /^[0-9]/.test(id) ? `policy_${id}` : id;
}

/** An HCL string literal. */
export function hclString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, '%%{');
  return `"${escaped}"`;
}

function scalarText(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

function list(v: unknown): string[] {
  return (Array.isArray(v) ? v : [v]).map(scalarText);
}

function hclList(values: readonly string[]): string {
  return `[${values.map(hclString).join(', ')}]`;
}

/**
 * Attribute lines as `terraform fmt` writes them: the `=` of consecutive
 * attributes of one block aligned one column after the longest name.
 * https://developer.hashicorp.com/terraform/language/style#code-formatting
 */
export function alignedAttributes(attributes: readonly (readonly [string, string])[], indent: string): string[] {
  const width = Math.max(0, ...attributes.map(([name]) => name.length));
  return attributes.map(([name, value]) => `${indent}${name.padEnd(width)} = ${value}`);
}

function principalBlocks(block: 'principals' | 'not_principals', v: unknown, indent: string): string[] {
  const out: string[] = [];
  const entries: [string, string[]][] = v === '*' ? [['*', ['*']]] : isRecord(v) ? Object.entries(v).map(([t, ids]) => [t, list(ids)]) : [];
  for (const [type, ids] of entries) {
    out.push(`${indent}${block} {`, ...alignedAttributes([['type', hclString(type)], ['identifiers', hclList(ids)]], `${indent}  `), `${indent}}`);
  }
  return out;
}

function conditionBlocks(v: unknown, indent: string): string[] {
  const out: string[] = [];
  if (!isRecord(v)) return out;
  for (const [test, keys] of Object.entries(v)) {
    if (!isRecord(keys)) continue;
    for (const [variable, values] of Object.entries(keys)) {
      out.push(
        `${indent}condition {`,
        ...alignedAttributes(
          [
            ['test', hclString(test)],
            ['variable', hclString(variable)],
            ['values', hclList(list(values))],
          ],
          `${indent}  `,
        ),
        `${indent}}`,
      );
    }
  }
  return out;
}

const LIST_ELEMENTS = [
  ['Action', 'actions'],
  ['NotAction', 'not_actions'],
  ['Resource', 'resources'],
  ['NotResource', 'not_resources'],
] as const;

function statementBlock(s: unknown): string[] {
  const lines = ['  statement {'];
  if (!isRecord(s)) return [...lines, '  }'];
  const i = '    ';
  const attributes: [string, string][] = [];
  if (typeof s.Sid === 'string') attributes.push(['sid', hclString(s.Sid)]);
  if (s.Effect !== undefined) attributes.push(['effect', hclString(scalarText(s.Effect))]);
  for (const [element, attr] of LIST_ELEMENTS) {
    if (s[element] !== undefined) attributes.push([attr, hclList(list(s[element]))]);
  }
  lines.push(...alignedAttributes(attributes, i));
  if (s.Principal !== undefined) lines.push(...principalBlocks('principals', s.Principal, i));
  if (s.NotPrincipal !== undefined) lines.push(...principalBlocks('not_principals', s.NotPrincipal, i));
  lines.push(...conditionBlocks(s.Condition, i));
  lines.push('  }');
  return lines;
}

/** The policy as a `data "aws_iam_policy_document" "<name>"` block. */
export function toTerraform(policy: unknown, name: string): string {
  const doc = canonicalize(policy);
  const lines = [`data "aws_iam_policy_document" ${hclString(terraformName(name))} {`];
  if (isRecord(doc)) {
    const attributes: [string, string][] = [];
    if (typeof doc.Version === 'string') attributes.push(['version', hclString(doc.Version)]);
    if (typeof doc.Id === 'string') attributes.push(['policy_id', hclString(doc.Id)]);
    lines.push(...alignedAttributes(attributes, '  '));
    const statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement === undefined ? [] : [doc.Statement];
    for (const s of statements) lines.push('', ...statementBlock(s));
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readTerraformFiles } from '../../../source/commands/terraform-parser.js';
import { exportPolicy } from '../../../source/core/export/index.js';
import { canonicalize } from '../../../source/core/policy/index.js';
import { allTemplates, renderTemplate } from '../../../source/core/templates/index.js';

/**
 * A policy with every element that may be a string or a list as a sorted list,
 * so the spellings compare equal (the data source's lists are sets: the provider
 * may order them its own way; statements keep their order).
 */
function asLists(v: unknown, key = ''): unknown {
  // One statement may be written without its array.
  if (key === 'Statement' && !Array.isArray(v)) return [asLists(v)];
  if (Array.isArray(v)) {
    const items = v.map((x) => asLists(x));
    return items.every((x) => Array.isArray(x) && x.length === 1 && typeof x[0] === 'string') ? items.flat().sort() : items;
  }
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, asLists(x, k)]));
  return typeof v === 'string' && !['Version', 'Sid', 'Effect', 'Id'].includes(key) ? [v] : v;
}

/**
 * terraform fmt's alignment: within a block, the `=` of consecutive attribute
 * lines (no blank line or nested block between them) are in one column.
 */
function misaligned(tf: string): string[] {
  const problems: string[] = [];
  let run: { line: string; column: number }[] = [];
  const flush = () => {
    if (new Set(run.map((r) => r.column)).size > 1) problems.push(run.map((r) => r.line).join('\n'));
    run = [];
  };
  for (const line of tf.split('\n')) {
    const m = /^(\s*)([a-z_]+) += /.exec(line);
    if (m && (run.length === 0 || run[0]!.line.match(/^\s*/)![0] === m[1])) run.push({ line, column: line.indexOf('=') });
    else {
      flush();
      if (m) run.push({ line, column: line.indexOf('=') });
    }
  }
  flush();
  return problems;
}

describe('Terraform output of every template, read back by HashiCorp HCL parser (@cdktf/hcl2json)', () => {
  it.each(allTemplates().map((t) => [t.id, t] as const))('%s: parses, aligns as terraform fmt does, and yields the same policy', async (_, t) => {
    const policy = renderTemplate(t);
    const tf = exportPolicy(policy, t.kind, 'terraform', t.id);
    expect(misaligned(tf)).toEqual([]);
    const read = await readTerraformFiles([{ file: `${t.id}.tf`, text: tf }]);
    expect(read.problems).toEqual([]);
    expect(read.policies).toHaveLength(1);
    const back = read.policies[0]!.parsed.document?.raw;
    expect(asLists(canonicalize(back))).toEqual(asLists(canonicalize(policy)));
  });

  it('finds a misaligned block (the check can fail)', () => {
    expect(misaligned('  statement {\n    sid    = "a"\n    actions = ["kms:Decrypt"]\n  }\n')).toHaveLength(1);
    expect(misaligned('  statement {\n    sid     = "a"\n    actions = ["kms:Decrypt"]\n    principals {\n      type = "*"\n    }\n  }\n')).toEqual([]);
  });
});

describe('CloudFormation output of every template, read back with yaml', () => {
  it.each(allTemplates().map((t) => [t.id, t] as const))('%s yields the same policy', (_, t) => {
    const policy = renderTemplate(t);
    const parsed = parseYaml(exportPolicy(policy, t.kind, 'cloudformation', t.id)) as Record<string, unknown>;
    expect(parsed[t.kind === 'key' ? 'KeyPolicy' : 'PolicyDocument']).toEqual(policy);
  });
});
